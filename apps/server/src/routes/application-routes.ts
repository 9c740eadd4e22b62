import {
  answerSchema,
  applicationCountsQuerySchema,
  applicationCountsSchema,
  applicationListQuerySchema,
  applicationListSchema,
  applicationParamsSchema,
  applicationViewSchema,
  attachmentListSchema,
  attachmentQuerySchema,
  attachmentSchema,
  createApplicationBodySchema,
  langQuerySchema,
  timelineSchema,
  transitionBodySchema,
  updateApplicationBodySchema,
  withdrawBodySchema,
} from '@ftai/api';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createApplication } from '../applications/create-application.js';
import { countApplications, listApplications } from '../applications/list-applications.js';
import { listAttachments } from '../applications/list-attachments.js';
import { loadApplication } from '../applications/load-application.js';
import { loadTimeline } from '../applications/load-timeline.js';
import { type AttachmentFile, contentDisposition, readAttachment } from '../applications/read-attachment.js';
import { requireApplication } from '../applications/require-application.js';
import { runEngine } from '../applications/run-engine.js';
import {
  assertCanAttach,
  assertRoomForAttachment,
  materialTie,
  receiveAttachment,
  storeAttachment,
} from '../applications/store-attachment.js';
import { submitApplication } from '../applications/submit-application.js';
import { describePlainMoves, transitionApplication } from '../applications/transition-application.js';
import { updateApplication } from '../applications/update-application.js';
import { withdrawApplication } from '../applications/withdraw-application.js';
import { requireRole, requireUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { fileAnswer } from '../http/file-answer.js';
import { idempotent } from '../http/idempotency.js';
import { spoolDir } from '../storage/spool-file.js';

/** Sends an attached file as it was stored: its own type, never sniffed, never cached. */
function sendFile(reply: FastifyReply, file: AttachmentFile) {
  return reply
    .type(file.mime)
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-length', file.size)
    .send(file.body);
}

/**
 * Applications (申报): drafts of the contract's facts, attachments, the engine's estimate,
 * submission, the officer's plain moves, and the timeline the applicant sees.
 */
export function applicationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/applications',
      {
        schema: {
          summary: 'Start a draft application in an open call (applicant)',
          tags: ['applications'],
          body: createApplicationBodySchema,
          response: { 201: applicationViewSchema },
        },
      },
      async (req, reply) => {
        const user = requireRole(req, 'applicant');
        const applicationId = await createApplication(ctx, user, req.body);
        return reply.code(201).send(await loadApplication(ctx.db, applicationId, user, ctx.today()));
      },
    );

    app.get(
      '/api/v1/applications',
      {
        schema: {
          summary: 'A page of the applications the caller may see, newest first unless sorted otherwise',
          description:
            'Officers see all; an applicant its own enterprise’s; a reviewer those assigned to it. Filters, the search (`q`: the start of the enterprise’s name or credit code, or of the id) and the sort are the database’s; pages follow `page.next`.',
          tags: ['applications'],
          querystring: applicationListQuerySchema,
          response: { 200: applicationListSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        return listApplications(ctx, user, req.query);
      },
    );

    app.get(
      '/api/v1/applications/counts',
      {
        schema: {
          summary: 'How many applications the caller may see in each status, with the list’s filters and search',
          tags: ['applications'],
          querystring: applicationCountsQuerySchema,
          response: { 200: applicationCountsSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        return countApplications(ctx, user, req.query);
      },
    );

    app.get(
      '/api/v1/applications/:id',
      {
        schema: {
          summary: 'One application: request, engine result, items, timeline, attachments',
          tags: ['applications'],
          params: applicationParamsSchema,
          response: { 200: applicationViewSchema },
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
          params: applicationParamsSchema,
          body: updateApplicationBodySchema,
          response: { 200: applicationViewSchema },
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
          params: applicationParamsSchema,
          querystring: langQuerySchema,
          response: { 200: answerSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        if (user.role === 'reviewer')
          throw forbidden('an estimate is for the applicant and the officers; a reviewer reads the stored result');
        const row = await requireApplication(ctx.db, user, req.params.id, 'see');
        return runEngine(ctx.db, row, req.query.lang ?? 'zh', ctx.today());
      },
    );

    app.post(
      '/api/v1/applications/:id/submit',
      {
        schema: {
          summary: 'Submit (or resubmit after a return) (applicant); honours Idempotency-Key',
          tags: ['applications'],
          params: applicationParamsSchema,
          response: { 200: applicationViewSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        // Refused before the idempotency store is consulted: a key never reveals another's answer.
        await requireApplication(ctx.db, user, req.params.id, 'own');
        // A submission answers 200, and a retry with the same key the stored 200 answer.
        const result = await idempotent(ctx, req, user.id, async (trx) => {
          await submitApplication(ctx, trx, user, req.params.id);
          return { status: 200, body: await loadApplication(trx, req.params.id, user, ctx.today()) };
        });
        return result.body;
      },
    );

    app.post(
      '/api/v1/applications/:id/withdraw',
      {
        schema: {
          summary: 'Withdraw a submission before the formal check (撤回; applicant): a draft again, its number kept',
          tags: ['applications'],
          params: applicationParamsSchema,
          body: withdrawBodySchema,
          response: { 200: applicationViewSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        await ctx.tx((trx) => withdrawApplication(ctx, trx, user, req.params.id, req.body.reason));
        return loadApplication(ctx.db, req.params.id, user, ctx.today());
      },
    );

    app.post(
      '/api/v1/applications/:id/transitions',
      {
        schema: {
          summary: 'Formal check, expert review, return for changes, rejection (officer)',
          description: `Plain moves only: ${describePlainMoves()}`,
          tags: ['applications'],
          params: applicationParamsSchema,
          body: transitionBodySchema,
          response: { 200: applicationViewSchema },
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
      {
        schema: {
          summary: 'Every move of an application, oldest first',
          tags: ['applications'],
          params: applicationParamsSchema,
          response: { 200: timelineSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        await requireApplication(ctx.db, user, req.params.id, 'see');
        return { events: await loadTimeline(ctx.db, req.params.id) };
      },
    );

    app.get(
      '/api/v1/applications/:id/attachments',
      {
        schema: {
          summary: 'The files attached to an application',
          tags: ['applications'],
          params: applicationParamsSchema,
          response: { 200: attachmentListSchema },
        },
      },
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
          summary:
            'Attach a PDF, OFD, PNG, JPEG, WebP, Word or Excel file (applicant; multipart/form-data, one file), as a material of a measure or one of 其他材料',
          tags: ['applications'],
          params: applicationParamsSchema,
          querystring: attachmentQuerySchema,
          response: { 201: attachmentSchema },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const row = await requireApplication(ctx.db, user, req.params.id, 'own');
        assertCanAttach(row.status);
        const tie = materialTie(req.query);
        // Refused before the upload is read; checked again where the file is stored.
        await assertRoomForAttachment(ctx.db, ctx.config.maxAttachmentsPerApplication, req.params.id);
        // Spooled to the data folder's tmp/ (hashed on the way), then into the file store: never whole in memory.
        const upload = await receiveAttachment(req, ctx.config.uploadLimitBytes, spoolDir(ctx.config.dataDir));
        const attachmentId = await storeAttachment(ctx, user, req.params.id, upload, tie);
        const attachment = (await listAttachments(ctx.db, req.params.id)).find((a) => a.id === attachmentId);
        if (!attachment) throw notFound('attachment');
        return reply.code(201).send(attachment);
      },
    );

    app.get(
      '/api/v1/attachments/:id',
      {
        schema: {
          summary: 'Download an attached file',
          tags: ['applications'],
          params: applicationParamsSchema,
          response: {
            200: fileAnswer(
              'application/octet-stream',
              'The file as uploaded; its type (PDF, PNG, JPEG or WebP) detected from its content',
            ),
          },
        },
      },
      async (req, reply) => sendFile(reply, await readAttachment(ctx, requireUser(req), req.params.id)),
    );
  };
}
