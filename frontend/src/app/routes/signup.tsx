import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@/components/ui/page-title';
import { SignUpForm } from '@/features/public/components/sign-up-form';

/** Public: a learner in the register creates their account. */
export function SignUpRoute() {
  const { t } = useTranslation();
  return (
    <Card style={{ maxWidth: 480, marginInline: 'auto' }}>
      <PageTitle title={t('signup.title')} />
      <Typography.Paragraph type="secondary">{t('signup.intro')}</Typography.Paragraph>
      <SignUpForm />
    </Card>
  );
}
