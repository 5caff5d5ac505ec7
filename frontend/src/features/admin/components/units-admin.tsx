import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/ui/page-loader';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import { applyFieldErrors } from '@/lib/form-errors';
import { useFormatters } from '@/lib/format';
import { useCommunes, useProvinces, useSubtree, useUnit, useUnitMutations, useUnitTree } from '../api/units';
import type { Unit, UnitKind } from '../api/units';
import { UNIT_KINDS } from '../labels';
import { unitTree } from '../unit-tree';
import type { UnitNode } from '../unit-tree';

type Editing = { mode: 'create'; parent?: string } | { mode: 'edit'; code: string };

/** The unit tree: every unit under its parent; administrators add units, rename, re-cluster and move them. */
export function UnitsAdmin() {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const units = useUnitTree();
  const [editing, setEditing] = useState<Editing | undefined>();
  const tree = useMemo(() => unitTree(units.data?.items ?? []), [units.data]);

  const columns: TableColumnsType<UnitNode> = [
    { key: 'name', title: t('admin.units.name'), render: (_, row) => row.name },
    { key: 'kind', title: t('admin.units.kind'), render: (_, row) => t(`admin.units.kinds.${row.kind as UnitKind}`) },
    { key: 'cluster', title: t('admin.units.cluster'), responsive: ['md'], render: (_, row) => row.cluster ?? '–' },
    { key: 'staff', title: t('admin.units.staff'), responsive: ['lg'], align: 'right', render: (_, row) => number(row.staff_count) },
    {
      key: 'actions',
      title: t('admin.actions'),
      render: (_, row) => (
        <Space size="small" wrap>
          {can(row, 'edit') && (
            <Button
              size="small"
              aria-label={t('admin.units.editNamed', { name: row.name })}
              onClick={() => {
                setEditing({ mode: 'edit', code: row.code });
              }}
            >
              {t('admin.edit')}
            </Button>
          )}
          {can(units.data, 'create') && (
            <Button
              size="small"
              aria-label={t('admin.units.addUnder', { name: row.name })}
              onClick={() => {
                setEditing({ mode: 'create', parent: row.code });
              }}
            >
              {t('admin.units.addChild')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('admin.units.intro', { count: units.data?.total ?? 0 })}</Typography.Text>
        {can(units.data, 'create') && (
          <Button
            type="primary"
            onClick={() => {
              setEditing({ mode: 'create' });
            }}
          >
            {t('admin.units.create')}
          </Button>
        )}
      </Space>
      <ProblemAlert error={units.error} />
      <Table<UnitNode>
        rowKey="code"
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={units.isFetching}
        columns={columns}
        dataSource={tree}
        pagination={false}
        expandable={{ defaultExpandAllRows: false }}
      />
      <Modal
        open={editing !== undefined}
        title={editing?.mode === 'edit' ? t('admin.units.editTitle') : t('admin.units.createTitle')}
        footer={null}
        onCancel={() => {
          setEditing(undefined);
        }}
        destroyOnHidden
      >
        {editing?.mode === 'edit' && (
          <EditUnit
            code={editing.code}
            all={units.data?.items ?? []}
            onDone={() => {
              setEditing(undefined);
            }}
          />
        )}
        {editing?.mode === 'create' && (
          <UnitForm
            all={units.data?.items ?? []}
            initial={{ parent_code: editing.parent, kind: 'agency', staff_count: 0, province_code: provinceOf(units.data?.items, editing.parent) }}
            onDone={() => {
              setEditing(undefined);
            }}
          />
        )}
      </Modal>
    </Space>
  );
}

function provinceOf(units: readonly Unit[] | undefined, code: string | undefined): string | undefined {
  return units?.find((unit) => unit.code === code)?.province_code;
}

interface UnitValues {
  code: string;
  name: string;
  kind: UnitKind;
  parent_code?: string | undefined;
  province_code?: string | undefined;
  commune_code?: string | undefined;
  cluster?: string | undefined;
  staff_count: number;
}

const FIELDS = ['code', 'name', 'kind', 'parent_code', 'province_code', 'commune_code', 'cluster', 'staff_count'];

function EditUnit({ code, all, onDone }: { code: string; all: readonly Unit[]; onDone: () => void }) {
  const loaded = useUnit(code);
  const below = useSubtree(code);
  if (loaded.isPending || below.isPending) return <PageLoader />;
  if (loaded.isError) return <ProblemAlert error={loaded.error} />;
  if (below.isError) return <ProblemAlert error={below.error} />;
  const { unit, etag } = loaded.data;
  // A unit cannot move under itself or one of its own sub-units (the API refuses it too).
  const excluded = new Set([unit.code, ...below.data.items.map((child) => child.code)]);
  return (
    <UnitForm
      all={all.filter((candidate) => !excluded.has(candidate.code))}
      existing={{ unit, etag, below: below.data.items.length }}
      initial={{
        code: unit.code,
        name: unit.name,
        kind: unit.kind as UnitKind,
        parent_code: unit.parent_code ?? undefined,
        province_code: unit.province_code,
        commune_code: unit.commune_code ?? undefined,
        cluster: unit.cluster ?? undefined,
        staff_count: unit.staff_count,
      }}
      onDone={onDone}
    />
  );
}

interface UnitFormProps {
  /** The units it may be placed under. */
  all: readonly Unit[];
  initial: Partial<UnitValues>;
  existing?: { unit: Unit; etag: string | null; below: number };
  onDone: () => void;
}

function UnitForm({ all, initial, existing, onDone }: UnitFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitValues>();
  const [error, setError] = useState<unknown>(null);
  const { create, update } = useUnitMutations(existing?.unit.code);
  const provinces = useProvinces();
  const province = Form.useWatch<string | undefined>('province_code', form) ?? initial.province_code;
  const kind = Form.useWatch<UnitKind | undefined>('kind', form) ?? initial.kind;
  const communes = useCommunes(province);
  const saving = create.isPending || update.isPending;

  const onError = (failure: unknown) => {
    if (!applyFieldErrors(form, failure, FIELDS)) setError(failure);
  };
  const optional = (value: string | undefined) => (value?.trim() ? value.trim() : null);

  return (
    <Form<UnitValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(values) => {
        setError(null);
        if (existing) {
          update.mutate(
            {
              body: {
                name: values.name.trim(),
                kind: values.kind,
                parent_code: values.parent_code ?? null,
                commune_code: values.commune_code ?? null,
                cluster: optional(values.cluster),
                staff_count: values.staff_count,
              },
              etag: existing.etag,
            },
            {
              onSuccess: () => {
                void message.success(t('admin.saved'));
                onDone();
              },
              onError,
            },
          );
          return;
        }
        create.mutate(
          {
            code: values.code.trim(),
            name: values.name.trim(),
            kind: values.kind,
            parent_code: values.parent_code ?? null,
            province_code: values.province_code ?? '',
            commune_code: values.commune_code ?? null,
            cluster: optional(values.cluster),
            staff_count: values.staff_count,
          },
          {
            onSuccess: (created) => {
              void message.success(t('admin.units.created', { name: created.name }));
              onDone();
            },
            onError,
          },
        );
      }}
    >
      <ProblemAlert error={error} messages={{ 412: t('admin.stale') }} />
      {existing && existing.below > 0 && (
        <Typography.Paragraph type="secondary">{t('admin.units.below', { count: existing.below })}</Typography.Paragraph>
      )}
      <Form.Item
        name="code"
        label={t('admin.units.code')}
        extra={existing ? t('admin.units.codeFixed') : t('admin.units.codeHelp')}
        rules={[
          { required: true, whitespace: true, message: t('admin.required') },
          { pattern: /^\s*[A-Za-z0-9._-]{1,32}\s*$/, message: t('admin.units.codeHelp') },
        ]}
      >
        <Input disabled={existing !== undefined} translate="no" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('admin.units.name')}
        rules={[
          { required: true, whitespace: true, message: t('admin.required') },
          { max: 300, message: t('admin.tooLong', { max: 300 }) },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('admin.units.kind')} rules={[{ required: true, message: t('admin.required') }]}>
        <Select options={UNIT_KINDS.map((value) => ({ value, label: t(`admin.units.kinds.${value}`) }))} />
      </Form.Item>
      <Form.Item name="parent_code" label={t('admin.units.parent')} extra={existing ? t('admin.units.moveHelp') : undefined}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('admin.units.noParent')}
          options={all.map((unit) => ({ value: unit.code, label: unit.name }))}
        />
      </Form.Item>
      <Form.Item name="province_code" label={t('admin.units.province')} rules={[{ required: true, message: t('admin.required') }]}>
        <Select
          disabled={existing !== undefined}
          showSearch={{ optionFilterProp: 'label' }}
          loading={provinces.isPending}
          options={(provinces.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
          onChange={() => {
            form.setFieldValue('commune_code', undefined);
          }}
        />
      </Form.Item>
      <Form.Item
        name="commune_code"
        label={t('admin.units.commune')}
        rules={[{ required: kind === 'commune', message: t('admin.units.communeRequired') }]}
      >
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={communes.isFetching}
          options={(communes.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
        />
      </Form.Item>
      <Form.Item name="cluster" label={t('admin.units.cluster')} rules={[{ max: 100, message: t('admin.tooLong', { max: 100 }) }]}>
        <Input />
      </Form.Item>
      <Form.Item name="staff_count" label={t('admin.units.staff')} rules={[{ required: true, message: t('admin.required') }]}>
        <InputNumber min={0} max={2_147_483_647} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {existing ? t('admin.save') : t('admin.units.create')}
        </Button>
        <Button onClick={onDone}>{t('admin.cancel')}</Button>
      </Space>
    </Form>
  );
}
