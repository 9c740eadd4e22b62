// Request and response schemas of the allocation, budget dashboard, award ledger and other-policy
// award routes (apps/server/src/routes/ledger-routes.ts).
import { z } from 'zod';
import { callStatusSchema } from './calls.js';
import { APPLICATION_STATUSES, AWARD_STATUSES } from './statuses.js';

const int = z.number().int();

/** How an oversubscribed budget is shared: largest remainder in whole yuan, or by review score, highest first. */
export const allocationMethodSchema = z.enum(['proportional', 'score'], {
  error: 'expected proportional (largest remainder, whole yuan) or score (by review score, highest first)',
});
export type AllocationMethod = z.output<typeof allocationMethodSchema>;

/** POST /api/v1/calls/:id/allocation/preview and …/commit. */
export const allocationBodySchema = z.strictObject({ method: allocationMethodSchema });
export type AllocationBody = z.output<typeof allocationBodySchema>;

/** A budget, whole yuan: the total and, by article number ("1" … "10"), the articles that have one. */
export const budgetFiguresSchema = z.object({ total: int, perArticle: z.record(z.string(), int) });
export type BudgetFigures = z.output<typeof budgetFiguresSchema>;

/** An approved application waiting for its allocation: what was approved, what the allocation gives. */
export const plannedApplicationSchema = z.object({
  applicationId: z.string(),
  creditCode: z.string(),
  enterpriseName: z.string(),
  score: z.number().nullable(),
  submittedAt: z.string().nullable(),
  approved: int,
  allocated: int,
});
export type PlannedApplication = z.output<typeof plannedApplicationSchema>;

/** One approved item (application, measure, subject) and what the allocation gives it. */
export const allocatedItemSchema = z.object({
  /** `${applicationId}|${measure}|${subject}`. */
  key: z.string(),
  applicationId: z.string(),
  article: int,
  approved: int,
  score: z.number().nullable(),
  /** The last tie-breaker: submission time and application id. */
  order: z.string(),
  allocated: int,
});
export type AllocatedItem = z.output<typeof allocatedItemSchema>;

/** What the allocation gives: every item, the sum, whether a budget binds, and the use of each article. */
export const allocationResultSchema = z.object({
  method: allocationMethodSchema,
  items: z.array(allocatedItemSchema),
  total: int,
  oversubscribed: z.boolean(),
  /** By article number: every article that has items or a budget. */
  byArticle: z.record(z.string(), z.object({ budget: int.nullable(), approved: int, allocated: int })),
});
export type AllocationResult = z.output<typeof allocationResultSchema>;

/** POST /api/v1/calls/:id/allocation/preview: what an allocation would give, nothing written. */
export const allocationPlanSchema = z.object({
  callId: z.string(),
  year: int,
  method: allocationMethodSchema,
  /** The call's budgets as set. */
  callBudget: budgetFiguresSchema,
  /** What committed awards of the call already hold. */
  committed: budgetFiguresSchema,
  /** What is left for this allocation: the call's budgets less the committed awards, never below 0. */
  budget: budgetFiguresSchema,
  applications: z.array(plannedApplicationSchema),
  result: allocationResultSchema,
});
export type AllocationPlan = z.output<typeof allocationPlanSchema>;

/** POST /api/v1/calls/:id/allocation/commit (201): the plan as committed, and the awards written. */
export const committedAllocationSchema = allocationPlanSchema.extend({
  allocationId: z.string(),
  committedAt: z.string(),
  /** Award rows written to the ledger (one per item allocated more than 0). */
  awards: int,
});
export type CommittedAllocation = z.output<typeof committedAllocationSchema>;

/** A text in Chinese and in English, as the dashboard names articles and measures. */
export const dashboardTextSchema = z.object({ zh: z.string(), en: z.string() });
export type DashboardText = z.output<typeof dashboardTextSchema>;

/** What a budget is up against, whole yuan. */
export const budgetUseSchema = z.object({
  /** Engine totals of the applications submitted or later (what enterprises asked for). */
  requested: int,
  /** What officers approved, at most the engine's figure per item. */
  approved: int,
  /** Committed awards: what the budget allocation granted. */
  allocated: int,
  /** Awards paid out. */
  paid: int,
});
export type BudgetUse = z.output<typeof budgetUseSchema>;

