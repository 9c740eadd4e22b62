import { MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { hasRole, useAuth } from '../auth/auth-context';
import { type Lang, setLang } from '../i18n';

/** The frame of every page: brand, navigation by role, language switch, sign-in. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const isWide = screens.md ?? true;

  const items = [
    { key: '/policy', label: <Link to="/policy">{t('nav.policy')}</Link> },
    { key: '/calculator', label: <Link to="/calculator">{t('nav.calculator')}</Link> },
    { key: '/notices', label: <Link to="/notices">{t('nav.notices')}</Link> },
    ...(hasRole(user, 'applicant') ? [{ key: '/portal', label: <Link to="/portal">{t('nav.portal')}</Link> }] : []),
    ...(hasRole(user, 'reviewer') ? [{ key: '/review', label: <Link to="/review">{t('nav.review')}</Link> }] : []),
    ...(hasRole(user, 'officer') ? [{ key: '/officer', label: <Link to="/officer">{t('nav.officer')}</Link> }] : []),
  ];
  const selected = items.map((i) => i.key).filter((k) => location.pathname.startsWith(k));
  const other: Lang = i18n.language === 'en' ? 'zh' : 'en';

  const account = user ? (
    <Dropdown
      menu={{
        items: [
          { key: 'role', label: t(`role.${user.role}`), disabled: true },
          {
            key: 'logout',
            label: t('logout'),
            onClick: async () => {
              await logout();
              navigate('/');
            },
          },
        ],
      }}
    >
      <Button
        type="text"
        style={{ color: '#fff', maxWidth: isWide ? 260 : undefined, overflow: 'hidden', textOverflow: 'ellipsis' }}
        data-testid="account-menu"
        aria-label={user.displayName}
        icon={isWide ? undefined : <UserOutlined />}
      >
        {isWide ? user.displayName : null}
      </Button>
    </Dropdown>
  ) : (
    <Button
      type="primary"
      ghost
      onClick={() => navigate(`/login?next=${encodeURIComponent(location.pathname)}`)}
      style={{ color: '#fff', borderColor: '#fff' }}
    >
      {t('login')}
    </Button>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: isWide ? 24 : 12, position: 'sticky', top: 0, zIndex: 10 }}
      >
        {!isWide && (
          <Button type="text" aria-label="menu" icon={<MenuOutlined style={{ color: '#fff' }} />} onClick={() => setDrawerOpen(true)} />
        )}
        <Link to="/" style={{ color: '#fff', fontWeight: 700, fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('appName')}
        </Link>
        {isWide && <Menu theme="dark" mode="horizontal" selectedKeys={selected} items={items} style={{ flex: 1, minWidth: 0 }} />}
        {!isWide && <div style={{ flex: 1 }} />}
        <Space>
          <Button type="text" style={{ color: '#fff' }} onClick={() => setLang(other)} data-testid="lang-switch">
            {t('language')}
          </Button>
          {account}
        </Space>
      </Layout.Header>
      <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" title={t('appName')} size="default">
        <Menu mode="inline" selectedKeys={selected} items={items} onClick={() => setDrawerOpen(false)} />
      </Drawer>
      <Layout.Content style={{ padding: isWide ? '24px 32px' : '12px 8px', maxWidth: 1440, width: '100%', margin: '0 auto' }}>
        {children}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('footer')}
        </Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
