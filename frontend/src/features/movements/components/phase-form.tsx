import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import type { CampaignSchemas } from '@/lib/api/services';
import { applyFieldErrors } from '@/lib/form-errors';
import type { PhaseCreate } from '../api/mutate-campaign';
import { MILESTONE_KINDS } from '../constants';
import { TITLE_MAX, checkInside, checkMilestone, checkRange } from '../validation';
import { PICKER_FORMAT, fromApiDate, toApiDate } from '@/lib/picker-dates';
import { verdict } from './rule';

type MilestoneKind = (typeof MILESTONE_KINDS)[number];

interface PhaseFormValues {
  name: string;
  starts_on?: Dayjs;
  ends_on?: Dayjs;
  milestones?: { title?: string; kind?: MilestoneKind; due_on?: Dayjs }[];
}

export interface PhaseFormModalProps {
  open: boolean;
  campaign: Pick<CampaignSchemas['CampaignOut'], 'starts_on' | 'ends_on'>;
  /** The phase being corrected (its fields filled in); a new phase without it. */
  phase?: CampaignSchemas['PhaseOut'];
  onSubmit: (body: PhaseCreate) => Promise<unknown>;
  onClose: () => void;
}

/** Adds (or corrects) a phase with its milestones; the phase lies inside the movement and each milestone inside the phase. */
export function PhaseFormModal({ open, campaign, phase, onSubmit, onClose }: PhaseFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PhaseFormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: PhaseFormValues) => {
    setError(null);
    setSaving(true);
    try {
      await onSubmit({
        name: values.name.trim(),
        starts_on: toApiDate(values.starts_on) ?? '',
        ends_on: toApiDate(values.ends_on) ?? '',
        milestones: (values.milestones ?? []).map((milestone) => ({
          title: milestone.title?.trim() ?? '',
          kind: milestone.kind ?? 'other',
          due_on: toApiDate(milestone.due_on) ?? '',
        })),
      });
      form.resetFields();
      onClose();
    } catch (caught) {
      applyFieldErrors(form, caught, ['name', 'starts_on', 'ends_on', 'milestones']);
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  const phaseDate = (name: 'starts_on' | 'ends_on') => toApiDate(form.getFieldValue(name) as Dayjs | undefined);

  return (
    <Modal
      open={open}
      title={phase ? t('movements.phases.editTitle', { name: phase.name }) : t('movements.phases.add')}
      okText={t('movements.form.save')}
      cancelText={t('movements.form.cancel')}
      confirmLoading={saving}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <Form<PhaseFormValues> form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={initialPhase(phase)}>
        <ProblemAlert error={error} />
        <Form.Item
          name="name"
          label={t('movements.phases.name')}
          rules={[{ required: true, whitespace: true, message: t('movements.validation.required') }, { max: TITLE_MAX, message: t('movements.validation.tooLong', { max: TITLE_MAX }) }]}
        >
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="starts_on"
            label={t('movements.fields.startsOn')}
            rules={[
              { required: true, message: t('movements.validation.required') },
              { validator: (_, value?: Dayjs) => verdict(t, checkInside(toApiDate(value), undefined, campaign.starts_on, campaign.ends_on)) },
            ]}
          >
            <DatePicker format={PICKER_FORMAT} />
          </Form.Item>
          <Form.Item
            name="ends_on"
            label={t('movements.fields.endsOn')}
            dependencies={['starts_on']}
            rules={[
              { required: true, message: t('movements.validation.required') },
              {
                validator: (_, value?: Dayjs) =>
                  verdict(t, checkRange(phaseDate('starts_on'), toApiDate(value)) ?? checkInside(undefined, toApiDate(value), campaign.starts_on, campaign.ends_on)),
              },
            ]}
          >
            <DatePicker format={PICKER_FORMAT} />
          </Form.Item>
        </Space>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 16, fontWeight: 600 }}>{t('movements.phases.milestones')}</legend>
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="start" wrap>
                    <Form.Item
                      name={[field.name, 'title']}
                      label={t('movements.phases.milestoneTitle', { index: index + 1 })}
                      rules={[{ required: true, whitespace: true, message: t('movements.validation.required') }, { max: TITLE_MAX, message: t('movements.validation.tooLong', { max: TITLE_MAX }) }]}
                    >
                      <Input style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']} label={t('movements.phases.milestoneKind', { index: index + 1 })} rules={[{ required: true, message: t('movements.validation.required') }]}>
                      <Select style={{ width: 180 }} options={MILESTONE_KINDS.map((value) => ({ value, label: t(`movements.milestoneKind.${value}`) }))} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'due_on']}
                      label={t('movements.phases.milestoneDue', { index: index + 1 })}
                      dependencies={['starts_on', 'ends_on']}
                      rules={[
                        { required: true, message: t('movements.validation.required') },
                        { validator: (_, value?: Dayjs) => verdict(t, checkMilestone(toApiDate(value), phaseDate('starts_on'), phaseDate('ends_on'))) },
                      ]}
                    >
                      <DatePicker format={PICKER_FORMAT} />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('movements.phases.removeMilestone', { index: index + 1 })}
                      onClick={() => {
                        remove(field.name);
                      }}
                      style={{ marginTop: 30 }}
                    />
                  </Space>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => {
                    add({ kind: 'plan_due' });
                  }}
                >
                  {t('movements.phases.addMilestone')}
                </Button>
              </>
            )}
          </Form.List>
        </fieldset>
      </Form>
    </Modal>
  );
}

function initialPhase(phase: CampaignSchemas['PhaseOut'] | undefined): Partial<PhaseFormValues> {
  if (!phase) return { milestones: [] };
  return {
    name: phase.name,
    starts_on: fromApiDate(phase.starts_on),
    ends_on: fromApiDate(phase.ends_on),
    milestones: phase.milestones.map((milestone) => ({ title: milestone.title, kind: milestone.kind, due_on: fromApiDate(milestone.due_on) })),
  };
}
