import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { newToken, sha256 } from '../ids.js';
import type { CurrentUser } from './current-user.js';

export const SESSION_COOKIE = 'ftai_session';

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
  return { id, token, expires };
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
