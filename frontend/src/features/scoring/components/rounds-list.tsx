import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { paths } from '@/config/paths';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useCriteriaSets } from '../api/get-criteria-sets';
import { useCreateRound, useRounds } from '../api/get-rounds';
import type { Round } from '../api/get-rounds';

interface RoundFormValues {
  name: string;
  criteria_set_id: string;
  period: [Dayjs, Dayjs];
  top_band_percent?: number | null;
}

/** The scoring rounds; whoever the list allows to "create" opens a new one on a published criteria set. */
export function RoundsList() {
  const { t } = useTranslation();
  const format = useFormatters();
  const rounds = useRounds();
  const sets = useCriteriaSets();
  const [open, setOpen] = useState(false);
  const create = useCreateRound();
  const [form] = Form.useForm<RoundFormValues>();
  const setName = (id: string) => sets.data?.items.find((set) => set.id === id)?.name ?? id;

  const submit = (values: RoundFormValues) => {
    create.mutate(
      {
        name: values.name,
        criteria_set_id: values.criteria_set_id,
        period_start: values.period[0].format('YYYY-MM-DD'),
        period_end: values.period[1].format('YYYY-MM-DD'),
        top_band_max_share: values.top_band_percent ? values.top_band_percent / 100 : null,
      },
      {
        onSuccess: () => {
          setOpen(false);
          form.resetFields();
        },
      },
    );
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {can(rounds.data, 'create') && (
        <Button icon={<PlusOutlined />} type="primary" onClick={() => { setOpen(true); }}>
          {t('scoring.rounds.create')}
        </Button>
      )}
      <ProblemAlert error={rounds.error} />
      <Table<Round>
        rowKey="id"
        loading={rounds.isPending}
        dataSource={rounds.data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('scoring.rounds.name'),
            dataIndex: 'name',
            render: (name: string, round) => <Link to={`${paths.scoringRounds}/${round.id}`}>{name}</Link>,
          },
          { title: t('scoring.rounds.criteriaSet'), dataIndex: 'criteria_set_id', render: setName },
          {
            title: t('scoring.rounds.period'),
            key: 'period',
            render: (_, round) => `${format.date(round.period_start)} – ${format.date(round.period_end)}`,
          },
          {
            title: t('scoring.rounds.topBandShare'),
            dataIndex: 'top_band_max_share',
            render: (share: string | null) => (share ? format.percent(share) : '—'),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('scoring.rounds.create')}
        okText={t('scoring.actions.create')}
        cancelText={t('scoring.actions.cancel')}
        confirmLoading={create.isPending}
        onOk={() => {
          form.submit();
        }}
        onCancel={() => {
          setOpen(false);
        }}
        destroyOnHidden
      >
        <ProblemAlert error={create.error} />
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item name="name" label={t('scoring.rounds.name')} rules={[{ required: true, whitespace: true, max: 500, message: t('scoring.validation.roundName') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="criteria_set_id" label={t('scoring.rounds.criteriaSet')} rules={[{ required: true, message: t('scoring.validation.roundSet') }]}>
            <Select
              options={(sets.data?.items ?? [])
                .filter((set) => set.status === 'published')
                .map((set) => ({ value: set.id, label: `${set.name} (v${String(set.version)})` }))}
            />
          </Form.Item>
          <Form.Item name="period" label={t('scoring.rounds.period')} rules={[{ required: true, message: t('scoring.validation.roundPeriod') }]}>
            <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="top_band_percent" label={t('scoring.rounds.topBandPercent')} extra={t('scoring.rounds.topBandHelp')}>
            <InputNumber min={1} max={100} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
