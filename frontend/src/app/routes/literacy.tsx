import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { CoveragePanel } from '@/features/literacy/components/coverage-panel';
import { LiteracyNav } from '@/features/literacy/components/literacy-nav';
import { useCurrentUser } from '@/lib/auth/use-session';
import { literacyPagesFor } from '../navigation';

/** The section's first page: training coverage by commune, category, gender and month. */
export function LiteracyRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <section>
      <PageTitle title={t('literacy.coverage.title')} />
      <LiteracyNav active="coverage" visible={literacyPagesFor(user)} />
      <CoveragePanel />
    </section>
  );
}
