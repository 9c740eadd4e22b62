import { answerSchema, enterpriseSchema, factsSchema } from '@ftai/policy-fengtai';
import { z } from 'zod';
import { callSchema } from './calls.js';
import { bankAccountSchema } from './enterprises.js';
import { instantSchema, yuanSchema } from './formats.js';
import { applicationAllocationSchema } from './ledger.js';
import { pageInfoSchema, pageQueryShape } from './page.js';
import { APPLICATION_STATUSES, ROLES } from './statuses.js';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/**
 * A field that is checked against a contract schema but keeps exactly what the applicant sent.
 * The contract's schemas turn money into fen; a draft must store the applicant's own figures
 * (`"1000000.50"` stays a string) so that the form shows them back unchanged and the engine
 * reads them the same way at every estimate and at submission.
 */
function keepingInput(schema: z.ZodType) {
  return z.unknown().superRefine((value, ctx) => {
    // reportInput keeps each issue's input, so that a wrong type is not taken for a missing field.
    const parsed = schema.safeParse(value, { reportInput: true });
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const path = [...issue.path];
      if (issue.code === 'unrecognized_keys') {
        ctx.addIssue({ code: 'unrecognized_keys', keys: issue.keys, path, message: issue.message });
      } else if (issue.code === 'invalid_type' && issue.input === undefined) {
        ctx.addIssue({ code: 'invalid_type', expected: issue.expected, input: undefined, path, message: issue.message });
      } else {
        // The outer parse drops inputs; as 'custom' the issue stays "invalid", not "missing".
        ctx.addIssue({ code: 'custom', path, message: issue.message });
      }
    }
  });
}

/** The contract's `facts` (CALCULATION.md), checked and stored as sent. */
export const rawFactsSchema = keepingInput(factsSchema).meta({
  description: 'The `facts` object of the calculation contract (CALCULATION.md); stored as sent.',
});

/** The enterprise flags that override the profile for one application; the account fixes the credit code. */
export const rawEnterpriseOverridesSchema = keepingInput(enterpriseSchema.omit({ creditCode: true })).meta({
  description:
    'Overrides of the enterprise profile for this application: name, registeredInFengtai, taxResidentInFengtai, seriousDishonesty, aiPartnerProgram, industrialAI, startup.',
});

const applicationStatusSchema = z.enum(APPLICATION_STATUSES, { error: `expected one of ${APPLICATION_STATUSES.join(', ')}` });
const id = z.string({ error: 'expected an id' }).min(1, { error: 'expected an id' }).max(100, { error: 'expected at most 100 characters' });

/** The application (or attachment) in the path of /api/v1/applications/:id/… and /api/v1/attachments/:id. */
export const applicationParamsSchema = z.strictObject({ id });
export type ApplicationParams = z.output<typeof applicationParamsSchema>;

/** POST /api/v1/applications: a draft in an open call, its facts and overrides optional. */
export const createApplicationBodySchema = z.strictObject({
  callId: z.string({ error: "expected the call's id" }).min(1, { error: "expected the call's id" }).max(100),
  facts: rawFactsSchema.optional(),
  enterprise: rawEnterpriseOverridesSchema.optional(),
});
export type CreateApplicationBody = z.output<typeof createApplicationBodySchema>;

/** PUT /api/v1/applications/:id: the whole facts; `enterprise` left out keeps the stored overrides, `{}` clears them. */
export const updateApplicationBodySchema = z.strictObject({
  facts: rawFactsSchema,
  enterprise: rawEnterpriseOverridesSchema.optional(),
});
export type UpdateApplicationBody = z.output<typeof updateApplicationBodySchema>;

/**
 * How the application lists sort, each served by an index (with the call) so that every page is
 * one range scan: when created (the default), when submitted (drafts, not yet submitted, count as
 * earliest), the engine's total asked for, the review score (none yet counts as lowest).
 */
export const APPLICATION_SORTS = ['created', 'submitted', 'requested', 'score'] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

/**
 * A search of the lists: the start of an enterprise's name, of its credit code (any case) or of
 * the application's id. Blank is no search.
 */
export const listSearchSchema = z
  .string({ error: 'expected a text to search' })
  .trim()
  .max(100, { error: 'expected at most 100 characters to search' });

const applicationFilterShape = {
  callId: id.optional(),
  creditCode: z.string().max(18, { error: 'expected an 18-character credit code' }).optional(),
  q: listSearchSchema.optional(),
};

/** GET /api/v1/applications: filters and search, each optional, the sort and the page (newest first by default). */
export const applicationListQuerySchema = z.strictObject({
  ...applicationFilterShape,
  status: applicationStatusSchema.optional(),
  sort: z.enum(APPLICATION_SORTS, { error: `expected one of ${APPLICATION_SORTS.join(', ')}` }).optional(),
  ...pageQueryShape,
});
export type ApplicationListQuery = z.output<typeof applicationListQuerySchema>;

