import {
  actsAs,
  allocationBodySchema,
  allocationPlanSchema,
  budgetDashboardSchema,
  callIdParamsSchema,
  committedAllocationSchema,
  importOtherAwardsBodySchema,
  importOutcomeSchema,
  ledgerQuerySchema,
  ledgerSchema,
  OTHER_AWARDS_CSV_LIMIT_BYTES,
  otherAwardListSchema,
  otherAwardsQuerySchema,
} from '@ftai/api';
import { ENTERPRISE_MEASURE_IDS } from '@ftai/policy-fengtai';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { budgetDashboard } from '../allocation/budget-dashboard.js';
import { commitAllocation } from '../allocation/commit-allocation.js';
import { planAllocation } from '../allocation/plan-allocation.js';
import { requireRole, requireUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { forbidden } from '../errors.js';
import { idempotent } from '../http/idempotency.js';
import { importOtherAwards } from '../ledger/import-other-awards.js';
import { listLedger } from '../ledger/list-ledger.js';
import { listOtherAwards } from '../ledger/list-other-awards.js';

/** Budget allocation, the call's budget dashboard, the award ledger, and other policies' awards. */
export function ledgerRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Only this plugin's routes take CSV bodies (the parser is scoped to the plugin). The text is
    // wrapped as the JSON form would send it, so one schema checks both.
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: OTHER_AWARDS_CSV_LIMIT_BYTES }, (_req, body, done) => {
      done(null, { csv: body });
    });

    app.post(
      '/api/v1/calls/:id/allocation/preview',
      {
        schema: {
          summary: 'Preview the budget allocation of the approved awards (officer); nothing is written',
          tags: ['allocation'],
          params: callIdParamsSchema,
          body: allocationBodySchema,
          response: { 200: allocationPlanSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return planAllocation(ctx.db, req.params.id, req.body.method);
      },
    );

    app.post(
      '/api/v1/calls/:id/allocation/commit',
      {
        schema: {
          summary: 'Commit the budget allocation: allocated amounts and awards (officer; Idempotency-Key honoured)',
          tags: ['allocation'],
          params: callIdParamsSchema,
          body: allocationBodySchema,
          response: { 201: committedAllocationSchema },
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        const at = ctx.now();
        const result = await idempotent(ctx, req, officer.id, async (trx) => ({
          status: 201,
          body: await commitAllocation(trx, ctx.dialect, officer, req.params.id, req.body.method, at),
        }));
        return reply.code(201).send(result.body);
      },
    );

    app.get(
      '/api/v1/calls/:id/dashboard',
      {
        schema: {
          summary: 'Budget against requested, approved, allocated and paid, by article and measure (officer)',
          tags: ['allocation'],
          params: callIdParamsSchema,
          response: { 200: budgetDashboardSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return budgetDashboard(ctx.db, req.params.id);
      },
    );

    app.get(
      '/api/v1/ledger',
      {
        schema: {
          summary: "The award ledger (奖励台账); an applicant sees only its own enterprise's awards",
          tags: ['ledger'],
          querystring: ledgerQuerySchema,
          response: { 200: ledgerSchema },
        },
      },
      async (req) => {
        const user = requireUser(req);
        const q = req.query;
        let creditCode = q.creditCode;
        if (user.role === 'applicant') {
          if (!user.creditCode) throw forbidden('this account acts for no enterprise');
          if (creditCode !== undefined && creditCode !== user.creditCode)
            throw forbidden("an applicant sees only its own enterprise's awards");
          creditCode = user.creditCode;
        } else if (actsAs(user.role) !== 'officer') {
          throw forbidden('the ledger is seen by officers, and by applicants for their own enterprise');
        }
        return listLedger(ctx.db, { creditCode, year: q.year === undefined ? undefined : Number(q.year), callId: q.callId });
      },
    );

    app.post(
      '/api/v1/other-policy-awards/import',
      {
        schema: {
          summary: "Import other district policies' awards from CSV, all rows or none (officer)",
          description:
            'Body: text/csv, or JSON {"csv": "…"}. Header row required: creditCode (统一社会信用代码), policy (政策名称), subject (支持对象) and/or measure (对应本措施事项), amount (金额, whole yuan), year (年度). Each row names exactly one of subject (the id of the project, model, product … the award supported) and measure (for support to the enterprise as a whole, the measure of this policy it overlaps: one of ' +
            ENTERPRISE_MEASURE_IDS.join(', ') +
            '). A bad row is refused with its line and field (`rows[N].measure`), nothing is imported.',
          tags: ['ledger'],
          body: importOtherAwardsBodySchema,
          response: { 201: importOutcomeSchema },
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        const outcome = await importOtherAwards(ctx, officer, req.body.csv);
        return reply.code(201).send(outcome);
      },
    );

    app.get(
      '/api/v1/other-policy-awards',
      {
        schema: {
          summary: "Other district policies' awards on record (officer)",
          description: 'Each award has `subject` (an object id) or `measure` (an enterprise-level measure id); the other is null.',
          tags: ['ledger'],
          querystring: otherAwardsQuerySchema,
          response: { 200: otherAwardListSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        return listOtherAwards(ctx.db, req.query);
      },
    );
  };
}
