import { currentSessionSchema, loginBodySchema, loginResponseSchema, okSchema } from '@ftai/api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkCredentials } from '../auth/check-credentials.js';
import { CSRF_COOKIE } from '../auth/csrf-key.js';
import { dummyHash, limitHashing } from '../auth/password.js';
import { deleteSession, SESSION_COOKIE, sessionIdOf, signInBrowser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';

const MINUTE = 60_000;

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    limitHashing(ctx.config.hashConcurrency);
    // Compared against when the user name is unknown. Made once, at the cost real hashes have,
    // so that an unknown name takes as long to refuse as a known one with a wrong password.
    const dummy = await dummyHash(ctx.config.scryptLogN);

    // Three limits, the narrowest first; an attempt refused by one is not counted by the next, so
    // that one address's flood spends its own allowance and not everyone's.
    const usernameOf = (req: FastifyRequest) => String((req.body as { username?: unknown } | undefined)?.username ?? '');
    const limits = [
      app.createRateLimit({
        max: ctx.config.loginAttemptsPerAddressPerMinute,
        timeWindow: MINUTE,
        keyGenerator: (req) => `address|${req.ip}`,
      }),
      app.createRateLimit({
        max: ctx.config.loginAttemptsPerMinute,
        timeWindow: MINUTE,
        keyGenerator: (req) => `name|${req.ip}|${usernameOf(req)}`,
      }),
      app.createRateLimit({ max: ctx.config.loginAttemptsTotalPerMinute, timeWindow: MINUTE, keyGenerator: () => 'total' }),
    ];
    const limitLogins = async (req: FastifyRequest, reply: FastifyReply) => {
      for (const limit of limits) {
        const r = await limit(req);
        if (!r.isAllowed && r.isExceeded) {
          reply.header('retry-after', r.ttlInSeconds);
          throw new HttpError(429, 'FTAI_ERR_RATE_LIMIT', `too many attempts: try again in ${r.ttlInSeconds} s`);
        }
      }
    };

    app.post(
      '/api/v1/auth/login',
      {
        schema: {
          summary: 'Sign in (登录): sets the session cookie, returns the CSRF token',
          tags: ['auth'],
          body: loginBodySchema,
          response: { 200: loginResponseSchema },
        },
        preHandler: limitLogins,
      },
      async (req, reply) => {
        const user = await checkCredentials(ctx.db, req.body.username, req.body.password, dummy);
        // A session the browser still held ends here: sign-in always starts a new one, with a new CSRF secret.
        return { user, csrfToken: await signInBrowser(ctx, req, reply, user.id) };
      },
    );

    app.post(
      '/api/v1/auth/logout',
      { schema: { summary: 'Sign out', tags: ['auth'], response: { 200: okSchema } } },
      async (req, reply) => {
        const token = req.cookies[SESSION_COOKIE];
        if (token) await deleteSession(ctx, token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        reply.clearCookie(CSRF_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    // Anonymous callers get { user: null }: the web app asks on every load, and that is no error.
    // They need no CSRF token (only a signed-in user's changes are checked), so they get none.
    app.get(
      '/api/v1/auth/me',
      {
        schema: {
          summary: 'The signed-in user (or null) and a fresh CSRF token',
          tags: ['auth'],
          response: { 200: currentSessionSchema },
        },
      },
      async (req, reply) => {
        return { user: req.user, csrfToken: req.user ? reply.generateCsrf({ userInfo: sessionIdOf(req) }) : '' };
      },
    );
  };
}
