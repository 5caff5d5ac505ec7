import { App, Button, Divider, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/ui/page-loader';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import { applyFieldErrors } from '@/lib/form-errors';
import { useFormatters } from '@/lib/format';
import { isRole } from '@/lib/auth/roles';
import { useAccount, useAccounts, useCreateAccount, usePatchAccount } from '../api/accounts';
import type { Account, AccountCreate, AccountQuery, OfficialRole } from '../api/accounts';
import { useUnitTree } from '../api/units';
import type { Unit } from '../api/units';
import { OFFICIAL_ROLES, PASSWORD_MIN } from '../labels';

const PAGE_SIZE = 20;

function useUnitOptions() {
  const units = useUnitTree();
  const items: Unit[] = units.data?.items ?? [];
  const names = new Map(items.map((unit) => [unit.code, unit.name]));
  const options = items.map((unit) => ({ value: unit.code, label: unit.name }));
  return { names, options };
}

/** Accounts of officials: search, create, edit roles and units, deactivate, reset a password. */
export function AccountsAdmin() {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const [query, setQuery] = useState<AccountQuery>({});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | undefined>();
  const accounts = useAccounts({ ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const { names } = useUnitOptions();

  const columns: TableColumnsType<Account> = [
    {
      key: 'name',
      title: t('admin.accounts.fullName'),
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <span>{row.full_name || t('admin.accounts.learnerAccount')}</span>
          {row.username && (
            <Typography.Text type="secondary" translate="no">
              {row.username}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'roles',
      title: t('admin.accounts.roles'),
      render: (_, row) => row.roles.filter(isRole).map((role) => t(`roles.${role}`)).join(', '),
    },
    {
      key: 'units',
      title: t('admin.accounts.units'),
      responsive: ['md'],
      render: (_, row) => (row.unit_codes.length ? row.unit_codes.map((code) => names.get(code) ?? code).join(', ') : '–'),
    },
    {
      key: 'active',
      title: t('admin.accounts.state'),
      render: (_, row) =>
        row.active ? <Tag color="green">{t('admin.accounts.active')}</Tag> : <Tag>{t('admin.accounts.inactive')}</Tag>,
    },
    { key: 'created', title: t('admin.accounts.created'), responsive: ['lg'], render: (_, row) => date(row.created_at) },
    {
      key: 'actions',
      title: t('admin.actions'),
      render: (_, row) =>
        can(row, 'edit') ? (
          <Button
            size="small"
            onClick={() => {
              setEditing(row.id);
            }}
            aria-label={t('admin.accounts.editNamed', { name: row.full_name === '' ? (row.username ?? '') : row.full_name })}
          >
            {t('admin.edit')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Form
          layout="inline"
          style={{ rowGap: 8 }}
          onFinish={(values: { q?: string; role?: AccountQuery['role']; active?: 'yes' | 'no' }) => {
            const q = values.q?.trim();
            setQuery({
              q: q === '' ? undefined : q,
              role: values.role,
              active: values.active === undefined ? undefined : values.active === 'yes',
            });
            setPage(1);
          }}
        >
          <Form.Item name="q" label={t('admin.accounts.search')}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="role" label={t('admin.accounts.role')}>
            <Select
              allowClear
              style={{ width: 200 }}
              placeholder={t('admin.any')}
              options={[...OFFICIAL_ROLES, 'learner' as const].map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            />
          </Form.Item>
          <Form.Item name="active" label={t('admin.accounts.state')}>
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('admin.any')}
              options={[
                { value: 'yes', label: t('admin.accounts.active') },
                { value: 'no', label: t('admin.accounts.inactive') },
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">{t('admin.filter')}</Button>
          </Form.Item>
        </Form>
        {can(accounts.data, 'create') && (
          <Button
            type="primary"
            onClick={() => {
              setCreating(true);
            }}
          >
            {t('admin.accounts.create')}
          </Button>
        )}
      </Space>
      <ProblemAlert error={accounts.error} />
      <Table<Account>
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={accounts.isFetching}
        columns={columns}
        dataSource={accounts.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: accounts.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
      />
      <CreateAccountModal
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
      />
      <Drawer
        open={editing !== undefined}
        title={t('admin.accounts.editTitle')}
        onClose={() => {
          setEditing(undefined);
        }}
        size={480}
        destroyOnHidden
        closable={{ 'aria-label': t('admin.close') }}
      >
        {editing && <EditAccount id={editing} />}
      </Drawer>
    </Space>
  );
}

interface CreateValues extends AccountCreate {
  confirm: string;
}

function CreateAccountModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateAccount();
  const [error, setError] = useState<unknown>(null);
  const { options } = useUnitOptions();

  return (
    <Modal
      open={open}
      title={t('admin.accounts.createTitle')}
      okText={t('admin.accounts.create')}
      cancelText={t('admin.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ htmlType: 'submit', form: 'create-account-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CreateValues>
        id="create-account-form"
        form={form}
        layout="vertical"
        initialValues={{ roles: ['viewer'], unit_codes: [] }}
        onFinish={(values) => {
          setError(null);
          create.mutate(
            {
              username: values.username.trim(),
              full_name: values.full_name.trim(),
              password: values.password,
              roles: values.roles,
              unit_codes: values.unit_codes ?? [],
              active: true,
            },
            {
              onSuccess: (created) => {
                void message.success(t('admin.accounts.created_', { name: created.full_name }));
                form.resetFields();
                onClose();
              },
              onError: (failure) => {
                if (!applyFieldErrors(form, failure, ['username', 'password', 'full_name', 'roles', 'unit_codes'])) setError(failure);
              },
            },
          );
        }}
      >
        <ProblemAlert error={error} />
        <Form.Item
          name="username"
          label={t('admin.accounts.username')}
          extra={t('admin.accounts.usernameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('admin.required') },
            { pattern: /^\s*[A-Za-z0-9._@-]{3,64}\s*$/, message: t('admin.accounts.usernameHelp') },
            { pattern: /^(?!\s*\d{12}\s*$)/, message: t('admin.accounts.usernameDigits') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="full_name"
          label={t('admin.accounts.fullName')}
          rules={[
            { required: true, whitespace: true, message: t('admin.required') },
            { max: 200, message: t('admin.tooLong', { max: 200 }) },
          ]}
        >
          <Input />
        </Form.Item>
        <PasswordFields />
        <RoleAndUnitFields unitOptions={options} />
      </Form>
    </Modal>
  );
}

/** A new password, typed twice (creating an account, or resetting its password). */
function PasswordFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="password"
        label={t('admin.accounts.password')}
        extra={t('admin.accounts.passwordHelp', { min: PASSWORD_MIN })}
        rules={[
          { required: true, message: t('admin.required') },
          { min: PASSWORD_MIN, message: t('admin.accounts.passwordHelp', { min: PASSWORD_MIN }) },
          { max: 128, message: t('admin.tooLong', { max: 128 }) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('admin.accounts.confirmPassword')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('admin.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('admin.accounts.passwordsDiffer'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

function RoleAndUnitFields({ unitOptions }: { unitOptions: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="roles" label={t('admin.accounts.roles')} rules={[{ required: true, message: t('admin.accounts.rolesRequired') }]}>
        <Select<OfficialRole[]> mode="multiple" options={OFFICIAL_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
      </Form.Item>
      <Form.Item name="unit_codes" label={t('admin.accounts.units')} extra={t('admin.accounts.unitsHelp')}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
      </Form.Item>
    </>
  );
}

interface EditValues {
  full_name: string;
  roles: OfficialRole[];
  unit_codes: string[];
}

/** One account, read with its ETag: every change is sent against that copy (412 if it changed meanwhile). */
function EditAccount({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const loaded = useAccount(id);
  const patch = usePatchAccount(id);
  const [form] = Form.useForm<EditValues>();
  const [passwordForm] = Form.useForm<{ password: string; confirm: string }>();
  const [error, setError] = useState<unknown>(null);
  const { options } = useUnitOptions();

  if (loaded.isPending) return <PageLoader />;
  if (loaded.isError) return <ProblemAlert error={loaded.error} />;
  const { account, etag } = loaded.data;
  const isLearner = account.learner_id !== null;
  const save = (body: Parameters<typeof patch.mutate>[0]['body'], done: string, after?: () => void) => {
    setError(null);
    patch.mutate(
      { body, etag },
      {
        onSuccess: () => {
          void message.success(done);
          after?.();
        },
        onError: setError,
      },
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
        {account.full_name || t('admin.accounts.learnerAccount')}
      </Typography.Title>
      {account.username && (
        <Typography.Text>
          {t('admin.accounts.username')}: <span translate="no">{account.username}</span>
        </Typography.Text>
      )}
      <ProblemAlert error={error} messages={{ 412: t('admin.stale') }} />
      {!isLearner && (
        <Form<EditValues>
          form={form}
          layout="vertical"
          initialValues={{
            full_name: account.full_name,
            roles: account.roles.filter((role): role is OfficialRole => role !== 'learner'),
            unit_codes: account.unit_codes,
          }}
          onFinish={(values) => {
            save({ ...values, full_name: values.full_name.trim() }, t('admin.saved'));
          }}
        >
          <Form.Item
            name="full_name"
            label={t('admin.accounts.fullName')}
            rules={[
              { required: true, whitespace: true, message: t('admin.required') },
              { max: 200, message: t('admin.tooLong', { max: 200 }) },
            ]}
          >
            <Input />
          </Form.Item>
          <RoleAndUnitFields unitOptions={options} />
          <Button type="primary" htmlType="submit" loading={patch.isPending}>
            {t('admin.save')}
          </Button>
        </Form>
      )}
      <Divider />
      <Space align="center">
        <Switch
          checked={account.active}
          loading={patch.isPending}
          aria-label={t('admin.accounts.activeSwitch')}
          onChange={(active) => {
            save({ active }, active ? t('admin.accounts.reactivated') : t('admin.accounts.deactivated'));
          }}
        />
        <span>{account.active ? t('admin.accounts.activeHelp') : t('admin.accounts.inactiveHelp')}</span>
      </Space>
      <Divider />
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {t('admin.accounts.resetPassword')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('admin.accounts.resetHelp')}</Typography.Paragraph>
      <Form
        form={passwordForm}
        layout="vertical"
        onFinish={(values) => {
          save({ password: values.password }, t('admin.accounts.passwordReset'), () => {
            passwordForm.resetFields();
          });
        }}
      >
        <PasswordFields />
        <Popconfirm
          title={t('admin.accounts.resetConfirm')}
          okText={t('admin.accounts.resetPassword')}
          cancelText={t('admin.cancel')}
          onConfirm={() => {
            passwordForm.submit();
          }}
        >
          <Button danger loading={patch.isPending}>
            {t('admin.accounts.resetPassword')}
          </Button>
        </Popconfirm>
      </Form>
    </Space>
  );
}
