import { Alert, App, Button, Checkbox, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import { applyFieldErrors } from '@/lib/form-errors';
import { useFormatters } from '@/lib/format';
import { useClients, useCreateClient, useUpdateClient } from '../api/clients';
import type { ApiClient, ApiClientCreated, Scope } from '../api/clients';
import { SCOPES, scopeKey } from '../labels';

/** Other systems that call the API: their scopes; registering one shows its secret this once. */
export function ClientsAdmin() {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const clients = useClients();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiClientCreated | undefined>();
  const [editing, setEditing] = useState<ApiClient | undefined>();
  const update = useUpdateClient();
  const { message, modal } = App.useApp();

  const toggle = (client: ApiClient) => {
    void modal.confirm({
      title: client.active ? t('admin.clients.deactivateTitle', { name: client.name }) : t('admin.clients.reactivateTitle', { name: client.name }),
      content: client.active ? t('admin.clients.deactivateWhat') : t('admin.clients.reactivateWhat'),
      okText: client.active ? t('admin.clients.deactivate') : t('admin.clients.reactivate'),
      okButtonProps: { danger: client.active },
      cancelText: t('admin.cancel'),
      onOk: () =>
        update.mutateAsync({ clientId: client.client_id, body: { active: !client.active } }).then((saved) => {
          void message.success(saved.active ? t('admin.clients.reactivated', { name: saved.name }) : t('admin.clients.deactivated', { name: saved.name }));
        }),
    });
  };

  const scopeName = (scope: string) => (SCOPES.some((known) => known === scope) ? t(`admin.scopes.${scopeKey(scope) as 'campaign_read'}`) : scope);
  const columns: TableColumnsType<ApiClient> = [
    { key: 'name', title: t('admin.clients.name'), render: (_, row) => row.name },
    { key: 'id', title: t('admin.clients.clientId'), render: (_, row) => <span translate="no">{row.client_id}</span> },
    {
      key: 'scopes',
      title: t('admin.clients.scopes'),
      render: (_, row) => (
        <Space size={[4, 4]} wrap>
          {row.scopes.map((scope) => (
            <Tag key={scope}>{scopeName(scope)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'active',
      title: t('admin.accounts.state'),
      render: (_, row) =>
        row.active ? <Tag color="green">{t('admin.accounts.active')}</Tag> : <Tag>{t('admin.accounts.inactive')}</Tag>,
    },
    { key: 'created', title: t('admin.accounts.created'), responsive: ['md'], render: (_, row) => date(row.created_at) },
  ];
  if ((clients.data?.items ?? []).some((row) => can(row, 'edit'))) {
    columns.push({
      key: 'actions',
      title: t('admin.clients.actions'),
      render: (_, row) =>
        can(row, 'edit') ? (
          <Space wrap size={4}>
            <Button size="small" aria-label={t('admin.clients.editOf', { name: row.name })} onClick={() => { setEditing(row); }}>
              {t('admin.clients.edit')}
            </Button>
            <Button size="small" danger={row.active} aria-label={(row.active ? t('admin.clients.deactivateOf', { name: row.name }) : t('admin.clients.reactivateOf', { name: row.name }))} onClick={() => { toggle(row); }}>
              {row.active ? t('admin.clients.deactivate') : t('admin.clients.reactivate')}
            </Button>
          </Space>
        ) : null,
    });
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('admin.clients.intro')}</Typography.Text>
        {can(clients.data, 'create') && (
          <Button
            type="primary"
            onClick={() => {
              setCreating(true);
            }}
          >
            {t('admin.clients.create')}
          </Button>
        )}
      </Space>
      <ProblemAlert error={clients.error} />
      <ProblemAlert error={update.error} />
      <Table<ApiClient>
        rowKey="client_id"
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={clients.isFetching}
        columns={columns}
        dataSource={clients.data?.items ?? []}
        pagination={false}
      />
      {editing && (
        <EditClientModal
          client={editing}
          onClose={() => {
            setEditing(undefined);
          }}
        />
      )}
      <CreateClientModal
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
        onCreated={(client) => {
          setCreating(false);
          setCreated(client);
        }}
      />
      <Modal
        open={created !== undefined}
        title={t('admin.clients.secretTitle')}
        closable={false}
        mask={{ closable: false }}
        // Gone from the page once closed: the secret is never shown again.
        destroyOnHidden
        footer={
          <Button
            type="primary"
            onClick={() => {
              setCreated(undefined);
            }}
          >
            {t('admin.clients.secretDone')}
          </Button>
        }
      >
        {created && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title={t('admin.clients.secretOnce')} />
            <Typography.Text>
              {t('admin.clients.clientId')}: <Typography.Text code copyable translate="no">{created.client_id}</Typography.Text>
            </Typography.Text>
            <Typography.Text>
              {t('admin.clients.secret')}:{' '}
              <Typography.Text code copyable={{ tooltips: [t('admin.clients.copy'), t('admin.clients.copied')] }} translate="no">
                {created.client_secret}
              </Typography.Text>
            </Typography.Text>
          </Space>
        )}
      </Modal>
    </Space>
  );
}

interface ClientValues {
  name: string;
  client_id?: string;
  scopes: Scope[];
}

function CreateClientModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (client: ApiClientCreated) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClientValues>();
  const create = useCreateClient();
  const [error, setError] = useState<unknown>(null);

  return (
    <Modal
      open={open}
      title={t('admin.clients.createTitle')}
      okText={t('admin.clients.create')}
      cancelText={t('admin.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ htmlType: 'submit', form: 'create-client-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ClientValues>
        id="create-client-form"
        form={form}
        layout="vertical"
        initialValues={{ scopes: [] }}
        onFinish={(values) => {
          setError(null);
          const clientId = values.client_id?.trim();
          create.mutate(
            { name: values.name.trim(), scopes: values.scopes, ...(clientId ? { client_id: clientId } : {}) },
            {
              onSuccess: (client) => {
                void message.success(t('admin.clients.created', { name: client.name }));
                form.resetFields();
                onCreated(client);
              },
              onError: (failure) => {
                if (!applyFieldErrors(form, failure, ['name', 'client_id', 'scopes'])) setError(failure);
              },
            },
          );
        }}
      >
        <ProblemAlert error={error} />
        <NameField />
        <Form.Item
          name="client_id"
          label={t('admin.clients.clientId')}
          extra={t('admin.clients.clientIdHelp')}
          rules={[{ pattern: /^\s*([a-z0-9][a-z0-9._-]{2,63})?\s*$/, message: t('admin.clients.clientIdHelp') }]}
        >
          <Input translate="no" />
        </Form.Item>
        <ScopesField />
      </Form>
    </Modal>
  );
}

function NameField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="name"
      label={t('admin.clients.name')}
      rules={[
        { required: true, whitespace: true, message: t('admin.required') },
        { max: 200, message: t('admin.tooLong', { max: 200 }) },
      ]}
    >
      <Input />
    </Form.Item>
  );
}

function ScopesField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="scopes" label={t('admin.clients.scopes')} rules={[{ required: true, message: t('admin.clients.scopesRequired') }]}>
      <Checkbox.Group style={{ display: 'grid', gap: 4 }}>
        {SCOPES.map((scope) => (
          <Checkbox key={scope} value={scope}>
            {t(`admin.scopes.${scopeKey(scope) as 'campaign_read'}`)} <Typography.Text type="secondary" translate="no">({scope})</Typography.Text>
          </Checkbox>
        ))}
      </Checkbox.Group>
    </Form.Item>
  );
}

/** A client's name and scopes (its id and secret do not change; a token it holds keeps its old scopes until it expires). */
function EditClientModal({ client, onClose }: { client: ApiClient; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Omit<ClientValues, 'client_id'>>();
  const update = useUpdateClient();
  const [error, setError] = useState<unknown>(null);
  return (
    <Modal
      open
      title={t('admin.clients.editTitle', { name: client.name })}
      okText={t('admin.save')}
      cancelText={t('admin.cancel')}
      confirmLoading={update.isPending}
      okButtonProps={{ htmlType: 'submit', form: 'edit-client-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Omit<ClientValues, 'client_id'>>
        id="edit-client-form"
        form={form}
        layout="vertical"
        initialValues={{ name: client.name, scopes: client.scopes.filter((scope): scope is Scope => SCOPES.some((known) => known === scope)) }}
        onFinish={(values) => {
          setError(null);
          update.mutate(
            { clientId: client.client_id, body: { name: values.name.trim(), scopes: values.scopes } },
            {
              onSuccess: (saved) => {
                void message.success(t('admin.clients.saved', { name: saved.name }));
                onClose();
              },
              onError: (failure) => {
                if (!applyFieldErrors(form, failure, ['name', 'scopes'])) setError(failure);
              },
            },
          );
        }}
      >
        <ProblemAlert error={error} />
        <Typography.Paragraph type="secondary">
          {t('admin.clients.clientId')}: <span translate="no">{client.client_id}</span>
        </Typography.Paragraph>
        <NameField />
        <ScopesField />
        <Typography.Paragraph type="secondary">{t('admin.clients.editNote')}</Typography.Paragraph>
      </Form>
    </Modal>
  );
}
