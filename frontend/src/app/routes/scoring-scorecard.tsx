import { Spin, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { paths } from '@/config/paths';
import { getCriteriaSetQueryOptions } from '@/features/scoring/api/get-criteria-sets';
import { useRound } from '@/features/scoring/api/get-rounds';
import { useScorecard } from '@/features/scoring/api/get-scorecard';
import { ScorecardForm } from '@/features/scoring/components/scorecard-form';
import { ScorecardHistory } from '@/features/scoring/components/scorecard-history';

/**
 * A scorecard (`/scoring/scorecards/:scorecardId`): the form and its audit trail. A card the user
 * may not read answers 404 (scoring-api does not even say it exists), which the page says.
 */
export function ScorecardRoute() {
  const { t } = useTranslation();
  const { scorecardId = '' } = useParams();
  const scorecard = useScorecard(scorecardId);
  const roundId = scorecard.data?.scorecard.round_id;
  const round = useRound(roundId ?? '');
  const setId = round.data?.criteria_set_id;
  const criteriaSet = useQuery({ ...getCriteriaSetQueryOptions(setId ?? ''), enabled: !!setId });
  const data = scorecard.data;
  return (
    <section>
      <PageTitle title={data ? t('scoring.scorecard.title', { name: data.scorecard.subject_name }) : t('scoring.scorecard.loading')} />
      {roundId && <Link to={`${paths.scoringRounds}/${roundId}`}>{t('scoring.scorecard.back', { round: round.data?.name ?? '' })}</Link>}
      <ProblemAlert error={scorecard.error ?? round.error ?? criteriaSet.error} messages={{ 404: t('scoring.scorecard.notFound') }} />
      {(scorecard.isPending || criteriaSet.isPending) && !scorecard.error && <Spin />}
      {data && criteriaSet.data && (
        <Tabs
          items={[
            {
              key: 'form',
              label: t('scoring.scorecard.formTab'),
              children: (
                <ScorecardForm
                  key={data.etag ?? data.scorecard.updated_at}
                  scorecard={data.scorecard}
                  etag={data.etag}
                  criteria={criteriaSet.data.criteriaSet.criteria}
                  bands={criteriaSet.data.criteriaSet.bands}
                />
              ),
            },
            { key: 'history', label: t('scoring.scorecard.historyTab'), children: <ScorecardHistory scorecardId={scorecardId} criteria={criteriaSet.data.criteriaSet.criteria} /> },
          ]}
        />
      )}
    </section>
  );
}
