import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import type { Dialect } from '../db/database.js';
import { newToken, sha256 } from '../ids.js';
import { databaseNow } from '../jobs/database-clock.js';
import { CSRF_COOKIE } from './csrf-key.js';
import type { CurrentUser } from './current-user.js';

export const SESSION_COOKIE = 'ftai_session';

/**
 * Signs `userId` in on this browser (sign-in, a sign-up with an invitation): a session the browser
 * still held ends, a new one starts in the cookie, and a new CSRF secret with it; returns the CSRF
 * token bound to the new session, so that no token from before is accepted after.
 */
export async function signInBrowser(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, userId: string): Promise<string> {
  const previous = req.cookies[SESSION_COOKIE];
  if (previous) await deleteSession(ctx, previous);
  const session = await createSession(ctx, userId);
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.secureCookies,
    path: '/',
    expires: session.expires,
  });
  delete req.cookies[CSRF_COOKIE];
  return reply.generateCsrf({ userInfo: session.id });
}

/** Creates a session and returns the cookie token (only its hash, the session's id, is stored). */
export async function createSession(ctx: AppContext, userId: string): Promise<{ id: string; token: string; expires: Date }> {
  const token = newToken();
  const id = sha256(token);
  const now = ctx.config.now();
  const expires = new Date(now.getTime() + ctx.config.sessionHours * 3600_000);
  await ctx.db
    .insertInto('sessions')
    .values({ id, user_id: userId, created_at: now.toISOString(), expires_at: expires.toISOString() })
    .execute();
  await sweepSessions(ctx.db, ctx.dialect, now);
  return { id, token, expires };
}

/** Ended sessions are deleted at a sign-in, at most this often per process and database. */
const SWEEP_EVERY_MS = 10 * 60_000;
/** Only sessions ended at least this long ago (by the database's clock) are deleted. */
const SWEEP_AFTER_SECONDS = 24 * 3600;
const lastSweep = new WeakMap<object, number>();

/**
 * Deletes the sessions that ended a day or more ago. Sessions live in the database, so that every
 * instance on it knows them; none is kept in a process. This housekeeping goes by the database's
 * clock, as leases do (jobs/database-clock.ts), and by the business clock `now`: ended by both. The
 * business clock may stand in the past (the demo, tests) or move back (tests), and the database's
 * clock may be behind a test's: an ended session is refused by `registerSessions` anyway. Returns how many were deleted
 * (0 when swept lately).
 */
export async function sweepSessions(db: AppContext['db'], dialect: Dialect, now: Date, force = false): Promise<number> {
  const last = lastSweep.get(db);
  const wall = Date.now();
  if (!force && last !== undefined && wall - last < SWEEP_EVERY_MS) return 0;
  lastSweep.set(db, wall);
  const result = await db
    .deleteFrom('sessions')
    .where('expires_at', '<=', databaseNow(dialect, -SWEEP_AFTER_SECONDS))
    .where('expires_at', '<=', new Date(now.getTime() - SWEEP_AFTER_SECONDS * 1000).toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}

/** The id of the session the request's cookie names ('' without one); CSRF tokens are bound to it. */
export function sessionIdOf(req: FastifyRequest): string {
  const token = req.cookies[SESSION_COOKIE];
  return token ? sha256(token) : '';
}

/** Sets `request.user` from the session cookie on every request. */
export function registerSessions(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const row = await ctx.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([
        'users.id',
        'users.username',
        'users.display_name',
        'users.role',
        'users.credit_code',
        'users.disabled',
        'sessions.expires_at',
      ])
      .where('sessions.id', '=', sha256(token))
      .executeTakeFirst();
    if (!row || row.disabled || row.expires_at <= ctx.now()) return;
    const user: CurrentUser = {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      creditCode: row.credit_code,
    };
    req.user = user;
  });
}
