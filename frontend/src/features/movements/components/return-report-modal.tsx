import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
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
  const [form] = Form.useForm<{ review_note: string }>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  return (
    <Modal
      open={unitName !== undefined}
      title={t('movements.reports.returnTitle', { unit: unitName ?? '' })}
      okText={t('movements.reports.return')}
      cancelText={t('movements.form.cancel')}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: 'return-report-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        id="return-report-form"
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setError(null);
          setSaving(true);
          onSubmit(values.review_note.trim())
            .then(onClose)
            .catch(setError)
            .finally(() => {
              setSaving(false);
            });
        }}
      >
        <ProblemAlert error={error} />
        <Form.Item
          name="review_note"
          label={t('movements.reports.reviewNote')}
          rules={[
            { required: true, whitespace: true, message: t('movements.reports.reviewNoteRequired') },
            { max: TEXT_MAX, message: t('movements.validation.tooLong', { max: TEXT_MAX }) },
          ]}
        >
          <Input.TextArea rows={4} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
