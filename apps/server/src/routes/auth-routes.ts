import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyPassword } from '../auth/password.js';
import { createSession, deleteSession, SESSION_COOKIE } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';

const login = z.strictObject({
  username: z.string({ error: 'expected a user name' }).min(1, { error: 'expected a user name' }).max(100),
  password: z.string({ error: 'expected a password' }).min(1, { error: 'expected a password' }).max(200),
});

// A fixed hash to compare against when the user does not exist, so that timing does not tell.
const DUMMY = 'scrypt$10$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/auth/login',
      {
        schema: { summary: 'Sign in (登录): sets the session cookie, returns the CSRF token', tags: ['auth'], body: login },
        config: {
          rateLimit: {
            max: ctx.config.loginAttemptsPerMinute,
            timeWindow: 60_000,
            keyGenerator: (req: { ip: string; body?: unknown }) =>
              `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '')}`,
          },
        },
      },
      async (req, reply) => {
        const user = await ctx.db.selectFrom('users').selectAll().where('username', '=', req.body.username).executeTakeFirst();
        const ok = await verifyPassword(req.body.password, user?.password_hash ?? DUMMY);
        if (!user || !ok || user.disabled) throw new HttpError(401, 'FTAI_ERR_LOGIN', 'wrong user name or password');
        const session = await createSession(ctx, user.id);
        reply.setCookie(SESSION_COOKIE, session.token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: ctx.config.secureCookies,
          path: '/',
          expires: session.expires,
        });
        return {
          user: { id: user.id, username: user.username, displayName: user.display_name, role: user.role, creditCode: user.credit_code },
          csrfToken: reply.generateCsrf(),
        };
      },
    );

    app.post('/api/v1/auth/logout', { schema: { summary: 'Sign out', tags: ['auth'] } }, async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSession(ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });

    // Anonymous callers get { user: null }: the web app asks on every load, and that is no error.
    app.get(
      '/api/v1/auth/me',
      { schema: { summary: 'The signed-in user (or null) and a fresh CSRF token', tags: ['auth'] } },
      async (req, reply) => {
        return { user: req.user, csrfToken: reply.generateCsrf() };
      },
    );
  };
}
