import { isCalendarDate } from '@ftai/engine';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { idempotent } from '../http/idempotency.js';
import { loadApplicationAwards } from '../notice/application-awards.js';
import { exportNoticeXlsx, XLSX_MIME } from '../notice/export-notice-xlsx.js';
import { finalizeApplication } from '../notice/finalize-application.js';
import { listNotices } from '../notice/list-notices.js';
import { loadNotice, type NoticeView } from '../notice/load-notice.js';
import { payApplication } from '../notice/pay-application.js';
import { publishNotice } from '../notice/publish-notice.js';
import { recordObjection } from '../notice/record-objection.js';
import { renderNoticeHtml } from '../notice/render-notice-html.js';
import { reviseNotice } from '../notice/revise-notice.js';

const idParams = z.strictObject({ id: z.string().min(1, { error: 'expected an id' }).max(100, { error: 'expected an id' }) });

const versionParams = idParams.extend({
  version: z.coerce
    .number({ error: 'expected a version number, 1 for the publication' })
    .int({ error: 'expected a version number, 1 for the publication' })
    .min(1, { error: 'expected a version number, 1 for the publication' })
    .max(10_000, { error: 'expected a version number, 1 for the publication' }),
});

const objectionDays = z
  .number({ error: 'expected a whole number of days, 1 to 30' })
  .int({ error: 'expected a whole number of days, 1 to 30' })
  .min(1, { error: 'expected at least 1 day' })
  .max(30, { error: 'expected at most 30 days' });

const publishBody = z
  .strictObject({ objectionDays: objectionDays.optional() })
  // No body at all takes the default.
  .nullish();

const text = (what: string, max: number) =>
  z
    .string({ error: `expected ${what}` })
    .trim()
    .min(1, { error: `expected ${what}` })
    .max(max, { error: `expected at most ${max} characters` });

const objectionBody = z.strictObject({
  name: text('your name', 100),
  contact: text('a telephone number or e-mail address to reach you', 200),
  text: text('what you object to and why', 5000),
  applicationId: z
    .string({ error: 'expected the id of an application on the notice' })
    .min(1, { error: 'expected the id of an application on the notice' })
    .max(100, { error: 'expected the id of an application on the notice' })
    .optional(),
});

const revisionBody = z.strictObject({
  reason: text('the reason of the correction (更正说明)', 2000),
  /** Reopens the objection window for this many days from today; the window never shortens. */
  objectionDays: objectionDays.optional(),
});

const finalizeBody = z
  .strictObject({
    note: z.string({ error: 'expected a note' }).max(2000, { error: 'expected at most 2000 characters' }).optional(),
    objectionsReviewed: z.boolean({ error: 'expected true or false' }).optional(),
  })
  .nullish();

const payBody = z.strictObject({
  paidOn: z
    .string({ error: 'expected the payment date YYYY-MM-DD' })
    .refine(isCalendarDate, { error: 'expected a date that exists, as YYYY-MM-DD' }),
  reference: z
    .string({ error: 'expected the payment reference' })
    .trim()
    .min(1, { error: 'expected the payment reference' })
    .max(200, { error: 'expected at most 200 characters' })
    .optional(),
});

/** Five calendar days of public notice unless the officer says otherwise. */
const DEFAULT_OBJECTION_DAYS = 5;

/**
 * The tail of an application's life: public notice (公示) of a call's allocated awards, objections
 * (异议) from anyone while the window is open, then final (确定) and paid (拨付), officer only.
 * A notice is what was published: its page, JSON and workbook read the stored version, and a
 * correction (更正公告) is a new version beside the earlier ones, all public.
 */
