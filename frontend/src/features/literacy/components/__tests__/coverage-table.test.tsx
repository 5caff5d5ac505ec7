import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '@/lib/i18n';
import type { CoverageReport } from '../../api/get-coverage';
import { PEAK_DAYS, coverageChartOption } from '../../coverage';
import { CoverageTable } from '../coverage-table';

const byCategory: CoverageReport = {
  group_by: 'category',
  province_code: '66',
  commune_code: null,
  items: [
    { key: 'citizen', label: 'Người dân', learners: 1234, completed: 1055, completion_rate: '0.8549', suppressed: false },
    { key: 'cadre', label: 'Cán bộ', learners: 40, completed: 40, completion_rate: '1.0000', suppressed: false },
  ],
  totals: { learners: 1274, completed: 1095, completion_rate: '0.8595' },
};

const row = (name: string) => screen.getByRole('row', { name: new RegExp(`^${name}`) });

// antd's table is slow to render the first time on a busy machine.
describe('CoverageTable', () => {
  beforeEach(() => {
    // jsdom has no ResizeObserver; antd's table measures its columns with one.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe = vi.fn();
        unobserve = vi.fn();
        disconnect = vi.fn();
      },
    );
  });

  it('writes counts and rates the Vietnamese way, with a totals row', () => {
    render(<CoverageTable groupBy="category" report={byCategory} />);

    expect(within(row('Người dân')).getByText('1.234')).toBeInTheDocument();
    expect(within(row('Người dân')).getByText('85,5%')).toBeInTheDocument();
    expect(within(row('Cán bộ')).getByText('100%')).toBeInTheDocument();
    expect(within(row('Tổng cộng')).getByText('1.274')).toBeInTheDocument();
    expect(within(row('Tổng cộng')).getByText('86%')).toBeInTheDocument();
    // No population columns outside the commune grouping.
    expect(screen.queryByRole('columnheader', { name: 'Độ phủ' })).not.toBeInTheDocument();
  });

  it('names groups in English and writes rates the English way', async () => {
    await i18n.changeLanguage('en');
    render(<CoverageTable groupBy="category" report={byCategory} />);
    expect(within(row('Citizens')).getByText('85.5%')).toBeInTheDocument();
    expect(within(row('Citizens')).getByText('1,234')).toBeInTheDocument();
  });

  it('adds the adult population and the coverage share by commune', () => {
    render(
      <CoverageTable
        groupBy="commune"
        report={{
          group_by: 'commune',
          province_code: '66',
          commune_code: null,
          items: [
            { key: '24133', label: 'Phường Buôn Ma Thuột', learners: 300, completed: 150, completion_rate: '0.5000', suppressed: false, population: 1200, coverage: '0.2500' },
            { key: '24150', label: 'Xã Hòa Phú', learners: 20, completed: 5, completion_rate: '0.2500', suppressed: false, population: null, coverage: null },
          ],
          totals: { learners: 320, completed: 155, completion_rate: '0.4844', population: 1200, coverage: '0.2500' },
        }}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'Độ phủ' })).toBeInTheDocument();
    expect(within(row('Phường Buôn Ma Thuột')).getByText('1.200')).toBeInTheDocument();
    expect(within(row('Phường Buôn Ma Thuột')).getByText('25%')).toBeInTheDocument();
    // A commune without population figures shows a dash, not 0%.
    expect(within(row('Xã Hòa Phú')).getAllByText('–')).toHaveLength(2);
  });
});

describe('coverageChartOption', () => {
  it('shades the 100 peak days on the month chart and widens the axis to show them', () => {
    const option = coverageChartOption(i18n.t, 'month', [
      { key: '2025-07', label: '07/2025', learners: 100, completed: 10, completion_rate: '0.1', suppressed: false },
      { key: '2025-08', label: '08/2025', learners: 900, completed: 300, completion_rate: '0.3333', suppressed: false },
    ]);
    const series = Array.isArray(option.series) ? option.series : [];
    const first = series[0];
    expect(first?.markArea?.data).toEqual([[{ name: '100 ngày cao điểm', xAxis: PEAK_DAYS.from }, { xAxis: PEAK_DAYS.to }]]);
    expect(option.xAxis).toMatchObject({ type: 'time', min: '2025-07-01', max: '2025-11-01' });
    // Each month's bar stands mid-month, inside its month.
    expect(first?.data).toEqual([['2025-07-16', 100], ['2025-08-16', 900]]);
  });

  it('keeps the 15 communes with the most learners in the chart, the largest on top', () => {
    const items = Array.from({ length: 20 }, (_, index) => ({
      key: String(24000 + index),
      label: `Xã ${index}`,
      learners: index,
      completed: 0,
      completion_rate: '0', suppressed: false,
    }));
    const option = coverageChartOption(i18n.t, 'commune', items);
    const yAxis = option.yAxis as { data: string[] };
    expect(yAxis.data).toHaveLength(15);
    expect(yAxis.data.at(-1)).toBe('Xã 19');
  });
});
