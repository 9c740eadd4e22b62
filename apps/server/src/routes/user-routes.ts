import { creditCodeProblem } from '@ftai/policy-fengtai';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { fieldError, notFound } from '../errors.js';
import { createUser } from '../users/create-user.js';

export const creditCode = z.string({ error: 'expected a unified social credit code' }).refine((c) => creditCodeProblem(c) === null, {
  error: (i) => `expected a valid unified social credit code: ${creditCodeProblem(String(i.input))}`,
});

const newUser = z.strictObject({
  username: z
    .string()
    .min(3, { error: 'expected at least 3 characters' })
    .max(64)
    .regex(/^[A-Za-z0-9._@-]+$/, { error: 'expected letters, digits, . _ @ -' }),
  displayName: z.string().min(1).max(100),
  role: z.enum(['applicant', 'reviewer', 'officer', 'admin'], { error: 'expected applicant, reviewer, officer or admin' }),
  creditCode: creditCode.optional(),
  enterpriseName: z.string().min(1).max(200).optional(),
  // Length and strength are judged by createUser (password-policy.ts), the same rule as `ftai users add`.
  password: z.string({ error: 'expected a password' }).max(200),
});

const link = z.strictObject({
  creditCode,
  relation: z.string().min(1).max(200),
});

/** Accounts (admin) and reviewers' ties to enterprises (officer). */
export function userRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/users', { schema: { summary: 'List accounts (officer, admin)', tags: ['users'] } }, async (req) => {
      requireRole(req, 'officer');
      const users = await ctx.db
        .selectFrom('users')
        .select([
          'id',
          'username',
          'display_name as displayName',
          'role',
          'credit_code as creditCode',
          'disabled',
          'created_at as createdAt',
        ])
        .orderBy('username')
        .execute();
      return { users: users.map((u) => ({ ...u, disabled: u.disabled === 1 })) };
    });

    app.post('/api/v1/users', { schema: { summary: 'Create an account (admin)', tags: ['users'], body: newUser } }, async (req, reply) => {
      const admin = requireRole(req, 'admin');
      const b = req.body;
      if (b.role === 'applicant' && !b.creditCode)
        throw fieldError('creditCode', 'expected the credit code of the enterprise an applicant acts for');
      if (b.role !== 'applicant' && b.creditCode)
        throw fieldError('creditCode', 'expected no credit code: only applicants act for an enterprise');
      const user = await createUser(ctx, { ...b, actorId: admin.id });
      reply.code(201);
      return user;
    });

    app.post(
      '/api/v1/users/:id/links',
      {
        schema: {
          summary: "Record a reviewer's tie to an enterprise (conflict of interest)",
          tags: ['users'],
          params: z.strictObject({ id: z.string() }),
          body: link,
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        const at = ctx.now();
        await ctx.tx(async (trx) => {
          const reviewer = await trx.selectFrom('users').select(['id', 'role']).where('id', '=', req.params.id).executeTakeFirst();
          if (!reviewer) throw notFound('user');
          if (reviewer.role !== 'reviewer') throw fieldError('params.id', 'expected a reviewer');
          await trx
            .insertInto('reviewer_links')
            .values({ reviewer_id: reviewer.id, credit_code: req.body.creditCode, relation: req.body.relation, created_at: at })
            .onConflict((oc) => oc.columns(['reviewer_id', 'credit_code']).doUpdateSet({ relation: req.body.relation }))
            .execute();
          await appendAudit(
            trx,
            { actorId: officer.id, action: 'reviewer.link', entity: 'user', entityId: reviewer.id, before: null, after: req.body },
            at,
          );
        });
        reply.code(201);
        return { ok: true };
      },
    );
  };
}
