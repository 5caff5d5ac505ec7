import { Descriptions, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { paths } from '@/config/paths';
import { BuildDossiers } from '@/features/recognition/components/build-dossiers';
import { useCriteriaSet } from '@/features/scoring/api/get-criteria-sets';
import { useRound } from '@/features/scoring/api/get-rounds';
import { ProposalsView } from '@/features/scoring/components/proposals-view';
import { RankingView } from '@/features/scoring/components/ranking-view';
import { RoundScorecards } from '@/features/scoring/components/round-scorecards';
import { useFormatters } from '@/lib/format';

const TABS = ['scorecards', 'ranking', 'proposals'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => TABS.some((tab) => tab === value);

/** A scoring round (`/scoring/rounds/:roundId`): scorecards, ranking per cluster, proposals. */
export function RoundRoute() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { roundId = '' } = useParams();
  const round = useRound(roundId);
  const criteriaSet = useCriteriaSet(round.data?.criteria_set_id);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab');
  return (
    <section>
      <PageTitle title={round.data?.name ?? t('scoring.round.title')} />
      <Link to={paths.scoring}>{t('scoring.round.back')}</Link>
      <ProblemAlert error={round.error ?? criteriaSet.error} />
      {round.data && (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBlock: 12 }}>
          <Descriptions.Item label={t('scoring.rounds.criteriaSet')}>
            <Link to={`${paths.scoringCriteriaSets}/${round.data.criteria_set_id}`}>
              {criteriaSet.data?.criteriaSet.name ?? '…'}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('scoring.rounds.period')}>
            {format.date(round.data.period_start)} – {format.date(round.data.period_end)}
          </Descriptions.Item>
          <Descriptions.Item label={t('scoring.rounds.topBandShare')}>
            {round.data.top_band_max_share ? format.percent(round.data.top_band_max_share) : '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Tabs
        activeKey={isTab(tab) ? tab : 'scorecards'}
        onChange={(next) => {
          setParams({ tab: next }, { replace: true });
        }}
        items={[
          {
            key: 'scorecards',
            label: t('scoring.round.scorecards'),
            children: <RoundScorecards roundId={roundId} round={round.data} />,
          },
          {
            key: 'ranking',
            label: t('scoring.round.ranking'),
            children: <RankingView roundId={roundId} round={round.data} bands={criteriaSet.data?.criteriaSet.bands ?? []} />,
          },
          {
            key: 'proposals',
            label: t('scoring.round.proposals'),
            children: (
              <>
                {criteriaSet.data?.criteriaSet.campaign_id && (
                  <BuildDossiers roundId={roundId} campaignId={criteriaSet.data.criteriaSet.campaign_id} />
                )}
                <ProposalsView roundId={roundId} />
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
