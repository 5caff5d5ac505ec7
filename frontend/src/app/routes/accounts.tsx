import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { AccountsAdmin } from '@/features/admin/components/accounts-admin';

export function AccountsRoute() {
  const { t } = useTranslation();
  return (
    <section>
      <PageTitle title={t('pages.accounts')} />
      <AccountsAdmin />
    </section>
  );
}
