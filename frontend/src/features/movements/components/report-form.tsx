import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileAttachmentsField } from '@/components/files/file-attachments';
import { ProblemAlert } from '@/components/ui/problem-alert';
import type { CampaignSchemas } from '@/lib/api/services';
import { fileIds } from '@/lib/files';
import type { AttachedFile } from '@/lib/files';
import { applyFieldErrors } from '@/lib/form-errors';
import type { ReportIn } from '../api/mutate-campaign';
import { TEXT_MAX, TITLE_MAX, checkDecimal, checkInside, checkUrl } from '../validation';
import { PICKER_FORMAT, fromApiDate, toApiDate } from '@/lib/picker-dates';
import { keepEnterInField } from './enter-key';
import { verdict } from './rule';

interface ReportFormValues {
  unit_code?: string;
  period_end?: Dayjs;
  values?: Record<string, number | null | undefined>;
  narrative?: string;
  evidence?: { title?: string; url?: string }[];
  files?: AttachedFile[];
}

export interface ReportFormProps {
  formId: string;
  campaign: Pick<CampaignSchemas['CampaignOut'], 'starts_on' | 'ends_on'>;
  targets: readonly Pick<CampaignSchemas['TargetOut'], 'code' | 'title' | 'measure'>[];
  /** The participating units the user may report for. */
  units: readonly { code: string; name: string }[];
  /** A returned report being corrected and submitted again: its unit is fixed, its fields filled in. */
  report?: CampaignSchemas['ReportOut'];
  onSubmit: (body: ReportIn) => Promise<unknown>;
  onDone: () => void;
}


/** A unit's periodic report: a value per target, a narrative, and evidence as links and files. */
export function ReportForm({ formId, campaign, targets, units, report, onSubmit, onDone }: ReportFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportFormValues>();
  const [error, setError] = useState<unknown>(null);
  const [noValues, setNoValues] = useState(false);

  const submit = async (values: ReportFormValues) => {
    setError(null);
    const reported = Object.fromEntries(
      Object.entries(values.values ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
    );
    // A report gives at least one target a value (when the movement has targets): never an empty one.
    setNoValues(targets.length > 0 && Object.keys(reported).length === 0);
    if (targets.length > 0 && Object.keys(reported).length === 0) return;
    try {
      await onSubmit({
        unit_code: values.unit_code ?? '',
        period_end: toApiDate(values.period_end) ?? '',
        values: reported,
        narrative: values.narrative?.trim() ?? '',
        evidence: (values.evidence ?? []).map((item) => ({ title: item.title?.trim() ?? '', url: item.url?.trim() ?? '' })),
        file_ids: fileIds(values.files),
      });
      form.resetFields();
      onDone();
    } catch (caught) {
      applyFieldErrors(form, caught, ['unit_code', 'period_end', 'values', 'narrative', 'evidence', 'file_ids']);
      setError(caught);
    }
  };

  return (
    <Form<ReportFormValues>
      id={formId}
      form={form}
      layout="vertical"
      initialValues={
        report
          ? {
              unit_code: report.unit_code,
              period_end: fromApiDate(report.period_end),
              values: Object.fromEntries(Object.entries(report.values).map(([code, value]) => [code, Number(value)])),
              narrative: report.narrative,
              evidence: report.evidence.map((item) => ({ title: item.title, url: item.url })),
              files: report.files ?? [],
            }
          : { unit_code: units.length === 1 ? units[0]?.code : undefined, evidence: [], files: [] }
      }
      onKeyDown={keepEnterInField}
      onFinish={(values) => void submit(values)}
    >
      <ProblemAlert error={error} />
      {noValues && <Alert type="error" showIcon role="alert" title={t('movements.reports.noValues')} />}
      {report?.review_note && <Alert type="warning" showIcon title={t('movements.reports.noteShown', { note: report.review_note })} />}
      <Form.Item name="unit_code" label={t('movements.reports.unit')} rules={[{ required: true, message: t('movements.validation.required') }]}>
        <Select
          disabled={report !== undefined}
          showSearch={{ optionFilterProp: 'label' }}
          options={(report ? [{ code: report.unit_code, name: units.find((unit) => unit.code === report.unit_code)?.name ?? report.unit_code }] : units).map((unit) => ({ value: unit.code, label: unit.name }))}
        />
      </Form.Item>
      <Form.Item
        name="period_end"
        label={t('movements.reports.periodEnd')}
        rules={[
          { required: true, message: t('movements.validation.required') },
          { validator: (_, value?: Dayjs) => verdict(t, checkInside(toApiDate(value), toApiDate(value), campaign.starts_on, campaign.ends_on)) },
        ]}
      >
        <DatePicker format={PICKER_FORMAT} />
      </Form.Item>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 16, fontWeight: 600 }}>{t('movements.reports.values')}</legend>
        {targets.length === 0 && <p>{t('movements.targets.none')}</p>}
        {targets.map((target) => (
          <Form.Item
            key={target.code}
            name={['values', target.code]}
            label={`${target.title} (${t(`movements.measure.${target.measure}`)})`}
            rules={[
              {
                validator: (_, value?: number | null) =>
                  verdict(t, checkDecimal(value) ?? (target.measure === 'percent' && typeof value === 'number' && (value < 0 || value > 100) ? 'movements.validation.percentRange' : undefined)),
              },
            ]}
          >
            <InputNumber style={{ width: 200 }} />
          </Form.Item>
        ))}
      </fieldset>
      <Form.Item name="narrative" label={t('movements.reports.narrative')} rules={[{ max: TEXT_MAX, message: t('movements.validation.tooLong', { max: TEXT_MAX }) }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 16, fontWeight: 600 }}>{t('movements.reports.evidence')}</legend>
        <Form.List name="evidence">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'title']}
                    label={t('movements.reports.evidenceTitle', { index: index + 1 })}
                    rules={[{ required: true, whitespace: true, message: t('movements.validation.required') }, { max: TITLE_MAX, message: t('movements.validation.tooLong', { max: TITLE_MAX }) }]}
                  >
                    <Input style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'url']} label={t('movements.reports.evidenceUrl', { index: index + 1 })} rules={[{ validator: (_, value?: string) => verdict(t, checkUrl(value)) }]}>
                    <Input type="url" style={{ width: 280 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('movements.reports.removeEvidence', { index: index + 1 })}
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
                  add({});
                }}
              >
                {t('movements.reports.addEvidence')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>
      <Form.Item name="files" label={t('movements.reports.files')} style={{ marginTop: 16 }}>
        <FileAttachmentsField max={50} />
      </Form.Item>
    </Form>
  );
}

export function ReportFormModal({ open, onClose, ...props }: Omit<ReportFormProps, 'formId' | 'onDone'> & { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={props.report ? t('movements.reports.resubmitTitle') : t('movements.reports.file')}
      okText={props.report ? t('movements.reports.resubmit') : t('movements.reports.submit')}
      cancelText={t('movements.form.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'report-form' }}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <ReportForm formId="report-form" onDone={onClose} {...props} />
    </Modal>
  );
}
