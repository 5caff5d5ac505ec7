import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { ContestDashboard } from '@/features/contests/components/contest-dashboard';
import { InitiativeJudging } from '@/features/contests/components/initiative-judging';

/** A movement's online contests: rounds with live counts, the unit participation chart, results and flags. */
export function MovementContestsRoute() {
  const { t } = useTranslation();
  const { campaignId = '' } = useParams();
  return (
    <section>
      <PageTitle title={t('contests.admin.title')} />
      <Flex vertical gap="large">
        <ContestDashboard campaignId={campaignId} />
        <InitiativeJudging campaignId={campaignId} />
      </Flex>
    </section>
  );
}