/** GET /api/v1/applications/counts: the list's filters but the status. */
export const applicationCountsQuerySchema = z.strictObject(applicationFilterShape);
export type ApplicationCountsQuery = z.output<typeof applicationCountsQuerySchema>;

/** The language of the engine's explanations: Chinese unless asked. */
export const langQuerySchema = z.strictObject({ lang: z.enum(['zh', 'en'], { error: 'expected zh or en' }).optional() });

/** POST /api/v1/applications/:id/transitions: an officer's plain move, a return with its note. */
export const transitionBodySchema = z.strictObject({
  to: applicationStatusSchema,
  note: z
    .string({ error: 'expected a text' })
    .trim()
    .min(1, { error: 'expected a non-empty note' })
    .max(2000, { error: 'expected at most 2,000 characters' })
    .optional(),
});
export type TransitionBody = z.output<typeof transitionBodySchema>;

/** POST /api/v1/applications/:id/withdraw: the applicant takes its submission back (撤回), with a reason if it gives one. */
export const withdrawBodySchema = z.strictObject({
  reason: z.string({ error: 'expected a text' }).trim().max(500, { error: 'expected at most 500 characters' }).optional(),
});
export type WithdrawBody = z.output<typeof withdrawBodySchema>;

// ── Answers ─────────────────────────────────────────────────────────────────────────────────

/** One row of GET /api/v1/applications: an application with its enterprise's name and totals. */
export const applicationSummarySchema = z.object({
  id: z.string(),
  number: z.string().nullable().meta({
    description: 'The readable application number (丰科AI申〔2026〕0001号), given at first submission; null for a draft never submitted.',
  }),
  callId: z.string(),
  creditCode: z.string(),
  enterpriseName: z.string().nullable(),
  status: z.enum(APPLICATION_STATUSES),
  engineTotal: yuanSchema.meta({ description: 'Whole yuan: the engine’s total at submission (0 for a draft).' }),
  approvedTotal: yuanSchema.nullable(),
  allocatedTotal: yuanSchema.nullable(),
  score: z.int().nullable().meta({ description: 'The floor of the mean of the reviewers’ totals, null before any score.' }),
  submittedAt: instantSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type ApplicationSummary = z.output<typeof applicationSummarySchema>;

/** GET /api/v1/applications: a page of the applications the caller may see, in the order asked. */
export const applicationListSchema = z.object({ applications: z.array(applicationSummarySchema), page: pageInfoSchema });
export type ApplicationList = z.output<typeof applicationListSchema>;

/** GET /api/v1/applications/counts: how many applications the filters match in each status (every status named), in all, and their sums. */
export const applicationCountsSchema = z.object({
  counts: z.record(z.enum(APPLICATION_STATUSES), z.int()),
  total: z.int(),
  requested: yuanSchema.meta({ description: 'Whole yuan: the engine’s totals of those submitted (neither drafts nor rejected).' }),
  approved: yuanSchema.meta({ description: 'Whole yuan: the approved totals.' }),
});
export type ApplicationCounts = z.output<typeof applicationCountsSchema>;

/** One granted result of the engine on a submitted application: what can be approved, allocated and paid. */
export const applicationItemSchema = z.object({
  measure: z.string(),
  subject: z.string().nullable().meta({ description: 'The object’s id for per-subject measures, the tier for 5.1, null otherwise.' }),
  article: z.int(),
  review: z.boolean().meta({ description: 'The engine’s figure is a ceiling: an expert review may approve less.' }),
  engineAmount: yuanSchema,
  approvedAmount: yuanSchema.nullable(),
  allocatedAmount: yuanSchema.nullable(),
});
export type ApplicationItem = z.output<typeof applicationItemSchema>;

/** A result the engine could not work out (待补充信息): a fact it needs was left out; no item, no money until it is given. */
export const needsFactsSchema = z.object({
  measure: z.string(),
  subject: z.string().nullable().meta({ description: 'null while the rule cannot tell the subject either (5.1 with no earlier revenue).' }),
  citation: z.string(),
  missing: z.array(z.string()).readonly().meta({ description: 'The contract’s field paths to fill, e.g. facts.previousRevenue.' }),
  reasons: z.array(z.string()).readonly().meta({ description: 'Why, in the answer’s language.' }),
});
export type NeedsFacts = z.output<typeof needsFactsSchema>;

/** One move of an application: who made it, when, from → to, and the note. */
export const timelineEventSchema = z.object({
  seq: z.int(),
  from: z.enum(APPLICATION_STATUSES).nullable().meta({ description: 'null for the creation of the draft.' }),
  to: z.enum(APPLICATION_STATUSES),
  actor: z.string().meta({ description: 'The actor’s display name.' }),
  role: z.enum(ROLES),
  note: z.string().nullable(),
  at: instantSchema,
});
export type TimelineEvent = z.output<typeof timelineEventSchema>;

/** GET /api/v1/applications/:id/timeline: every move, oldest first. */
export const timelineSchema = z.object({ events: z.array(timelineEventSchema) });
export type Timeline = z.output<typeof timelineSchema>;

/** A file attached to an application. */
export const attachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string().meta({ description: 'Detected from the content, not from the name.' }),
  size: z.int().meta({ description: 'Bytes.' }),
  sha256: z.string(),
  uploadedBy: z.string().meta({ description: 'The uploader’s display name.' }),
  at: instantSchema,
  url: z.string().meta({ description: 'Same-origin download address (GET; the session cookie is enough).' }),
  measure: z
    .string()
    .nullable()
    .meta({ description: 'The measure whose material it is (申报材料), null for a general material (通用材料) or 其他材料.' }),
  material: z.string().nullable().meta({
    description: 'The material’s key in the measure’s list, or among the general ones (GET /api/v1/materials); null for 其他材料.',
  }),
});
export type Attachment = z.output<typeof attachmentSchema>;

