import { z } from 'zod';
import { listSearchSchema } from './applications.js';
import { instantSchema, yuanSchema } from './formats.js';
import { pageInfoSchema, pageQueryShape } from './page.js';
import { APPLICATION_STATUSES } from './statuses.js';

// ── The rubric ──────────────────────────────────────────────────────────────────────────────

/**
 * The expert review rubric (评审评分标准): four criteria scored in whole points, 100 in all.
 * Data, so that the web app shows the same labels and bounds the server checks.
 */
export const RUBRIC = [
  { id: 'innovation', label: { zh: '技术创新性', en: 'Technical innovation' }, max: 30 },
  { id: 'feasibility', label: { zh: '实施可行性', en: 'Feasibility of implementation' }, max: 30 },
  { id: 'impact', label: { zh: '产业带动效果', en: 'Effect on the industry' }, max: 25 },
  { id: 'compliance', label: { zh: '材料合规性', en: 'Compliance of the documents' }, max: 15 },
] as const;

export type CriterionId = (typeof RUBRIC)[number]['id'];
export type RubricScores = Readonly<Record<CriterionId, number>>;

/** The most a review can total: the sum of the criteria's maxima (100). */
export const RUBRIC_MAX = RUBRIC.reduce((sum, c) => sum + c.max, 0);

const CRITERION_IDS = RUBRIC.map((c) => c.id) as [CriterionId, ...CriterionId[]];

function maxOf(id: CriterionId): number {
  return RUBRIC.find((c) => c.id === id)?.max ?? 0;
}

function criterion(max: number) {
  return z
    .number({ error: `expected a whole number of points from 0 to ${max}` })
    .int({ error: `expected a whole number of points from 0 to ${max}` })
    .min(0, { error: `expected a whole number of points from 0 to ${max}` })
    .max(max, { error: `expected at most ${max} points` });
}

/** A reviewer's scores, one per criterion, each within its maximum. */
export const rubricScoresSchema = z.strictObject(
  {
    innovation: criterion(maxOf('innovation')),
    feasibility: criterion(maxOf('feasibility')),
    impact: criterion(maxOf('impact')),
    compliance: criterion(maxOf('compliance')),
  },
  { error: (i) => (i.code === 'unrecognized_keys' ? undefined : 'expected the scores innovation, feasibility, impact and compliance') },
);

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** The application or assignment in the path of the review routes. */
export const reviewParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });

/**
 * Where a reviewer stands on an assignment: to declare (the application under review, no
 * declaration yet), to score (declared, not scored), scored (while still under review), closed
 * (the application has left expert review).
 */
