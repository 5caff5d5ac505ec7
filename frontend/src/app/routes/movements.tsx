import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageTitle } from '@/components/ui/page-title';
import { movementPath, paths } from '@/config/paths';
import { CampaignList } from '@/features/movements/components/campaign-list';
import { hasAnyRole } from '@/lib/auth/roles';
import { useCurrentUser } from '@/lib/auth/use-session';
import { access } from '../navigation';

export function MovementsRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  return (
    <section>
      <PageTitle
        title={t('pages.movements')}
        extra={
          hasAnyRole(user, access.movementsManage) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(paths.movementNew)}>
              {t('movements.list.new')}
            </Button>
          )
        }
      />
      <CampaignList detailPath={movementPath} />
    </section>
  );
}
