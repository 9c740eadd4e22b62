import { PassThrough } from 'node:stream';
import {
  callIdParamsSchema,
  enterpriseContactsBodySchema,
  enterpriseContactsResultSchema,
  invitationSignUpBodySchema,
  langQuerySchema,
  loginResponseSchema,
  messageListQuerySchema,
  messageListSchema,
  offerBatchBodySchema,
  offerBatchListQuerySchema,
  offerBatchListSchema,
  offerBatchPreviewSchema,
  offerBatchSchema,
  offerConfirmBodySchema,
  offerDeclineBodySchema,
  offerListQuerySchema,
  offerListSchema,
  offerPageSchema,
  offerParamsSchema,
  offerSchema,
  okSchema,
  outlookSchema,
} from '@ftai/api';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contentDisposition } from '../applications/read-attachment.js';
import { requireRole, requireUser } from '../auth/current-user.js';
import { signInBrowser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { fileAnswer } from '../http/file-answer.js';
import { XLSX_MIME } from '../notice/export-notice-xlsx.js';
import { confirmOffer, declineOffer, signUpWithInvitation } from '../offers/decide-offer.js';
import { importContacts } from '../offers/enterprise-contacts.js';
import { exportOffersXlsx } from '../offers/export-offers-xlsx.js';
import { listMessages, readMessage } from '../offers/messages.js';
import { commitOfferBatch, previewOfferBatch } from '../offers/offer-batches.js';
import { batchView, listBatches, listOwnOffers, loadOffer, offerPage } from '../offers/offer-views.js';
import { enterpriseOutlook } from '../offers/outlook.js';
import { strongPasswordHash } from '../users/create-user.js';

/**
 * 免申即享 as a closed loop: batches of offers from a match (officers), the enterprise's offers and
 * its one-step confirmation or decline, the portal's messages, sign-up with an invitation code, and
 * the contacts the messages go to.
 */
export function offerRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/calls/:id/offer-batches/preview',
      {
        schema: {
          summary: 'Preview a 免申即享 batch from a finished match job: who, how much, against the call’s budget (officer)',
          tags: ['offers'],
          params: callIdParamsSchema,
          body: offerBatchBodySchema,
          response: { 200: offerBatchPreviewSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return previewOfferBatch(ctx, req.params.id, req.body);
      },
    );

    app.post(
      '/api/v1/calls/:id/offer-batches',
      {
        schema: {
          summary: 'Create a 免申即享 batch: one offer per enterprise, its messages queued (officer)',
          tags: ['offers'],
          params: callIdParamsSchema,
          body: offerBatchBodySchema,
          response: { 201: offerBatchSchema },
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        const id = await commitOfferBatch(ctx, officer, req.params.id, req.body);
        return reply.code(201).send(await batchView(ctx.db, id));
      },
    );

    app.get(
      '/api/v1/offer-batches',
      {
        schema: {
          summary: 'The 免申即享 batches, of a call if asked (officer)',
          tags: ['offers'],
          querystring: offerBatchListQuerySchema,
          response: { 200: offerBatchListSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return { batches: await listBatches(ctx.db, req.query.callId) };
      },
    );

    app.get(
      '/api/v1/offer-batches/:id',
      {
        schema: {
          summary: 'A batch: offers sent, delivered, read, confirmed, declined, expired, with amounts (officer)',
          tags: ['offers'],
          params: offerParamsSchema,
          response: { 200: offerBatchSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return batchView(ctx.db, req.params.id);
      },
    );

    app.get(
      '/api/v1/offer-batches/:id/offers',
      {
        schema: {
          summary: 'A page of a batch’s offers (officer)',
          tags: ['offers'],
          params: offerParamsSchema,
          querystring: offerListQuerySchema,
          response: { 200: offerPageSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return offerPage(ctx.db, req.params.id, req.query);
      },
    );

    app.get(
      '/api/v1/offer-batches/:id/export.xlsx',
      {
        schema: {
          summary: 'A batch’s offers as an .xlsx workbook in Chinese, streamed (officer)',
          tags: ['offers'],
          params: offerParamsSchema,
          response: {
            200: fileAnswer(
              XLSX_MIME,
              'One row per offer: enterprise, measures by clause, amount, status, each channel’s delivery, read, decided, reason',
            ),
          },
        },
      },
      async (req, reply) => {
        requireRole(req, 'officer');
        const batch = await batchView(ctx.db, req.params.id);
        const out = new PassThrough();
        exportOffersXlsx(ctx.db, batch.id, ctx.now(), out).catch((error: unknown) => {
          reply.log.error({ err: error }, 'offer export failed');
          out.destroy(error instanceof Error ? error : new Error(String(error)));
        });
        // A stream, not the string the schema names for the OpenAPI document.
        return (reply as FastifyReply)
          .type(XLSX_MIME)
          .header('content-disposition', contentDisposition(`${batch.title}.xlsx`))
          .send(out);
      },
    );

    app.get(
      '/api/v1/offers',
      {
        schema: {
          summary: 'The signed-in enterprise’s offers (免申即享), newest first',
          tags: ['offers'],
          response: { 200: offerListSchema },
        },
      },
      async (req) => ({ offers: await listOwnOffers(ctx.db, requireUser(req)) }),
    );

    app.get(
      '/api/v1/offers/:id',
      {
        schema: {
          summary: 'One offer with every item’s explanation; the enterprise’s first look marks it read',
          tags: ['offers'],
          params: offerParamsSchema,
          response: { 200: offerSchema },
        },
      },
      async (req) => loadOffer(ctx.db, requireUser(req), req.params.id, ctx.now()),
    );

    app.post(
      '/api/v1/offers/:id/confirm',
      {
        schema: {
          summary: '确认申领: the commitment and the bank account; an application in the call, submitted (applicant)',
          description: 'Confirming an offer already confirmed does nothing and answers it as it is.',
          tags: ['offers'],
          params: offerParamsSchema,
          body: offerConfirmBodySchema,
          response: { 200: offerSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        await confirmOffer(ctx, user, req.params.id, req.body);
        return loadOffer(ctx.db, user, req.params.id, ctx.now());
      },
    );

    app.post(
      '/api/v1/offers/:id/decline',
      {
        schema: {
          summary: '放弃: decline an offer with a reason (applicant)',
          tags: ['offers'],
          params: offerParamsSchema,
          body: offerDeclineBodySchema,
          response: { 200: offerSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        await declineOffer(ctx, user, req.params.id, req.body.reason);
        return loadOffer(ctx.db, user, req.params.id, ctx.now());
      },
    );

    app.get(
      '/api/v1/enterprises/me/outlook',
      {
        schema: {
          summary:
            '“What can we get now?”: every call accepting applications, estimated on the enterprise’s offer, application or latest facts with its ledger (applicant)',
          tags: ['offers'],
          querystring: langQuerySchema,
          response: { 200: outlookSchema },
        },
      },
      async (req) => enterpriseOutlook(ctx.db, requireUser(req), ctx.today(), req.query.lang ?? 'zh'),
    );

    app.get(
      '/api/v1/messages',
      {
        schema: {
          summary: '站内信: the enterprise’s messages, newest first, with the unread count',
          tags: ['offers'],
          querystring: messageListQuerySchema,
          response: { 200: messageListSchema },
        },
      },
      async (req) => listMessages(ctx.db, requireUser(req), req.query),
    );

    app.post(
      '/api/v1/messages/:id/read',
      { schema: { summary: 'Marks a message read', tags: ['offers'], params: offerParamsSchema, response: { 200: okSchema } } },
      async (req) => {
        await readMessage(ctx.db, requireUser(req), req.params.id, ctx.now());
        return { ok: true as const };
      },
    );

    app.post(
      '/api/v1/enterprise-contacts',
      {
        schema: {
          summary: 'Contacts the bureau holds (e-mail, mobile) for enterprises, with or without an account (officer)',
          tags: ['offers'],
          body: enterpriseContactsBodySchema,
          response: { 200: enterpriseContactsResultSchema },
        },
      },
      async (req) => importContacts(ctx, requireRole(req, 'officer'), req.body.contacts),
    );

    app.post(
      '/api/v1/auth/invitation',
      {
        // Anonymous, as sign-in is: a code is 8 characters bound to a credit code; 10 tries a minute per address.
        config: { csrf: false, rateLimit: { max: 10, timeWindow: 60_000 } },
        schema: {
          summary: '凭邀请码注册: an enterprise without an account creates one with its invitation code, and is signed in',
          tags: ['auth'],
          body: invitationSignUpBodySchema,
          response: { 201: loginResponseSchema.extend({ offerId: z.string() }) },
        },
      },
      async (req, reply) => {
        const hash = await strongPasswordHash(ctx, req.body);
        const { user, offerId } = await signUpWithInvitation(ctx, req.body, hash);
        return reply.code(201).send({ user, csrfToken: await signInBrowser(ctx, req, reply, user.id), offerId });
      },
    );
  };
}
