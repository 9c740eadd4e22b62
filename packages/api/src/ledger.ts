// Request and response schemas of the allocation, budget dashboard, award ledger and other-policy
// award routes (apps/server/src/routes/ledger-routes.ts).
import { z } from 'zod';
import { callStatusSchema } from './calls.js';
import { pageInfoSchema, pageQueryShape } from './page.js';
import { APPLICATION_STATUSES, AWARD_STATUSES } from './statuses.js';

const int = z.number().int();

/** How an oversubscribed budget is shared: largest remainder in whole yuan, or by review score, highest first. */
export const allocationMethodSchema = z.enum(['proportional', 'score'], {
  error: 'expected proportional (largest remainder, whole yuan) or score (by review score, highest first)',
});
export type AllocationMethod = z.output<typeof allocationMethodSchema>;

/** POST /api/v1/calls/:id/allocation/preview and …/commit. */
export const allocationBodySchema = z.strictObject({
  method: allocationMethodSchema,
  /**
   * Commit only: the `planId` of the preview the officer saw. When the plan computed at commit
   * differs (an application approved or a budget changed meanwhile), nothing is written (409).
   */
  planId: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: 'expected the planId of a preview (64 hexadecimal characters)' })
    .optional(),
  /**
   * Commit only: why approved items are left at 0 yuan this year (不予安排), required when the plan
   * allocates 0 to any item approved above 0 (the budget left cannot reach it); recorded with the
   * allocation and in the audit log. Without it such a commit is refused (409 FTAI_ERR_NOT_FUNDED).
   */
  notFundedReason: z.string().trim().min(2, { error: 'expected a reason of at least 2 characters' }).max(500).optional(),
});
export type AllocationBody = z.output<typeof allocationBodySchema>;

/** A budget, whole yuan: the total and, by article number ("1" … "10"), the articles that have one. */
export const budgetFiguresSchema = z.object({ total: int, perArticle: z.record(z.string(), int) });
export type BudgetFigures = z.output<typeof budgetFiguresSchema>;

/** A budget that can bind: an article's own budget (单列预算), or the call's total (年度总额控制). */
export const budgetScopeSchema = z.enum(['article', 'total']);
export type BudgetScope = z.output<typeof budgetScopeSchema>;

/**
 * A ratio shown as a percentage: 2 decimals, rounded half up from the exact fraction (never from a
 * float of the amounts), e.g. "72.00".
 */
const percent = z.string().regex(/^\d+\.\d{2}$/);

/** One approved item (measure, subject) of a planned application and what the allocation gives it. */
export const plannedItemSchema = z.object({
  measure: z.string(),
  /** The object's id, the tier (5.1), or '' for an enterprise-level measure. */
  subject: z.string(),
  article: int,
  approved: int,
  allocated: int,
  /** allocated / approved as a percentage ("72.00"); null when approved is 0. */
  percent: percent.nullable(),
  /** Yuan it received by largest remainder (+1 元 per step that gave one: 0, 1 or 2); null when unknown (an allocation committed before this was kept). */
  remainderYuan: int.nullable(),
  /** The budgets that scaled it, in the order applied (article step, then total); null when unknown. */
  scaledBy: z.array(budgetScopeSchema).nullable(),
});
export type PlannedItem = z.output<typeof plannedItemSchema>;

/** An approved application waiting for its allocation: what was approved, what the allocation gives, item by item. */
export const plannedApplicationSchema = z.object({
  applicationId: z.string(),
  creditCode: z.string(),
  enterpriseName: z.string(),
  score: z.number().nullable(),
  submittedAt: z.string().nullable(),
  approved: int,
  allocated: int,
  /** allocated / approved as a percentage ("72.00"); null when approved is 0. */
  percent: percent.nullable(),
  /** Yuan its items received by largest remainder; null when unknown. */
  remainderYuan: int.nullable(),
  /** Its items approved above 0, by measure and subject. */
  items: z.array(plannedItemSchema),
});
export type PlannedApplication = z.output<typeof plannedApplicationSchema>;

/** Allocated over approved, rounded to 4 decimals, for display only (null when nothing was approved). */
const ratio = z.number().nullable();

/** An exact ratio: numerator / denominator in lowest terms (whole numbers), and its percentage. */
export const exactRatioSchema = z.object({ numerator: int, denominator: int, percent });
export type ExactRatio = z.output<typeof exactRatioSchema>;

