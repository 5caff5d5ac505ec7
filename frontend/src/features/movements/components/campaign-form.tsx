import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import type { CampaignSchemas } from '@/lib/api/services';
import { applyFieldErrors } from '@/lib/form-errors';
import type { CampaignCreate, CampaignUpdate } from '../api/mutate-campaign';
import { useUnits } from '@/lib/units';
import type { CampaignLevel } from '../api/keys';
import { LEVELS } from '../constants';
import { TITLE_MAX, TEXT_MAX, checkCode, checkContentNumbers, checkRange } from '../validation';
import { PICKER_FORMAT, fromApiDate, toApiDate } from '@/lib/picker-dates';

interface CampaignFormValues {
  code: string;
  title: string;
  level?: CampaignLevel;
  organizer_unit_code?: string;
  starts_on?: Dayjs;
  ends_on?: Dayjs;
  description?: string;
  contents?: { no?: number; title?: string; description?: string }[];
  objectives?: string[];
}

const FIELDS = ['code', 'title', 'level', 'organizer_unit_code', 'starts_on', 'ends_on', 'description', 'contents', 'objectives'];

export interface CampaignFormProps {
  /** The movement being edited; a new one when absent (code, level and organiser are fixed once created). */
  campaign?: CampaignSchemas['CampaignOut'];
  submitting?: boolean;
  onCreate?: (body: CampaignCreate) => Promise<unknown>;
  onUpdate?: (body: CampaignUpdate) => Promise<unknown>;
  onCancel: () => void;
}

