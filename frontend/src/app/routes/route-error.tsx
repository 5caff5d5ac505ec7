import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { paths } from '@/config/paths';

/**
 * Shown when rendering or loading a route throws. It replaces the whole shell,
 * so it uses a plain link that reloads the app.
 */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: 24 }}>
      <Typography.Title level={1}>{t('error.title')}</Typography.Title>
      <Typography.Paragraph>{t('error.description')}</Typography.Paragraph>
      <a href={paths.home}>{t('error.backHome')}</a>
    </main>
  );
}
