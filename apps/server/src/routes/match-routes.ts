import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { formatOfPath, type InputFormat, MatchInputError } from '@ftai/match';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { conflict, fieldError, HttpError } from '../errors.js';
import { newId } from '../ids.js';
import { cancelMatchJob } from '../matching/cancel-match-job.js';
import { createMatchJob } from '../matching/create-match-job.js';
import { matchJobView, readMatchTotals, requireMatchJob } from '../matching/load-match-job.js';
import { inputFileName, MATCH_FILES, matchJobDir } from '../matching/match-job-files.js';
import { MatchJobRunner } from '../matching/match-job-runner.js';
import { readNotifyList } from '../matching/read-notify-list.js';
import { XLSX_MIME } from '../notice/export-notice-xlsx.js';

const idParams = z.strictObject({ id: z.string({ error: 'expected an id' }).min(1, { error: 'expected an id' }).max(100) });

const year = z
  .number({ error: 'expected the assessment year, e.g. 2026' })
  .int({ error: 'expected a whole year' })
  .min(2000, { error: 'expected a year from 2000 to 2100' })
  .max(2100, { error: 'expected a year from 2000 to 2100' });

/** JSON: match the enterprises the platform holds. A registry file comes as multipart instead (no JSON body). */
const createBody = z
  .strictObject({
    source: z.literal('platform', { error: 'expected "platform" (a registry file is sent as multipart/form-data)' }),
    year,
  })
  .nullish();

const createQuery = z.strictObject({
  allowExtraColumns: z.enum(['true', 'false'], { error: 'expected true or false' }).optional(),
});

const notifyQuery = z.strictObject({
  offset: z
    .string()
    .regex(/^\d{1,9}$/, { error: 'expected a whole number' })
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,5}$/, { error: 'expected a whole number up to 10000' })
    .optional(),
});

const UPLOAD_FORMATS = new Set<InputFormat>(['csv', 'xlsx', 'jsonl']);

/** The uploaded file's own name, for showing only: no folders, no control characters, 200 characters at most. */
function displayName(name: string): string {
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '_').trim();
  return Array.from(cleaned).slice(0, 200).join('') || 'registry';
}

/**
 * Match jobs (免申即享, 政策找人): an officer uploads a registry (CSV, XLSX, or JSON Lines of
 * requests), or asks for the enterprises the platform holds, and the match runs in the
 * background; its progress, results, summary workbook, errors and the enterprises to notify are
 * here. Officers and admins only.
 */