/** The create/edit form of a movement, checking what the API checks. */
export function CampaignForm({ campaign, submitting, onCreate, onUpdate, onCancel }: CampaignFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CampaignFormValues>();
  const [error, setError] = useState<unknown>(null);
  const units = useUnits();
  const editing = !!campaign;

  // Every unit of the directory: campaign-api decides whether the user may organise for the one chosen
  // (a 403 says so under the form in its own words).
  const unitOptions = (units.data?.items ?? []).map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` }));

  const onFinish = async (values: CampaignFormValues) => {
    setError(null);
    const shared = {
      title: values.title.trim(),
      starts_on: toApiDate(values.starts_on) ?? '',
      ends_on: toApiDate(values.ends_on) ?? '',
      description: values.description?.trim() ?? '',
      contents: (values.contents ?? []).map((content) => ({
        no: content.no ?? 0,
        title: content.title?.trim() ?? '',
        description: content.description?.trim() ?? '',
      })),
      objectives: (values.objectives ?? []).map((objective) => objective.trim()).filter(Boolean),
    };
    try {
      if (campaign) await onUpdate?.(shared);
      else
        await onCreate?.({
          ...shared,
          code: values.code.trim(),
          level: values.level ?? 'province',
          organizer_unit_code: values.organizer_unit_code ?? '',
        });
    } catch (caught) {
      applyFieldErrors(form, caught, FIELDS);
      setError(caught);
    }
  };

  return (
    <Form<CampaignFormValues>
      form={form}
      layout="vertical"
      style={{ maxWidth: 760 }}
      initialValues={
        campaign
          ? {
              code: campaign.code,
              title: campaign.title,
              level: campaign.level,
              organizer_unit_code: campaign.organizer_unit_code,
              starts_on: fromApiDate(campaign.starts_on),
              ends_on: fromApiDate(campaign.ends_on),
              description: campaign.description,
              contents: campaign.contents,
              objectives: campaign.objectives,
            }
          : { contents: [], objectives: [] }
      }
      onFinish={(values) => void onFinish(values)}
      scrollToFirstError
    >
      <ProblemAlert error={error} className="form-problem" />
      <Form.Item
        name="code"
        label={t('movements.fields.code')}
        extra={t('movements.form.codeHint')}
        required
        rules={[{ validator: (_, value?: string) => { const problem = checkCode(value); return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve(); } }]}
      >
        <Input disabled={editing} maxLength={64} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('movements.fields.title')}
        rules={[{ required: true, whitespace: true, message: t('movements.validation.required') }, { max: TITLE_MAX, message: t('movements.validation.tooLong', { max: TITLE_MAX }) }]}
      >
        <Input />
      </Form.Item>
      <Flex gap="middle" wrap>
        <Form.Item name="level" label={t('movements.fields.level')} rules={[{ required: true, message: t('movements.validation.required') }]} style={{ minWidth: 200 }}>
          <Select disabled={editing} options={LEVELS.map((value) => ({ value, label: t(`movements.level.${value}`) }))} />
        </Form.Item>
        <Form.Item
          name="organizer_unit_code"
          label={t('movements.fields.organizer')}
          rules={[{ required: true, message: t('movements.validation.required') }]}
          style={{ minWidth: 320, flex: 1 }}
        >
          <Select disabled={editing} showSearch={{ optionFilterProp: 'label' }} loading={units.isLoading} options={unitOptions} />
        </Form.Item>
      </Flex>
      <Flex gap="middle" wrap>
        <Form.Item name="starts_on" label={t('movements.fields.startsOn')} rules={[{ required: true, message: t('movements.validation.required') }]}>
          <DatePicker format={PICKER_FORMAT} />
        </Form.Item>
        <Form.Item
          name="ends_on"
          label={t('movements.fields.endsOn')}
          dependencies={['starts_on']}
          rules={[
            { required: true, message: t('movements.validation.required') },
            ({ getFieldValue }) => ({
              validator: (_, value?: Dayjs) => {
                const problem = checkRange(toApiDate(getFieldValue('starts_on') as Dayjs | undefined), toApiDate(value));
                return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker format={PICKER_FORMAT} />
        </Form.Item>
      </Flex>
      <Form.Item name="description" label={t('movements.fields.description')} rules={[{ max: TEXT_MAX, message: t('movements.validation.tooLong', { max: TEXT_MAX }) }]}>
        <Input.TextArea rows={3} />
      </Form.Item>

      <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
        <legend style={{ fontSize: 16, fontWeight: 600 }}>{t('movements.fields.contents')}</legend>
        <Form.List
          name="contents"
          rules={[
            {
              validator: (_, contents?: { no?: number }[]) => {
                const problem = checkContentNumbers((contents ?? []).map((content) => content.no));
                return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item name={[field.name, 'no']} label={t('movements.fields.contentNo', { index: index + 1 })} rules={[{ required: true, message: t('movements.validation.required') }]}>
                    <InputNumber min={1} max={99} precision={0} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'title']}
                    label={t('movements.fields.contentTitle', { index: index + 1 })}
                    rules={[{ required: true, whitespace: true, message: t('movements.validation.required') }, { max: TITLE_MAX, message: t('movements.validation.tooLong', { max: TITLE_MAX }) }]}
                  >
                    <Input style={{ width: 420 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('movements.form.removeContent', { index: index + 1 })}
                    onClick={() => {
                      remove(field.name);
                    }}
                    style={{ marginTop: 30 }}
                  />
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  add({ no: fields.length + 1, title: '' });
                }}
              >
                {t('movements.form.addContent')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>

      <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
        <legend style={{ fontSize: 16, fontWeight: 600 }}>{t('movements.fields.objectives')}</legend>
        <Form.List name="objectives">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start">
                  <Form.Item
                    name={field.name}
                    label={t('movements.fields.objectiveNo', { index: index + 1 })}
                    rules={[{ required: true, whitespace: true, message: t('movements.validation.required') }, { max: TITLE_MAX, message: t('movements.validation.tooLong', { max: TITLE_MAX }) }]}
                  >
                    <Input style={{ width: 520 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('movements.form.removeObjective', { index: index + 1 })}
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
                  add('');
                }}
              >
                {t('movements.form.addObjective')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>

      <Flex gap="small">
        <Button type="primary" htmlType="submit" loading={submitting}>
          {editing ? t('movements.form.save') : t('movements.form.create')}
        </Button>
        <Button onClick={onCancel}>{t('movements.form.cancel')}</Button>
      </Flex>
    </Form>
  );
}
