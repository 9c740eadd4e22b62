import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAudit } from '../audit/verify-audit.js';
import { requireRole } from '../auth/current-user.js';
import type { AppContext } from '../context.js';

const query = z.strictObject({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  before: z.coerce.number({ error: 'expected a sequence number' }).int().min(1).optional(),
  limit: z.coerce.number({ error: 'expected a number' }).int().min(1).max(500, { error: 'expected at most 500' }).optional(),
});

/** The audit log (officer, admin): newest first, and a check of the whole hash chain. */
export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/audit',
      { schema: { summary: 'Audit log entries, newest first', tags: ['audit'], querystring: query } },
      async (req) => {
        requireRole(req, 'officer');
        let q = ctx.db
          .selectFrom('audit_log')
          .selectAll()
          .orderBy('seq', 'desc')
          .limit(req.query.limit ?? 100);
        if (req.query.entity) q = q.where('entity', '=', req.query.entity);
        if (req.query.entityId) q = q.where('entity_id', '=', req.query.entityId);
        if (req.query.before) q = q.where('seq', '<', req.query.before);
        const rows = await q.execute();
        return {
          entries: rows.map((r) => ({
            seq: Number(r.seq),
            at: r.at,
            actorId: r.actor_id,
            action: r.action,
            entity: r.entity,
            entityId: r.entity_id,
            before: r.before_json === null ? null : JSON.parse(r.before_json),
            after: r.after_json === null ? null : JSON.parse(r.after_json),
            hash: r.hash,
          })),
        };
      },
    );

    app.get(
      '/api/v1/audit/verify',
      {
        schema: {
          summary: 'Verify the audit log: every entry against the key, the chain, its head, the anchors and the guarding triggers',
          tags: ['audit'],
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return verifyAudit(ctx.db);
      },
    );
  };
}
