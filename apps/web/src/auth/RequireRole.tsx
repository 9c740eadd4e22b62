import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LazyStatusPage } from '../components/LazyStatusPage';
import { hasRole, type Role, useAuth } from './auth-context';

/** Shows `children` to signed-in users of one of `roles`; sends others to sign in, or says no. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (user === null) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!hasRole(user, ...roles)) {
    return <LazyStatusPage status={403} />;
  }
  return <>{children}</>;
}
