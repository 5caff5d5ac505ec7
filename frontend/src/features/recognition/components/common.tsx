import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReasonModal as SharedReasonModal } from '@/components/ui/reason-modal';
import { useMovementChoices } from '../api/recognition';
import type { DossierStatus, RegistrationStatus } from '../api/recognition';

const DOSSIER_COLOURS: Record<DossierStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  received: 'cyan',
  in_review: 'gold',
  council: 'purple',
  approved: 'success',
  returned: 'warning',
  ineligible: 'error',
};

export function DossierStatusTag({ status }: { status: DossierStatus }) {
  const { t } = useTranslation();
  return <Tag color={DOSSIER_COLOURS[status]}>{t(`recognition.dossierStatus.${status}`)}</Tag>;
}

const REGISTRATION_COLOURS: Record<RegistrationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
};

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return <Tag color={REGISTRATION_COLOURS[status]}>{t(`recognition.registrationStatus.${status}`)}</Tag>;
}

/** A movement to work in (every movement the user reads, by title). */
export function CampaignPicker({ value, onChange, allowClear = false }: { value: string | undefined; onChange: (id: string | undefined) => void; allowClear?: boolean }) {
  const { t } = useTranslation();
  const campaigns = useMovementChoices();
  return (
    <Select
      aria-label={t('recognition.campaign')}
      placeholder={t('recognition.chooseCampaign')}
      value={value}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%', maxWidth: 480 }}
      options={(campaigns.data?.items ?? []).map((campaign) => ({ value: campaign.id, label: campaign.title }))}
      onChange={(id: string | undefined) => {
        onChange(id);
      }}
    />
  );
}

/** Asks why a registration or a dossier is sent back, or a decision revoked. */
export function ReasonModal({ title, okText, onSubmit, onClose }: { title: string | undefined; okText: string; onSubmit: (reason: string) => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <SharedReasonModal
      title={title}
      okText={okText}
      cancelText={t('recognition.cancel')}
      label={t('recognition.reason')}
      requiredMessage={t('recognition.reasonRequired')}
      max={4000}
      tooLongMessage={t('recognition.tooLong', { max: 4000 })}
      onSubmit={onSubmit}
      onClose={onClose}
    />
  );
}
