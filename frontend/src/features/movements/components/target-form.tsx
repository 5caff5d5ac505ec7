import { DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { applyFieldErrors } from '@/lib/form-errors';
import type { TargetCreate } from '../api/mutate-campaign';
import { DIRECTIONS, MEASURES } from '../constants';
import { TITLE_MAX, checkCode, checkDecimal, checkTarget } from '../validation';
import type { TargetNumbers } from '../validation';
import type { CampaignSchemas } from '@/lib/api/services';
import { PICKER_FORMAT, fromApiDate, toApiDate } from '@/lib/picker-dates';
import { verdict } from './rule';


interface TargetFormValues extends TargetNumbers {
  code: string;
  title: string;
  due_on?: Dayjs;
}

export interface TargetFormProps {
  onSubmit: (body: TargetCreate) => Promise<unknown>;
  onDone: () => void;
  /** The target being corrected: its fields filled in, its code fixed (reports key their values by it). */
  target?: CampaignSchemas['TargetOut'];
}

/** The fields of a target; exported apart from its modal so tests can drive it directly. */
export function TargetForm({ onSubmit, onDone, formId, target }: TargetFormProps & { formId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TargetFormValues>();
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: TargetFormValues) => {
    setError(null);
    try {
      await onSubmit({
        code: values.code.trim(),
        title: values.title.trim(),
        measure: values.measure ?? 'percent',
        direction: values.direction ?? 'increase',
        baseline: values.baseline ?? 0,
        target: values.target ?? 0,
        due_on: toApiDate(values.due_on) ?? null,
      });
      form.resetFields();
      onDone();
    } catch (caught) {
      applyFieldErrors(form, caught, ['code', 'title', 'measure', 'direction', 'baseline', 'target', 'due_on']);
      setError(caught);
    }
  };

  const numbers = (): TargetNumbers => form.getFieldsValue(['measure', 'direction', 'baseline', 'target']) as TargetNumbers;

  return (
    <Form<TargetFormValues>
      id={formId}
      form={form}
      layout="vertical"
      initialValues={
        target
          ? { code: target.code, title: target.title, measure: target.measure, direction: target.direction, baseline: Number(target.baseline), target: Number(target.target), due_on: fromApiDate(target.due_on) }
          : { measure: 'percent', direction: 'increase' }
      }
      onFinish={(values) => void submit(values)}
    >
      <ProblemAlert error={error} />
      <Form.Item name="code" label={t('movements.targets.code')} extra={t('movements.form.codeHint')} required rules={[{ validator: (_, value?: string) => verdict(t, checkCode(value)) }]}>
        <Input maxLength={64} disabled={target !== undefined} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('movements.targets.title')}
        rules={[{ required: true, whitespace: true, message: t('movements.validation.required') }, { max: TITLE_MAX, message: t('movements.validation.tooLong', { max: TITLE_MAX }) }]}
      >
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="measure" label={t('movements.targets.measure')} rules={[{ required: true, message: t('movements.validation.required') }]}>
          <Select style={{ width: 180 }} options={MEASURES.map((value) => ({ value, label: t(`movements.measure.${value}`) }))} />
        </Form.Item>
        <Form.Item name="direction" label={t('movements.targets.direction')} rules={[{ required: true, message: t('movements.validation.required') }]}>
          <Select style={{ width: 180 }} options={DIRECTIONS.map((value) => ({ value, label: t(`movements.direction.${value}`) }))} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item
          name="baseline"
          label={t('movements.targets.baseline')}
          rules={[{ required: true, message: t('movements.validation.required') }, { validator: (_, value?: number) => verdict(t, checkDecimal(value)) }]}
        >
          <InputNumber style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="target"
          label={t('movements.targets.target')}
          dependencies={['baseline', 'measure', 'direction']}
          rules={[
            { required: true, message: t('movements.validation.required') },
            { validator: (_, value?: number) => verdict(t, checkDecimal(value) ?? checkTarget({ ...numbers(), target: value })) },
          ]}
        >
          <InputNumber style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="due_on" label={t('movements.targets.dueOn')}>
          <DatePicker format={PICKER_FORMAT} />
        </Form.Item>
      </Space>
    </Form>
  );
}

export function TargetFormModal({ open, onSubmit, onClose, target }: { open: boolean; onSubmit: TargetFormProps['onSubmit']; onClose: () => void; target?: TargetFormProps['target'] }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={target ? t('movements.targets.editTitle', { title: target.title }) : t('movements.targets.add')}
      okText={t('movements.form.save')}
      cancelText={t('movements.form.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'target-form' }}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <TargetForm formId="target-form" onSubmit={onSubmit} onDone={onClose} target={target} />
    </Modal>
  );
}
