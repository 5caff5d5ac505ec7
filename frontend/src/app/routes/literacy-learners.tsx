import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { LearnersSearch } from '@/features/literacy/components/learners-search';
import { LiteracyNav } from '@/features/literacy/components/literacy-nav';
import { useCurrentUser } from '@/lib/auth/use-session';
import { literacyPagesFor } from '../navigation';

export function LiteracyLearnersRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <section>
      <PageTitle title={t('literacy.learners.title')} />
      <LiteracyNav active="learners" visible={literacyPagesFor(user)} />
      <LearnersSearch />
    </section>
  );
}