/**
 * A budget that bound, in the order applied: each article budget exceeded by its items' approved
 * amounts, then the total if what the articles left still exceeds it. Proportional: every item it
 * scales gets `ratio` of its amount before the step (floored to the yuan, then the largest
 * remainders +1 元), so an item of a bound article that the total scales too gets the product of the two.
 */
export const allocationBindingSchema = z.object({
  scope: budgetScopeSchema,
  /** The article (1 … 10) for an article budget; null for the total. */
  article: int.nullable(),
  /** What the budget holds for this allocation, whole yuan. */
  budget: int,
  /** The sum it scales: the article's approved amounts, or, for the total, the amounts the article step left. */
  scaled: int,
  /** budget / scaled. */
  ratio: exactRatioSchema,
  /** An article's ratio times the total's when the total binds too (what its items get of their approved amounts); null otherwise. */
  combinedPercent: percent.nullable(),
  /** Items it scales (more than 0 yuan before the step). */
  items: int,
  /** Yuan given one each by largest remainder (proportional; 0 by score). */
  remainderYuan: int,
});
export type AllocationBinding = z.output<typeof allocationBindingSchema>;

/** Who received a largest-remainder yuan: the item and its application. */
export const remainderRecipientSchema = z.object({
  applicationId: z.string(),
  creditCode: z.string(),
  enterpriseName: z.string(),
  measure: z.string(),
  subject: z.string(),
});
export type RemainderRecipient = z.output<typeof remainderRecipientSchema>;

/** How many recipients a binding names; the pages flag every one (remainderYuan of an item). */
export const REMAINDER_NAMED = 10;

/** What the allocation gives, in figures: counts, sums, whether a budget binds, and the use of each article. */
export const allocationSummarySchema = z.object({
  /** Applications waiting for the allocation (every one is allocated, 0 included). */
  applications: int,
  /** Their items approved above 0: the allocation's items. */
  items: int,
  /** Items allocated more than 0: the award rows a commit writes. */
  awards: int,
  approved: int,
  allocated: int,
  ratio,
  /** True when some budget binds, i.e. when some item gets less than it was approved. */
  oversubscribed: z.boolean(),
  /** By article number: every article that has items or a budget (its budget left, or null). */
  byArticle: z.record(
    z.string(),
    z.object({
      budget: int.nullable(),
      approved: int,
      allocated: int,
      ratio,
      /**
       * What the article can really receive in this allocation: its budget left, but when the total
       * binds what the total leaves it (its allocation), and never more than the total left; null
       * without a budget of its own.
       */
      available: int.nullable(),
    }),
  ),
  /** The budgets that bound, articles by number, then the total: the ratios the page states. */
  bindings: z.array(
    allocationBindingSchema.extend({
      /** The first REMAINDER_NAMED items (by application id) that received a largest-remainder yuan; `remainderYuan` counts them all. */
      remainderItems: z.array(remainderRecipientSchema),
    }),
  ),
});
export type AllocationSummary = z.output<typeof allocationSummarySchema>;

/**
 * POST /api/v1/calls/:id/allocation/preview: what an allocation would give, nothing written: the
 * summary and the first page of applications (by submission time, then id). The next pages come
 * from GET …/allocation/applications with `page.next`, the whole plan from GET …/allocation/export.xlsx.
 */
export const allocationPlanSchema = z.object({
  callId: z.string(),
  year: int,
  method: allocationMethodSchema,
  /** A digest of the plan (SHA-256 of the budget, method and every item): the same data gives the same id. */
  planId: z.string(),
  /** The call's budgets as set. */
  callBudget: budgetFiguresSchema,
  /** What committed awards of the call already hold. */
  committed: budgetFiguresSchema,
  /** What is left for this allocation: the call's budgets less the committed awards, never below 0. */
  budget: budgetFiguresSchema,
  summary: allocationSummarySchema,
  /** The first page of the applications. */
  applications: z.array(plannedApplicationSchema),
  page: pageInfoSchema,
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

/** GET /api/v1/calls/:id/allocation/applications and GET …/export.xlsx: the plan of a method, optionally the one previewed. */
export const allocationPlanQuerySchema = z.strictObject({
  method: allocationMethodSchema,
  /** The preview's planId: answered from that plan, or 409 when the call's data no longer gives it. */
  plan: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: 'expected the planId of a preview (64 hexadecimal characters)' })
    .optional(),
});
export type AllocationPlanQuery = z.output<typeof allocationPlanQuerySchema>;

