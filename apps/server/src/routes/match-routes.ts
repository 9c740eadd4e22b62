import { PassThrough } from 'node:stream';
import {
  createMatchJobBodySchema,
  createMatchJobQuerySchema,
  matchJobDetailSchema,
  matchJobIdParamsSchema,
  matchJobListQuerySchema,
  matchJobListSchema,
  matchJobSchema,
  notifyPageSchema,
  notifyQuerySchema,
} from '@ftai/api';
import { templateWorkbook } from '@ftai/match';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { fieldError, HttpError } from '../errors.js';
import { fileAnswer } from '../http/file-answer.js';
import { newId } from '../ids.js';
import { cancelMatchJob } from '../matching/cancel-match-job.js';
import { createMatchJob } from '../matching/create-match-job.js';
import { exportMatchErrorsXlsx, exportMatchResultsXlsx } from '../matching/export-match-xlsx.js';
import { listMatchJobs } from '../matching/list-match-jobs.js';
import { loadMatchJob, loadMatchJobDetail, requireFinishedMatchJob } from '../matching/load-match-job.js';
import { discardJobInput, MATCH_FILES, type MatchFileName, openJobOutput } from '../matching/match-job-files.js';
import { readNotifyPage } from '../matching/read-notify-list.js';
import { receiveRegistry } from '../matching/receive-registry.js';
import { XLSX_MIME } from '../notice/export-notice-xlsx.js';

const NDJSON = 'application/x-ndjson; charset=utf-8';

/**
 * Match jobs (免申即享, 政策找人): an officer uploads a registry (CSV, XLSX, or JSON Lines of
 * requests), or asks for the enterprises the platform holds, and the match runs in the
 * background (ctx.matchJobs); its progress, results, summary workbook, errors and the enterprises
 * to notify are here. Officers and admins only.
 */
