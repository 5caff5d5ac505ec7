import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { ImportPanel } from '@/features/literacy/components/import-panel';
import { LiteracyNav } from '@/features/literacy/components/literacy-nav';

export function LiteracyImportsRoute() {
  const { t } = useTranslation();
  return (
    <section>
      <PageTitle title={t('literacy.imports.title')} />
      <LiteracyNav active="imports" />
      <ImportPanel />
    </section>
  );
}
