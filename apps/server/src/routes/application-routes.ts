import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rawEnterpriseOverrides, rawFacts } from '../applications/check-application-input.js';
import { createApplication } from '../applications/create-application.js';
import { listApplications } from '../applications/list-applications.js';
import { listAttachments } from '../applications/list-attachments.js';
import { loadApplication } from '../applications/load-application.js';
import { loadTimeline } from '../applications/load-timeline.js';
import { contentDisposition, readAttachment } from '../applications/read-attachment.js';
import { requireApplication } from '../applications/require-application.js';
import { runEngine } from '../applications/run-engine.js';
import { assertCanAttach, assertRoomForAttachment, storeAttachment } from '../applications/store-attachment.js';
import { submitApplication } from '../applications/submit-application.js';
import { transitionApplication } from '../applications/transition-application.js';
import { updateApplication } from '../applications/update-application.js';
import { requireRole, requireUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { fieldError, forbidden, HttpError } from '../errors.js';
import { idempotent } from '../http/idempotency.js';

const STATUSES = [
  'draft',
  'submitted',
  'formal_check',
  'under_review',
  'returned',
  'approved',
  'rejected',
  'public_notice',
  'final',
  'paid',
] as const;
const status = z.enum(STATUSES, { error: `expected one of ${STATUSES.join(', ')}` });
const id = z.string({ error: 'expected an id' }).min(1, { error: 'expected an id' }).max(100, { error: 'expected at most 100 characters' });
const idParams = z.strictObject({ id });

const createBody = z.strictObject({
  callId: z.string({ error: "expected the call's id" }).min(1, { error: "expected the call's id" }).max(100),
  facts: rawFacts.optional(),
  enterprise: rawEnterpriseOverrides.optional(),
});

const updateBody = z.strictObject({
  facts: rawFacts,
  enterprise: rawEnterpriseOverrides.optional(),
});

const listQuery = z.strictObject({
  callId: id.optional(),
  status: status.optional(),
  creditCode: z.string().max(18, { error: 'expected an 18-character credit code' }).optional(),
});

const langQuery = z.strictObject({ lang: z.enum(['zh', 'en'], { error: 'expected zh or en' }).optional() });

const transitionBody = z.strictObject({
  to: status,
  note: z
    .string({ error: 'expected a text' })
    .trim()
    .min(1, { error: 'expected a non-empty note' })
    .max(2000, { error: 'expected at most 2,000 characters' })
    .optional(),
});

/**
 * Applications (申报): drafts of the contract's facts, attachments, the engine's estimate,
 * submission, the officer's plain moves, and the timeline the applicant sees.
 */
export function applicationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/applications',
      { schema: { summary: 'Start a draft application in an open call (applicant)', tags: ['applications'], body: createBody } },
      async (req, reply) => {
        const user = requireRole(req, 'applicant');
        const applicationId = await createApplication(ctx, user, req.body);
        reply.code(201);
        return loadApplication(ctx.db, applicationId, user, ctx.today());
      },
    );

    app.get(
      '/api/v1/applications',
      {
        schema: {
          summary: 'Applications the caller may see, newest first',
          description: 'Officers see all; an applicant its own enterprise’s; a reviewer those assigned to it.',
          tags: ['applications'],
          querystring: listQuery,
        },
      },
      async (req) => {
        const user = requireUser(req);
        return { applications: await listApplications(ctx.db, user, req.query) };
      },
    );

    app.get(
      '/api/v1/applications/:id',
      {
        schema: {
          summary: 'One application: request, engine result, items, timeline, attachments',
          tags: ['applications'],
          params: idParams,
        },
      },
      async (req) => {
        const user = requireUser(req);
        await requireApplication(ctx.db, user, req.params.id, 'see');
        return loadApplication(ctx.db, req.params.id, user, ctx.today());
      },
    );

    app.put(
      '/api/v1/applications/:id',
      {
        schema: {
          summary: 'Edit a draft or a returned application (applicant)',
          description: 'Leaving `enterprise` out keeps the overrides already stored; `{}` clears them.',
          tags: ['applications'],
          params: idParams,
          body: updateBody,
        },
      },
      async (req) => {
        const user = requireUser(req);
        await updateApplication(ctx, user, req.params.id, req.body);
        return loadApplication(ctx.db, req.params.id, user, ctx.today());
      },
    );

    app.post(
      '/api/v1/applications/:id/estimate',
      {
        schema: {
          summary: 'What the engine would grant now, with explanations (applicant, officer); nothing is stored',
          tags: ['applications'],
          params: idParams,
          querystring: langQuery,
        },
      },
      async (req) => {
        const user = requireUser(req);
        if (user.role === 'reviewer')
          throw forbidden('an estimate is for the applicant and the officers; a reviewer reads the stored result');
        const row = await requireApplication(ctx.db, user, req.params.id, 'see');
        return runEngine(ctx.db, row, req.query.lang ?? 'zh');
      },
    );

    app.post(
      '/api/v1/applications/:id/submit',
      {
        schema: {
          summary: 'Submit (or resubmit after a return) (applicant); honours Idempotency-Key',
          tags: ['applications'],
          params: idParams,
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        // Refused before the idempotency store is consulted: a key never reveals another's answer.
        await requireApplication(ctx.db, user, req.params.id, 'own');
        const result = await idempotent(ctx, req, user.id, async (trx) => {
          await submitApplication(ctx, trx, user, req.params.id);
          return { status: 200, body: await loadApplication(trx, req.params.id, user, ctx.today()) };
        });
        return reply.code(result.status).send(result.body);
      },
    );

    app.post(
      '/api/v1/applications/:id/transitions',
      {
        schema: {
          summary: 'Formal check, expert review, return for changes, rejection (officer)',
          description:
            'Plain moves only: submitted→formal_check, formal_check→under_review|returned|rejected, under_review→returned|rejected. A return needs a note.',
          tags: ['applications'],
          params: idParams,
          body: transitionBody,
        },
      },
      async (req) => {
        const user = requireRole(req, 'officer');
        await transitionApplication(ctx, user, req.params.id, req.body.to, req.body.note);
        return loadApplication(ctx.db, req.params.id, user, ctx.today());
      },
    );

    app.get(
      '/api/v1/applications/:id/timeline',
      { schema: { summary: 'Every move of an application, oldest first', tags: ['applications'], params: idParams } },
      async (req) => {
        const user = requireUser(req);
        await requireApplication(ctx.db, user, req.params.id, 'see');
        return { events: await loadTimeline(ctx.db, req.params.id) };
      },
    );

    app.get(
      '/api/v1/applications/:id/attachments',
      { schema: { summary: 'The files attached to an application', tags: ['applications'], params: idParams } },
      async (req) => {
        const user = requireUser(req);
        await requireApplication(ctx.db, user, req.params.id, 'see');
        return { attachments: await listAttachments(ctx.db, req.params.id) };
      },
    );

    app.post(
      '/api/v1/applications/:id/attachments',
      {
        schema: {
          summary: 'Attach a PDF, PNG, JPEG or WebP file (applicant; multipart/form-data, one file)',
          tags: ['applications'],
          params: idParams,
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const row = await requireApplication(ctx.db, user, req.params.id, 'own');
        assertCanAttach(row.status);
        // Refused before the upload is read; checked again where the file is stored.
        await assertRoomForAttachment(ctx.db, ctx.config.maxAttachmentsPerApplication, req.params.id);
        const upload = await readUpload(req, ctx.config.uploadLimitBytes);
        const attachmentId = await storeAttachment(ctx, user, req.params.id, upload);
        const attachments = await listAttachments(ctx.db, req.params.id);
        reply.code(201);
        return attachments.find((a) => a.id === attachmentId);
      },
    );

    app.get(
      '/api/v1/attachments/:id',
      { schema: { summary: 'Download an attached file', tags: ['applications'], params: idParams } },
      async (req, reply) => {
        const user = requireUser(req);
        const file = await readAttachment(ctx, user, req.params.id);
        return reply
          .type(file.mime)
          .header('content-disposition', contentDisposition(file.filename))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(file.bytes);
      },
    );
  };
}

