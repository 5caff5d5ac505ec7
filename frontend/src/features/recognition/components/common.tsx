import { Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
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

export interface ReasonModalProps {
  /** The dialog's title; closed when undefined. */
  title: string | undefined;
  okText: string;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/** Asks why something is sent back or revoked (the API requires a reason). */
export function ReasonModal({ title, okText, onSubmit, onClose }: ReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  return (
    <Modal
      open={title !== undefined}
      title={title}
      okText={okText}
      cancelText={t('recognition.cancel')}
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
          label={t('recognition.reason')}
          rules={[
            { required: true, whitespace: true, message: t('recognition.reasonRequired') },
            { max: 4000, message: t('recognition.tooLong', { max: 4000 }) },
          ]}
        >
          <Input.TextArea rows={4} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
