import { PassThrough } from 'node:stream';
import fastifyFormbody from '@fastify/formbody';
import {
  applicationAwardsSchema,
  finaliseApplicationBodySchema,
  type Notice,
  noticeHtmlQuerySchema,
  noticeIdParamsSchema,
  noticeListQuerySchema,
  noticeListSchema,
  noticePageQuerySchema,
  noticeReadinessSchema,
  noticeRevisionBodySchema,
  noticeSchema,
  noticeVersionParamsSchema,
  objectionBodySchema,
  objectionListSchema,
  objectionReceiptParamsSchema,
  objectionReceiptSchema,
  payApplicationBodySchema,
  publishNoticeBodySchema,
} from '@ftai/api';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { requireRole } from '../auth/current-user.js';
import { loadApplicationAwards } from '../awards/application-awards.js';
import { finaliseApplication } from '../awards/finalise-application.js';
import { payApplication } from '../awards/pay-application.js';
import type { AppContext } from '../context.js';
import { refreshStatistics, vacuumSoon } from '../db/refresh-statistics.js';
import type { Database } from '../db/schema.js';
import { HttpError, notFound } from '../errors.js';
import { fileAnswer } from '../http/file-answer.js';
import { idempotent } from '../http/idempotency.js';
import { exportNoticeXlsx, XLSX_MIME } from '../notice/export-notice-xlsx.js';
import { listNotices } from '../notice/list-notices.js';
import { listObjections } from '../notice/list-objections.js';
import { loadNotice, type NoticePageRequest } from '../notice/load-notice.js';
import {
  checkObjectionForm,
  objectionClosedPage,
  objectionFormPage,
  objectionFormValues,
  objectionReceiptPage,
} from '../notice/objection-form.js';
import { noticeReadiness, publishNotice } from '../notice/publish-notice.js';
import { recordObjection } from '../notice/record-objection.js';
import { type NoticePageLinks, renderNoticeHtml } from '../notice/render-notice-html.js';
import { reviseNotice } from '../notice/revise-notice.js';

const HTML = 'text/html; charset=utf-8';

/** Five calendar days of public notice unless the officer says otherwise. */
const DEFAULT_OBJECTION_DAYS = 5;

/** Lines on one HTML page of a notice unless the visitor asks for another number (up to 500). */
const HTML_PAGE_LIMIT = 100;

/**
 * The tail of an application's life: public notice (公示) of a call's allocated awards, objections
 * (异议) from anyone while the window is open, then final (确定) and paid (拨付), officer only.
 * A notice is what was published: its page, JSON and workbook read the stored version, and a
 * correction (更正公告) is a new version beside the earlier ones, all public.
 */
