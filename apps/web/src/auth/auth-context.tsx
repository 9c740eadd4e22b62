import type { CurrentSession, InvitationSignUpBody, LoginResponse, User } from '@ftai/api';
import { actsAs, type Role } from '@ftai/api/statuses';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, setCsrfToken } from '../api/client';

export type { Role };

interface AuthState {
  /** undefined while the first /auth/me is under way. */
  readonly user: User | null | undefined;
  login(username: string, password: string): Promise<User>;
  /** 凭邀请码注册: creates the enterprise's account with its invitation code and signs in; the offer it leads to. */
  signUpWithInvitation(body: InvitationSignUpBody): Promise<{ user: User; offerId: string }>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    api
      .get<CurrentSession>('/api/v1/auth/me')
      .then((r) => {
        setCsrfToken(r.csrfToken);
        setUser(r.user);
      })
      .catch((e: unknown) => {
        if (!(e instanceof ApiError)) console.warn(e);
        setUser(null);
      });
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const r = await api.post<LoginResponse>('/api/v1/auth/login', { username, password });
    setCsrfToken(r.csrfToken);
    setUser(r.user);
    return r.user;
  }, []);

  const signUpWithInvitation = useCallback(async (body: InvitationSignUpBody) => {
    const r = await api.post<LoginResponse & { offerId: string }>('/api/v1/auth/invitation', body);
    setCsrfToken(r.csrfToken);
    setUser(r.user);
    return { user: r.user, offerId: r.offerId };
  }, []);

  const logout = useCallback(async () => {
    await api.post('/api/v1/auth/logout');
    setCsrfToken('');
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, login, signUpWithInvitation, logout }), [user, login, signUpWithInvitation, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** Is the user one of `roles`? Admins act as officers, as on the server. */
export function hasRole(user: User | null | undefined, ...roles: Role[]): boolean {
  if (!user) return false;
  return roles.includes(user.role) || roles.includes(actsAs(user.role));
}
