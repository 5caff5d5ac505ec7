import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileAttachmentsField } from '@/components/files/file-attachments';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { fileIds } from '@/lib/files';
import type { AttachedFile } from '@/lib/files';
import { applyFieldErrors } from '@/lib/form-errors';
import type { PlanIn } from '../api/mutate-campaign';
import { TEXT_MAX } from '../validation';
import { PICKER_FORMAT, fromApiDate, toApiDate } from '@/lib/picker-dates';
import { keepEnterInField } from './enter-key';

interface PlanFormValues {
  document_no?: string;
  issued_on?: Dayjs;
  summary?: string;
  files?: AttachedFile[];
}

export interface PlanFormModalProps {
  /** The participant whose plan is filed (or changed); the modal is closed without it. */
  participant: { unit_code: string; unit_name: string; plan_document_no?: string | null; plan_issued_on?: string | null; plan_files?: AttachedFile[] } | null;
  onSubmit: (unitCode: string, body: PlanIn) => Promise<unknown>;
  onClose: () => void;
}

/**
 * A unit's implementation plan (kế hoạch triển khai): its number, date, summary and files (the whole set:
 * a file taken off is detached from the plan).
 */
export function PlanFormModal({ participant, onSubmit, onClose }: PlanFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PlanFormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: PlanFormValues) => {
    if (!participant) return;
    setError(null);
    setSaving(true);
    try {
      await onSubmit(participant.unit_code, planBody(values));
      onClose();
    } catch (caught) {
      applyFieldErrors(form, caught, ['document_no', 'issued_on', 'summary', 'file_ids']);
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={participant !== null}
      title={t('movements.plans.title', { unit: participant?.unit_name ?? '' })}
      okText={t('movements.form.save')}
      cancelText={t('movements.form.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'plan-form' }}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<PlanFormValues>
        id="plan-form"
        form={form}
        layout="vertical"
        initialValues={{ document_no: participant?.plan_document_no ?? undefined, issued_on: fromApiDate(participant?.plan_issued_on), files: participant?.plan_files ?? [] }}
        onKeyDown={keepEnterInField}
        onFinish={(values) => void submit(values)}
      >
        <ProblemAlert error={error} />
        <Form.Item
          name="document_no"
          label={t('movements.plans.documentNo')}
          extra={t('movements.plans.documentNoHint')}
          rules={[{ required: true, whitespace: true, message: t('movements.validation.required') }, { max: 100, message: t('movements.validation.tooLong', { max: 100 }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="issued_on" label={t('movements.plans.issuedOn')} rules={[{ required: true, message: t('movements.validation.required') }]}>
          <DatePicker format={PICKER_FORMAT} disabledDate={(day) => day.isAfter(new Date(), 'day')} />
        </Form.Item>
        <Form.Item name="summary" label={t('movements.plans.summary')} rules={[{ max: TEXT_MAX, message: t('movements.validation.tooLong', { max: TEXT_MAX }) }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="files" label={t('movements.plans.files')}>
          <FileAttachmentsField />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function planBody(values: PlanFormValues): PlanIn {
  return {
    document_no: values.document_no?.trim() ?? '',
    issued_on: toApiDate(values.issued_on) ?? '',
    summary: values.summary?.trim() ?? '',
    file_ids: fileIds(values.files),
  };
}
