import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { IndexPage } from '@/features/indices/components/index-page';

/** Composite indices (DTI-style): frameworks, values, runs, rank intervals and what-if weights. */
export function IndicesRoute() {
  const { t } = useTranslation();
  return (
    <section>
      <PageTitle title={t('indices.title')} />
      <IndexPage />
    </section>
  );
}