/** The same, with a page: GET /api/v1/calls/:id/allocation/applications. */
export const allocationPageQuerySchema = allocationPlanQuerySchema.extend({
  limit: pageQueryShape.limit,
  after: pageQueryShape.after,
});
export type AllocationPageQuery = z.output<typeof allocationPageQuerySchema>;

/** /api/v1/allocations/:id/…: a committed allocation. */
export const allocationIdParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });

/** GET /api/v1/allocations/:id/applications: a page of a committed allocation. */
export const committedPageQuerySchema = z.strictObject({ limit: pageQueryShape.limit, after: pageQueryShape.after });
export type CommittedPageQuery = z.output<typeof committedPageQuerySchema>;

/** A page of a plan (previewed) or of a committed allocation, by submission time, then id. */
export const plannedApplicationPageSchema = z.object({
  /** The plan's id (previewed), or the allocation's id (committed). */
  planId: z.string().optional(),
  allocationId: z.string().optional(),
  applications: z.array(plannedApplicationSchema),
  page: pageInfoSchema,
});
export type PlannedApplicationPage = z.output<typeof plannedApplicationPageSchema>;

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

/** A search text: an enterprise's name (any part) or the start of its credit code. */
const searchText = z
  .string()
  .trim()
  .min(1, { error: 'expected a text to search for' })
  .max(100, { error: 'expected at most 100 characters' });

const yearFilter = z.string({ error: 'expected a year' }).regex(/^\d{4}$/, { error: 'expected a year such as 2026' });

/** How the ledger is sorted: by when the award was written (newest first), or by amount (largest first). */
export const LEDGER_SORTS = ['created', 'amount'] as const;

/** GET /api/v1/ledger: filters, search and a page; an applicant sees only its own enterprise whatever it asks. */
export const ledgerQuerySchema = z.strictObject({
  ...pageQueryShape,
  sort: z.enum(LEDGER_SORTS, { error: 'expected created or amount' }).optional(),
  creditCode: creditCodeFilter.optional(),
  year: yearFilter.optional(),
  callId: z.string().min(1).max(100).optional(),
  measure: z.string().min(1).max(20, { error: 'expected a measure id such as 4.3' }).optional(),
  status: z.enum(AWARD_STATUSES, { error: `expected one of ${AWARD_STATUSES.join(', ')}` }).optional(),
  /** The enterprise's name (any part) or the start of its credit code. */
  q: searchText.optional(),
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
  /** The parameter version its application's answer cites (2025.10.30-2+p2); null for awards made before versions were recorded. */
  policyVersion: z.string().nullable(),
});
export type LedgerRow = z.output<typeof ledgerRowSchema>;

/** GET /api/v1/ledger: a page of the awards, and the sum of every award the filters match (not only this page's). */
export const ledgerSchema = z.object({ rows: z.array(ledgerRowSchema), total: int, page: pageInfoSchema });
export type Ledger = z.output<typeof ledgerSchema>;

/** How other policies' awards are sorted: by import (newest first), or by amount (largest first). */
export const OTHER_AWARD_SORTS = ['imported', 'amount'] as const;

/** GET /api/v1/other-policy-awards: filters, search and a page. */
export const otherAwardsQuerySchema = z.strictObject({
  ...pageQueryShape,
  sort: z.enum(OTHER_AWARD_SORTS, { error: 'expected imported or amount' }).optional(),
  creditCode: creditCodeFilter.optional(),
  batchId: z.string().min(1).max(100).optional(),
  year: yearFilter.optional(),
  /** The enterprise's name or the policy's (any part), or the start of the credit code or of the subject. */
  q: searchText.optional(),
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

/** GET /api/v1/other-policy-awards: a page of the awards, and the sum of every award the filters match (not only this page's). */
export const otherAwardListSchema = z.object({ awards: z.array(otherAwardSchema), total: int, page: pageInfoSchema });
export type OtherAwardList = z.output<typeof otherAwardListSchema>;

/**
 * How an enterprise's application was allocated (GET /api/v1/applications/:id, once committed):
 * the budgets that bound its items and, item by item, approved → allocated with the ratio and any
 * largest-remainder yuan. Other enterprises are not named.
 */
export const applicationAllocationSchema = z.object({
  allocationId: z.string(),
  method: allocationMethodSchema,
  committedAt: z.string(),
  /** The bindings that scaled an item of this application, in the order applied. */
  bindings: z.array(allocationBindingSchema),
  items: z.array(plannedItemSchema),
});
export type ApplicationAllocation = z.output<typeof applicationAllocationSchema>;
