import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
// The ES module, not antd/locale/zh_CN (which requires the CommonJS build of the same texts).
import zhCN from 'antd/es/locale/zh_CN';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { AuthProvider } from './auth/auth-context';
import './i18n';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

/** antd's own English texts, fetched only when a visitor switches to English. */
function useAntdLocale(lang: string): Locale {
  const [enUS, setEnUS] = useState<Locale>();
  useEffect(() => {
    if (lang === 'en' && !enUS) void import('antd/es/locale/en_US').then((m) => setEnUS(m.default));
  }, [lang, enUS]);
  return lang === 'en' && enUS ? enUS : zhCN;
}

function Root() {
  const { i18n } = useTranslation();
  const locale = useAntdLocale(i18n.language);
  return (
    <ConfigProvider locale={locale} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
