import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { MyDataCard } from '@/features/my-progress/components/my-data';
import { MyProgressPanel } from '@/features/my-progress/components/my-progress';

/** The learner's page, built for a phone first (one column, no charts). */
export function MyProgressRoute() {
  const { t } = useTranslation();
  return (
    <section style={{ maxWidth: 720, marginInline: 'auto' }}>
      <PageTitle title={t('pages.me')} />
      <MyProgressPanel />
      <MyDataCard />
    </section>
  );
}
