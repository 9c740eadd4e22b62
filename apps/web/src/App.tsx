import { Spin } from 'antd';
import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { RequireRole } from './auth/RequireRole';
import { LazyStatusPage } from './components/LazyStatusPage';
import i18n, { AREA_NAMESPACES } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { lazyWithPreload, named } from './lib/lazy-with-preload';
import { HomePage } from './pages/HomePage';

/**
 * The texts of every area (i18next namespaces), fetched with the first area opened, whichever it
 * is: a page then never waits for texts in the middle of its work, where a component that
 * suspended would be drawn anew and lose what was typed in it. The home page needs none of them.
 */
const withTexts =
  <T,>(load: () => Promise<T>) =>
  () =>
    Promise.all([load(), i18n.loadNamespaces(AREA_NAMESPACES)]).then(([m]) => m);

// Each area is a chunk of its own, fetched when it is first opened: the home page carries none of
// them, a visitor of the public pages never loads the consoles, an applicant never the officer's.
const LoginPage = lazyWithPreload(withTexts(() => import('./pages/LoginPage').then(named('LoginPage'))));
const InvitationPage = lazyWithPreload(withTexts(() => import('./pages/InvitationPage').then(named('InvitationPage'))));
const PolicyPage = lazyWithPreload(withTexts(() => import('./pages/policy/PolicyPage').then(named('PolicyPage'))));
const CalculatorPage = lazyWithPreload(withTexts(() => import('./pages/calculator/CalculatorPage').then(named('CalculatorPage'))));
const NoticesPage = lazyWithPreload(withTexts(() => import('./pages/notices/NoticesPage').then(named('NoticesPage'))));
const PortalRoutes = lazyWithPreload(withTexts(() => import('./pages/portal/PortalRoutes').then(named('PortalRoutes'))));
const ReviewRoutes = lazyWithPreload(withTexts(() => import('./pages/review/ReviewRoutes').then(named('ReviewRoutes'))));
const OfficerRoutes = lazyWithPreload(withTexts(() => import('./pages/officer/OfficerRoutes').then(named('OfficerRoutes'))));

/** Each area by the start of its addresses. */
const AREAS = [
  { prefix: '/login', page: LoginPage },
  { prefix: '/invitation', page: InvitationPage },
  { prefix: '/policy', page: PolicyPage },
  { prefix: '/calculator', page: CalculatorPage },
  { prefix: '/notices', page: NoticesPage },
  { prefix: '/portal', page: PortalRoutes },
  { prefix: '/review', page: ReviewRoutes },
  { prefix: '/officer', page: OfficerRoutes },
];

// The area the address opens is fetched at once, with the texts, beside the sign-in check
// (/api/v1/auth/me) that the consoles wait for, instead of after it.
if (typeof window !== 'undefined') void AREAS.find((a) => window.location.pathname.startsWith(a.prefix))?.page.preload();

export function App() {
  return (
    <AppLayout>
      <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/invitation" element={<InvitationPage />} />
          <Route path="/policy/*" element={<PolicyPage />} />
          <Route path="/calculator/*" element={<CalculatorPage />} />
          <Route path="/notices/*" element={<NoticesPage />} />
          <Route
            path="/portal/*"
            element={
              <RequireRole roles={['applicant']}>
                <PortalRoutes />
              </RequireRole>
            }
          />
          <Route
            path="/review/*"
            element={
              <RequireRole roles={['reviewer']}>
                <ReviewRoutes />
              </RequireRole>
            }
          />
          <Route
            path="/officer/*"
            element={
              <RequireRole roles={['officer']}>
                <OfficerRoutes />
              </RequireRole>
            }
          />
          <Route path="*" element={<LazyStatusPage status={404} />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}
