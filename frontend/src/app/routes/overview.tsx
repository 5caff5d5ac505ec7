import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { movementPath } from '@/config/paths';
import { OverviewDashboard } from '@/features/overview/components/overview-dashboard';
import { SystemStatusPanel } from '@/features/system-status/components/system-status-panel';

export function OverviewRoute() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="large">
      <PageTitle title={t('pages.overview')} />
      <OverviewDashboard movementPath={movementPath} />
      <SystemStatusPanel />
    </Flex>
  );
}
