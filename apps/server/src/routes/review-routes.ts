import {
  actsAs,
  approvalBodySchema,
  approvalOutcomeSchema,
  assignmentBodySchema,
  assignmentListSchema,
  assignmentSchema,
  declarationBodySchema,
  declarationOutcomeSchema,
  RUBRIC,
  RUBRIC_MAX,
  reviewListQuerySchema,
  reviewParamsSchema,
  rubricSchema,
  scoreBodySchema,
  scoreOutcomeSchema,
  withdrawnAssignmentSchema,
} from '@ftai/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole, requireUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { forbidden } from '../errors.js';
import { approveApplication } from '../review/approve-application.js';
import { assignReviewer } from '../review/assign-reviewer.js';
import { declareInterest } from '../review/declare-interest.js';
import { pageAssignments } from '../review/list-assignments.js';
import { scoreAssignment } from '../review/score-assignment.js';
import { withdrawAssignment } from '../review/withdraw-assignment.js';

/**
 * An approval lists every item with its measure and subject, which takes more bytes per object
 * than the facts that named it (at most the JSON body limit): four times that limit holds the
 * approval of the largest application a draft can describe.
 */
const APPROVAL_BODY_FACTOR = 4;

/** Expert review (专家评审): assignments, declarations of interest, rubric scores, and the officer's approval. */
export function reviewRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/reviews/rubric',
      { schema: { summary: 'The review rubric (评审评分标准)', tags: ['review'], response: { 200: rubricSchema } } },
      async () => ({ criteria: RUBRIC, max: RUBRIC_MAX }),
    );

    app.get(
      '/api/v1/reviews',
      {
        schema: {
          summary: "A page of a reviewer's assignments; of an officer's view of all (or one application's) assignments",
          description:
            'Newest assignment first unless `order=asc`. Filters: one application, one assignment, a call, a stage (declare, score, scored, closed); `q` searches the start of the enterprise’s name or credit code, or of the application’s id.',
          tags: ['review'],
          querystring: reviewListQuerySchema,
          response: { 200: assignmentListSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const { limit, after, order, sort: _sort, ...filter } = req.query;
        const page = { limit, after, order };
        if (user.role === 'reviewer') {
          return pageAssignments(ctx.db, ctx.dialect, { ...filter, reviewerId: user.id, hideTied: true }, page);
        }
        if (actsAs(user.role) === 'officer') return pageAssignments(ctx.db, ctx.dialect, filter, page);
        throw forbidden('reviews are seen by their reviewers and by officers');
      },
    );

    app.post(
      '/api/v1/applications/:id/assignments',
      {
        schema: {
          summary: 'Assign a reviewer (officer)',
          tags: ['review'],
          params: reviewParamsSchema,
          body: assignmentBodySchema,
          response: { 201: assignmentSchema },
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        return reply.code(201).send(await assignReviewer(ctx, officer, req.params.id, req.body.reviewerId));
      },
    );

    app.post(
      '/api/v1/assignments/:id/withdraw',
      {
        schema: {
          summary: 'Withdraw a reviewer who has not scored (officer)',
          tags: ['review'],
          params: reviewParamsSchema,
          response: { 200: withdrawnAssignmentSchema },
        },
      },
      async (req) => {
        const officer = requireRole(req, 'officer');
        const { id } = await withdrawAssignment(ctx, officer, req.params.id);
        return { id, isWithdrawn: true as const };
      },
    );

    app.post(
      '/api/v1/assignments/:id/declaration',
      {
        schema: {
          summary: 'Declare (no) conflict of interest (利益冲突声明), the assigned reviewer only',
          tags: ['review'],
          params: reviewParamsSchema,
          body: declarationBodySchema,
          response: { 200: declarationOutcomeSchema },
        },
      },
      async (req) => {
        const reviewer = requireRole(req, 'reviewer');
        return declareInterest(ctx, reviewer, req.params.id, req.body);
      },
    );

    app.post(
      '/api/v1/assignments/:id/score',
      {
        schema: {
          summary: 'Score against the rubric, the assigned reviewer only',
          tags: ['review'],
          params: reviewParamsSchema,
          body: scoreBodySchema,
          response: { 200: scoreOutcomeSchema },
        },
      },
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
          params: reviewParamsSchema,
          body: approvalBodySchema,
          response: { 200: approvalOutcomeSchema },
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
