import { DownloadOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Chart } from '@/components/ui/chart';
import type { ChartOption } from '@/components/ui/chart';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { paths } from '@/config/paths';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { downloadRankingXlsx, useRanking } from '../api/get-round-results';
import type { RankingItem } from '../api/get-round-results';
import type { Round } from '../api/get-rounds';
import { ProvisionalTag } from './status-tag';

/** Band colours from highest to lowest (a colour-blind-safe ramp); the band's name is always written too. */
const BAND_COLOURS = ['#1a9850', '#4575b4', '#fdae61', '#d73027', '#7b3294', '#878787'];
const NO_BAND_COLOUR = '#bdbdbd';

export interface RankingViewProps {
  roundId: string;
  /** The round as loaded (its `export` action shows the download). */
  round: Round | undefined;
  bands: readonly { label: string; min_score: string | number }[];
}

/** The ranking inside one cluster: a bar chart coloured by band (with a legend) and the table, and the .xlsx export. */
export function RankingView({ roundId, round, bands }: RankingViewProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const ranking = useRanking(roundId);
  const [chosen, setChosen] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const noCluster = t('scoring.ranking.noCluster');
  const items = useMemo(() => ranking.data?.items ?? [], [ranking.data]);
  const clusters = useMemo(() => [...new Set(items.map((item) => item.cluster ?? noCluster))], [items, noCluster]);
  const cluster = chosen ?? clusters[0] ?? null;
  const rows = useMemo(() => items.filter((item) => (item.cluster ?? noCluster) === cluster), [items, cluster, noCluster]);

  const bandOrder = useMemo(
    () => [...bands].sort((a, b) => Number(b.min_score) - Number(a.min_score)).map((band) => band.label),
    [bands],
  );
  const noBand = t('scoring.ranking.noBand');
  const option = useMemo<ChartOption>(() => {
    const names = rows.map((row) => row.subject_name);
    const labels = [...bandOrder, noBand];
    const colour = (label: string) => {
      const index = bandOrder.indexOf(label);
      return index < 0 ? NO_BAND_COLOUR : (BAND_COLOURS[index % BAND_COLOURS.length] ?? NO_BAND_COLOUR);
    };
    return {
      tooltip: { trigger: 'item' },
      legend: { top: 0, data: labels.filter((label) => rows.some((row) => (row.band ?? noBand) === label)) },
      grid: { left: 8, right: 48, top: 48, bottom: 32, containLabel: true },
      xAxis: { type: 'value', name: t('scoring.ranking.total'), nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'category', data: names, inverse: true },
      series: labels.map((label) => ({
        name: label,
        type: 'bar',
        // One bar per subject: the series (one per band, for the legend) overlap instead of sitting side by side.
        barGap: '-100%',
        barMaxWidth: 28,
        itemStyle: { color: colour(label) },
        label: { show: true, position: 'right', formatter: (params: { value: unknown }) => (params.value === null ? '' : format.number(params.value as number)) },
        data: rows.map((row) => ((row.band ?? noBand) === label ? Number(row.total) : null)),
      })),
    };
  }, [rows, bandOrder, noBand, t, format]);

  const exportSheet = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await downloadRankingXlsx(roundId);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap align="end">
        <Form.Item label={t('scoring.ranking.cluster')} htmlFor={`${roundId}-cluster`} style={{ marginBottom: 0 }}>
          <Select
            id={`${roundId}-cluster`}
            value={cluster}
            style={{ minWidth: 320 }}
            options={clusters.map((name) => ({ value: name, label: name }))}
            onChange={setChosen}
          />
        </Form.Item>
        {can(round, 'export') && (
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportSheet()}>
            {t('scoring.ranking.export')}
          </Button>
        )}
      </Space>
      <ProblemAlert error={ranking.error ?? exportError} />
      {rows.length > 0 && (
        <Chart option={option} label={t('scoring.ranking.chartLabel', { cluster: cluster ?? '' })} height={Math.max(200, rows.length * 36 + 80)} />
      )}
      <Table<RankingItem>
        rowKey="scorecard_id"
        loading={ranking.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('scoring.ranking.empty') }}
        aria-label={t('scoring.ranking.tableLabel')}
        columns={[
          { title: t('scoring.ranking.rank'), dataIndex: 'rank', width: 80 },
          {
            title: t('scoring.ranking.subject'),
            dataIndex: 'subject_name',
            render: (name: string, row) => <Link to={`${paths.scoringScorecards}/${row.scorecard_id}`}>{name}</Link>,
          },
          { title: t('scoring.ranking.total'), dataIndex: 'total', align: 'right', render: (total: string) => format.number(total) },
          { title: t('scoring.ranking.band'), dataIndex: 'band', render: (band: string | null) => band ?? noBand },
          {
            title: t('scoring.ranking.state'),
            dataIndex: 'provisional',
            render: (provisional: boolean) => <ProvisionalTag provisional={provisional} />,
          },
        ]}
      />
    </Space>
  );
}
