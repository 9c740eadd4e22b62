import type { FastifyRequest } from 'fastify';
import type { Role } from '../db/schema.js';
import { forbidden, unauthenticated } from '../errors.js';

export interface CurrentUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly creditCode: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
  }
}

/** The signed-in user, or 401. */
export function requireUser(req: FastifyRequest): CurrentUser {
  if (!req.user) throw unauthenticated();
  return req.user;
}

/** The signed-in user if it has one of `roles`, or 401/403. Admins pass every officer check. */
export function requireRole(req: FastifyRequest, ...roles: Role[]): CurrentUser {
  const user = requireUser(req);
  if (!roles.includes(user.role) && !(user.role === 'admin' && roles.includes('officer'))) {
    throw forbidden(`this needs the role ${roles.join(' or ')}; you are ${user.role}`);
  }
  return user;
}
