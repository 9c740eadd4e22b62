import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';

/** GET /healthz — 200 once the database answers (the server only listens after migrating). */
export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/healthz', { schema: { hide: true } }, async () => {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok', database: ctx.dialect };
    });
  };
}
