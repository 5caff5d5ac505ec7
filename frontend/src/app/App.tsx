import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { getSession, subscribeSession } from '@/lib/auth/session';
import { i18n } from '@/lib/i18n';
import { theme } from '@/lib/theme';
import { createQueryClient } from '@/lib/react-query';
import { createAppRouter } from './router';

function AntdLocaleProvider({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  const locale = instance.resolvedLanguage === 'en' ? enUS : viVN;
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

export interface AppProviderProps {
  children: ReactNode;
  /** Tests pass their own client; the app creates one. */
  queryClient?: QueryClient;
}

/** Everything a page needs around it: translations, server state, antd locale. */
export function AppProvider({ children, queryClient }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  // What one user loaded is never shown to the next one: signing out empties the cache.
  useEffect(
    () =>
      subscribeSession(() => {
        if (getSession() === null) client.clear();
      }),
    [client],
  );
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <AntdLocaleProvider>{children}</AntdLocaleProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

export function App() {
  const [router] = useState(() => createAppRouter());
  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
