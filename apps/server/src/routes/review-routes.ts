import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole, requireUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { forbidden } from '../errors.js';
import { approveApplication } from '../review/approve-application.js';
import { assignReviewer } from '../review/assign-reviewer.js';
import { declareInterest } from '../review/declare-interest.js';
import { listAssignments } from '../review/list-assignments.js';
import { RUBRIC, RUBRIC_MAX, rubricScoresSchema } from '../review/rubric.js';
import { scoreAssignment } from '../review/score-assignment.js';
import { withdrawAssignment } from '../review/withdraw-assignment.js';

const idParams = z.strictObject({ id: z.string().min(1).max(100) });

/** More items than any application can have (see the approval body). */
const MAX_APPROVAL_ITEMS = 20_000;
/**
 * An approval lists every item with its measure and subject, which takes more bytes per object
 * than the facts that named it (at most the JSON body limit): four times that limit holds the
 * approval of the largest application a draft can describe.
 */
const APPROVAL_BODY_FACTOR = 4;

const assignment = z.strictObject({
  reviewerId: z
    .string({ error: 'expected the id of a reviewer account' })
    .min(1, { error: 'expected the id of a reviewer account' })
    .max(100),
});

const declaration = z.strictObject({
  noConflict: z.boolean({ error: 'expected true (no conflict of interest) or false (a conflict to declare)' }),
  note: z.string({ error: 'expected a text' }).max(500, { error: 'expected at most 500 characters' }).optional(),
});

const score = z.strictObject({
  scores: rubricScoresSchema,
  comment: z
    .string({ error: 'expected a comment on the scores' })
    .trim()
    .min(1, { error: 'expected a comment on the scores' })
    .max(4000, { error: 'expected at most 4000 characters' }),
});

const approval = z.strictObject({
  items: z
    .array(
      z.strictObject({
        measure: z.string({ error: 'expected a measure id, e.g. 2.1' }).min(1, { error: 'expected a measure id, e.g. 2.1' }).max(10),
        subject: z
          .union([z.string().min(1).max(200), z.null()], {
            error: "expected the subject's id (5.1: its tier, e.g. revenue-50m), or null for an enterprise-level measure",
          })
          .meta({ description: "The item's subject as the application lists it: the object's id, the tier for 5.1, null otherwise." }),
        amount: z
          .number({ error: 'expected a whole number of yuan' })
          .int({ error: 'expected a whole number of yuan' })
          .min(0, { error: 'expected at least 0 yuan' })
          .max(Number.MAX_SAFE_INTEGER, { error: 'expected a safe whole number of yuan' }),
      }),
      { error: 'expected a list of items with measure, subject and amount' },
    )
    // Every item of the application is listed, and an application has one per object its facts
    // name (the contract's 14 lists of objects hold at most 1,000 each) and the enterprise-level
    // measures: a cap below that would leave a valid application that cannot be approved.
    .max(MAX_APPROVAL_ITEMS, { error: `expected at most ${MAX_APPROVAL_ITEMS.toLocaleString('en-US')} items` }),
  note: z.string({ error: 'expected a text' }).max(1000, { error: 'expected at most 1000 characters' }).optional(),
});

const reviewsQuery = z.strictObject({ applicationId: z.string().min(1).max(100).optional() });

/** Expert review (专家评审): assignments, declarations of interest, rubric scores, and the officer's approval. */
export function reviewRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/reviews/rubric', { schema: { summary: 'The review rubric (评审评分标准)', tags: ['review'] } }, async () => ({
      criteria: RUBRIC,
      max: RUBRIC_MAX,
    }));

    app.get(
      '/api/v1/reviews',
      {
        schema: {
          summary: "A reviewer's assignments; an officer's view of all (or one application's) assignments",
          tags: ['review'],
          querystring: reviewsQuery,
        },
      },
      async (req) => {
        const user = requireUser(req);
        const { applicationId } = req.query;
        if (user.role === 'reviewer') {
          return {
            assignments: await listAssignments(ctx.db, { reviewerId: user.id, hideTied: true, ...(applicationId && { applicationId }) }),
          };
        }
        if (user.role === 'officer' || user.role === 'admin') {
          return { assignments: await listAssignments(ctx.db, { ...(applicationId && { applicationId }) }) };
        }
        throw forbidden('reviews are seen by their reviewers and by officers');
      },
    );

    app.post(
      '/api/v1/applications/:id/assignments',
      { schema: { summary: 'Assign a reviewer (officer)', tags: ['review'], params: idParams, body: assignment } },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        const view = await assignReviewer(ctx, officer, req.params.id, req.body.reviewerId);
        reply.code(201);
        return view;
      },
    );

    app.post(
      '/api/v1/assignments/:id/withdraw',
      { schema: { summary: 'Withdraw a reviewer who has not scored (officer)', tags: ['review'], params: idParams } },
      async (req) => {
        const officer = requireRole(req, 'officer');
        const { id } = await withdrawAssignment(ctx, officer, req.params.id);
        return { id, isWithdrawn: true };
      },
    );

    app.post(
      '/api/v1/assignments/:id/declaration',
      {
        schema: {
          summary: 'Declare (no) conflict of interest (利益冲突声明), the assigned reviewer only',
          tags: ['review'],
          params: idParams,
          body: declaration,
        },
      },
      async (req) => {
        const reviewer = requireRole(req, 'reviewer');
        return declareInterest(ctx, reviewer, req.params.id, req.body);
      },
    );

    app.post(
      '/api/v1/assignments/:id/score',
      { schema: { summary: 'Score against the rubric, the assigned reviewer only', tags: ['review'], params: idParams, body: score } },
      async (req) => {
        const reviewer = requireRole(req, 'reviewer');
        return scoreAssignment(ctx, reviewer, req.params.id, req.body);
      },
    );

    app.post(
      '/api/v1/applications/:id/approve',
      {
        schema: {
          summary: "Approve an amount per item, at most the engine's figure (officer)",
          description:
            'Every item of the application once, by measure and subject (5.1 by its tier). Results the engine left `incomplete` (the application’s `needsFacts`) are no items: they cannot be approved.',
          tags: ['review'],
          params: idParams,
          body: approval,
        },
        bodyLimit: APPROVAL_BODY_FACTOR * ctx.config.bodyLimitBytes,
      },
      async (req) => {
        const officer = requireRole(req, 'officer');
        return approveApplication(ctx, officer, req.params.id, req.body);
      },
    );
  };
}
