import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import type { Locale } from 'antd/es/locale';
// The ES module, not antd/locale/zh_CN (which requires the CommonJS build of the same texts).
import zhCN from 'antd/es/locale/zh_CN';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { App } from './App';
import { AuthProvider } from './auth/auth-context';
import './i18n';

/**
 * Ant Design's theme, set so that text reads at a contrast of at least 4.5:1 (WCAG AA) on the
 * white and grey (#f5f5f5) backgrounds of the app, as a page an officer prints and an applicant
 * reads on a phone in daylight must: the primary blue one step darker (white on it 6:1, it on its
 * light tint 5.3:1, where antd's default gives 4.1 and 3.7), secondary and tertiary text darker
 * than antd's 45% and 25% black (3.4:1), and the preset greens and oranges of tags from a darker
 * seed. Tokens, not per-component styles: every component follows.
 */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    // Hover and press go darker, not lighter as antd derives them: white on them stays above 4.5:1.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    borderRadius: 6,
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Read-only forms (an application once submitted) show what was entered: readable, not faded.
    colorTextDisabled: 'rgba(0, 0, 0, 0.6)',
    green: '#237804',
    orange: '#ad4e00',
    gold: '#ad6800',
    colorInfo: '#0958d9',
    cyan: '#006d75',
    colorSuccess: '#237804',
    colorWarning: '#874d00',
    colorError: '#cf1322',
    // The light fills and borders as antd's defaults: derived from the darker seeds above they
    // would turn grey.
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
  },
};

/**
 * A data router around the app's own <Routes>: the same addresses, and it lets a page hold a
 * navigation back (useBlocker) while it has unsaved changes.
 */
const router = createBrowserRouter([{ path: '*', element: <App /> }]);

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
    <ConfigProvider locale={locale} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <RouterProvider router={router} />
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
