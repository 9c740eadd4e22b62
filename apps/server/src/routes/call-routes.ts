import { isCalendarDate } from '@ftai/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole } from '../auth/current-user.js';
import { loadCall } from '../calls/load-call.js';
import { updateCall } from '../calls/update-call.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';

const yuan = z
  .number({ error: 'expected a whole number of yuan' })
  .int({ error: 'expected a whole number of yuan' })
  .min(0, { error: 'expected at least 0' })
  .max(9_999_999_999_999, { error: 'expected at most 9,999,999,999,999' });
const date = z
  .string({ error: 'expected a date YYYY-MM-DD' })
  .refine(isCalendarDate, { error: 'expected a date that exists, as YYYY-MM-DD' });
const articleBudgets = z.record(z.string().regex(/^(10|[1-9])$/, { error: 'expected an article number 1 to 10' }), yuan).optional();

const createCall = z
  .strictObject({
    year: z.number({ error: 'expected the assessment year' }).int().min(2025, { error: 'expected 2025 or later' }).max(2100),
    title: z.string({ error: 'expected a title' }).min(1, { error: 'expected a title' }).max(200),
    opensOn: date,
    closesOn: date,
    totalBudget: yuan,
    articleBudgets,
  })
  .refine((c) => c.opensOn <= c.closesOn, { path: ['closesOn'], error: 'expected a date on or after opensOn' });

const updateCallBody = z.strictObject({
  title: z.string().min(1).max(200).optional(),
  opensOn: date.optional(),
  closesOn: date.optional(),
  totalBudget: yuan.optional(),
  articleBudgets,
  status: z.enum(['open', 'closed'], { error: 'expected open or closed' }).optional(),
});

const idParams = z.strictObject({ id: z.string().min(1).max(100) });

/** Annual calls (按年度征集申报): an officer opens a call for assessment year Y with dates and budgets. */
export function callRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/calls', { schema: { summary: 'List annual calls (申报通知)', tags: ['calls'] } }, async () => {
      const calls = await ctx.db.selectFrom('calls').selectAll().orderBy('year', 'desc').orderBy('opens_on', 'desc').execute();
      const today = ctx.today();
      return { calls: await Promise.all(calls.map((c) => loadCall(ctx.db, c.id, today))) };
    });

    app.get('/api/v1/calls/:id', { schema: { summary: 'One call with its budgets', tags: ['calls'], params: idParams } }, async (req) => {
      const call = await loadCall(ctx.db, req.params.id, ctx.today());
      if (!call) throw notFound('call');
      return call;
    });

    app.post('/api/v1/calls', { schema: { summary: 'Open a call (officer)', tags: ['calls'], body: createCall } }, async (req, reply) => {
      const user = requireRole(req, 'officer');
      const b = req.body;
      const id = newId();
      const at = ctx.now();
      await ctx.tx(async (trx) => {
        await trx
          .insertInto('calls')
          .values({
            id,
            year: b.year,
            title: b.title,
            opens_on: b.opensOn,
            closes_on: b.closesOn,
            total_budget: b.totalBudget,
            status: 'open',
            created_by: user.id,
            created_at: at,
          })
          .execute();
        for (const [article, budget] of Object.entries(b.articleBudgets ?? {})) {
          await trx
            .insertInto('call_budgets')
            .values({ call_id: id, article: Number(article), budget })
            .execute();
        }
        await appendAudit(trx, { actorId: user.id, action: 'call.create', entity: 'call', entityId: id, before: null, after: b }, at);
      });
      reply.code(201);
      return loadCall(ctx.db, id, ctx.today());
    });

    app.patch(
      '/api/v1/calls/:id',
      {
        schema: {
          summary: 'Change a call (officer)',
          description:
            'A budget (`totalBudget`, `articleBudgets.N`) below what committed awards of the call (of that article) already hold is refused: 409 FTAI_ERR_BUDGET_BELOW_ALLOCATED, naming the amount allocated.',
          tags: ['calls'],
          params: idParams,
          body: updateCallBody,
        },
      },
      async (req) => {
        const user = requireRole(req, 'officer');
        return updateCall(ctx, user, req.params.id, req.body);
      },
    );
  };
}
