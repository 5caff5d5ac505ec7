import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { ClientsAdmin } from '@/features/admin/components/clients-admin';

export function ApiClientsRoute() {
  const { t } = useTranslation();
  return (
    <section>
      <PageTitle title={t('admin.clients.title')} />
      <ClientsAdmin />
    </section>
  );
}
