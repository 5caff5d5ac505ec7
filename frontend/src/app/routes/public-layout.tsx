import { Flex, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { paths } from '@/config/paths';
import { LanguageSwitch } from '@/components/ui/language-switch';

const MAIN_ID = 'main-content';

/** Pages open to everyone (login, 404): the product name and the language switch, no menu. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="app-header" style={{ paddingInline: 24 }}>
        <Flex justify="space-between" align="center" gap="middle" style={{ height: '100%' }}>
          <Link to={paths.home} className="app-name">
            {t('app.name')}
          </Link>
          <LanguageSwitch />
        </Flex>
      </Layout.Header>
      <Layout.Content id={MAIN_ID} tabIndex={-1} style={{ padding: 24 }}>
        <div style={{ maxWidth: 960, marginInline: 'auto' }}>
          <Outlet />
        </div>
      </Layout.Content>
    </Layout>
  );
}
