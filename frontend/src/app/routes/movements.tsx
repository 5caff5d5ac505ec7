import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { movementPath, paths } from '@/config/paths';
import { CampaignList } from '@/features/movements/components/campaign-list';

export function MovementsRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <section>
      <PageTitle title={t('pages.movements')} />
      <CampaignList detailPath={movementPath} onCreate={() => void navigate(paths.movementNew)} />
    </section>
  );
}
