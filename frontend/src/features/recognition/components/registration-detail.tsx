import { App, Button, Card, Descriptions, Flex, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useUnitName } from '@/lib/units';
import { useAwardName, useMovement, useRegistration, useRegistrationMutations } from '../api/recognition';
import type { RegistrationMove, RegistrationOut } from '../api/recognition';
import { ReasonModal, RegistrationStatusTag } from './common';

function RegistrationActions({ registration }: { registration: RegistrationOut }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const unitName = useUnitName();
  const { move } = useRegistrationMutations(registration.campaign_id);
  const [returning, setReturning] = useState(false);
  const act = (action: RegistrationMove) => {
    move.mutate({ id: registration.id, action }, { onSuccess: () => void message.success(t(`recognition.registrations.done.${action}`)) });
  };
  return (
    <Flex vertical gap="small">
      <ProblemAlert error={move.error} />
      <Space wrap>
        {can(registration, 'submit') && (
          <Button type="primary" loading={move.isPending} onClick={() => { act('submit'); }}>
            {t('recognition.registrations.submit')}
          </Button>
        )}
        {can(registration, 'approve') && (
          <Button type="primary" loading={move.isPending} onClick={() => { act('approve'); }}>
            {t('recognition.registrations.approve')}
          </Button>
        )}
        {can(registration, 'return') && (
          <Button danger onClick={() => { setReturning(true); }}>
            {t('recognition.registrations.return')}
          </Button>
        )}
      </Space>
      <ReasonModal
        title={returning ? t('recognition.registrations.returnTitle', { unit: unitName(registration.unit_code) }) : undefined}
        okText={t('recognition.registrations.return')}
        onSubmit={(reason) =>
          move
            .mutateAsync({ id: registration.id, action: 'return', reason })
            .then(() => void message.success(t('recognition.registrations.done.return')))
        }
        onClose={() => {
          setReturning(false);
        }}
      />
    </Flex>
  );
}

/** A unit's registration for emulation titles: who registers for what, its state and note, and the steps the user may take. */
export function RegistrationDetailView({ registrationId }: { registrationId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const unitName = useUnitName();
  const awardName = useAwardName();
  const registration = useRegistration(registrationId);
  const data = registration.data;
  const campaign = useMovement(data?.campaign_id ?? '');
  if (!data) return <ProblemAlert error={registration.error} />;
  return (
    <Flex vertical gap="middle">
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('recognition.campaign')}>{campaign.data?.title ?? '…'}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.unit')}>{unitName(data.unit_code)}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.registrations.year')}>{data.year}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.status')}>
            <RegistrationStatusTag status={data.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('recognition.dossiers.updated')}>{format.dateTime(data.updated_at)}</Descriptions.Item>
          {data.note ? <Descriptions.Item label={t('recognition.note')}>{data.note}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <RegistrationActions registration={data} />
      <Card size="small" title={t('recognition.registrations.entries')}>
        <Table
          rowKey={(entry) => `${entry.subject_type}-${entry.subject_name}-${entry.title_code}`}
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={data.entries}
          columns={[
            { title: t('recognition.subjectType'), render: (_, entry) => t(`recognition.subject.${entry.subject_type}`) },
            { title: t('recognition.subjectNameColumn'), dataIndex: 'subject_name' },
            { title: t('recognition.title'), render: (_, entry) => awardName(entry.title_code) },
          ]}
        />
      </Card>
    </Flex>
  );
}
