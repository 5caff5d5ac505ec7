import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, List, Select, Space, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useUnitName } from '@/lib/units';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { downloadFile, useAwardName, useDossier, useDossierMutations, useOfficials } from '../api/recognition';
import type { DossierDetail, DossierMove } from '../api/recognition';
import { DossierStatusTag, ReasonModal } from './common';

/** The steps a button moves a dossier by, in the order the office works. */
const STEPS: DossierMove['action'][] = ['submit', 'receive', 'review', 'to-council', 'approve'];

function Nominees({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const awardName = useAwardName();
  const format = useFormatters();
  return (
    <Table
      rowKey="no"
      size="small"
      pagination={false}
      scroll={{ x: true }}
      dataSource={dossier.nominees.map((nominee, index) => ({ ...nominee, no: index + 1 }))}
      columns={[
        { title: '#', dataIndex: 'no', width: 48 },
        { title: t('recognition.nominee'), dataIndex: 'subject_name' },
        { title: t('recognition.subjectType'), render: (_, nominee) => t(`recognition.subject.${nominee.subject_type}`) },
        { title: t('recognition.unit'), render: (_, nominee) => unitName(nominee.unit_code) },
        { title: t('recognition.award'), render: (_, nominee) => awardName(nominee.title_code ?? nominee.form_code) },
        { title: t('recognition.dossiers.score'), render: (_, nominee) => (nominee.score == null ? '—' : format.number(nominee.score)), align: 'right' },
        { title: t('recognition.dossiers.achievements'), dataIndex: 'achievements' },
      ]}
    />
  );
}

/** A dossier: its nominees and files, the steps the user may take now, who checks it, and its history. */
export function DossierDetailView({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const format = useFormatters();
  const unitName = useUnitName();
  const dossier = useDossier(dossierId);
  const { move, assign } = useDossierMutations(dossierId);
  const mayAssign = can(dossier.data, 'assign');
  const officials = useOfficials(undefined, mayAssign);
  const [sendBack, setSendBack] = useState<'return' | 'reject' | undefined>();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const data = dossier.data;
  return (
    <Flex vertical gap="middle">
      <ProblemAlert error={dossier.error ?? move.error ?? assign.error ?? downloadError} />
      {data && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
            <Descriptions.Item label={t('recognition.unit')}>{unitName(data.unit_code)}</Descriptions.Item>
            <Descriptions.Item label={t('recognition.status')}>
              <DossierStatusTag status={data.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('recognition.dossiers.assignee')}>{data.assignee_name ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Space wrap>
            {STEPS.filter((step) => can(data, step)).map((step) => (
              <Button
                key={step}
                type="primary"
                loading={move.isPending && move.variables.action === step}
                onClick={() => {
                  move.mutate({ action: step }, { onSuccess: () => void message.success(t(`recognition.dossiers.done.${step}`)) });
                }}
              >
                {t(`recognition.dossiers.action.${step}`)}
              </Button>
            ))}
            {can(data, 'return') && (
              <Button danger onClick={() => { setSendBack('return'); }}>
                {t('recognition.dossiers.action.return')}
              </Button>
            )}
            {can(data, 'reject') && (
              <Button danger onClick={() => { setSendBack('reject'); }}>
                {t('recognition.dossiers.action.reject')}
              </Button>
            )}
            {mayAssign && (
              <Select
                aria-label={t('recognition.dossiers.assign')}
                placeholder={t('recognition.dossiers.assign')}
                style={{ minWidth: 220 }}
                value={data.assignee ?? undefined}
                showSearch={{ optionFilterProp: 'label' }}
                loading={assign.isPending}
                options={(officials.data?.items ?? []).map((official) => ({ value: official.id, label: official.full_name }))}
                onChange={(assignee: string) => {
                  assign.mutate(assignee, { onSuccess: () => void message.success(t('recognition.dossiers.done.assign')) });
                }}
              />
            )}
          </Space>
          <Card size="small" title={t('recognition.dossiers.nominees')}>
            <Nominees dossier={data} />
          </Card>
          <Card size="small" title={t('recognition.dossiers.files')}>
            <List
              size="small"
              dataSource={data.files}
              locale={{ emptyText: t('recognition.dossiers.noFiles') }}
              renderItem={(file) => (
                <List.Item>
                  <Button
                    type="link"
                    icon={<PaperClipOutlined />}
                    onClick={() => {
                      setDownloadError(null);
                      downloadFile(file.id, file.filename).catch(setDownloadError);
                    }}
                  >
                    {file.filename}
                  </Button>
                  <Typography.Text type="secondary">{format.number(Math.ceil(file.size / 1024))} KB</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('recognition.history')}>
            <Timeline
              items={data.history.map((event) => ({
                key: `${event.occurred_at}-${event.action}`,
                children: (
                  <div>
                    <Typography.Text strong>{event.action_label}</Typography.Text> — {event.actor_name}
                    <div>
                      <Typography.Text type="secondary">
                        {format.dateTime(event.occurred_at)} · {t(`recognition.dossierStatus.${event.to_status}`)}
                      </Typography.Text>
                    </div>
                    {event.reason && <div>{event.reason}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </>
      )}
      <ReasonModal
        title={sendBack ? t(`recognition.dossiers.action.${sendBack}`) : undefined}
        okText={sendBack ? t(`recognition.dossiers.action.${sendBack}`) : ''}
        onSubmit={(reason) =>
          move.mutateAsync({ action: sendBack ?? 'return', reason }).then(() => void message.success(t(`recognition.dossiers.done.${sendBack ?? 'return'}`)))
        }
        onClose={() => {
          setSendBack(undefined);
        }}
      />
    </Flex>
  );
}
