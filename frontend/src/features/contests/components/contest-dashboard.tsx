import { DownloadOutlined, EditOutlined, LinkOutlined, PlayCircleOutlined, PlusOutlined, SettingOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Chart } from '@/components/ui/chart';
import type { ChartOption } from '@/components/ui/chart';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { contestPlayPath } from '@/config/paths';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import {
  downloadResultsSheet,
  downloadUnitsSheet,
  useCampaignActions,
  useCampaignContests,
  useContestFlags,
  useContestMutations,
  useContestRounds,
  useContestUnits,
  useRoundResults,
} from '../api/contest-admin';
import type { ContestOut, RoundOut, UnitResult } from '../api/contest-admin';
import { ContestFormModal } from './contest-form';
import { QuestionBank } from './question-bank';
import { RoundFormModal } from './round-form';

function UnitChart({ units }: { units: UnitResult[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 1, axisLabel: { formatter: (value: number) => format.percent(value) } },
      yAxis: { type: 'category', inverse: true, data: units.map((unit) => unit.unit_name) },
      tooltip: { trigger: 'axis' },
      series: [
        {
          type: 'bar',
          name: t('contests.admin.rate'),
          barMaxWidth: 24,
          label: { show: true, position: 'right', formatter: (params: { value: unknown }) => format.percent(Number(params.value)) },
          data: units.map((unit) => Math.min(unit.participation_rate ?? 0, 1)),
        },
      ],
    }),
    [units, t, format],
  );
  return <Chart option={option} label={t('contests.admin.chartLabel')} height={Math.max(200, units.length * 36 + 40)} />;
}