/**
 * POST /api/v1/applications/:id/attachments?measure=1&material=contract: the material of a measure
 * the file is given for; `material` alone names a general one (通用材料, ?material=licence); both
 * left out, the file is one of 其他材料.
 */
export const attachmentQuerySchema = z
  .strictObject({
    measure: z.string({ error: 'expected a measure id, such as 1 or 2.1' }).min(1).max(20).optional(),
    material: z.string({ error: 'expected a material key of the list' }).min(1).max(40).optional(),
  })
  .refine((q) => q.measure === undefined || q.material !== undefined, {
    path: ['material'],
    error: 'missing: expected the material of the measure given (measure and material together)',
  });
export type AttachmentQuery = z.output<typeof attachmentQuerySchema>;

/** One material of a list (申报材料清单), in the language asked for. */
export const materialSchema = z.object({
  key: z.string().meta({ description: 'Stable within its list: what an upload names in `material`.' }),
  name: z.string(),
  required: z.boolean().meta({ description: '必备: submission is refused while a measure claimed has no file of it.' }),
  hint: z.string().meta({ description: 'One line on what is meant, in Chinese.' }),
});

/**
 * GET /api/v1/materials: the materials of every measure that has a list, by measure id, and the
 * general ones (通用材料) any application may attach.
 */
export const materialListSchema = z.object({
  measures: z.record(z.string(), z.array(materialSchema)),
  general: z.array(materialSchema),
});
export type MaterialList = z.output<typeof materialListSchema>;

/** GET /api/v1/applications/:id/attachments: the files, in upload order. */
export const attachmentListSchema = z.object({ attachments: z.array(attachmentSchema) });
export type AttachmentList = z.output<typeof attachmentListSchema>;

/** What the applicant filled, as sent: the enterprise overrides and the contract's facts. */
export const storedRequestSchema = z.object({
  enterprise: z.record(z.string(), z.unknown()),
  facts: z.record(z.string(), z.unknown()),
});
export type StoredRequest = z.output<typeof storedRequestSchema>;

/**
 * The expert review (专家评审) an approval waits for: the completed reviews (scored by a reviewer
 * without a tie to the enterprise) the call requires, and those done. `required` is 0 for an
 * application without an item 经评审认定; the approval is refused while `completed` < `required`.
 */
export const reviewProgressSchema = z.object({
  required: z.int().min(0),
  completed: z.int().min(0),
});
export type ReviewProgress = z.output<typeof reviewProgressSchema>;

/** GET /api/v1/applications/:id (and every change to one answers it): the whole application as the caller sees it. */
export const applicationViewSchema = applicationSummarySchema.extend({
  call: callSchema.nullable(),
  request: storedRequestSchema,
  result: answerSchema.nullable().meta({ description: 'The engine’s answer stored at submission (Chinese explanations), null before.' }),
  policyVersion: z.string().nullable(),
  items: z.array(applicationItemSchema),
  needsFacts: z.array(needsFactsSchema).meta({ description: 'The stored answer’s incomplete results (待补充信息).' }),
  timeline: z.array(timelineEventSchema),
  attachments: z.array(attachmentSchema),
  allowedMoves: z.array(z.enum(APPLICATION_STATUSES)).meta({ description: 'Where the caller may move it next.' }),
  reviews: reviewProgressSchema.meta({ description: 'The completed expert reviews the approval needs, and those done.' }),
  bankAccount: bankAccountSchema.nullable().meta({
    description:
      "The enterprise's bank account (收款账户) the payment goes to: for officers and the applicant; null for a reviewer, or none on record.",
  }),
  allocation: applicationAllocationSchema
    .nullable()
    .meta({ description: 'How the committed allocation treated its items (ratios, bound budgets, +1 元); null before one.' }),
});
export type ApplicationView = z.output<typeof applicationViewSchema>;
