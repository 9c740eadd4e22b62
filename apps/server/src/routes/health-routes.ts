import { healthSchema } from '@ftai/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { pingDatabase } from '../db/ping-database.js';

/** GET /healthz — 200 once the database answers (the server only listens after migrating). */
export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/healthz', { schema: { hide: true, response: { 200: healthSchema } } }, async () => {
      await pingDatabase(ctx.db);
      return { status: 'ok' as const, database: ctx.dialect };
    });
  };
}
