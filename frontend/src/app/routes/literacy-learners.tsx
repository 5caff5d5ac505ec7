import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { LearnersSearch } from '@/features/literacy/components/learners-search';
import { LiteracyNav } from '@/features/literacy/components/literacy-nav';

export function LiteracyLearnersRoute() {
  const { t } = useTranslation();
  return (
    <section>
      <PageTitle title={t('literacy.learners.title')} />
      <LiteracyNav active="learners" />
      <LearnersSearch />
    </section>
  );
}