export function matchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const runner = new MatchJobRunner(ctx);
    app.addHook('onClose', async () => runner.close());
    await runner.recover();

    const view = async (id: string) => {
      const row = await requireMatchJob(ctx.db, id);
      return matchJobView(row, runner.progressOf(id), ctx.config.now().getTime());
    };

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
          body: createBody,
          querystring: createQuery,
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        const id = newId();
        const dir = matchJobDir(ctx.config.dataDir, id);
        const allowExtraColumns = req.query.allowExtraColumns === 'true';
        if (req.isMultipart()) {
          mkdirSync(dir, { recursive: true });
          try {
            const filename = await receiveRegistry(req, dir, ctx.config.matchUploadLimitBytes);
            await createMatchJob(ctx, officer, { id, source: 'upload', filename, year: null, allowExtraColumns });
          } catch (error) {
            rmSync(dir, { recursive: true, force: true });
            throw error;
          }
        } else {
          if (!req.body)
            throw fieldError('source', 'expected a registry file (multipart/form-data) or JSON {"source": "platform", "year": …}');
          mkdirSync(dir, { recursive: true });
          await createMatchJob(ctx, officer, { id, source: 'platform', filename: null, year: req.body.year, allowExtraColumns });
        }
        runner.enqueue(id);
        reply.code(202);
        return view(id);
      },
    );

    app.get('/api/v1/match-jobs', { schema: { summary: 'Match jobs, newest first (officer)', tags: ['matching'] } }, async (req) => {
      requireRole(req, 'officer');
      const rows = await ctx.db
        .selectFrom('match_jobs')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(200)
        .execute();
      const now = ctx.config.now().getTime();
      return { jobs: rows.map((r) => matchJobView(r, runner.progressOf(r.id), now)) };
    });

    app.get(
      '/api/v1/match-jobs/:id',
      {
        schema: {
          summary: 'A match job: status, rows done, rate, time left; totals per measure and article once finished (officer)',
          tags: ['matching'],
          params: idParams,
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        const job = await view(req.params.id);
        return { ...job, totals: job.downloads ? readMatchTotals(ctx.config.dataDir, job.id) : null };
      },
    );

    const download = (file: string, type: string, name: (id: string) => string) => async (req: FastifyRequest, reply: FastifyReply) => {
      requireRole(req, 'officer');
      const { id } = req.params as { id: string };
      const job = await requireMatchJob(ctx.db, id);
      if (job.status !== 'done' && job.status !== 'cancelled') {
        throw conflict('FTAI_ERR_CONFLICT', `the match job is ${job.status}: its files are ready once it is done (or cancelled)`);
      }
      const path = join(matchJobDir(ctx.config.dataDir, id), file);
      if (!existsSync(path)) throw new HttpError(404, 'FTAI_ERR_NOT_FOUND', `the match job has no ${file}`);
      return reply
        .type(type)
        .header('content-disposition', `attachment; filename="${name(id)}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(createReadStream(path));
    };
    const ndjson = 'application/x-ndjson; charset=utf-8';
    app.get(
      '/api/v1/match-jobs/:id/results.jsonl',
      { schema: { summary: 'The answers, one JSON line per row in registry order (officer)', tags: ['matching'], params: idParams } },
      download(MATCH_FILES.results, ndjson, (id) => `match-${id}-results.jsonl`),
    );
    app.get(
      '/api/v1/match-jobs/:id/summary.xlsx',
      {
        schema: {
          summary: 'The summary workbook: totals per measure and article, one sheet per measure with the enterprises granted (officer)',
          tags: ['matching'],
          params: idParams,
        },
      },
      download(MATCH_FILES.summary, XLSX_MIME, (id) => `match-${id}-summary.xlsx`),
    );
    app.get(
      '/api/v1/match-jobs/:id/errors.jsonl',
      { schema: { summary: 'The rows refused, with row, column and contract field (officer)', tags: ['matching'], params: idParams } },
      download(MATCH_FILES.errors, ndjson, (id) => `match-${id}-errors.jsonl`),
    );

    app.get(
      '/api/v1/match-jobs/:id/notify',
      {
        schema: {
          summary: 'The enterprises to notify: credit code, name, year, granted total and measures granted, in registry order (officer)',
          tags: ['matching'],
          params: idParams,
          querystring: notifyQuery,
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        const job = await requireMatchJob(ctx.db, req.params.id);
        if (job.status !== 'done' && job.status !== 'cancelled') {
          throw conflict('FTAI_ERR_CONFLICT', `the match job is ${job.status}: the list is ready once it is done (or cancelled)`);
        }
        const offset = Number(req.query.offset ?? 0);
        const limit = Math.min(Number(req.query.limit ?? 1000), 10_000);
        const page = await readNotifyList(join(matchJobDir(ctx.config.dataDir, job.id), MATCH_FILES.notify), offset, limit);
        return { jobId: job.id, offset, limit, ...page };
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
          params: idParams,
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        await cancelMatchJob(ctx, runner, officer, req.params.id);
        const job = await view(req.params.id);
        reply.code(job.status === 'cancelled' ? 200 : 202);
        return job;
      },
    );
  };
}

/**
 * Streams the one uploaded file to `dir/input.<format>`; returns its name. Over the limit is a
 * 413 naming it; a file that is neither .csv, .xlsx nor .jsonl is a 415.
 */
async function receiveRegistry(req: FastifyRequest, dir: string, limit: number): Promise<string> {
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await req.file({ limits: { fileSize: limit, files: 1 } });
  } catch (error) {
    throw new HttpError(400, 'FTAI_ERR_UPLOAD', `the multipart form cannot be read: ${(error as Error).message}`);
  }
  if (!part) throw fieldError('file', 'expected one file in the multipart form');
  const filename = displayName(part.filename);
  let format: InputFormat;
  try {
    format = formatOfPath(filename);
  } catch (error) {
    if (error instanceof MatchInputError) throw new HttpError(415, 'FTAI_ERR_UPLOAD', error.message);
    throw error;
  }
  const lower = filename.toLowerCase();
  if (!UPLOAD_FORMATS.has(format) || (format === 'jsonl' && !lower.endsWith('.jsonl') && !lower.endsWith('.ndjson'))) {
    part.file.resume();
    throw new HttpError(
      415,
      'FTAI_ERR_UPLOAD',
      `${JSON.stringify(filename)}: expected a registry as .csv or .xlsx (docs/registry-columns.md), or requests as .jsonl`,
    );
  }
  await pipeline(part.file, createWriteStream(join(dir, inputFileName(format))));
  if (part.file.truncated) {
    throw new HttpError(413, 'FTAI_ERR_UPLOAD', `the file is larger than the limit of ${limit.toLocaleString('en-US')} bytes`);
  }
  return filename;
}