/** GET /api/v1/calls/:id/dashboard: a call's budget against what was asked, approved, allocated and paid (年度总额控制). */
export const budgetDashboardSchema = z.object({
  call: z.object({ id: z.string(), year: int, title: z.string(), status: callStatusSchema }),
  totals: budgetUseSchema.extend({ budget: int, available: int }),
  byArticle: z.array(budgetUseSchema.extend({ article: int, citation: dashboardTextSchema, budget: int.nullable() })),
  byMeasure: z.array(
    budgetUseSchema.extend({
      measure: z.string(),
      article: int,
      citation: dashboardTextSchema,
      /** The measure's short name (智能算力支持). */
      name: dashboardTextSchema,
      /** What the text grants, in a sentence. */
      summary: dashboardTextSchema,
    }),
  ),
  /** Applications of the call by status, every status named. */
  counts: z.record(z.enum(APPLICATION_STATUSES), int),
  topEnterprises: z.array(z.object({ creditCode: z.string(), name: z.string(), allocated: int, paid: int })),
});
export type BudgetDashboard = z.output<typeof budgetDashboardSchema>;

const creditCodeFilter = z
  .string({ error: 'expected a unified social credit code' })
  .regex(/^[0-9A-Z]{18}$/, { error: 'expected an 18-character unified social credit code' });

/** GET /api/v1/ledger: filters; an applicant sees only its own enterprise whatever it asks. */
export const ledgerQuerySchema = z.strictObject({
  creditCode: creditCodeFilter.optional(),
  year: z
    .string({ error: 'expected a year' })
    .regex(/^\d{4}$/, { error: 'expected a year such as 2026' })
    .optional(),
  callId: z.string().min(1).max(100).optional(),
});
export type LedgerQuery = z.output<typeof ledgerQuerySchema>;

/** Where an award stands: committed by the allocation, final after its notice, paid. */
export const awardStatusSchema = z.enum(AWARD_STATUSES);

/** One award of this policy (奖励台账). */
export const ledgerRowSchema = z.object({
  creditCode: z.string(),
  enterpriseName: z.string(),
  measure: z.string(),
  /** null for an enterprise-level measure, as in the contract's `history`. */
  subject: z.string().nullable(),
  /** The assessment year the award is for. */
  year: int,
  amount: int,
  status: awardStatusSchema,
  callId: z.string(),
  applicationId: z.string(),
  paidAt: z.string().nullable(),
});
export type LedgerRow = z.output<typeof ledgerRowSchema>;

/** GET /api/v1/ledger: the awards, by year, enterprise, measure and subject, and their sum. */
export const ledgerSchema = z.object({ rows: z.array(ledgerRowSchema), total: int });
export type Ledger = z.output<typeof ledgerSchema>;

/** GET /api/v1/other-policy-awards: filters. */
export const otherAwardsQuerySchema = z.strictObject({
  creditCode: creditCodeFilter.optional(),
  batchId: z.string().min(1).max(100).optional(),
});
export type OtherAwardsQuery = z.output<typeof otherAwardsQuerySchema>;

/** A CSV of other policies' awards may be large: a district's list for several years. */
export const OTHER_AWARDS_CSV_LIMIT_BYTES = 5 << 20;

/** POST /api/v1/other-policy-awards/import: JSON {csv}; a text/csv body arrives as {csv} too, so errors name `csv`. */
export const importOtherAwardsBodySchema = z.strictObject({
  csv: z
    .string({ error: 'expected the CSV text (or send it as the body, Content-Type text/csv)' })
    .max(OTHER_AWARDS_CSV_LIMIT_BYTES, { error: 'expected at most 5 MiB of CSV' }),
});
export type ImportOtherAwardsBody = z.output<typeof importOtherAwardsBodySchema>;

/** POST /api/v1/other-policy-awards/import (201): the batch imported, its rows and their sum (whole yuan). */
export const importOutcomeSchema = z.object({ batchId: z.string(), rows: int, amount: int });
export type ImportOutcome = z.output<typeof importOutcomeSchema>;

/** Another district policy's award on record: it names a subject or an enterprise-level measure, the other is null. */
export const otherAwardSchema = z.object({
  id: z.string(),
  creditCode: z.string(),
  enterpriseName: z.string().nullable(),
  policy: z.string(),
  /** The supported object's id; null when the award names a measure. */
  subject: z.string().nullable(),
  /** The enterprise-level measure of this policy the award overlaps (对应本措施事项); null when it names a subject. */
  measure: z.string().nullable(),
  amount: int,
  year: int,
  batchId: z.string(),
  importedAt: z.string(),
});
export type OtherAward = z.output<typeof otherAwardSchema>;

/** GET /api/v1/other-policy-awards: the awards and their sum. */
export const otherAwardListSchema = z.object({ awards: z.array(otherAwardSchema), total: int });
export type OtherAwardList = z.output<typeof otherAwardListSchema>;
