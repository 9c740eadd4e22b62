import { newUserBodySchema, okSchema, reviewerLinkBodySchema, userListSchema, userParamsSchema, userSchema } from '@ftai/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { fieldError } from '../errors.js';
import { createUser } from '../users/create-user.js';
import { linkReviewer } from '../users/link-reviewer.js';
import { listUsers } from '../users/list-users.js';

/** Accounts (admin) and reviewers' ties to enterprises (officer). */
export function userRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/users',
      { schema: { summary: 'List accounts (officer, admin)', tags: ['users'], response: { 200: userListSchema } } },
      async (req) => {
        requireRole(req, 'officer');
        return { users: await listUsers(ctx.db) };
      },
    );

    app.post(
      '/api/v1/users',
      { schema: { summary: 'Create an account (admin)', tags: ['users'], body: newUserBodySchema, response: { 201: userSchema } } },
      async (req, reply) => {
        const admin = requireRole(req, 'admin');
        const b = req.body;
        if (b.role === 'applicant' && !b.creditCode)
          throw fieldError('creditCode', 'expected the credit code of the enterprise an applicant acts for');
        if (b.role !== 'applicant' && b.creditCode)
          throw fieldError('creditCode', 'expected no credit code: only applicants act for an enterprise');
        const user = await createUser(ctx, { ...b, actorId: admin.id });
        return reply.code(201).send(user);
      },
    );

    app.post(
      '/api/v1/users/:id/links',
      {
        schema: {
          summary: "Record a reviewer's tie to an enterprise (conflict of interest)",
          tags: ['users'],
          params: userParamsSchema,
          body: reviewerLinkBodySchema,
          response: { 201: okSchema },
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        await linkReviewer(ctx, officer, req.params.id, req.body);
        return reply.code(201).send({ ok: true });
      },
    );
  };
}
