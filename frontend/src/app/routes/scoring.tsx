import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { CriteriaSetList } from '@/features/scoring/components/criteria-set-list';
import { RoundsList } from '@/features/scoring/components/rounds-list';

/** Scoring: the rounds and the criteria sets (each list says whether the user may add to it). */
export function ScoringRoute() {
  const { t } = useTranslation();
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
          { key: 'rounds', label: t('scoring.tabs.rounds'), children: <RoundsList /> },
          { key: 'sets', label: t('scoring.tabs.criteriaSets'), children: <CriteriaSetList /> },
        ]}
      />
    </section>
  );
}
