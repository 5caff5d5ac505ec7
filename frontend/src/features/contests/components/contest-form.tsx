import { Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useSubmit } from '@/lib/use-submit';
import { useCampaignParticipants, useContestSettings } from '../api/contest-admin';
import type { ContestCreate, ContestOut } from '../api/contest-admin';
import { toContestBody, toContestUpdate } from '../contest-settings';
import type { ContestValues } from '../contest-settings';

const AUDIENCES: ContestCreate['audience'][] = ['all', 'citizens', 'officials'];

const FIELDS = ['title', 'rules', 'audience', 'unit_codes', 'questions_per_attempt', 'attempts_per_round', 'prediction_question'];

interface ContestFormModalProps {
  campaignId: string;
  /** The contest whose settings are edited; null to create one. */
  contest: ContestOut | null;
  onClose: () => void;
  /** Called with the new contest's id once it is created (the dashboard then shows it). */
  onCreated?: (contestId: string) => void;
}

/** Creates a contest in a movement, or edits its settings (`contest` given), for those who run the movement. */
export function ContestFormModal({ campaignId, contest, onClose, onCreated }: ContestFormModalProps) {
  const { t } = useTranslation();
  const participants = useCampaignParticipants(campaignId);
  const { create, update } = useContestSettings(campaignId);
  const { form, error, saving, submit } = useSubmit<ContestValues>(
    FIELDS,
    async (values) => {
      if (contest) {
        const body = toContestUpdate(values, contest);
        if (Object.keys(body).length > 0) await update.mutateAsync({ id: contest.id, body });
        return;
      }
      const created = await create.mutateAsync(toContestBody(values));
      onCreated?.(created.id);
    },
    onClose,
  );
  const initial: Partial<ContestValues> = contest
    ? {
        title: contest.title,
        rules: contest.rules,
        audience: contest.audience,
        unit_codes: contest.unit_codes,
        questions_per_attempt: contest.questions_per_attempt,
        minutes: contest.time_limit_seconds / 60,
        attempts_per_round: contest.attempts_per_round,
        prediction_question: contest.prediction_question ?? '',
      }
    : { audience: 'all', questions_per_attempt: 15, minutes: 15, attempts_per_round: 1 };
  return (
    <Modal
      open
      title={contest ? t('contests.settings.editTitle', { title: contest.title }) : t('contests.settings.new')}
      okText={t('contests.bank.save')}
      cancelText={t('contests.bank.cancel')}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: 'contest-form' }}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form<ContestValues> id="contest-form" form={form} layout="vertical" initialValues={initial} onFinish={(values) => void submit(values)}>
        <ProblemAlert error={error} />
        <Form.Item name="title" label={t('contests.settings.title')} rules={[{ required: true, whitespace: true, message: t('contests.settings.required') }, { max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="rules" label={t('contests.settings.rules')} rules={[{ max: 10000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="audience" label={t('contests.settings.audience')} rules={[{ required: true }]}>
          <Select options={AUDIENCES.map((value) => ({ value, label: t(`contests.settings.audiences.${value}`) }))} />
        </Form.Item>
        <Form.Item name="unit_codes" label={t('contests.settings.units')} extra={t('contests.settings.unitsHint')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(participants.data?.items ?? []).map((unit) => ({ value: unit.unit_code, label: unit.unit_name }))}
          />
        </Form.Item>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
          <Form.Item name="questions_per_attempt" label={t('contests.settings.questions')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
            <InputNumber min={1} max={200} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="minutes" label={t('contests.settings.minutes')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
            <InputNumber min={1} max={600} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="attempts_per_round" label={t('contests.settings.attempts')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
            <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="prediction_question" label={t('contests.settings.prediction')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('contests.settings.predictionPlaceholder')} />
        </Form.Item>
        <Typography.Text type="secondary">{t('contests.settings.after')}</Typography.Text>
      </Form>
    </Modal>
  );
}
