import { Progress, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/format';
import type { CoverageReport, CoverageItem } from '../api/get-coverage';
import { coverageLabel } from '../coverage';
import type { CoverageGroup } from '../coverage';

export interface CoverageTableProps {
  groupBy: CoverageGroup;
  report: CoverageReport;
  loading?: boolean;
}

/** A rate as a percentage in words and as a small bar (the text carries it; the bar only helps the eye). */
function Rate({ value, label }: { value: string | null | undefined; label: string }) {
  const { percent } = useFormatters();
  const ratio = Number(value ?? 0);
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 140 }}>
      <span style={{ minWidth: 52, textAlign: 'right' }}>{percent(value)}</span>
      <Progress
        percent={Math.round(ratio * 1000) / 10}
        showInfo={false}
        size="small"
        style={{ width: 72, margin: 0 }}
        aria-label={label}
      />
    </span>
  );
}

/** The numbers behind the coverage chart: learners, completed, completion rate (and the commune's share of adults). */
export function CoverageTable({ groupBy, report, loading = false }: CoverageTableProps) {
  const { t } = useTranslation();
  const { number, percent } = useFormatters();
  const withPopulation = groupBy === 'commune';

  const columns: TableColumnsType<CoverageItem> = [
    {
      key: 'group',
      title: t(`literacy.coverage.groupColumn.${groupBy}`),
      render: (_, row) => coverageLabel(t, groupBy, row),
    },
    { key: 'learners', title: t('literacy.coverage.learners'), align: 'right', render: (_, row) => number(row.learners) },
    { key: 'completed', title: t('literacy.coverage.completed'), align: 'right', render: (_, row) => number(row.completed) },
    {
      key: 'rate',
      title: t('literacy.coverage.completionRate'),
      render: (_, row) => <Rate value={row.completion_rate} label={t('literacy.coverage.completionRate')} />,
    },
    ...(withPopulation
      ? [
          { key: 'population', title: t('literacy.coverage.population'), align: 'right' as const, render: (_: unknown, row: CoverageItem) => number(row.population) },
          { key: 'coverage', title: t('literacy.coverage.coverage'), align: 'right' as const, render: (_: unknown, row: CoverageItem) => percent(row.coverage) },
        ]
      : []),
  ];

  return (
    <Table<CoverageItem>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={report.items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={report.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: t('literacy.coverage.none') }}
      summary={() => (
        <Table.Summary>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('literacy.coverage.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>{number(report.totals.learners)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Typography.Text strong>{number(report.totals.completed)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>
              <Typography.Text strong>{percent(report.totals.completion_rate)}</Typography.Text>
            </Table.Summary.Cell>
            {withPopulation && (
              <>
                <Table.Summary.Cell index={4} align="right">
                  <Typography.Text strong>{number(report.totals.population)}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  <Typography.Text strong>{percent(report.totals.coverage)}</Typography.Text>
                </Table.Summary.Cell>
              </>
            )}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