export function matchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/match-jobs',
      {
        schema: {
          summary: 'Start a match job (officer): upload a registry, or match the enterprises the platform holds',
          description:
            'multipart/form-data with one file (.csv or .xlsx registry, docs/registry-columns.md, or .jsonl requests); ' +
            '`?allowExtraColumns=true` leaves unknown columns out instead of failing. Or JSON {"source": "platform", "year": 2026}: ' +
            "every enterprise's profile, the facts of its latest application in a call of that year, its ledger history and other policies' awards. " +
            'Answers 202 with the job; one job runs at a time, the others wait in order.',
          tags: ['matching'],
          body: createMatchJobBodySchema,
          querystring: createMatchJobQuerySchema,
          response: { 202: matchJobSchema },
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        const id = newId();
        const allowExtraColumns = req.query.allowExtraColumns === 'true';
        if (req.isMultipart()) {
          // The registry goes to the file store first (every instance can run the job); without its row, it goes.
          const { filename, format } = await receiveRegistry(ctx, req, id, ctx.config.matchUploadLimitBytes);
          try {
            await createMatchJob(ctx, officer, { id, source: 'upload', filename, year: null, allowExtraColumns });
          } catch (error) {
            await discardJobInput(ctx, id, format);
            throw error;
          }
        } else {
          if (!req.body)
            throw fieldError('source', 'expected a registry file (multipart/form-data) or JSON {"source": "platform", "year": …}');
          await createMatchJob(ctx, officer, { id, source: 'platform', filename: null, year: req.body.year, allowExtraColumns });
        }
        return reply.code(202).send(await loadMatchJob(ctx, id));
      },
    );

    app.get(
      '/api/v1/match-jobs',
      {
        schema: {
          summary: 'Match jobs, newest first, of one status if asked; paged (officer)',
          tags: ['matching'],
          querystring: matchJobListQuerySchema,
          response: { 200: matchJobListSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return listMatchJobs(ctx, req.query);
      },
    );

    app.get(
      '/api/v1/match-jobs/:id',
      {
        schema: {
          summary: 'A match job: status, rows done, rate, time left; totals per measure and article once finished (officer)',
          tags: ['matching'],
          params: matchJobIdParamsSchema,
          response: { 200: matchJobDetailSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return loadMatchJobDetail(ctx, req.params.id);
      },
    );

    const download =
      (file: MatchFileName, type: string, name: (id: string) => string) => async (req: FastifyRequest, reply: FastifyReply) => {
        requireRole(req, 'officer');
        const { id } = req.params as { id: string };
        const job = await requireFinishedMatchJob(ctx.db, id, 'its files are');
        // Streamed from the file store, whichever instance ran the job.
        const body = await openJobOutput(ctx, job.id, file);
        if (!body) throw new HttpError(404, 'FTAI_ERR_NOT_FOUND', `the match job has no ${file}`);
        return reply
          .type(type)
          .header('content-disposition', `attachment; filename="${name(id)}"`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(body);
      };
    app.get(
      '/api/v1/match-jobs/:id/results.jsonl',
      {
        schema: {
          summary: 'The answers, one JSON line per row in registry order (officer)',
          tags: ['matching'],
          params: matchJobIdParamsSchema,
          response: { 200: fileAnswer(NDJSON, 'JSON Lines: one answer of the calculation contract, or one error line, per registry row') },
        },
      },
      download(MATCH_FILES.results, NDJSON, (id) => `match-${id}-results.jsonl`),
    );
    app.get(
      '/api/v1/match-jobs/:id/summary.xlsx',
      {
        schema: {
          summary: 'The summary workbook: totals per measure and article, one sheet per measure with the enterprises granted (officer)',
          tags: ['matching'],
          params: matchJobIdParamsSchema,
          response: { 200: fileAnswer(XLSX_MIME, 'The summary workbook (.xlsx)') },
        },
      },
      download(MATCH_FILES.summary, XLSX_MIME, (id) => `match-${id}-summary.xlsx`),
    );
    app.get(
      '/api/v1/match-jobs/:id/errors.jsonl',
      {
        schema: {
          summary: 'The rows refused, with row, column and contract field (officer)',
          tags: ['matching'],
          params: matchJobIdParamsSchema,
          response: { 200: fileAnswer(NDJSON, 'JSON Lines: one line per row refused, naming its row, column and contract field') },
        },
      },
      download(MATCH_FILES.errors, NDJSON, (id) => `match-${id}-errors.jsonl`),
    );

    /**
     * A job's JSON Lines file as a workbook in Chinese (results or errors), streamed: read line by
     * line from the file store and written as it comes. Named with the job's number and file name.
     */
    const workbook =
      (file: MatchFileName, name: string, write: typeof exportMatchResultsXlsx) => async (req: FastifyRequest, reply: FastifyReply) => {
        requireRole(req, 'officer');
        const { id } = req.params as { id: string };
        const job = await requireFinishedMatchJob(ctx.db, id, 'its files are');
        const body = await openJobOutput(ctx, job.id, file);
        if (!body) throw new HttpError(404, 'FTAI_ERR_NOT_FOUND', `the match job has no ${file}`);
        const label = job.filename ? `登记表“${job.filename}”` : '平台企业';
        const out = new PassThrough();
        write(body, out, label, ctx.now()).catch((error: unknown) => {
          reply.log.error({ err: error }, 'match workbook failed');
          out.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        const ascii = `match-${id}-${file.replace('.jsonl', '')}.xlsx`;
        return reply
          .type(XLSX_MIME)
          .header(
            'content-disposition',
            `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`${name}-${id.slice(0, 8)}.xlsx`)}`,
          )
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(out);
      };
    app.get(
      '/api/v1/match-jobs/:id/results.xlsx',
      {
        config: { wholeCall: true },
        schema: {
          summary:
            'The answers as a workbook in Chinese: one row per registry row, its total, the measures granted, on review and waiting for facts (officer)',
          tags: ['matching'],
          params: matchJobIdParamsSchema,
          response: { 200: fileAnswer(XLSX_MIME, 'The results workbook (.xlsx), streamed') },
        },
      },
      workbook(MATCH_FILES.results, '匹配结果', exportMatchResultsXlsx),
    );
    app.get(
      '/api/v1/match-jobs/:id/errors.xlsx',
      {
        schema: {
          summary: 'The rows refused as a workbook in Chinese: one row per problem with its registry row, column and field (officer)',
          tags: ['matching'],
          params: matchJobIdParamsSchema,
          response: { 200: fileAnswer(XLSX_MIME, 'The errors workbook (.xlsx), streamed') },
        },
      },
      workbook(MATCH_FILES.errors, '错误明细', exportMatchErrorsXlsx),
    );
    app.get(
      '/api/v1/match-jobs/template.xlsx',
      {
        schema: {
          summary:
            'The registry template to fill in (Chinese headers, a notes sheet, drop-down lists), as `ftai template` writes it (officer)',
          tags: ['matching'],
          response: { 200: fileAnswer(XLSX_MIME, 'The registry template (.xlsx)') },
        },
      },
      async (req: FastifyRequest, reply: FastifyReply) => {
        requireRole(req, 'officer');
        const buffer = await (await templateWorkbook({ lang: 'zh', items: 2 })).xlsx.writeBuffer();
        return reply
          .type(XLSX_MIME)
          .header(
            'content-disposition',
            `attachment; filename="registry-template.xlsx"; filename*=UTF-8''${encodeURIComponent('企业登记表模板.xlsx')}`,
          )
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(buffer as ArrayBuffer));
      },
    );

    app.get(
      '/api/v1/match-jobs/:id/notify',
      {
        schema: {
          summary: 'The enterprises to notify: credit code, name, year, granted total and measures granted, in registry order (officer)',
          tags: ['matching'],
          params: matchJobIdParamsSchema,
          querystring: notifyQuerySchema,
          response: { 200: notifyPageSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return readNotifyPage(ctx, req.params.id, req.query);
      },
    );

    app.post(
      '/api/v1/match-jobs/:id/cancel',
      {
        schema: {
          summary: 'Cancel a queued or running match job (officer)',
          description:
            'A queued job is cancelled at once. A running job stops after the rows in flight and then shows `cancelled`, its files holding the rows done, every line whole: 202 until then.',
          tags: ['matching'],
          params: matchJobIdParamsSchema,
          response: { 200: matchJobSchema, 202: matchJobSchema },
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        await cancelMatchJob(ctx, officer, req.params.id);
        const job = await loadMatchJob(ctx, req.params.id);
        return reply.code(job.status === 'cancelled' ? 200 : 202).send(job);
      },
    );
  };
}
