import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from './problem-alert';

export interface ReasonModalProps {
  /** The dialog's title; the dialog is closed when undefined. */
  title: string | undefined;
  okText: string;
  /** The text field's label, and what it says when left empty. */
  label: string;
  requiredMessage: string;
  /** The longest reason accepted, and what it says past it. */
  max: number;
  tooLongMessage: string;
  cancelText: string;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/** Asks why something is sent back or revoked (the API requires a reason), and shows the service's refusal in place. */
export function ReasonModal({ title, okText, label, requiredMessage, max, tooLongMessage, cancelText, onSubmit, onClose }: ReasonModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  return (
    <Modal
      open={title !== undefined}
      title={title}
      okText={okText}
      cancelText={cancelText}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: 'reason-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        id="reason-form"
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setError(null);
          setSaving(true);
          onSubmit(values.reason.trim())
            .then(onClose)
            .catch(setError)
            .finally(() => {
              setSaving(false);
            });
        }}
      >
        <ProblemAlert error={error} />
        <Form.Item
          name="reason"
          label={label}
          rules={[
            { required: true, whitespace: true, message: requiredMessage },
            { max, message: tooLongMessage },
          ]}
        >
          <Input.TextArea rows={4} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
