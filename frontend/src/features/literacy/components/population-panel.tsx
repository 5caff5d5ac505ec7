import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import type { LiteracySchemas } from '@/lib/api/services';
import { useFormatters } from '@/lib/format';
import { usePopulation, useSetPopulation } from '../api/mutate-catalog';
import type { PopulationFigure } from '../api/mutate-catalog';

interface Values {
  items: { commune_code?: string; adults?: number | null; reference_year?: number | null }[];
}

/**
 * The adult population of communes: what "Độ phủ" divides by. Everyone who reads coverage sees the figures;
 * the form to set them shows when the list allows `edit`.
 */
export function PopulationPanel() {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const { message } = App.useApp();
  const population = usePopulation();
  const save = useSetPopulation();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState(false);

  const submit = (values: Values) => {
    const items: PopulationFigure[] = values.items.map((item) => ({
      // The API lists every commune code in its schema and refuses an unknown one by field (422).
      commune_code: (item.commune_code?.trim() ?? '') as LiteracySchemas['CommuneCode'],
      adults: item.adults ?? 0,
      reference_year: item.reference_year ?? null,
    }));
    save.mutate(items, {
      onSuccess: () => {
        void message.success(t('literacy.population.saved', { count: items.length }));
        form.resetFields();
        setEditing(false);
      },
    });
  };

  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('literacy.population.heading')}</Typography.Title>}
      extra={can(population.data, 'edit') && !editing ? <Button onClick={() => { setEditing(true); }}>{t('literacy.population.edit')}</Button> : undefined}
    >
      <ProblemAlert error={population.error} />
      {editing && (
        <Form<Values> form={form} layout="vertical" initialValues={{ items: [{}] }} onFinish={submit} style={{ marginBottom: 16 }}>
          <ProblemAlert error={save.error} />
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} wrap align="start">
                    <Form.Item name={[field.name, 'commune_code']} label={t('literacy.population.commune', { index: index + 1 })} rules={[{ required: true, pattern: /^[0-9]{5}$/, message: t('literacy.catalog.communeHint') }]}>
                      <Input inputMode="numeric" maxLength={5} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'adults']} label={t('literacy.population.adults', { index: index + 1 })} rules={[{ required: true, message: t('literacy.catalog.required') }]}>
                      <InputNumber min={1} max={5_000_000} precision={0} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'reference_year']} label={t('literacy.population.year', { index: index + 1 })}>
                      <InputNumber min={2000} max={new Date().getFullYear()} precision={0} style={{ width: 110 }} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('literacy.population.remove', { index: index + 1 })} onClick={() => { remove(field.name); }} style={{ marginTop: 30 }} />
                    )}
                  </Space>
                ))}
                <Space wrap>
                  <Button icon={<PlusOutlined />} onClick={() => { add({}); }}>{t('literacy.population.addRow')}</Button>
                  <Button type="primary" htmlType="submit" loading={save.isPending}>{t('literacy.catalog.save')}</Button>
                  <Button onClick={() => { setEditing(false); }}>{t('literacy.catalog.cancel')}</Button>
                </Space>
              </>
            )}
          </Form.List>
        </Form>
      )}
      <Table
        rowKey="commune_code"
        size="small"
        dataSource={population.data?.items ?? []}
        loading={population.isPending}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('literacy.population.none') }}
        columns={[
          { key: 'commune', title: t('literacy.population.communeColumn'), dataIndex: 'commune_code' },
          { key: 'adults', title: t('literacy.population.adultsColumn'), align: 'right', render: (_, row) => number(row.adults) },
          { key: 'year', title: t('literacy.population.yearColumn'), render: (_, row) => row.reference_year ?? '–' },
        ]}
      />
    </Card>
  );
}
