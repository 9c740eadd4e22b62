import { callIdParamsSchema, callListSchema, callSchema, createCallBodySchema, updateCallBodySchema } from '@ftai/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../auth/current-user.js';
import { createCall } from '../calls/create-call.js';
import { listCalls } from '../calls/list-calls.js';
import { loadCall } from '../calls/load-call.js';
import { updateCall } from '../calls/update-call.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';

/** Annual calls (按年度征集申报): an officer opens a call for assessment year Y with dates and budgets. */
export function callRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/calls',
      { schema: { summary: 'List annual calls (申报通知)', tags: ['calls'], response: { 200: callListSchema } } },
      async () => ({ calls: await listCalls(ctx.db, ctx.today()) }),
    );

    app.get(
      '/api/v1/calls/:id',
      { schema: { summary: 'One call with its budgets', tags: ['calls'], params: callIdParamsSchema, response: { 200: callSchema } } },
      async (req) => {
        const call = await loadCall(ctx.db, req.params.id, ctx.today());
        if (!call) throw notFound('call');
        return call;
      },
    );

    app.post(
      '/api/v1/calls',
      {
        schema: {
          summary: 'Open a call (officer)',
          description: 'An article budget above the total budget is refused: 400 FTAI_ERR_BUDGET_ABOVE_TOTAL, naming both figures.',
          tags: ['calls'],
          body: createCallBodySchema,
          response: { 201: callSchema },
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        const call = await createCall(ctx, officer, req.body);
        return reply.code(201).send(call);
      },
    );

    app.patch(
      '/api/v1/calls/:id',
      {
        schema: {
          summary: 'Change a call (officer)',
          description:
            'A budget (`totalBudget`, `articleBudgets.N`) below what committed awards of the call (of that article) already hold is refused: 409 FTAI_ERR_BUDGET_BELOW_ALLOCATED, naming the amount allocated. ' +
            'An article budget above the total budget (as changed, or as it stays) is refused: 400 FTAI_ERR_BUDGET_ABOVE_TOTAL, naming both figures.',
          tags: ['calls'],
          params: callIdParamsSchema,
          body: updateCallBodySchema,
          response: { 200: callSchema },
        },
      },
      async (req) => {
        const officer = requireRole(req, 'officer');
        return updateCall(ctx, officer, req.params.id, req.body);
      },
    );
  };
}