export const REVIEW_STAGES = ['declare', 'score', 'scored', 'closed'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

/** How assignment lists sort: when assigned (newest first by default). */
export const ASSIGNMENT_SORTS = ['assigned'] as const;
export type AssignmentSort = (typeof ASSIGNMENT_SORTS)[number];

const listId = z
  .string({ error: 'expected an id' })
  .min(1, { error: 'expected an id' })
  .max(100, { error: 'expected at most 100 characters' });

/**
 * GET /api/v1/reviews: filters (one application's, one assignment, a call's, a stage), the search
 * (the start of the enterprise's name or credit code, or of the application's id), the sort and the page.
 */
export const reviewListQuerySchema = z.strictObject({
  applicationId: listId.optional(),
  assignmentId: listId.optional(),
  callId: listId.optional(),
  stage: z.enum(REVIEW_STAGES, { error: `expected one of ${REVIEW_STAGES.join(', ')}` }).optional(),
  q: listSearchSchema.optional(),
  sort: z.enum(ASSIGNMENT_SORTS, { error: `expected one of ${ASSIGNMENT_SORTS.join(', ')}` }).optional(),
  ...pageQueryShape,
});
export type ReviewListQuery = z.output<typeof reviewListQuerySchema>;

/** POST /api/v1/applications/:id/assignments: the reviewer to assign. */
export const assignmentBodySchema = z.strictObject({
  reviewerId: z
    .string({ error: 'expected the id of a reviewer account' })
    .min(1, { error: 'expected the id of a reviewer account' })
    .max(100),
});
export type AssignmentBody = z.output<typeof assignmentBodySchema>;

/** POST /api/v1/assignments/:id/declaration: the reviewer's declaration of (no) conflict of interest (利益冲突声明). */
export const declarationBodySchema = z.strictObject({
  noConflict: z.boolean({ error: 'expected true (no conflict of interest) or false (a conflict to declare)' }),
  note: z.string({ error: 'expected a text' }).max(500, { error: 'expected at most 500 characters' }).optional(),
});
export type DeclarationBody = z.output<typeof declarationBodySchema>;

/** POST /api/v1/assignments/:id/score: the scores and the comment that justifies them. */
export const scoreBodySchema = z.strictObject({
  scores: rubricScoresSchema,
  comment: z
    .string({ error: 'expected a comment on the scores' })
    .trim()
    .min(1, { error: 'expected a comment on the scores' })
    .max(4000, { error: 'expected at most 4000 characters' }),
});
export type ScoreBody = z.output<typeof scoreBodySchema>;

/** More items than any application can have (see the approval body). */
export const MAX_APPROVAL_ITEMS = 20_000;

/** POST /api/v1/applications/:id/approve: an amount for every item of the application, once each. */
export const approvalBodySchema = z.strictObject({
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
export type ApprovalBody = z.output<typeof approvalBodySchema>;

// ── Answers ─────────────────────────────────────────────────────────────────────────────────

/** A text in official Chinese and plain English. */
const localisedSchema = z.object({ zh: z.string(), en: z.string() });

/** One criterion of the rubric, with its label and maximum. */
export const criterionSchema = z.object({ id: z.enum(CRITERION_IDS), label: localisedSchema, max: z.int() });
export type Criterion = z.output<typeof criterionSchema>;

/** GET /api/v1/reviews/rubric: the criteria and the most a review can total. */
export const rubricSchema = z.object({ criteria: z.array(criterionSchema).readonly(), max: z.int() });
export type Rubric = z.output<typeof rubricSchema>;

/** A reviewer's scores as stored: points per criterion. */
export const reviewScoresSchema = z.object({ innovation: z.int(), feasibility: z.int(), impact: z.int(), compliance: z.int() });
export type ReviewScores = z.output<typeof reviewScoresSchema>;

/** What the engine granted on the application under review, the object of the review. */
export const reviewedItemSchema = z.object({
  measure: z.string(),
  subject: z.string().nullable(),
  article: z.int(),
  isReview: z.boolean(),
  engineAmount: yuanSchema,
});
export type ReviewedItem = z.output<typeof reviewedItemSchema>;

/** A reviewer's assignment to an application, with its declaration, its scores and the application's summary. */
export const assignmentSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  reviewerId: z.string(),
  reviewerName: z.string(),
  assignedAt: instantSchema,
  declaredAt: instantSchema.nullable(),
  isDeclared: z.boolean(),
  isScored: z.boolean(),
  scores: reviewScoresSchema.nullable(),
  totalScore: z.int().nullable(),
  comment: z.string().nullable(),
  scoredAt: instantSchema.nullable(),
  application: z.object({
    id: z.string(),
    callId: z.string(),
    callTitle: z.string(),
    creditCode: z.string(),
    enterpriseName: z.string().meta({ description: 'The credit code when the enterprise has no name on record.' }),
    status: z.enum(APPLICATION_STATUSES),
    engineTotal: yuanSchema,
    items: z.array(reviewedItemSchema),
  }),
});
export type Assignment = z.output<typeof assignmentSchema>;

/** GET /api/v1/reviews: a page of a reviewer's own assignments, or of an officer's view of all (or one application's). */
export const assignmentListSchema = z.object({ assignments: z.array(assignmentSchema), page: pageInfoSchema });
export type AssignmentList = z.output<typeof assignmentListSchema>;

/** POST /api/v1/assignments/:id/withdraw: the assignment withdrawn. */
export const withdrawnAssignmentSchema = z.object({ id: z.string(), isWithdrawn: z.literal(true) });
export type WithdrawnAssignment = z.output<typeof withdrawnAssignmentSchema>;

/** POST /api/v1/assignments/:id/declaration: a declared conflict withdraws the assignment (null); no conflict answers it declared. */
export const declarationOutcomeSchema = z.object({
  isWithdrawn: z.boolean().meta({ description: 'The reviewer declared a conflict while the review was open: the assignment is gone.' }),
  assignment: assignmentSchema.nullable(),
});
export type DeclarationOutcome = z.output<typeof declarationOutcomeSchema>;

/** POST /api/v1/assignments/:id/score: the scored assignment and the application's score after it. */
export const scoreOutcomeSchema = z.object({
  assignment: assignmentSchema,
  applicationScore: z.int().nullable().meta({ description: 'The floor of the mean of the application’s reviewers’ totals.' }),
});
export type ScoreOutcome = z.output<typeof scoreOutcomeSchema>;

/** One item of an approved application: the engine's figure and the amount approved. */
export const approvedItemSchema = z.object({
  measure: z.string(),
  subject: z.string().nullable(),
  article: z.int(),
  engineAmount: yuanSchema,
  approvedAmount: yuanSchema,
});
export type ApprovedItem = z.output<typeof approvedItemSchema>;

/** POST /api/v1/applications/:id/approve: the approved application's totals and items. */
export const approvalOutcomeSchema = z.object({
  id: z.string(),
  status: z.literal('approved'),
  engineTotal: yuanSchema,
  approvedTotal: yuanSchema,
  items: z.array(approvedItemSchema),
});
export type ApprovalOutcome = z.output<typeof approvalOutcomeSchema>;
