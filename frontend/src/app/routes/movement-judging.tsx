import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { movementContestsPath } from '@/config/paths';
import { useJudging } from '@/features/contests/api/judging';
import { JudgingDetail } from '@/features/contests/components/initiative-judging';

/** One round of a movement's initiative judging (`/movements/:campaignId/judgings/:judgingId`). */
export function MovementJudgingRoute() {
  const { t } = useTranslation();
  const { campaignId = '', judgingId = '' } = useParams();
  const judging = useJudging(judgingId);
  return (
    <section>
      <PageTitle title={judging.data?.title ?? t('contests.judging.title')} />
      <Link to={movementContestsPath(campaignId)}>{t('contests.judging.back')}</Link>
      <div style={{ marginTop: 12 }}>
        <JudgingDetail judgingId={judgingId} />
      </div>
    </section>
  );
}
