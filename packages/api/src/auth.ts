import { z } from 'zod';
import { ROLES } from './statuses.js';

/** POST /api/v1/auth/login: the user name and password. */
export const loginBodySchema = z.strictObject({
  username: z.string({ error: 'expected a user name' }).min(1, { error: 'expected a user name' }).max(100),
  password: z.string({ error: 'expected a password' }).min(1, { error: 'expected a password' }).max(200),
});
export type LoginBody = z.output<typeof loginBodySchema>;

/** A signed-in account as the server knows it: the session's user. */
export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  creditCode: z.string().nullable().meta({ description: 'Applicants only: the enterprise they act for.' }),
});
export type User = z.output<typeof userSchema>;

/** POST /api/v1/auth/login answers this: the user and the CSRF token every change then sends as x-csrf-token. */
export const loginResponseSchema = z.object({ user: userSchema, csrfToken: z.string() });
export type LoginResponse = z.output<typeof loginResponseSchema>;

/** GET /api/v1/auth/me: the signed-in user, or null with an empty token for an anonymous caller. */
export const currentSessionSchema = z.object({ user: userSchema.nullable(), csrfToken: z.string() });
export type CurrentSession = z.output<typeof currentSessionSchema>;

/** A change that answers nothing but that it was made (sign-out, a reviewer's tie). */
export const okSchema = z.object({ ok: z.literal(true) });
export type Ok = z.output<typeof okSchema>;
