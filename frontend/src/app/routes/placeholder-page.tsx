import { Typography } from 'antd';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';

/** A page not built yet: its title and a note. Replace with the feature's page. */
export function PlaceholderPage({ title }: { title: ParseKeys }) {
  const { t } = useTranslation();
  return (
    <section>
      <PageTitle title={t(title)} />
      <Typography.Paragraph>{t('pages.placeholder')}</Typography.Paragraph>
    </section>
  );
}
