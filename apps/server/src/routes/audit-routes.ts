import { auditLogSchema, auditQuerySchema, auditVerificationSchema } from '@ftai/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAuditEntries } from '../audit/list-audit-entries.js';
import { verifyAudit } from '../audit/verify-audit.js';
import { requireRole } from '../auth/current-user.js';
import type { AppContext } from '../context.js';

/** The audit log (officer, admin): newest first, and a check of the whole hash chain. */
export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/audit',
      {
        schema: {
          summary:
            'Audit log entries, newest first: by Beijing dates (from, to), operator (actorId), action and entity; paged (limit, after)',
          tags: ['audit'],
          querystring: auditQuerySchema,
          response: { 200: auditLogSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return listAuditEntries(ctx.db, req.query);
      },
    );

    app.get(
      '/api/v1/audit/verify',
      {
        schema: {
          summary: 'Verify the audit log: every entry against the key, the chain, its head, the anchors and the guarding triggers',
          tags: ['audit'],
          response: { 200: auditVerificationSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return verifyAudit(ctx.db);
      },
    );
  };
}
