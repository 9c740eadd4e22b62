import {
  actsAs,
  allocationBodySchema,
  allocationIdParamsSchema,
  allocationPageQuerySchema,
  allocationPlanQuerySchema,
  allocationPlanSchema,
  budgetDashboardSchema,
  callIdParamsSchema,
  committedAllocationSchema,
  committedPageQuerySchema,
  importOtherAwardsBodySchema,
  importOutcomeSchema,
  ledgerQuerySchema,
  ledgerSchema,
  OTHER_AWARDS_CSV_LIMIT_BYTES,
  otherAwardListSchema,
  otherAwardsQuerySchema,
  plannedApplicationPageSchema,
} from '@ftai/api';
import { ENTERPRISE_MEASURE_IDS } from '@ftai/policy-fengtai';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { budgetDashboard } from '../allocation/budget-dashboard.js';
import { commitAllocation } from '../allocation/commit-allocation.js';
import { applicationsOfAllocation, loadAllocationRecord, pageOfAllocation } from '../allocation/committed-allocation-pages.js';
import { exportAllocationXlsx, pagesOf, XLSX_MIME } from '../allocation/export-allocation-xlsx.js';
import { forgetPlans, keepPlan, loadPlan, pageOfPlan, planAllocation, previewOf } from '../allocation/plan-allocation.js';
import { requireRole, requireUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { refreshStatistics, vacuumSoon } from '../db/refresh-statistics.js';
import { forbidden } from '../errors.js';
import { fileAnswer } from '../http/file-answer.js';
import { idempotent } from '../http/idempotency.js';
import { importOtherAwards } from '../ledger/import-other-awards.js';
import { listLedger } from '../ledger/list-ledger.js';
import { listOtherAwards } from '../ledger/list-other-awards.js';

const allocationWorkbookAnswer = fileAnswer(
  XLSX_MIME,
  'The whole allocation as an .xlsx workbook: sheet 分配汇总 (figures) and 分配明细 (one row per item), written as it is read',
);

/** A workbook's headers: its type and a file name (ASCII, and the Chinese one for browsers that read it). */
function sendWorkbook(reply: FastifyReply, asciiName: string, name: string): FastifyReply {
  return reply
    .type(XLSX_MIME)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

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
        config: { wholeCall: true },
        schema: {
          summary: 'Preview the budget allocation of the approved awards (officer); nothing is written',
          description:
            'Answers the figures and the first page of applications; the next pages come from GET …/allocation/applications with ' +
            'method, plan (= planId) and after (= page.next), the whole plan from GET …/allocation/export.xlsx.',
          tags: ['allocation'],
          params: callIdParamsSchema,
          body: allocationBodySchema,
          response: { 200: allocationPlanSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        const plan = await planAllocation(ctx.db, ctx.dialect, req.params.id, req.body.method);
        keepPlan(ctx.db, plan);
        return previewOf(plan);
      },
    );

    app.get(
      '/api/v1/calls/:id/allocation/applications',
      {
        schema: {
          summary: "A page of an allocation plan's applications, by submission time then id (officer)",
          description: "With plan (the preview's planId): a page of that plan, or 409 when the call's data no longer gives it.",
          tags: ['allocation'],
          params: callIdParamsSchema,
          querystring: allocationPageQuerySchema,
          response: { 200: plannedApplicationPageSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        const q = req.query;
        const plan = await loadPlan(ctx.db, ctx.dialect, req.params.id, q.method, q.plan);
        return { planId: plan.planId, ...pageOfPlan(plan, { limit: q.limit, after: q.after }) };
      },
    );

    app.get(
      '/api/v1/calls/:id/allocation/export.xlsx',
      {
        config: { wholeCall: true },
        schema: {
          summary: 'The whole allocation plan as an .xlsx workbook, streamed (officer)',
          tags: ['allocation'],
          params: callIdParamsSchema,
          querystring: allocationPlanQuerySchema,
          response: { 200: allocationWorkbookAnswer },
        },
      },
      async (req, reply) => {
        requireRole(req, 'officer');
        const plan = await loadPlan(ctx.db, ctx.dialect, req.params.id, req.query.method, req.query.plan);
        const head = { ...plan, allocationId: null, committedAt: null };
        return sendWorkbook(
          reply,
          `allocation-plan-${plan.year}-${plan.planId.slice(0, 12)}.xlsx`,
          `${plan.year}年度预算分配方案（预览）.xlsx`,
        ).send(exportAllocationXlsx(head, pagesOf(plan)));
      },
    );

    app.post(
      '/api/v1/calls/:id/allocation/commit',
      {
        config: { wholeCall: true },
        schema: {
          summary: 'Commit the budget allocation: allocated amounts and awards (officer; Idempotency-Key honoured)',
          description:
            "With planId (the preview's), nothing is written when the plan differs (409). Answers the figures and the first page; " +
            'the next pages come from GET /api/v1/allocations/{allocationId}/applications, the workbook from …/export.xlsx.',
          tags: ['allocation'],
          params: callIdParamsSchema,
          body: allocationBodySchema,
          response: { 201: committedAllocationSchema },
        },
      },
      async (req, reply) => {
        const officer = requireRole(req, 'officer');
        const at = ctx.now();
        // Before the commit plans afresh: the previews' plans would only add to its memory.
        forgetPlans(ctx.db, req.params.id);
        const result = await idempotent(ctx, req, officer.id, async (trx) => ({
          status: 201,
          body: await commitAllocation(
            trx,
            ctx.dialect,
            officer,
            req.params.id,
            req.body.method,
            at,
            req.body.planId,
            req.body.notFundedReason,
          ),
        }));
        // The ledger's pages and the dashboard read the new awards at once.
        await refreshStatistics(ctx.db, ctx.dialect, ['awards']);
        vacuumSoon(ctx.db, ctx.dialect, ['awards', 'applications', 'application_items'], (error) =>
          req.log.warn({ err: error }, 'vacuum after the allocation commit failed'),
        );
        return reply.code(201).send(result.body);
      },
    );

    app.get(
      '/api/v1/allocations/:id/applications',
      {
        schema: {
          summary: "A page of a committed allocation's applications, by submission time then id (officer)",
          tags: ['allocation'],
          params: allocationIdParamsSchema,
          querystring: committedPageQuerySchema,
          response: { 200: plannedApplicationPageSchema },
        },
      },
      async (req) => {
        requireRole(req, 'officer');
        const record = await loadAllocationRecord(ctx.db, req.params.id);
        return { allocationId: record.id, ...(await pageOfAllocation(ctx.db, record, req.query)) };
      },
    );

    app.get(
      '/api/v1/allocations/:id/export.xlsx',
      {
        config: { wholeCall: true },
        schema: {
          summary: 'A committed allocation as an .xlsx workbook, streamed from the ledger (officer)',
          tags: ['allocation'],
          params: allocationIdParamsSchema,
          response: { 200: allocationWorkbookAnswer },
        },
      },
      async (req, reply) => {
        requireRole(req, 'officer');
        const record = await loadAllocationRecord(ctx.db, req.params.id);
        const head = { ...record, allocationId: record.id, committedAt: record.committedAt };
        return sendWorkbook(reply, `allocation-${record.year}-${record.id}.xlsx`, `${record.year}年度预算分配结果.xlsx`).send(
          exportAllocationXlsx(head, applicationsOfAllocation(ctx.db, record)),
        );
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
          summary: "The award ledger (奖励台账), paged, newest first; an applicant sees only its own enterprise's awards",
          description:
            'Filters: callId, creditCode, year, measure, status; q finds an enterprise name (any part) or the start of a credit code. ' +
            'sort=created (default) or amount, order=desc (default) or asc; `total` is the sum of every award the filters match.',
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
        return listLedger(ctx.db, { ...q, creditCode, year: q.year === undefined ? undefined : Number(q.year) });
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
          summary: "Other district policies' awards on record, paged, newest import first (officer)",
          description:
            'Each award has `subject` (an object id) or `measure` (an enterprise-level measure id); the other is null. ' +
            "Filters: creditCode, batchId, year; q finds an enterprise's or a policy's name (any part), or the start of a credit code or subject. " +
            'sort=imported (default) or amount; `total` is the sum of every award the filters match.',
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
