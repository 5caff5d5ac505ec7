import { CalculatorOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Button, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { paths } from '@/config/paths';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useComputeRound, useGenerateScorecards, useScorecards } from '../api/get-round-results';
import type { ScorecardSummary } from '../api/get-round-results';
import type { Round } from '../api/get-rounds';
import { ScorecardStatusTag } from './status-tag';

/**
 * The round's scorecards the user may read; generating them from the participants and computing
 * the automatic criteria show when the round allows `generate` and `compute`.
 */
export function RoundScorecards({ roundId, round }: { roundId: string; round: Round | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const scorecards = useScorecards(roundId);
  const generate = useGenerateScorecards(roundId);
  const compute = useComputeRound(roundId);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {(can(round, 'generate') || can(round, 'compute')) && (
        <Space wrap>
          {can(round, 'generate') && (
            <Button icon={<ThunderboltOutlined />} loading={generate.isPending} onClick={() => { generate.mutate(); }}>
              {t('scoring.round.generate')}
            </Button>
          )}
          {can(round, 'compute') && (
            <Button icon={<CalculatorOutlined />} loading={compute.isPending} onClick={() => { compute.mutate(); }}>
              {t('scoring.round.compute')}
            </Button>
          )}
        </Space>
      )}
      <ProblemAlert error={scorecards.error ?? generate.error ?? compute.error} />
      {compute.data && compute.data.unavailable.length > 0 && (
        <ProblemAlert error={new Error(t('scoring.round.unavailable', { services: compute.data.unavailable.join(', ') }))} showDetail={false} />
      )}
      <Table<ScorecardSummary>
        rowKey="id"
        loading={scorecards.isPending}
        dataSource={scorecards.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('scoring.round.noScorecards') }}
        columns={[
          {
            title: t('scoring.round.subject'),
            dataIndex: 'subject_name',
            render: (name: string, scorecard) => <Link to={`${paths.scoringScorecards}/${scorecard.id}`}>{name}</Link>,
          },
          { title: t('scoring.round.unit'), dataIndex: 'unit_code' },
          { title: t('scoring.round.cluster'), dataIndex: 'cluster', render: (cluster: string | null) => cluster ?? '—' },
          { title: t('scoring.round.status'), dataIndex: 'status', render: (status: ScorecardSummary['status']) => <ScorecardStatusTag status={status} /> },
          { title: t('scoring.round.total'), dataIndex: 'total', align: 'right', render: (total: string) => format.number(total) },
          { title: t('scoring.round.band'), dataIndex: 'band', render: (band: string | null) => band ?? t('scoring.ranking.noBand') },
        ]}
      />
    </Space>
  );
}
