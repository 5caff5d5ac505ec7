import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { paths } from '@/config/paths';
import { TasksBadge } from '@/features/recognition/components/tasks-inbox';
import { isRole, startPathFor } from '@/lib/auth/roles';
import { signOut } from '@/lib/auth/session';
import { useCurrentUser } from '@/lib/auth/use-session';
import { NAV_ITEMS, access, mayOpen, navItemsFor } from '../navigation';

const MAIN_ID = 'main-content';

/** The menu key of a location: the nav item whose path is the longest prefix of it. */
function selectedKey(pathname: string): string {
  const matches = NAV_ITEMS.filter(
    (item) => pathname === item.path || (item.path !== paths.home && pathname.startsWith(`${item.path}/`)),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '';
}

/**
 * The signed-in application: side menu (items by role), header with the user,
 * their roles, the language switch and sign-out. On phones the menu is a drawer.
 */
export function AppShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const wide = screens.lg ?? true;

  const items: MenuProps['items'] = navItemsFor(user).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: <Link to={item.path} onClick={() => { setDrawerOpen(false); }}>{t(item.label)}</Link>,
  }));
  const menu = (
    <nav aria-label={t('nav.label')}>
      <Menu mode="inline" items={items} selectedKeys={[selectedKey(location.pathname)]} style={{ borderInlineEnd: 0 }} />
    </nav>
  );
  const roleNames = user.roles.filter(isRole).map((role) => t(`roles.${role}`)).join(', ');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="app-header" style={{ paddingInline: 24 }}>
        <Flex justify="space-between" align="center" gap="middle" style={{ height: '100%' }}>
          <Flex align="center" gap="small">
            {!wide && (
              <Button
                type="text"
                aria-label={t('nav.open')}
                aria-expanded={drawerOpen}
                icon={<MenuOutlined style={{ color: '#fff' }} />}
                onClick={() => { setDrawerOpen(true); }}
              />
            )}
            <Link to={startPathFor(user)} className="app-name">
              {t('app.name')}
            </Link>
          </Flex>
          <Flex align="center" gap="middle">
            {mayOpen(user, access.tasks) && <TasksBadge to={paths.tasks} label={t('tasks.short')} />}
            <section aria-label={t('user.label')} className="app-user">
              {/* A learner's account has no name of its own (they sign in with their national ID). */}
              {(user.full_name || user.username) && (
                <span className="app-user-name">{user.full_name || user.username}</span>
              )}
              <span className="app-user-roles">{roleNames}</span>
            </section>
            {wide && <LanguageSwitch />}
            <Button
              icon={<LogoutOutlined aria-hidden />}
              onClick={() => {
                void signOut();
                void navigate(paths.login, { replace: true });
              }}
            >
              {wide ? t('user.logout') : <span className="visually-hidden">{t('user.logout')}</span>}
            </Button>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout hasSider={wide}>
        {wide ? (
          <Layout.Sider width={240} theme="light">
            {menu}
          </Layout.Sider>
        ) : (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => { setDrawerOpen(false); }}
            title={t('app.name')}
            closable={{ 'aria-label': t('nav.close') }}
            size={260}
          >
            {menu}
            <div style={{ padding: 16 }}>
              <LanguageSwitch />
            </div>
          </Drawer>
        )}
        <Layout.Content id={MAIN_ID} tabIndex={-1} style={{ padding: wide ? 24 : 12, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
