import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { CriteriaSetList } from '@/features/scoring/components/criteria-set-list';
import { RoundsList } from '@/features/scoring/components/rounds-list';
import { hasAnyRole } from '@/lib/auth/roles';
import { useCurrentUser } from '@/lib/auth/use-session';

/** Scoring: the rounds and the criteria sets (administrators create both). */
export function ScoringRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canManage = hasAnyRole(user, ['admin']);
  const [params, setParams] = useSearchParams();
  return (
    <section>
      <PageTitle title={t('pages.scoring')} />
      <Tabs
        activeKey={params.get('tab') === 'sets' ? 'sets' : 'rounds'}
        onChange={(tab) => {
          setParams(tab === 'sets' ? { tab } : {}, { replace: true });
        }}
        items={[
          { key: 'rounds', label: t('scoring.tabs.rounds'), children: <RoundsList canManage={canManage} /> },
          { key: 'sets', label: t('scoring.tabs.criteriaSets'), children: <CriteriaSetList canManage={canManage} /> },
        ]}
      />
    </section>
  );
}
