import {
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  GiftOutlined,
  ImportOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  PieChartOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Grid, Layout, Menu, Spin } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { lazyWithPreload, named } from '../../lib/lazy-with-preload';
import { usePageTitle } from '../../lib/use-page-title';

// Each page of the console is a chunk of its own (the dashboard's charts, the queue's tables, the
// application's review forms): the page an address opens is fetched at once, the others when opened.
const DashboardPage = lazyWithPreload(() => import('./DashboardPage'));
const QueuePage = lazyWithPreload(() => import('./QueuePage').then(named('QueuePage')));
const ApplicationPage = lazyWithPreload(() => import('./ApplicationPage').then(named('ApplicationPage')));
const CallsPage = lazyWithPreload(() => import('./CallsPage').then(named('CallsPage')));
const AllocationPage = lazyWithPreload(() => import('./AllocationPage').then(named('AllocationPage')));
const NoticesAdminPage = lazyWithPreload(() => import('./NoticesAdminPage').then(named('NoticesAdminPage')));
const OtherAwardsPage = lazyWithPreload(() => import('./OtherAwardsPage').then(named('OtherAwardsPage')));
const MatchJobsPage = lazyWithPreload(() => import('./MatchJobsPage').then(named('MatchJobsPage')));
const AuditPage = lazyWithPreload(() => import('./AuditPage').then(named('AuditPage')));
const OfferBatchesPage = lazyWithPreload(() => import('./OfferBatchesPage').then(named('OfferBatchesPage')));
const OfferBatchNewPage = lazyWithPreload(() => import('./OfferBatchNewPage').then(named('OfferBatchNewPage')));
const OfferBatchPage = lazyWithPreload(() => import('./OfferBatchPage').then(named('OfferBatchPage')));
const PolicyVersionsPage = lazyWithPreload(() => import('./PolicyVersionsPage').then(named('PolicyVersionsPage')));
const PolicyVersionPage = lazyWithPreload(() => import('./PolicyVersionPage').then(named('PolicyVersionPage')));
const PolicyVersionFormPage = lazyWithPreload(() => import('./PolicyVersionFormPage').then(named('PolicyVersionFormPage')));
const SimulationsPage = lazyWithPreload(() => import('./SimulationsPage').then(named('SimulationsPage')));
const SimulationPage = lazyWithPreload(() => import('./SimulationPage').then(named('SimulationPage')));

/** The page of an address under /officer, to fetch as soon as the console's own code is here. */
function pageOf(path: string) {
  const [, , section = '', id] = path.split('/');
  if (section === 'applications') return id ? ApplicationPage : QueuePage;
  if (section === 'offer-batches') return id === 'new' ? OfferBatchNewPage : id ? OfferBatchPage : OfferBatchesPage;
  if (section === 'policy-versions')
    return id === 'new' || path.endsWith('/edit') ? PolicyVersionFormPage : id ? PolicyVersionPage : PolicyVersionsPage;
  if (section === 'simulations') return id ? SimulationPage : SimulationsPage;
  const bySection = {
    '': DashboardPage,
    dashboard: DashboardPage,
    calls: CallsPage,
    allocation: AllocationPage,
    notices: NoticesAdminPage,
    'other-awards': OtherAwardsPage,
    match: MatchJobsPage,
    audit: AuditPage,
  } as const;
  return bySection[section as keyof typeof bySection];
}
if (typeof window !== 'undefined') void pageOf(window.location.pathname)?.preload();

const SECTIONS = [
  { key: 'dashboard', icon: <BarChartOutlined /> },
  { key: 'applications', icon: <FileSearchOutlined /> },
  { key: 'calls', icon: <CalendarOutlined /> },
  { key: 'allocation', icon: <PieChartOutlined /> },
  { key: 'notices', icon: <NotificationOutlined /> },
  { key: 'other-awards', icon: <ImportOutlined /> },
  { key: 'match', icon: <ThunderboltOutlined /> },
  { key: 'offer-batches', icon: <GiftOutlined /> },
  { key: 'policy-versions', icon: <NodeIndexOutlined /> },
  { key: 'simulations', icon: <ExperimentOutlined /> },
  { key: 'audit', icon: <AuditOutlined /> },
] as const;

