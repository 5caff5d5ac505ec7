import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <section>
      <Typography.Title level={1}>{t('notFound.title')}</Typography.Title>
      <Typography.Paragraph>{t('notFound.description')}</Typography.Paragraph>
      <Link to={paths.home}>{t('notFound.backHome')}</Link>
    </section>
  );
}
