import { ArrowUpOutlined, CheckCircleOutlined, ClockCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Chart } from '@/components/ui/chart';
import type { ChartOption } from '@/components/ui/chart';
import { ProblemAlert } from '@/components/ui/problem-alert';
import type { CampaignSchemas } from '@/lib/api/services';
import { useFormatters } from '@/lib/format';
import { useActiveMovements, useMovementSummaries } from '../api/get-active-movements';
import { thisWeek, useCoverage } from '../api/get-coverage';
import { PROVINCE_CODE, meanTargetProgress } from '../progress';

const PLAN_KEYS = ['on_time', 'late', 'missing'] as const;
type PlanKey = (typeof PLAN_KEYS)[number];
const PLAN_COLOURS: Record<PlanKey, string> = { on_time: '#389e0d', late: '#d48806', missing: '#cf1322' };

interface MovementRow {
  campaign: CampaignSchemas['CampaignOut'];
  summary?: CampaignSchemas['Summary'];
}

/** The home page of officials: active movements with their plans and targets, and the province's training coverage. */
export function OverviewDashboard({ movementPath }: { movementPath: (id: string) => string }) {
  const { t } = useTranslation();
  const { number, percent } = useFormatters();
  const movements = useActiveMovements();
  const items = movements.data?.items ?? [];
  const summaries = useMovementSummaries(items.map((campaign) => campaign.id));
  const rows: MovementRow[] = items.map((campaign, index) => ({ campaign, summary: summaries[index]?.data }));
  const summaryError = summaries.find((query) => query.error)?.error;

  const plans = rows.reduce(
    (total, row) => ({
      on_time: total.on_time + (row.summary?.plans.on_time ?? 0),
      late: total.late + (row.summary?.plans.late ?? 0),
      missing: total.missing + (row.summary?.plans.missing ?? 0),
    }),
    { on_time: 0, late: 0, missing: 0 },
  );
  const progressAll = meanTargetProgress(rows.flatMap((row) => row.summary?.targets ?? []));

  // A string: the summaries' objects change identity on every render, their figures rarely.
  const plansByMovement = JSON.stringify(rows.map((row) => ({ code: row.campaign.code, plans: row.summary?.plans })));

  const columns: TableColumnsType<MovementRow> = [
    {
      title: t('overview.movements.movement'),
      key: 'title',
      render: (_, row) => <Link to={movementPath(row.campaign.id)}>{row.campaign.title}</Link>,
    },
    {
      title: t('overview.movements.daysLeft'),
      key: 'days',
      render: (_, row) => (row.summary ? t('overview.movements.days', { count: Math.max(0, row.summary.days_left), days: number(Math.max(0, row.summary.days_left)) }) : '–'),
    },
    { title: t('overview.movements.participants'), key: 'participants', render: (_, row) => number(row.summary?.participants) },
    {
      title: t('overview.movements.plans'),
      key: 'plans',
      render: (_, row) =>
        row.summary ? (
          <Flex wrap gap={4}>
            <Tag color="success" icon={<CheckCircleOutlined />}>{t('overview.plans.on_time')}: {row.summary.plans.on_time}</Tag>
            <Tag color="warning" icon={<ClockCircleOutlined />}>{t('overview.plans.late')}: {row.summary.plans.late}</Tag>
            <Tag color="error" icon={<MinusCircleOutlined />}>{t('overview.plans.missing')}: {row.summary.plans.missing}</Tag>
          </Flex>
        ) : (
          '–'
        ),
    },
    {
      title: t('overview.movements.targetsProgress'),
      key: 'progress',
      width: 220,
      render: (_, row) => {
        const mean = row.summary ? meanTargetProgress(row.summary.targets) : undefined;
        if (mean === undefined) return t('overview.movements.noProgress');
        return (
          <Progress
            percent={Math.round(mean * 1000) / 10}
            format={() => percent(mean)}
            aria-label={t('overview.movements.progressOf', { title: row.campaign.title })}
            aria-valuetext={percent(mean)}
          />
        );
      },
    },
  ];

  return (
    <Flex vertical gap="large">
      <section aria-labelledby="overview-movements" aria-busy={movements.isPending || summaries.some((query) => query.isPending)}>
        <Typography.Title level={2} id="overview-movements">{t('overview.movements.title')}</Typography.Title>
        <ProblemAlert error={movements.error ?? summaryError} />
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t('overview.movements.active')} value={movements.data ? number(items.length) : '–'} loading={movements.isPending} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t('overview.movements.meanProgress')} value={progressAll === undefined ? '–' : percent(progressAll)} /></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Statistic title={t('overview.plans.on_time')} value={number(plans.on_time)} prefix={<CheckCircleOutlined aria-hidden />} /></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Statistic title={t('overview.plans.late')} value={number(plans.late)} prefix={<ClockCircleOutlined aria-hidden />} /></Card></Col>
          <Col xs={12} md={4}><Card size="small"><Statistic title={t('overview.plans.missing')} value={number(plans.missing)} prefix={<MinusCircleOutlined aria-hidden />} /></Card></Col>
        </Row>
        <Table
          rowKey={(row) => row.campaign.id}
          columns={columns}
          dataSource={rows}
          loading={movements.isPending}
          pagination={false}
          locale={{ emptyText: t('overview.movements.none') }}
          scroll={{ x: true }}
        />
        {rows.length > 0 && (
          <Card size="small" title={t('overview.plans.chartTitle')} style={{ marginTop: 16 }}>
            <PlansChart plansByMovement={plansByMovement} height={Math.max(160, rows.length * 56 + 80)} />
          </Card>
        )}
      </section>
      <CoverageSection />
    </Flex>
  );
}