export function noticeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  /** A version of a notice (the latest unless `version` is given), read in `db` (a transaction's own writes included). */
  const notice = async (id: string, version?: number, db: Kysely<Database> = ctx.db, page: NoticePageRequest = {}) => {
    const n = await loadNotice(db, id, ctx.today(), version, page);
    if (!n) throw notFound(version === undefined ? 'notice' : 'notice version');
    return n;
  };
  const awardsOf = async (db: Kysely<Database>, applicationId: string) => {
    const awards = await loadApplicationAwards(db, applicationId);
    if (!awards) throw notFound('application');
    return awards;
  };
  /** The page's own lines: 100 a page unless told, since the page is read, not scripted. */
  const htmlPage = (query: NoticePageRequest & { limit?: number }, path: string) => ({
    request: { ...query, limit: query.limit ?? HTML_PAGE_LIMIT },
    links: { path, q: query.q, limit: query.limit === HTML_PAGE_LIMIT ? undefined : query.limit },
  });
  const page = (n: Notice, links: NoticePageLinks, reply: FastifyReply) => {
    // The page needs nothing but its own inline stylesheet; its search is a plain GET form to itself.
    reply
      .type(HTML)
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
      .header('x-content-type-options', 'nosniff');
    return renderNoticeHtml(n, links);
  };
  const workbook = async (n: Notice, reply: FastifyReply) => {
    // Streamed: the rows are read in batches and written as they come (memory stays flat).
    const out = new PassThrough();
    exportNoticeXlsx(ctx.db, n, out).catch((error: unknown) => {
      reply.log.error({ err: error }, 'notice export failed');
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    const suffix = n.correction > 0 ? `（第${n.correction}次更正）` : '';
    const name = `${n.call.year}年度公示名单${suffix}.xlsx`;
    return reply
      .type(XLSX_MIME)
      .header(
        'content-disposition',
        `attachment; filename="notice-${n.call.year}-${n.id}${n.version > 1 ? `-v${n.version}` : ''}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      )
      .send(out);
  };
  const pageAnswer = fileAnswer(HTML, 'The notice as a printable page in Chinese (公示), with its own inline stylesheet and no script');
  const workbookAnswer = fileAnswer(XLSX_MIME, 'The notice as an .xlsx workbook: the lines, and a sheet that says what the notice is');

  return async (app) => {
    app.post(
      '/api/v1/calls/:id/notice',
      {
        config: { wholeCall: true },
        schema: {
          summary: "Publish the call's allocated awards for public notice (officer)",
          tags: ['notices'],
          params: noticeIdParamsSchema,
          body: publishNoticeBodySchema,
          response: { 201: noticeSchema },
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
          return { status: 201, body: await notice(id, undefined, trx) };
        });
        // The notice's pages read its new lines at once.
        await refreshStatistics(ctx.db, ctx.dialect, ['notice_lines', 'notice_enterprises']);
        vacuumSoon(ctx.db, ctx.dialect, ['applications'], (error) => req.log.warn({ err: error }, 'vacuum after the notice failed'));
        return reply.code(201).send(result.body);
      },
    );

    app.get(
      '/api/v1/notices',
      {
        schema: {
          summary: 'Published notices, newest first, paged (public)',
          tags: ['notices'],
          querystring: noticeListQuerySchema,
          response: { 200: noticeListSchema },
        },
      },
      async (req) => listNotices(ctx.db, ctx.today(), req.query),
    );

    app.get(
      '/api/v1/calls/:id/notice/readiness',
      {
        schema: {
          summary: "What publishing the call's notice would take in: approved, allocated, amount (officer)",
          tags: ['notices'],
          params: noticeIdParamsSchema,
          response: { 200: noticeReadinessSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return noticeReadiness(ctx.db, req.params.id);
      },
    );

    app.get(
      '/api/v1/notices/:id',
      {
        schema: {
          summary: 'One notice: its header and totals, and a page of its lines (public)',
          tags: ['notices'],
          params: noticeIdParamsSchema,
          querystring: noticePageQuerySchema,
          response: { 200: noticeSchema },
        },
      },
      async (req) => notice(req.params.id, undefined, ctx.db, req.query),
    );

    app.get(
      '/notices/:id',
      {
        schema: {
          summary: 'The notice as a printable page in Chinese, a page of its lines at a time (public)',
          tags: ['notices'],
          params: noticeIdParamsSchema,
          querystring: noticeHtmlQuerySchema,
          response: { 200: pageAnswer },
        },
      },
      async (req, reply) => {
        const asked = htmlPage(req.query, `/notices/${encodeURIComponent(req.params.id)}`);
        return page(await notice(req.params.id, undefined, ctx.db, asked.request), asked.links, reply);
      },
    );

    app.get(
      '/notices/:id/versions/:version',
      {
        schema: {
          summary: 'One version of the notice (1: the publication; later: its corrections) as a page (public)',
          tags: ['notices'],
          params: noticeVersionParamsSchema,
          querystring: noticeHtmlQuerySchema,
          response: { 200: pageAnswer },
        },
      },
      async (req, reply) => {
        const asked = htmlPage(req.query, `/notices/${encodeURIComponent(req.params.id)}/versions/${req.params.version}`);
        return page(await notice(req.params.id, req.params.version, ctx.db, asked.request), asked.links, reply);
      },
    );

    app.get(
      '/api/v1/notices/:id/versions/:version',
      {
        schema: {
          summary: 'One version of the notice: its header and a page of its lines (public)',
          tags: ['notices'],
          params: noticeVersionParamsSchema,
          querystring: noticePageQuerySchema,
          response: { 200: noticeSchema },
        },
      },
      async (req) => notice(req.params.id, req.params.version, ctx.db, req.query),
    );

    app.get(
      '/api/v1/notices/:id/versions/:version/export.xlsx',
      {
        config: { wholeCall: true },
        schema: {
          summary: 'One version of the notice as an .xlsx workbook (public)',
          tags: ['notices'],
          params: noticeVersionParamsSchema,
          response: { 200: workbookAnswer },
        },
      },
      async (req, reply) => workbook(await notice(req.params.id, req.params.version, ctx.db, { limit: 1 }), reply),
    );

    app.post(
      '/api/v1/notices/:id/revisions',
      {
        config: { wholeCall: true },
        schema: {
          summary: 'Correct a published notice (更正公告): a new version from the records as they stand, with the reason (officer)',
          tags: ['notices'],
          params: noticeIdParamsSchema,
          body: noticeRevisionBodySchema,
          response: { 201: noticeSchema },
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
          return { status: 201, body: await notice(req.params.id, version, trx) };
        });
        return reply.code(201).send(result.body);
      },
    );

    app.get(
      '/api/v1/notices/:id/export.xlsx',
      {
        config: { wholeCall: true },
        schema: {
          summary: 'The notice as an .xlsx workbook (public)',
          tags: ['notices'],
          params: noticeIdParamsSchema,
          response: { 200: workbookAnswer },
        },
      },
      async (req, reply) => workbook(await notice(req.params.id, undefined, ctx.db, { limit: 1 }), reply),
    );

    // The notice page's own objection form (no script): a plain form post, answered with a page.
    // Its body parser is this plugin's only: the API takes JSON and nothing else.
    await app.register(async (plugin) => {
      const forms = plugin.withTypeProvider<ZodTypeProvider>();
      await forms.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
      forms.post(
        '/notices/:id/objections',
        {
          // Anyone may object, signed in or not: no CSRF token, but a rate limit per address.
          config: { csrf: false, rateLimit: { max: 20, timeWindow: 60_000 } },
          schema: {
            summary: 'Object to a notice through the form on its page; answers with the receipt (303) or the form again (public)',
            tags: ['notices'],
            params: noticeIdParamsSchema,
            response: {
              303: z
                .null()
                .meta({ description: 'Received: on to the receipt page (Location: /notices/:id/objections/:objectionId), no body' }),
              400: pageAnswer,
              409: pageAnswer,
            },
          },
        },
        async (req, reply) => {
          const n = await notice(req.params.id);
          const values = objectionFormValues(req.body);
          const html = (status: 400 | 409, body: string) =>
            reply
              .code(status)
              .type(HTML)
              .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
              .send(body);
          if (!n.isOpenForObjections) return html(409, objectionClosedPage(n));
          const errors = checkObjectionForm(values);
          if (Object.keys(errors).length > 0) return html(400, objectionFormPage(n, values, errors));
          try {
            const receipt = await ctx.tx((trx) =>
              recordObjection(trx, {
                noticeId: n.id,
                name: values.name,
                contact: values.contact,
                text: values.text,
                applicationId: values.applicationId === '' ? undefined : values.applicationId,
                at: ctx.now(),
                today: ctx.today(),
              }),
            );
            return reply.redirect(`/notices/${encodeURIComponent(n.id)}/objections/${receipt.id}`, 303);
          } catch (error) {
            if (error instanceof HttpError && error.statusCode === 400)
              return html(400, objectionFormPage(n, values, { applicationId: '申请编号不在本公告中，请核对后填写，或留空。' }));
            if (error instanceof HttpError && error.statusCode === 409) return html(409, objectionClosedPage(n));
            throw error;
          }
        },
      );
    });

    app.get(
      '/notices/:id/objections/:objectionId',
      {
        schema: {
          summary:
            'The receipt of an objection (异议受理回执): its number, when it came and the notice, nothing the objector wrote (public)',
          tags: ['notices'],
          params: objectionReceiptParamsSchema,
          response: { 200: pageAnswer },
        },
      },
      async (req, reply) => {
        const n = await notice(req.params.id);
        const o = await ctx.db
          .selectFrom('objections')
          .select(['id', 'at'])
          .where('id', '=', req.params.objectionId)
          .where('notice_id', '=', n.id)
          .executeTakeFirst();
        if (!o) throw notFound('objection');
        reply
          .type(HTML)
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
          .header('x-content-type-options', 'nosniff');
        return objectionReceiptPage(n, o);
      },
    );

    app.post(
      '/api/v1/notices/:id/objections',
      {
        // Anyone may object, signed in or not: no CSRF token, but a rate limit per address.
        config: { csrf: false, rateLimit: { max: 20, timeWindow: 60_000 } },
        schema: {
          summary: 'Object to a notice while its window is open (public)',
          tags: ['notices'],
          params: noticeIdParamsSchema,
          body: objectionBodySchema,
          response: { 201: objectionReceiptSchema },
        },
      },
      async (req, reply) => {
        const receipt = await ctx.tx((trx) =>
          recordObjection(trx, { ...req.body, noticeId: req.params.id, at: ctx.now(), today: ctx.today() }),
        );
        return reply.code(201).send(receipt);
      },
    );

    app.get(
      '/api/v1/notices/:id/objections',
      {
        schema: {
          summary: 'Objections to a notice (officer)',
          tags: ['notices'],
          params: noticeIdParamsSchema,
          response: { 200: objectionListSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        const n = await notice(req.params.id, undefined, ctx.db, { limit: 1 });
        return { noticeId: n.id, objectionsUntil: n.objectionsUntil, objections: await listObjections(ctx.db, n.id) };
      },
    );

    app.post(
      '/api/v1/applications/:id/finalize',
      {
        schema: {
          summary: 'Make an application final after its notice (officer)',
          tags: ['notices'],
          params: noticeIdParamsSchema,
          body: finaliseApplicationBodySchema,
          response: { 200: applicationAwardsSchema },
        },
      },
      async (req) => {
        const user = requireRole(req, 'officer');
        const at = ctx.now();
        const today = ctx.today();
        const result = await idempotent(ctx, req, user.id, async (trx) => {
          await finaliseApplication(trx, {
            applicationId: req.params.id,
            actor: user,
            note: req.body?.note ?? null,
            objectionsReviewed: req.body?.objectionsReviewed === true,
            at,
            today,
          });
          return { status: 200, body: await awardsOf(trx, req.params.id) };
        });
        return result.body;
      },
    );

    app.post(
      '/api/v1/applications/:id/pay',
      {
        schema: {
          summary: 'Record the payment of a final application (officer)',
          tags: ['notices'],
          params: noticeIdParamsSchema,
          body: payApplicationBodySchema,
          response: { 200: applicationAwardsSchema },
        },
      },
      async (req) => {
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
          return { status: 200, body: await awardsOf(trx, req.params.id) };
        });
        return result.body;
      },
    );
  };
}
