import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { registrationPath } from '@/config/paths';
import { useUnitName } from '@/lib/units';
import { can, canAny } from '@/lib/allowed-actions';
import { useAwardName, useMovement, useMovementParticipants, useRegistrationMutations, useRegistrationSummary, useRegistrations, useTitles } from '../api/recognition';
import type { RegistrationIn, RegistrationMove, RegistrationOut } from '../api/recognition';
import { ReasonModal, RegistrationStatusTag } from './common';

type SubjectType = RegistrationIn['entries'][number]['subject_type'];
const SUBJECT_TYPES: SubjectType[] = ['collective', 'individual', 'household'];

interface RegistrationValues {
  unit_code: string;
  year: number;
  note?: string;
  entries: { subject_type: SubjectType; subject_name: string; title_code: RegistrationIn['entries'][number]['title_code'] }[];
}

function RegistrationModal({ campaignId, open, onClose }: { campaignId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegistrationValues>();
  const participants = useMovementParticipants(campaignId);
  const titles = useTitles();
  const { create } = useRegistrationMutations(campaignId);
  const entries = Form.useWatch('entries', form);
  const units = (participants.data?.items ?? []).filter((p) => canAny(p, ['file_plan', 'file_report', 'add_initiative']));
  return (
    <Modal
      open={open}
      title={t('recognition.registrations.new')}
      okText={t('recognition.registrations.save')}
      cancelText={t('recognition.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ htmlType: 'submit', form: 'registration-form' }}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      <Form<RegistrationValues>
        id="registration-form"
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear(), entries: [{ subject_type: 'collective' }] }}
        onFinish={(values) => {
          create.mutate(
            { ...values, note: values.note?.trim() ?? '', entries: values.entries.map((entry) => ({ ...entry, subject_name: entry.subject_name.trim() })) },
            { onSuccess: onClose },
          );
        }}
      >
        <ProblemAlert error={create.error} />
        <Form.Item name="unit_code" label={t('recognition.unit')} rules={[{ required: true, message: t('recognition.required') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={units.map((unit) => ({ value: unit.unit_code, label: unit.unit_name }))}
          />
        </Form.Item>
        <Form.Item name="year" label={t('recognition.registrations.year')} rules={[{ required: true, message: t('recognition.required') }]}>
          <InputNumber min={2000} max={2100} style={{ width: 140 }} />
        </Form.Item>
        <Form.List name="entries">
          {(fields, { add, remove }) => (
            <Flex vertical gap="small">
              <Typography.Text strong>{t('recognition.registrations.entries')}</Typography.Text>
              {fields.map((field, index) => {
                const subjectType = (entries as RegistrationValues['entries'] | undefined)?.[index]?.subject_type ?? 'collective';
                return (
                  <Flex key={field.key} gap="small" wrap align="start">
                    <Form.Item name={[field.name, 'subject_type']} style={{ minWidth: 140, marginBottom: 8 }} rules={[{ required: true }]}>
                      <Select
                        aria-label={t('recognition.subjectType')}
                        options={SUBJECT_TYPES.map((type) => ({ value: type, label: t(`recognition.subject.${type}`) }))}
                        onChange={() => {
                          form.setFieldValue(['entries', field.name, 'title_code'], undefined);
                        }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'subject_name']}
                      style={{ flex: '1 1 180px', marginBottom: 8 }}
                      rules={[{ required: true, whitespace: true, message: t('recognition.required') }, { max: 200 }]}
                    >
                      <Input aria-label={t('recognition.subjectName', { n: index + 1 })} placeholder={t('recognition.subjectNamePlaceholder')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'title_code']} style={{ flex: '1 1 220px', marginBottom: 8 }} rules={[{ required: true, message: t('recognition.required') }]}>
                      <Select
                        aria-label={t('recognition.titleOf', { n: index + 1 })}
                        options={(titles.data?.items ?? [])
                          .filter((title) => title.subject_type === subjectType)
                          .map((title) => ({ value: title.code, label: title.name }))}
                      />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        aria-label={t('recognition.removeEntry', { n: index + 1 })}
                        icon={<MinusCircleOutlined />}
                        onClick={() => {
                          remove(field.name);
                        }}
                      />
                    )}
                  </Flex>
                );
              })}
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  add({ subject_type: 'individual' });
                }}
              >
                {t('recognition.registrations.addEntry')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="note" label={t('recognition.note')} style={{ marginTop: 12 }} rules={[{ max: 4000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A movement's registrations for emulation titles: the roll-up, each unit's registration and what the user may do with it. */
export function RegistrationsPanel({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const campaign = useMovement(campaignId);
  const registrations = useRegistrations(campaignId);
  const summary = useRegistrationSummary(campaignId);
  const { move } = useRegistrationMutations(campaignId);
  const unitName = useUnitName();
  const awardName = useAwardName();
  const [creating, setCreating] = useState(false);
  const [returning, setReturning] = useState<RegistrationOut | undefined>();

  const act = (registration: RegistrationOut, action: RegistrationMove) => {
    move.mutate(
      { id: registration.id, action },
      { onSuccess: () => void message.success(t(`recognition.registrations.done.${action}`)) },
    );
  };

  return (
    <Flex vertical gap="middle">
      <ProblemAlert error={campaign.error ?? registrations.error ?? summary.error ?? move.error} />
      {summary.data && (
        <Card size="small" title={t('recognition.registrations.summary')}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 5 }}>
            <Descriptions.Item label={t('recognition.registrations.total')}>{summary.data.total}</Descriptions.Item>
            {(['draft', 'submitted', 'returned', 'approved'] as const).map((status) => (
              <Descriptions.Item key={status} label={t(`recognition.registrationStatus.${status}`)}>
                {summary.data.by_status[status] ?? 0}
              </Descriptions.Item>
            ))}
          </Descriptions>
          {summary.data.by_title.length > 0 && (
            <Table
              rowKey="title_code"
              size="small"
              pagination={false}
              dataSource={summary.data.by_title}
              columns={[
                { title: t('recognition.title'), dataIndex: 'title_name' },
                { title: t('recognition.registrations.count'), dataIndex: 'count', align: 'right' },
              ]}
            />
          )}
        </Card>
      )}
      {can(campaign.data, 'register') && (
        <div>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setCreating(true);
            }}
          >
            {t('recognition.registrations.new')}
          </Button>
        </div>
      )}
      <Table<RegistrationOut>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={registrations.isLoading}
        dataSource={registrations.data?.items ?? []}
        pagination={false}
        expandable={{
          expandedRowRender: (registration) => (
            <ul style={{ margin: 0 }}>
              {registration.entries.map((entry, index) => (
                <li key={`${entry.subject_name}-${String(index)}`}>
                  {entry.subject_name} ({t(`recognition.subject.${entry.subject_type}`)}): {awardName(entry.title_code)}
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: t('recognition.unit'), render: (_, registration) => <Link to={registrationPath(registration.id)}>{unitName(registration.unit_code)}</Link> },
          { title: t('recognition.registrations.year'), dataIndex: 'year' },
          { title: t('recognition.registrations.entries'), render: (_, registration) => registration.entries.length, align: 'right' },
          { title: t('recognition.status'), render: (_, registration) => <RegistrationStatusTag status={registration.status} /> },
          { title: t('recognition.note'), dataIndex: 'note', ellipsis: true },
          {
            title: t('recognition.actions'),
            render: (_, registration) => (
              <Space wrap>
                {can(registration, 'submit') && (
                  <Button size="small" onClick={() => { act(registration, 'submit'); }}>
                    {t('recognition.registrations.submit')}
                  </Button>
                )}
                {can(registration, 'approve') && (
                  <Button size="small" type="primary" onClick={() => { act(registration, 'approve'); }}>
                    {t('recognition.registrations.approve')}
                  </Button>
                )}
                {can(registration, 'return') && (
                  <Button size="small" danger onClick={() => { setReturning(registration); }}>
                    {t('recognition.registrations.return')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <RegistrationModal
        campaignId={campaignId}
        open={creating}
        onClose={() => {
          setCreating(false);
        }}
      />
      <ReasonModal
        title={returning ? t('recognition.registrations.returnTitle', { unit: unitName(returning.unit_code) }) : undefined}
        okText={t('recognition.registrations.return')}
        onSubmit={(reason) => move.mutateAsync({ id: returning?.id ?? '', action: 'return', reason })}
        onClose={() => {
          setReturning(undefined);
        }}
      />
    </Flex>
  );
}
