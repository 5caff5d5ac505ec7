import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { paths, safeNextPath } from '@/config/paths';
import { LoginForm } from '@/features/auth/components/login-form';
import { startPathFor } from '@/lib/auth/roles';
import { useSessionState } from '@/lib/auth/use-session';

export function LoginRoute() {
  const { t } = useTranslation();
  const { session, ended, restoring } = useSessionState();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNextPath(params.get('next'));

  if (session) return <Navigate to={next ?? startPathFor(session.user)} replace />;
  if (restoring) return <PageLoader />;

  return (
    <Card style={{ maxWidth: 480, marginInline: 'auto' }}>
      <PageTitle title={t('login.title')} />
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <LoginForm
        ended={ended}
        onSignedIn={(signedIn) => {
          void navigate(next ?? startPathFor(signedIn.user), { replace: true });
        }}
      />
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {t('signup.learnerNoAccount')} <Link to={paths.signup} className="inline-link">{t('signup.title')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