export function noticeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const notice = async (id: string, version?: number) => {
    const n = await loadNotice(ctx.db, id, ctx.today(), version);
    if (!n) throw notFound(version === undefined ? 'notice' : 'notice version');
    return n;
  };
  const page = (n: NoticeView, reply: FastifyReply) => {
    // The page needs nothing but its own inline stylesheet.
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .header('x-content-type-options', 'nosniff');
    return renderNoticeHtml(n);
  };
  const workbook = async (n: NoticeView, reply: FastifyReply) => {
    const file = await exportNoticeXlsx(n);
    const suffix = n.correction > 0 ? `（第${n.correction}次更正）` : '';
    const name = `${n.call.year}年度公示名单${suffix}.xlsx`;
    reply
      .type(XLSX_MIME)
      .header(
        'content-disposition',
        `attachment; filename="notice-${n.call.year}-${n.id}${n.version > 1 ? `-v${n.version}` : ''}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
    return file;
  };

  return async (app) => {
    app.post(
      '/api/v1/calls/:id/notice',
      {
        schema: {
          summary: "Publish the call's allocated awards for public notice (officer)",
          tags: ['notices'],
          params: idParams,
          body: publishBody,
        },
      },
      async (req, reply) => {
        const user = requireRole(req, 'officer');
        const at = ctx.now();
        const today = ctx.today();
        const result = await idempotent(ctx, req, user.id, async (trx) => {
          const id = await publishNotice(trx, {
            callId: req.params.id,
            objectionDays: req.body?.objectionDays ?? DEFAULT_OBJECTION_DAYS,
            actor: user,
            at,
            today,
          });
          return { status: 201, body: await loadNotice(trx, id, today) };
        });
        reply.code(result.status);
        return result.body;
      },
    );

    app.get('/api/v1/notices', { schema: { summary: 'Published notices (public)', tags: ['notices'] } }, async () => ({
      notices: await listNotices(ctx.db, ctx.today()),
    }));

    app.get(
      '/api/v1/notices/:id',
      { schema: { summary: 'One notice with its lines and totals (public)', tags: ['notices'], params: idParams } },
      async (req) => notice(req.params.id),
    );

    app.get(
      '/notices/:id',
      { schema: { summary: 'The notice as a printable page in Chinese (public)', tags: ['notices'], params: idParams } },
      async (req, reply) => page(await notice(req.params.id), reply),
    );

    app.get(
      '/notices/:id/versions/:version',
      {
        schema: {
          summary: 'One version of the notice (1: the publication; later: its corrections) as a page (public)',
          tags: ['notices'],
          params: versionParams,
        },
      },
      async (req, reply) => page(await notice(req.params.id, req.params.version), reply),
    );

    app.get(
      '/api/v1/notices/:id/versions/:version',
      { schema: { summary: 'One version of the notice (public)', tags: ['notices'], params: versionParams } },
      async (req) => notice(req.params.id, req.params.version),
    );

    app.get(
      '/api/v1/notices/:id/versions/:version/export.xlsx',
      { schema: { summary: 'One version of the notice as an .xlsx workbook (public)', tags: ['notices'], params: versionParams } },
      async (req, reply) => workbook(await notice(req.params.id, req.params.version), reply),
    );

    app.post(
      '/api/v1/notices/:id/revisions',
      {
        schema: {
          summary: 'Correct a published notice (更正公告): a new version from the records as they stand, with the reason (officer)',
          tags: ['notices'],
          params: idParams,
          body: revisionBody,
        },
      },
      async (req, reply) => {
        const user = requireRole(req, 'officer');
        const at = ctx.now();
        const today = ctx.today();
        const result = await idempotent(ctx, req, user.id, async (trx) => {
          const version = await reviseNotice(trx, {
            noticeId: req.params.id,
            reason: req.body.reason,
            objectionDays: req.body.objectionDays,
            actor: user,
            at,
            today,
          });
          return { status: 201, body: await loadNotice(trx, req.params.id, today, version) };
        });
        reply.code(result.status);
        return result.body;
      },
    );

    app.get(
      '/api/v1/notices/:id/export.xlsx',
      { schema: { summary: 'The notice as an .xlsx workbook (public)', tags: ['notices'], params: idParams } },
      async (req, reply) => workbook(await notice(req.params.id), reply),
    );

    app.post(
      '/api/v1/notices/:id/objections',
      {
        // Anyone may object, signed in or not: no CSRF token, but a rate limit per address.
        config: { csrf: false, rateLimit: { max: 20, timeWindow: 60_000 } },
        schema: {
          summary: 'Object to a notice while its window is open (public)',
          tags: ['notices'],
          params: idParams,
          body: objectionBody,
        },
      },
      async (req, reply) => {
        const receipt = await ctx.tx((trx) =>
          recordObjection(trx, { ...req.body, noticeId: req.params.id, at: ctx.now(), today: ctx.today() }),
        );
        reply.code(201);
        return receipt;
      },
    );

    app.get(
      '/api/v1/notices/:id/objections',
      { schema: { summary: 'Objections to a notice (officer)', tags: ['notices'], params: idParams } },
      async (req) => {
        requireRole(req, 'officer');
        const n = await notice(req.params.id);
        const rows = await ctx.db
          .selectFrom('objections')
          .select(['id', 'application_id as applicationId', 'name', 'contact', 'text', 'at'])
          .where('notice_id', '=', n.id)
          .orderBy('at')
          .orderBy('id')
          .execute();
        return { noticeId: n.id, objectionsUntil: n.objectionsUntil, objections: rows };
      },
    );

    app.post(
      '/api/v1/applications/:id/finalize',
      {
        schema: {
          summary: 'Make an application final after its notice (officer)',
          tags: ['notices'],
          params: idParams,
          body: finalizeBody,
        },
      },
      async (req, reply) => {
        const user = requireRole(req, 'officer');
        const at = ctx.now();
        const today = ctx.today();
        const result = await idempotent(ctx, req, user.id, async (trx) => {
          await finalizeApplication(trx, {
            applicationId: req.params.id,
            actor: user,
            note: req.body?.note ?? null,
            objectionsReviewed: req.body?.objectionsReviewed === true,
            at,
            today,
          });
          return { status: 200, body: await loadApplicationAwards(trx, req.params.id) };
        });
        reply.code(result.status);
        return result.body;
      },
    );

    app.post(
      '/api/v1/applications/:id/pay',
      { schema: { summary: 'Record the payment of a final application (officer)', tags: ['notices'], params: idParams, body: payBody } },
      async (req, reply) => {
        const user = requireRole(req, 'officer');
        const at = ctx.now();
        const today = ctx.today();
        const result = await idempotent(ctx, req, user.id, async (trx) => {
          await payApplication(trx, {
            applicationId: req.params.id,
            actor: user,
            paidOn: req.body.paidOn,
            reference: req.body.reference ?? null,
            at,
            today,
          });
          return { status: 200, body: await loadApplicationAwards(trx, req.params.id) };
        });
        reply.code(result.status);
        return result.body;
      },
    );
  };
}