/** Reads the one uploaded file whole; over the limit is a 413 naming the limit, a broken form a 400. */
async function readUpload(req: FastifyRequest, limit: number): Promise<{ filename: string; bytes: Buffer }> {
  if (!req.isMultipart()) throw new HttpError(415, 'FTAI_ERR_UPLOAD', 'expected multipart/form-data with one file field');
  const tooLarge = () =>
    new HttpError(
      413,
      'FTAI_ERR_UPLOAD',
      `the file is larger than the limit of ${limit.toLocaleString('en-US')} bytes (${describeSize(limit)})`,
    );
  try {
    const part = await req.file();
    if (!part) throw fieldError('file', 'expected one file in the multipart form');
    const bytes = await part.toBuffer();
    // busboy cuts a file at the limit and marks it truncated: a cut file is never stored.
    if (part.file.truncated) throw tooLarge();
    return { filename: part.filename, bytes };
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    // Everything else here is the client's form: no boundary, a part cut short, too many parts.
    throw new HttpError(400, 'FTAI_ERR_UPLOAD', `the multipart form cannot be read: ${(error as Error).message}`);
  }
}

function describeSize(bytes: number): string {
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MiB`;
  if (bytes >= 1 << 10 && bytes % (1 << 10) === 0) return `${bytes / (1 << 10)} KiB`;
  return `${bytes} bytes`;
}
