import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { applyFieldErrors } from '@/lib/form-errors';
import type { RoundCreate, RoundOut } from '../api/contest-admin';

interface RoundFormValues {
  no: number;
  title: string;
  period: [Dayjs, Dayjs];
}

/** A moment as the API takes it: ISO 8601 with the offset, to the second. */
const toInstant = (value: Dayjs) => value.second(0).millisecond(0).format('YYYY-MM-DDTHH:mm:ssZ');

/** Adds a round, or moves one that has not closed (rounds of a contest never overlap: the service says which one). */
export function RoundFormModal({
  round,
  nextNo,
  onSave,
  onClose,
}: {
  round: RoundOut | null;
  nextNo: number;
  onSave: (body: RoundCreate) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RoundFormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const initial: Partial<RoundFormValues> = round
    ? { no: round.no, title: round.title, period: [dayjs(round.opens_at), dayjs(round.closes_at)] }
    : { no: nextNo, title: t('contests.rounds.defaultTitle', { no: nextNo }) };
  const submit = async (values: RoundFormValues) => {
    setError(null);
    setSaving(true);
    try {
      await onSave({
        no: values.no,
        title: values.title.trim(),
        opens_at: toInstant(values.period[0]),
        closes_at: toInstant(values.period[1]),
      });
      onClose();
    } catch (caught) {
      applyFieldErrors(form, caught, ['no', 'title']);
      setError(caught);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={round ? t('contests.rounds.edit', { title: round.title }) : t('contests.rounds.add')}
      okText={t('contests.bank.save')}
      cancelText={t('contests.bank.cancel')}
      confirmLoading={saving}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form<RoundFormValues> form={form} layout="vertical" initialValues={initial} onFinish={(values) => void submit(values)}>
        <Form.Item name="no" label={t('contests.rounds.no')} rules={[{ required: true }]}>
          <InputNumber min={1} max={1000} precision={0} disabled={round !== null} />
        </Form.Item>
        <Form.Item name="title" label={t('contests.rounds.title')} rules={[{ required: true, max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="period" label={t('contests.rounds.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
