import { CalculatorOutlined, ThunderboltOutlined, UserAddOutlined } from '@ant-design/icons';
import { App, Button, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { paths } from '@/config/paths';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useAddIndividual, useComputeRound, useGenerateScorecards, useScorecards } from '../api/get-round-results';
import type { ScorecardSummary } from '../api/get-round-results';
import type { Round } from '../api/get-rounds';
import { AddPeopleModal } from './add-people';
import { ScorecardStatusTag } from './status-tag';

/**
 * The round's scorecards the user may read; generating them from the participants (rounds of
 * collectives), adding people one by one or from a sheet (rounds of individuals) and computing the
 * automatic criteria show when the round allows `generate`, `add_scorecard` and `compute`.
 */
export function RoundScorecards({ roundId, round }: { roundId: string; round: Round | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const scorecards = useScorecards(roundId);
  const generate = useGenerateScorecards(roundId);
  const compute = useComputeRound(roundId);
  const addIndividual = useAddIndividual(roundId);
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {(can(round, 'generate') || can(round, 'compute') || can(round, 'add_scorecard')) && (
        <Space wrap>
          {can(round, 'add_scorecard') && (
            <Button type="primary" icon={<UserAddOutlined />} onClick={() => { setAdding(true); }}>
              {t('scoring.people.open')}
            </Button>
          )}
          {can(round, 'generate') && (
            <Button
              icon={<ThunderboltOutlined />}
              loading={generate.isPending}
              onClick={() => { generate.mutate(undefined, { onSuccess: (page) => { void message.success(t('scoring.round.generated', { count: page.total })); } }); }}
            >
              {t('scoring.round.generate')}
            </Button>
          )}
          {can(round, 'compute') && (
            <Button icon={<CalculatorOutlined />} loading={compute.isPending} onClick={() => { compute.mutate(undefined, { onSuccess: () => { void message.success(t('scoring.round.computed')); } }); }}>
              {t('scoring.round.compute')}
            </Button>
          )}
        </Space>
      )}
      <ProblemAlert error={scorecards.error ?? generate.error ?? compute.error} />
      {compute.data && compute.data.unavailable.length > 0 && (
        <ProblemAlert error={new Error(t('scoring.round.unavailable', { services: compute.data.unavailable.join(', ') }))} showDetail={false} />
      )}
      <AddPeopleModal
        open={adding}
        onAdd={(person) => addIndividual.mutateAsync(person)}
        onAdded={(count) => { void message.success(t('scoring.people.added', { count })); }}
        onClose={() => { setAdding(false); }}
      />
      <Table<ScorecardSummary>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        size="small"
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
