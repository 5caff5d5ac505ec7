import { Card, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '@/components/ui/chart';
import type { ChartOption } from '@/components/ui/chart';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useCampaignContests, useContestFlags, useContestRounds, useContestUnits, useRoundResults } from '../api/contest-admin';
import type { ContestOut, UnitResult } from '../api/contest-admin';

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
  return (
    <Flex vertical gap="middle">
      <ProblemAlert error={rounds.error ?? units.error ?? results.error ?? flags.error} />
      <Card title={t('contests.admin.rounds')}>
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
          ]}
        />
      </Card>
      <Card title={t('contests.admin.units')}>
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
          <Select
            aria-label={t('contests.admin.round')}
            value={chosenRound}
            style={{ minWidth: 160 }}
            options={(rounds.data?.items ?? []).map((round) => ({ value: round.id, label: round.title }))}
            onChange={setRoundId}
          />
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

/** A movement's contests for those who follow them: rounds with live counts, unit participation, results, flags. */
export function ContestDashboard({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const contests = useCampaignContests(campaignId);
  const [contestId, setContestId] = useState<string | undefined>();
  const items = contests.data?.items ?? [];
  const contest = items.find((item) => item.id === contestId) ?? items[0];
  return (
    <Flex vertical gap="middle">
      <ProblemAlert error={contests.error} />
      {items.length > 1 && (
        <Select
          aria-label={t('contests.admin.contest')}
          value={contest?.id}
          options={items.map((item) => ({ value: item.id, label: item.title }))}
          onChange={setContestId}
        />
      )}
      {contest ? (
        <>
          <Typography.Title level={3}>{contest.title}</Typography.Title>
          <ContestPanels contest={contest} />
        </>
      ) : (
        contests.isSuccess && <Empty description={t('contests.admin.none')} />
      )}
    </Flex>
  );
}