function ContestPanels({ contest }: { contest: ContestOut }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const rounds = useContestRounds(contest.id);
  const units = useContestUnits(contest.id);
  const flags = useContestFlags(contest.id, can(contest, 'view_flags'));
  const [roundId, setRoundId] = useState<string | undefined>();
  const chosenRound = roundId ?? rounds.data?.items[0]?.id;
  const results = useRoundResults(chosenRound);
  const mutations = useContestMutations(contest);
  const [editingRound, setEditingRound] = useState<RoundOut | 'new' | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const download = (job: Promise<void>) => {
    setDownloadError(null);
    job.catch(setDownloadError);
  };
  const roundItems = rounds.data?.items ?? [];
  return (
    <Flex vertical gap="middle">
      <ProblemAlert error={rounds.error ?? units.error ?? results.error ?? flags.error ?? downloadError} />
      {can(contest, 'manage_questions') && <QuestionBank contestId={contest.id} />}
      <Card
        title={t('contests.admin.rounds')}
        extra={
          can(contest, 'add_round') && (
            <Button icon={<PlusOutlined />} onClick={() => { setEditingRound('new'); }}>
              {t('contests.rounds.add')}
            </Button>
          )
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={rounds.data?.items ?? []}
          columns={[
            { title: t('contests.admin.round'), dataIndex: 'title' },
            { title: t('contests.admin.opens'), render: (_, round) => format.dateTime(round.opens_at) },
            { title: t('contests.admin.closes'), render: (_, round) => format.dateTime(round.closes_at) },
            { title: t('contests.admin.status'), render: (_, round) => <Tag>{t(`contests.roundStatus.${round.status}`)}</Tag> },
            { title: t('contests.admin.started'), dataIndex: 'attempts_started', align: 'right' },
            { title: t('contests.admin.submitted'), dataIndex: 'attempts_submitted', align: 'right' },
            ...(can(contest, 'add_round')
              ? [
                  {
                    title: '',
                    render: (_: unknown, round: RoundOut) =>
                      round.status === 'closed' ? null : (
                        <Button size="small" icon={<EditOutlined />} aria-label={t('contests.rounds.edit', { title: round.title })} onClick={() => { setEditingRound(round); }} />
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editingRound ? (
        <RoundFormModal
          round={editingRound === 'new' ? null : editingRound}
          nextNo={Math.max(0, ...roundItems.map((round) => round.no)) + 1}
          onClose={() => { setEditingRound(null); }}
          onSave={(body) =>
            editingRound === 'new'
              ? mutations.addRound.mutateAsync(body)
              : mutations.updateRound.mutateAsync({
                  id: editingRound.id,
                  body: { title: body.title, opens_at: body.opens_at, closes_at: body.closes_at },
                })
          }
        />
      ) : null}
      <Card
        title={t('contests.admin.units')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => { download(downloadUnitsSheet(contest.id)); }}>
            {t('contests.admin.downloadUnits')}
          </Button>
        }
      >
        {units.data && units.data.items.length > 0 ? <UnitChart units={units.data.items} /> : <Empty />}
        <Table
          rowKey="unit_code"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={units.data?.items ?? []}
          columns={[
            { title: t('contests.admin.unit'), dataIndex: 'unit_name' },
            { title: t('contests.admin.participants'), dataIndex: 'participants', align: 'right' },
            { title: t('contests.admin.staff'), dataIndex: 'staff_count', align: 'right' },
            {
              title: t('contests.admin.rate'),
              align: 'right',
              render: (_, unit) => (unit.participation_rate === null ? '—' : format.percent(unit.participation_rate)),
            },
            {
              title: t('contests.admin.meanScore'),
              align: 'right',
              render: (_, unit) => (unit.mean_score === null ? '—' : format.number(unit.mean_score)),
            },
          ]}
        />
      </Card>
      <Card
        title={t('contests.admin.results')}
        extra={
          <Space wrap>
            <Select
              aria-label={t('contests.admin.round')}
              value={chosenRound}
              style={{ minWidth: 160 }}
              options={roundItems.map((round) => ({ value: round.id, label: round.title }))}
              onChange={setRoundId}
            />
            {chosenRound && (
              <Button icon={<DownloadOutlined />} onClick={() => { download(downloadResultsSheet(chosenRound)); }}>
                {t('contests.admin.downloadResults')}
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Paragraph>
          {t('contests.admin.fullScore', { count: results.data?.full_score_count ?? 0 })}
        </Typography.Paragraph>
        <Table
          rowKey={(item) => `${String(item.rank)}-${item.submitted_at}`}
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={results.data?.items ?? []}
          columns={[
            { title: t('contests.admin.rank'), dataIndex: 'rank', align: 'right' },
            { title: t('contests.admin.participant'), dataIndex: 'participant_name_masked' },
            { title: t('contests.admin.score'), dataIndex: 'score', align: 'right' },
            { title: t('contests.admin.seconds'), dataIndex: 'seconds', align: 'right' },
            { title: t('contests.admin.predictionError'), dataIndex: 'prediction_error', align: 'right' },
          ]}
        />
      </Card>
      {can(contest, 'view_flags') && (
        <Card title={t('contests.admin.flags')}>
          <Table
            rowKey={(flag) => `${flag.kind}-${flag.participant_id}-${flag.attempt_id ?? ''}`}
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={flags.data?.items ?? []}
            columns={[
              { title: t('contests.admin.flag'), render: (_, flag) => t(`contests.flag.${flag.kind}`) },
              { title: t('contests.admin.participant'), dataIndex: 'participant_name_masked' },
              { title: t('contests.admin.seconds'), dataIndex: 'seconds', align: 'right' },
              { title: t('contests.admin.addresses'), dataIndex: 'addresses', align: 'right' },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}

/** Opening (a draft with questions) and closing the contest, where `allowed_actions` lets the caller. */
function ContestTransitions({ contest }: { contest: ContestOut }) {
  const { t } = useTranslation();
  const { transition } = useContestMutations(contest);
  return (
    <Space wrap>
      <ProblemAlert error={transition.error} />
      {can(contest, 'open') && (
        <Popconfirm title={t('contests.admin.openConfirm')} okText={t('contests.admin.open')} cancelText={t('contests.bank.cancel')} onConfirm={() => { transition.mutate('open'); }}>
          <Button type="primary" icon={<PlayCircleOutlined />} loading={transition.isPending}>{t('contests.admin.open')}</Button>
        </Popconfirm>
      )}
      {can(contest, 'close') && (
        <Popconfirm title={t('contests.admin.closeConfirm')} okText={t('contests.admin.close')} cancelText={t('contests.bank.cancel')} onConfirm={() => { transition.mutate('close'); }}>
          <Button danger icon={<StopOutlined />} loading={transition.isPending}>{t('contests.admin.close')}</Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** A movement's contests for those who follow them: rounds with live counts, unit participation, results, flags;
 * creating a contest and editing its settings where `allowed_actions` lets the caller. */
export function ContestDashboard({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const campaign = useCampaignActions(campaignId);
  const contests = useCampaignContests(campaignId);
  const [contestId, setContestId] = useState<string | undefined>();
  const [editing, setEditing] = useState<ContestOut | 'new' | null>(null);
  const items = contests.data?.items ?? [];
  const contest = items.find((item) => item.id === contestId) ?? items[0];
  return (
    <Flex vertical gap="middle">
      <ProblemAlert error={contests.error ?? campaign.error} />
      <Flex gap="small" wrap align="center">
        {items.length > 1 && (
          <Select
            aria-label={t('contests.admin.contest')}
            value={contest?.id}
            style={{ minWidth: 220, flex: '1 1 220px' }}
            options={items.map((item) => ({ value: item.id, label: item.title }))}
            onChange={setContestId}
          />
        )}
        {can(campaign.data, 'add_contest') && (
          <Button icon={<PlusOutlined />} onClick={() => { setEditing('new'); }}>
            {t('contests.settings.new')}
          </Button>
        )}
      </Flex>
      {editing ? (
        <ContestFormModal
          campaignId={campaignId}
          contest={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
          onCreated={setContestId}
        />
      ) : null}
      {contest ? (
        <>
          <Flex justify="space-between" align="center" wrap gap="small">
            <Typography.Title level={3} style={{ margin: 0 }}>
              {contest.title} <Tag>{t(`contests.status.${contest.status}`)}</Tag>
            </Typography.Title>
            <Space wrap>
              <Link to={contestPlayPath(contest.id)}>
                <LinkOutlined /> {t('contests.settings.publicPage')}
              </Link>
              {can(contest, 'edit') && (
                <Button icon={<SettingOutlined />} onClick={() => { setEditing(contest); }}>
                  {t('contests.settings.edit')}
                </Button>
              )}
              <ContestTransitions contest={contest} />
            </Space>
          </Flex>
          <ContestPanels contest={contest} />
        </>
      ) : (
        contests.isSuccess && <Empty description={t('contests.admin.none')} />
      )}
    </Flex>
  );
}
