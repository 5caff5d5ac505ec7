import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { PageLoader } from '@/components/ui/page-loader';
import { paths } from '@/config/paths';
import { isLearnerOnly, startPathFor } from '@/lib/auth/roles';
import type { Role } from '@/lib/auth/roles';
import { useCurrentUser, useSessionState } from '@/lib/auth/use-session';
import { mayOpen } from './navigation';

/** Renders its child routes for a signed-in user (waiting while a reload restores the session); otherwise sends to /login?next=<here>. */
export function RequireAuth() {
  const { session, ended, restoring } = useSessionState();
  const location = useLocation();
  if (session) return <Outlet />;
  // A reload or a new tab: the session comes back from the cookie in a moment.
  if (restoring) return <PageLoader />;
  // Signing out on purpose starts afresh; an expired session comes back to where it was.
  const next = ended === 'signed-out' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
  return <Navigate to={`${paths.login}${next}`} replace />;
}

/**
 * Renders its child routes when the user has one of `roles` (from navigation.tsx). A learner is sent
 * to their own page; anyone else sees a "no access" page.
 */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const user = useCurrentUser();
  if (mayOpen(user, roles)) return <Outlet />;
  if (isLearnerOnly(user)) return <Navigate to={paths.me} replace />;
  return <Forbidden startPath={startPathFor(user)} />;
}

function Forbidden({ startPath }: { startPath: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('forbidden.title')}</h1>}
      subTitle={t('forbidden.description')}
      extra={<Link to={startPath}>{t('forbidden.backHome')}</Link>}
    />
  );
}
