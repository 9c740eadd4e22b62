import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useAuth } from '../auth/auth-context';
import { PlainHeading } from '../components/PlainHeading';
import { usePageTitle } from '../lib/use-page-title';

const HOME: Record<string, string> = { applicant: '/portal', reviewer: '/review', officer: '/officer', admin: '/officer' };

export function LoginPage() {
  usePageTitle('login');
  const { t, i18n } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(v.username, v.password);
      const next = params.get('next');
      navigate(next?.startsWith('/') && next !== '/login' ? next : (HOME[user.role] ?? '/'));
    } catch (e) {
      setError(e instanceof ApiError && e.status === 401 ? t('loginFailed') : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<PlainHeading>{t('loginTitle')}</PlainHeading>} style={{ maxWidth: 420, margin: '48px auto' }}>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="username" label={t('username')} rules={[{ required: true }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('login')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }} data-testid="invitation-link">
        {t('invitationAsk')}
        {i18n.language === 'en' ? ' ' : ''}
        <Link to="/invitation" style={{ textDecoration: 'underline' }}>
          {t('invitationLink')}
        </Link>
      </Typography.Paragraph>
    </Card>
  );
}
