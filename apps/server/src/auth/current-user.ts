import type { User } from '@ftai/api';
import { actsAs } from '@ftai/api';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../db/schema.js';
import { forbidden, unauthenticated } from '../errors.js';

/** The session's user (@ftai/api's `User`, as GET /api/v1/auth/me answers it). */
export type CurrentUser = User;

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

/** The signed-in user if it has one of `roles`, or 401/403. Admins act as officers: they pass every officer check. */
export function requireRole(req: FastifyRequest, ...roles: Role[]): CurrentUser {
  const user = requireUser(req);
  if (!roles.includes(user.role) && !roles.includes(actsAs(user.role))) {
    throw forbidden(`this needs the role ${roles.join(' or ')}; you are ${user.role}`);
  }
  return user;
}
