import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { SystemStatusPanel } from '@/features/system-status/components/system-status-panel';

export function OverviewRoute() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="large">
      <section>
        <PageTitle title={t('pages.overview')} />
        <Typography.Paragraph>{t('pages.placeholder')}</Typography.Paragraph>
      </section>
      <SystemStatusPanel />
    </Flex>
  );
}