/** Plans on time, late and missing per movement, as stacked bars (the table above has the numbers). */
function PlansChart({ plansByMovement, height }: { plansByMovement: string; height: number }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const series = JSON.parse(plansByMovement) as { code: string; plans?: Record<PlanKey, number> }[];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: series.map((item) => item.code) },
      series: PLAN_KEYS.map((status) => ({
        type: 'bar' as const,
        stack: 'plans',
        name: t(`overview.plans.${status}`),
        color: PLAN_COLOURS[status],
        data: series.map((item) => item.plans?.[status] ?? 0),
      })),
    };
  }, [plansByMovement, t]);
  return <Chart option={option} label={t('overview.plans.chartLabel')} height={height} />;
}

function CoverageSection() {
  const { t } = useTranslation();
  const { number, percent } = useFormatters();
  const week = useMemo(() => thisWeek(), []);
  const total = useCoverage({ province_code: PROVINCE_CODE });
  const weekly = useCoverage({ province_code: PROVINCE_CODE, ...week });
  const totals = total.data?.totals;
  const weekTotals = weekly.data?.totals;
  return (
    <section aria-labelledby="overview-coverage" aria-busy={total.isPending || weekly.isPending}>
      <Typography.Title level={2} id="overview-coverage">{t('overview.coverage.title')}</Typography.Title>
      <ProblemAlert error={total.error ?? weekly.error} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('overview.coverage.learners')} value={totals ? number(totals.learners) : '–'} loading={total.isPending} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('overview.coverage.completed')} value={totals ? number(totals.completed) : '–'} loading={total.isPending} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('overview.coverage.completionRate')} value={totals ? percent(totals.completion_rate) : '–'} loading={total.isPending} /></Card></Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('overview.coverage.thisWeek')}
              value={weekTotals ? t('overview.coverage.weekChange', { learners: number(weekTotals.learners), completed: number(weekTotals.completed) }) : '–'}
              prefix={weekTotals && (weekTotals.learners ?? 0) > 0 ? <ArrowUpOutlined aria-hidden /> : undefined}
              loading={weekly.isPending}
              styles={{ content: { fontSize: 18 } }}
            />
          </Card>
        </Col>
      </Row>
    </section>
  );
}
