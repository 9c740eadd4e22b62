import { AppstoreOutlined, BankOutlined, TrophyOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title';
import { ApplicationPage } from './ApplicationPage';
import { ApplyPage } from './ApplyPage';
import { AwardsPage } from './AwardsPage';
import { PortalDashboard } from './PortalDashboard';
import { ProfilePage } from './ProfilePage';
import { ReceiptPage } from './ReceiptPage';

/** The enterprise portal (企业服务), for applicants: nested under /portal. */
export function PortalRoutes() {
  usePageTitle('nav.portal');
  return (
    <div>
      <PortalNav />
      <Routes>
        <Route index element={<PortalDashboard />} />
        <Route path="apply" element={<ApplyPage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="awards" element={<AwardsPage />} />
        <Route path="applications/:id" element={<ApplicationPage />} />
        <Route path="applications/:id/receipt" element={<ReceiptPage />} />
        <Route path="*" element={<Navigate to="/portal" replace />} />
      </Routes>
    </div>
  );
}

function PortalNav() {
  const { t } = useTranslation('portal');
  const { pathname } = useLocation();
  const selected = pathname.startsWith('/portal/profile') ? 'profile' : pathname.startsWith('/portal/awards') ? 'awards' : 'home';
  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="horizontal"
        selectedKeys={[selected]}
        style={{ marginBottom: 16, background: 'transparent' }}
        items={[
          { key: 'home', icon: <AppstoreOutlined />, label: <Link to="/portal">{t('nav.dashboard')}</Link> },
          { key: 'profile', icon: <BankOutlined />, label: <Link to="/portal/profile">{t('nav.profile')}</Link> },
          { key: 'awards', icon: <TrophyOutlined />, label: <Link to="/portal/awards">{t('nav.awards')}</Link> },
        ]}
      />
    </nav>
  );
}
