import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SystemStatusPanel } from '@/features/system-status/components/system-status-panel';

const FEATURES = ['campaign', 'scoring', 'literacy'] as const;

export function HomeRoute() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="large">
      <section>
        <Typography.Title level={1}>{t('home.title')}</Typography.Title>
        <Typography.Paragraph>{t('home.intro')}</Typography.Paragraph>
        <Typography.Paragraph strong>{t('home.featuresLabel')}</Typography.Paragraph>
        <ul>
          {FEATURES.map((feature) => (
            <li key={feature}>
              <Typography.Text>{t(`home.features.${feature}`)}</Typography.Text>
            </li>
          ))}
        </ul>
      </section>
      <SystemStatusPanel />
    </Flex>
  );
}
