import { AppstoreOutlined, BankOutlined, FundOutlined, MailOutlined, TrophyOutlined } from '@ant-design/icons';
import { Badge, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { usePageTitle } from '../../lib/use-page-title';
import { ApplicationPage } from './ApplicationPage';
import { ApplyPage } from './ApplyPage';
import { AwardsPage } from './AwardsPage';
import { MessagesPage } from './MessagesPage';
import { OfferPage } from './OfferPage';
import { OutlookPage } from './OutlookPage';
import { useUnreadCount } from './offer-queries';
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
        <Route path="outlook" element={<OutlookPage />} />
        <Route path="messages" element={<MessagesPage />} />
        <Route path="offers/:id" element={<OfferPage />} />
        <Route path="applications/:id" element={<ApplicationPage />} />
        <Route path="applications/:id/receipt" element={<ReceiptPage />} />
        <Route path="*" element={<Navigate to="/portal" replace />} />
      </Routes>
    </div>
  );
}

const SECTIONS = ['outlook', 'profile', 'awards', 'messages'] as const;

function PortalNav() {
  const { t, i18n } = useTranslation('portal');
  const { pathname } = useLocation();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const selected = SECTIONS.find((s) => pathname.startsWith(`/portal/${s}`)) ?? 'home';
  return (
    <nav aria-label={t('nav.label')}>
      {/* Scrolled sideways on a phone, not folded into "…": the unread badge stays in sight. */}
      <Menu
        mode="horizontal"
        disabledOverflow
        selectedKeys={[selected]}
        style={{ marginBottom: 16, background: 'transparent', overflowX: 'auto', flexWrap: 'nowrap' }}
        items={[
          { key: 'home', icon: <AppstoreOutlined />, label: <Link to="/portal">{t('nav.dashboard')}</Link> },
          { key: 'outlook', icon: <FundOutlined />, label: <Link to="/portal/outlook">{t('nav.outlook')}</Link> },
          { key: 'profile', icon: <BankOutlined />, label: <Link to="/portal/profile">{t('nav.profile')}</Link> },
          { key: 'awards', icon: <TrophyOutlined />, label: <Link to="/portal/awards">{t('nav.awards')}</Link> },
          {
            key: 'messages',
            icon: <MailOutlined />,
            label: (
              <Link
                to="/portal/messages"
                aria-label={
                  count > 0 ? `${t('nav.messages')}${i18n.language === 'en' ? ', ' : '，'}${t('nav.unread', { count })}` : undefined
                }
              >
                {t('nav.messages')}
                {count > 0 && (
                  <Badge
                    count={count}
                    overflowCount={99}
                    size="small"
                    style={{ marginInlineStart: 6 }}
                    data-testid="messages-unread"
                    aria-hidden
                  />
                )}
              </Link>
            ),
          },
        ]}
      />
    </nav>
  );
}
