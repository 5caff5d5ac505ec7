/** Pure helpers of the coverage page: labels of groups, the peak-days window, the charts' options. */
import type { TFunction } from 'i18next';
import type { ChartOption } from '@/components/ui/chart';
import type { CoverageGroupBy, CoverageItem } from './api/get-coverage';
import { CATEGORY_LABELS, GENDER_LABELS, isCategory, isGender } from './labels';

/** The "100 peak days" drive of the Bình dân học vụ số movement (both days included). */
export const PEAK_DAYS = { from: '2025-07-15', to: '2025-10-25' } as const;

/** The groups the page offers (ethnicity is sensitive and stays out of this page). */
export const COVERAGE_GROUPS = ['commune', 'category', 'gender', 'month'] as const satisfies readonly CoverageGroupBy[];
export type CoverageGroup = (typeof COVERAGE_GROUPS)[number];

/** How many communes the bar chart shows (the table lists them all). */
export const TOP_COMMUNES = 15;

/** A group's name in the reader's language: categories and genders by code, months as "08/2025", the rest as the API names them. */
export function coverageLabel(t: TFunction, groupBy: CoverageGroupBy, item: Pick<CoverageItem, 'key' | 'label'>): string {
  if (groupBy === 'category' && isCategory(item.key)) return t(CATEGORY_LABELS[item.key]);
  if (groupBy === 'gender' && isGender(item.key)) return t(GENDER_LABELS[item.key]);
  if (item.key === '') return t('literacy.coverage.unknown');
  if (item.key === 'other') return t('literacy.coverage.other');
  return item.label;
}

/** "2025-08" → "2025-08-01", the first day of the month. */
function monthStart(key: string): string {
  return `${key.slice(0, 7)}-01`;
}

/** Where a month's bar stands on the time axis: mid-month, so that it sits inside its month. */
function monthMiddle(key: string): string {
  return `${key.slice(0, 7)}-16`;
}

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}

/** The month after "2025-08-01": "2025-09-01". */
function nextMonth(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/**
 * Bars of learners and of those who completed, per group. By month on a time axis, with the
 * 100 peak days shaded (markArea) and the axis widened to show the whole drive.
 */
export function coverageChartOption(
  t: TFunction,
  groupBy: CoverageGroup,
  items: readonly CoverageItem[],
  formatNumber: (value: number) => string = String,
): ChartOption {
  const valueAxis = { type: 'value' as const, axisLabel: { formatter: formatNumber } };
  const learnersName = t('literacy.coverage.learners');
  const completedName = t('literacy.coverage.completed');
  const common = {
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    // ECharts writes its own description over the container's label (a list of raw values,
    // timestamps on a time axis); say what the chart shows instead: the table has the numbers.
    aria: { enabled: true, label: { description: t(`literacy.coverage.chartLabel.${groupBy}`) } },
  };

  if (groupBy === 'month') {
    const months = items.map((item) => monthStart(item.key));
    const first = months[0] ?? PEAK_DAYS.from;
    const last = months.at(-1) ?? PEAK_DAYS.to;
    return {
      ...common,
      xAxis: {
        type: 'time',
        min: earlierOf(first, monthStart(PEAK_DAYS.from)),
        max: nextMonth(laterOf(last, monthStart(PEAK_DAYS.to))),
      },
      yAxis: valueAxis,
      series: [
        {
          type: 'bar',
          name: learnersName,
          barMaxWidth: 28,
          data: items.map((item) => [monthMiddle(item.key), item.learners]),
          markArea: {
            itemStyle: { color: 'rgba(250, 173, 20, 0.15)' },
            label: { show: true, position: 'insideTop', color: '#874d00' },
            data: [[{ name: t('literacy.coverage.peakDays'), xAxis: PEAK_DAYS.from }, { xAxis: PEAK_DAYS.to }]],
          },
        },
        {
          type: 'bar',
          name: completedName,
          barMaxWidth: 28,
          data: items.map((item) => [monthMiddle(item.key), item.completed]),
        },
      ],
    };
  }

  const shown = groupBy === 'commune' ? [...items].sort((a, b) => (b.learners ?? 0) - (a.learners ?? 0)).slice(0, TOP_COMMUNES) : [...items];
  // Horizontal bars read best for long names; the largest group on top.
  shown.reverse();
  return {
    ...common,
    xAxis: valueAxis,
    yAxis: { type: 'category', data: shown.map((item) => coverageLabel(t, groupBy, item)) },
    series: [
      { type: 'bar', name: learnersName, data: shown.map((item) => item.learners) },
      { type: 'bar', name: completedName, data: shown.map((item) => item.completed) },
    ],
  };
}
