import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { hasRole, type Role, useAuth } from './auth-context';

/** Shows `children` to signed-in users of one of `roles`; sends others to sign in, or says no. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useAuth();
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  if (user === undefined) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (user === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!hasRole(user, ...roles)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('forbidden')}
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            {t('backHome')}
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}