/**
 * The officer console (管理后台) under /officer: a side menu of its sections on a wide screen, a
 * scrolling menu above the page on a phone. Per-call pages keep the chosen call in `?call=`,
 * which the menu carries from page to page.
 */
export function OfficerRoutes() {
  const { t } = useTranslation('officer');
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isWide = screens.lg ?? true;
  const section = location.pathname.split('/')[2] || 'dashboard';
  usePageTitle(SECTIONS.some((s) => s.key === section) ? `nav.${section}` : 'nav.dashboard', 'officer');
  const call = new URLSearchParams(location.search).get('call');
  const carry = call ? `?call=${encodeURIComponent(call)}` : '';
  const items = SECTIONS.map((s) => ({
    key: s.key,
    icon: s.icon,
    label: <Link to={`/officer/${s.key}${carry}`}>{t(`nav.${s.key}`)}</Link>,
  }));

  const pages = (
    <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
      <Routes>
        {/* The console opens on the dashboard itself: a redirect here can stall behind the lazy page. */}
        <Route index element={<DashboardPage />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="applications" element={<QueuePage />} />
        <Route path="applications/:id" element={<ApplicationPage />} />
        <Route path="calls" element={<CallsPage />} />
        <Route path="allocation" element={<AllocationPage />} />
        <Route path="notices" element={<NoticesAdminPage />} />
        <Route path="other-awards" element={<OtherAwardsPage />} />
        <Route path="match" element={<MatchJobsPage />} />
        <Route path="offer-batches" element={<OfferBatchesPage />} />
        <Route path="offer-batches/new" element={<OfferBatchNewPage />} />
        <Route path="offer-batches/:id" element={<OfferBatchPage />} />
        <Route path="policy-versions" element={<PolicyVersionsPage />} />
        <Route path="policy-versions/new" element={<PolicyVersionFormPage />} />
        <Route path="policy-versions/:number" element={<PolicyVersionPage />} />
        <Route path="policy-versions/:number/edit" element={<PolicyVersionFormPage />} />
        <Route path="simulations" element={<SimulationsPage />} />
        <Route path="simulations/:id" element={<SimulationPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="*" element={<Navigate to="/officer/dashboard" replace />} />
      </Routes>
    </Suspense>
  );

  // One tree for both widths, so that a change of breakpoint (a rotated tablet, a resized window)
  // never remounts the page and loses what the officer was doing.
  return (
    <Layout hasSider={isWide} style={{ background: 'transparent', gap: isWide ? 20 : 0 }}>
      {isWide && (
        <Layout.Sider width={184} theme="light" style={{ background: 'transparent' }}>
          <nav aria-label={t('nav.label')} style={{ position: 'sticky', top: 88 }}>
            <Menu
              mode="inline"
              selectedKeys={[section]}
              items={items}
              style={{ borderRadius: 8, borderInlineEnd: 'none', paddingBlock: 4 }}
            />
          </nav>
        </Layout.Sider>
      )}
      {/* A plain box, not Layout.Content: that is a <main>, and the app's frame has the one main. */}
      <div style={{ flex: 'auto', minWidth: 0 }}>
        {!isWide && (
          <nav aria-label={t('nav.label')}>
            {/* Scrolled sideways, not folded into "…": antd's folded items stay focusable while hidden from screen readers. */}
            <Menu
              mode="horizontal"
              disabledOverflow
              selectedKeys={[section]}
              items={items}
              style={{ marginBottom: 12, borderRadius: 8, overflowX: 'auto', flexWrap: 'nowrap' }}
            />
          </nav>
        )}
        {pages}
      </div>
    </Layout>
  );
}
