import { useTranslation } from 'react-i18next';
import { ReasonModal } from '@/components/ui/reason-modal';
import { TEXT_MAX } from '../validation';

export interface ReturnReportModalProps {
  /** The unit whose report goes back, for the title; the modal is closed when undefined. */
  unitName?: string;
  onSubmit: (note: string) => Promise<unknown>;
  onClose: () => void;
}

/** Returns a report to its unit with a note saying what to fix (the API requires one). */
export function ReturnReportModal({ unitName, onSubmit, onClose }: ReturnReportModalProps) {
  const { t } = useTranslation();
  return (
    <ReasonModal
      title={unitName === undefined ? undefined : t('movements.reports.returnTitle', { unit: unitName })}
      okText={t('movements.reports.return')}
      cancelText={t('movements.form.cancel')}
      label={t('movements.reports.reviewNote')}
      requiredMessage={t('movements.reports.reviewNoteRequired')}
      max={TEXT_MAX}
      tooLongMessage={t('movements.validation.tooLong', { max: TEXT_MAX })}
      onSubmit={onSubmit}
      onClose={onClose}
    />
  );
}
