import { PassThrough } from 'node:stream';
import { auditExportQuerySchema, auditLogSchema, auditQuerySchema, auditVerificationSchema } from '@ftai/api';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportAuditXlsx } from '../audit/export-audit-xlsx.js';
import { checkAuditFilters, listAuditEntries } from '../audit/list-audit-entries.js';
import { verifyAudit } from '../audit/verify-audit.js';
import { requireRole } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { fileAnswer } from '../http/file-answer.js';
import { XLSX_MIME } from '../notice/export-notice-xlsx.js';

/** A workbook download: its type, and its name in ASCII and in Chinese (as the allocation's, ledger-routes.ts). */
function sendWorkbook(reply: FastifyReply, asciiName: string, name: string): FastifyReply {
  return reply
    .type(XLSX_MIME)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

/** The audit log (officer, admin): newest first, as a workbook, and a check of the whole hash chain. */
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
      '/api/v1/audit/export.xlsx',
      {
        // As a call's workbooks: possibly the whole log, its memory given back after (memory/release-memory.ts).
        config: { wholeCall: true },
        schema: {
          summary:
            'Every audit log entry the filters match (those of GET /api/v1/audit, without paging) as an .xlsx workbook in Chinese, streamed (officer)',
          tags: ['audit'],
          querystring: auditExportQuerySchema,
          response: {
            200: fileAnswer(
              XLSX_MIME,
              'The entries as a workbook: a title naming the filters and the export time, then per entry its time (Beijing), operator and role, action, record and what changed',
            ),
          },
        },
      },
      async (req, reply) => {
        requireRole(req, 'officer');
        // A bad range is refused as the list refuses it, before the answer starts.
        checkAuditFilters(req.query);
        const at = ctx.now();
        // Streamed: the entries are read in batches and written as they come (memory stays flat).
        const out = new PassThrough();
        exportAuditXlsx(ctx.db, req.query, at, out).catch((error: unknown) => {
          reply.log.error({ err: error }, 'audit export failed');
          out.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        // Named by the Beijing time of the export: audit-20270315-100000.xlsx.
        const stamp = new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
        return sendWorkbook(reply, `audit-${stamp}.xlsx`, `审计日志-${stamp}.xlsx`).send(out);
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
