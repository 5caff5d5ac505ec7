import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { ImportPanel } from '@/features/literacy/components/import-panel';
import { LiteracyNav } from '@/features/literacy/components/literacy-nav';
import { useCurrentUser } from '@/lib/auth/use-session';
import { literacyPagesFor } from '../navigation';

export function LiteracyImportsRoute() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <section>
      <PageTitle title={t('literacy.imports.title')} />
      <LiteracyNav active="imports" visible={literacyPagesFor(user)} />
      <ImportPanel />
    </section>
  );
}
