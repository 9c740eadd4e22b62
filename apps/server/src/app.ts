import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { constants as zlib } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { POLICY_VERSION } from '@ftai/policy-fengtai';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { CSRF_COOKIE, csrfKey } from './auth/csrf-key.js';
import { registerSessions, sessionIdOf } from './auth/sessions.js';
import { sharedRateLimitStore } from './auth/shared-rate-limits.js';
import type { AppContext } from './context.js';
import { registerInputGuards } from './http/input-guards.js';
import { responseSerializerCompiler } from './http/response-serializer.js';
import { errorBody, registerErrorHandler, zodValidatorCompiler } from './http/validation.js';
import { applicationRoutes } from './routes/application-routes.js';
import { auditRoutes } from './routes/audit-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { calculateRoutes } from './routes/calculate-routes.js';
import { callRoutes } from './routes/call-routes.js';
import { enterpriseRoutes } from './routes/enterprise-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { ledgerRoutes } from './routes/ledger-routes.js';
import { matchRoutes } from './routes/match-routes.js';
import { noticeRoutes } from './routes/notice-routes.js';
import { offerRoutes } from './routes/offer-routes.js';
import { policyRoutes } from './routes/policy-routes.js';
import { policyVersionRoutes } from './routes/policy-version-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { reviewRoutes } from './routes/review-routes.js';
import { simulationRoutes } from './routes/simulation-routes.js';
import { userRoutes } from './routes/user-routes.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: the route takes no CSRF token (public, or sign-in). */
    csrf?: boolean;
    /** true: the route works on a whole call (memory/release-memory.ts gives its memory back after). */
    wholeCall?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Builds the HTTP app on an open, migrated database. `server.ts` listens; tests call `inject()`.
 */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const trustProxy = ctx.config.trustProxy;
  const app = Fastify({
    logger: ctx.config.logger,
    bodyLimit: ctx.config.bodyLimitBytes,
    // Behind a reverse proxy, FTAI_TRUST_PROXY names it, so that req.ip (and the sign-in limits) see the client.
    // (A hop count is given as the function Fastify makes of one: its types take no number.)
    trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidatorCompiler);
  // Answers are encoded by their route's response schema (@ftai/api): what the schema does not name is not sent.
  app.setSerializerCompiler(responseSerializerCompiler);
  registerErrorHandler(app);
  // U+0000 and deep nesting are refused in every route's params, query and body, before its schema.
  registerInputGuards(app);

  await app.register(fastifyCookie);
  // Security headers on every answer. AntD and ECharts set inline styles (style-src 'unsafe-inline');
  // no inline script anywhere (the web app's bundle and Swagger UI load theirs from files).
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Only behind HTTPS: on plain HTTP it would send the page's own requests to https.
        ...(ctx.config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: ctx.config.secureCookies ? { maxAge: 31_536_000 } : false,
  });
  // Answers compressed for clients that accept it (brotli, else gzip): JSON, the notice page, the
  // JSON Lines downloads, streamed or not. Brotli at quality 4, which costs about what gzip does;
  // the web app's files are compressed once at the highest level when built and sent as they are
  // (preCompressed below), and workbooks (already zip files) go as they are.
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  // The token is an HMAC of the session's id and a secret cookie drawn anew at sign-in: it is good
  // for that session only (auth-routes.ts).
  await app.register(fastifyCsrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: ctx.config.secureCookies },
    getUserInfo: sessionIdOf,
    csrfOpts: { hmacKey: await csrfKey(ctx) },
    getToken: (req) => {
      const h = req.headers['x-csrf-token'];
      return Array.isArray(h) ? h[0] : h;
    },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    // Counted in the database: the limits hold for every instance on it together.
    ...(ctx.config.sharedRateLimits && { store: sharedRateLimitStore(ctx.db, ctx.config.now) }),
    hook: 'preHandler',
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      error: `too many attempts: try again in ${Math.ceil(context.ttl / 1000)} s`,
      code: 'FTAI_ERR_RATE_LIMIT',
      issues: [],
    }),
  });
  await app.register(fastifyMultipart, {
    limits: { fileSize: ctx.config.uploadLimitBytes, files: 1, fields: 5, fieldSize: 1024 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'ftai API',
        description: 'Policy-as-code platform for 《丰台区支持人工智能科技创新和产业创新融合发展的若干措施》',
        version: POLICY_VERSION,
      },
    },
    transform: jsonSchemaTransform,
  });
  // Swagger UI and the document only when asked for (FTAI_API_DOCS=1): no map of the API for strangers by default.
  if (ctx.config.apiDocs) await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerSessions(app, ctx);
  // CSRF: every state change by a signed-in user carries the token from sign-in (x-csrf-token).
  app.addHook('onRequest', (req, reply, done) => {
    if (SAFE_METHODS.has(req.method) || req.routeOptions.config?.csrf === false || !req.user) return done();
    app.csrfProtection(req, reply, done);
  });
  // Whole-call work starts on a collected heap, and once its answer has gone (a workbook streamed
  // to its end) its memory is given back when no more such work follows (memory/release-memory.ts).
  app.addHook('preHandler', (req, _reply, done) => {
    if (req.routeOptions.config?.wholeCall === true) ctx.memory.wholeCallWorkStarts();
    done();
  });
  app.addHook('onResponse', (req, _reply, done) => {
    if (req.routeOptions.config?.wholeCall === true) ctx.memory.wholeCallWorkDone();
    done();
  });

  await app.register(healthRoutes(ctx));
  await app.register(calculateRoutes(ctx));
  await app.register(reportRoutes(ctx));
  await app.register(policyRoutes(ctx));
  await app.register(policyVersionRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(userRoutes(ctx));
  await app.register(enterpriseRoutes(ctx));
  await app.register(callRoutes(ctx));
  await app.register(applicationRoutes(ctx));
  await app.register(reviewRoutes(ctx));
  await app.register(ledgerRoutes(ctx));
  await app.register(noticeRoutes(ctx));
  await app.register(matchRoutes(ctx));
  await app.register(offerRoutes(ctx));
  await app.register(simulationRoutes(ctx));
  await app.register(auditRoutes(ctx));

  const webDir = ctx.config.webDir;
  const hasWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  // The web app: its files, and index.html for any page it routes itself (/portal/…).
  // wildcard: files are looked up per request, so a rebuilt app is served without a restart.
  // preCompressed: the .br or .gz the build wrote beside each file, as the client accepts.
  // The files under assets/ are named by their content's hash: cached for a year and never asked
  // again; everything else (index.html, which names them) is asked again each time (no-cache, with
  // its ETag: a 304 when unchanged), so that a new release is seen at the next load.
  if (hasWeb) {
    const assets = `${sep}assets${sep}`;
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      index: 'index.html',
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', path.includes(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
        // The same address answers brotli, gzip or plain: caches on the way keep them apart.
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (hasWeb && req.method === 'GET' && !path.startsWith('/api/') && !path.includes('.')) return reply.sendFile('index.html');
    return reply.code(404).send(errorBody(req, { error: `no route ${req.method} ${path}`, code: 'FTAI_ERR_NOT_FOUND', issues: [] }));
  });
  await app.ready();
  return app;
}
