import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { UnitsAdmin } from '@/features/admin/components/units-admin';

export function UnitsRoute() {
  const { t } = useTranslation();
  return (
    <section>
      <PageTitle title={t('admin.units.title')} />
      <UnitsAdmin />
    </section>
  );
}
