import { Card, DatePicker, Segmented, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '@/components/ui/chart';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/lib/format';
import { useCoverage } from '../api/get-coverage';
import { COVERAGE_GROUPS, PEAK_DAYS, TOP_COMMUNES, coverageChartOption } from '../coverage';
import type { CoverageGroup } from '../coverage';
import { CoverageTable } from './coverage-table';
import { PopulationPanel } from './population-panel';

type DateWindow = [Dayjs | null, Dayjs | null] | null;

const API_DATE = 'YYYY-MM-DD';

/** Coverage statistics: pick a grouping and a date window; a chart and the table of its numbers. */
export function CoveragePanel() {
  const { t } = useTranslation();
  const { number, percent, date } = useFormatters();
  const [groupBy, setGroupBy] = useState<CoverageGroup>('commune');
  const [dateWindow, setDateWindow] = useState<DateWindow>(null);
  const from = dateWindow?.[0]?.format(API_DATE);
  const to = dateWindow?.[1]?.format(API_DATE);
  const coverage = useCoverage({ group_by: groupBy, from, to });
  const report = coverage.data?.group_by === groupBy ? coverage.data : undefined;
  const option = useMemo(
    () => (report ? coverageChartOption(t, groupBy, report.items, (value) => number(value)) : undefined),
    // `number` changes with the language, as `t` does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, groupBy, report],
  );
  const chartHeight = groupBy === 'commune' ? 40 + 28 * Math.min(TOP_COMMUNES, report?.items.length ?? 0) : groupBy === 'month' ? 340 : 260;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Space wrap size="large" align="end">
          <div>
            <div id="coverage-group-label" style={{ marginBottom: 4 }}>{t('literacy.coverage.groupBy')}</div>
            <Segmented<CoverageGroup>
              aria-labelledby="coverage-group-label"
              value={groupBy}
              onChange={setGroupBy}
              options={COVERAGE_GROUPS.map((group) => ({ value: group, label: t(`literacy.coverage.group.${group}`) }))}
            />
          </div>
          <div>
            <label htmlFor="coverage-window" style={{ display: 'block', marginBottom: 4 }}>
              {t('literacy.coverage.window')}
            </label>
            <DatePicker.RangePicker
              id={{ start: 'coverage-window' }}
              value={dateWindow}
              onChange={(range) => { setDateWindow(range); }}
              format="DD/MM/YYYY"
              allowEmpty={[true, true]}
              placeholder={[t('literacy.coverage.from'), t('literacy.coverage.to')]}
              presets={[
                { label: t('literacy.coverage.peakDays'), value: [dayjs(PEAK_DAYS.from), dayjs(PEAK_DAYS.to)] },
                { label: t('literacy.coverage.thisYear'), value: [dayjs().startOf('year'), dayjs()] },
              ]}
            />
          </div>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {from || to
            ? t('literacy.coverage.windowNote', { from: date(from) , to: date(to) })
            : t('literacy.coverage.allTime')}
        </Typography.Paragraph>
      </Card>

      <ProblemAlert error={coverage.error} />

      {report && (
        <Card
          title={
            <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
              {t(`literacy.coverage.heading.${groupBy}`)}
            </Typography.Title>
          }
        >
          <Typography.Paragraph>
            {t('literacy.coverage.summary', {
              learners: number(report.totals.learners),
              completed: number(report.totals.completed),
              rate: percent(report.totals.completion_rate),
            })}
          </Typography.Paragraph>
          {groupBy === 'commune' && report.items.length > TOP_COMMUNES && (
            <Typography.Paragraph type="secondary">{t('literacy.coverage.topCommunes', { count: TOP_COMMUNES })}</Typography.Paragraph>
          )}
          {groupBy === 'month' && (
            <Typography.Paragraph type="secondary">
              {t('literacy.coverage.peakNote', { from: date(PEAK_DAYS.from), to: date(PEAK_DAYS.to) })}
            </Typography.Paragraph>
          )}
          {option && report.items.length > 0 && (
            <Chart option={option} label={t(`literacy.coverage.chartLabel.${groupBy}`)} height={chartHeight} />
          )}
          <CoverageTable groupBy={groupBy} report={report} loading={coverage.isFetching} />
        </Card>
      )}
      <PopulationPanel />
    </Space>
  );
}
