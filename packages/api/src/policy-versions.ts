import { z } from 'zod';
import { calendarDateSchema, instantSchema } from './formats.js';
import { pageInfoSchema, pageQueryShape } from './page.js';

/**
 * Versions of the policy's parameters (政策参数版本). Version 1 is the policy package's own
 * parameters.json. An officer drafts a later version (new values, the date it takes effect, the
 * reason and the document that authorises it, e.g. the year's 申报指南), submits it, and another
 * officer approves or rejects it — no one decides their own. From its effective date an approved
 * version is the one every new calculation, answer and ledger entry uses and cites
 * (`policy.version` = `2025.10.30-2+pN`); answers already given keep the version they cite.
 */

/**
 * draft: the author may still change it; pending: submitted, waiting for another officer;
 * approved: final, in effect from its date; rejected: refused, with the reason; withdrawn: the
 * author took it back before a decision.
 */
export const PARAMETER_VERSION_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ParameterVersionStatus = (typeof PARAMETER_VERSION_STATUSES)[number];

export const PARAMETER_VERSION_STATUS_LABELS: Readonly<Record<ParameterVersionStatus, { zh: string; en: string }>> = {
  draft: { zh: '草稿', en: 'Draft' },
  pending: { zh: '待审批', en: 'Awaiting approval' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** A new value for one parameter, in the unit of parameters.json ("25%", whole yuan, years, true/false, tiers). */
export const parameterChangeSchema = z.strictObject({
  parameter: z.string({ error: 'expected a parameter id, such as 4.3.tiers' }).min(1).max(80),
  value: z.unknown().refine((v) => v !== undefined, { error: 'expected the new value' }),
});
export type ParameterChangeBody = z.output<typeof parameterChangeSchema>;

/** POST /api/v1/policy/versions, PUT /api/v1/policy/versions/:number: a draft. */
export const parameterVersionDraftSchema = z.strictObject({
  /** The version the draft starts from (its values are kept unless changed here); the version in effect when left out. */
  basedOn: z.int({ error: 'expected a version number' }).min(1).optional(),
  /** What this version changes against the version it is based on. */
  changes: z
    .array(parameterChangeSchema)
    .min(1, { error: 'expected at least one change' })
    .max(100, { error: 'expected at most 100 changes' }),
  /** The first day (Beijing) new calculations use it. */
  effectiveOn: calendarDateSchema.meta({ description: 'YYYY-MM-DD: from this day new calculations use the version.' }),
  reason: z
    .string({ error: 'expected the reason for the change' })
    .trim()
    .min(1, { error: 'expected the reason for the change' })
    .max(1000),
  /** The document that authorises the change, e.g. 2027年度丰台区人工智能产业政策申报指南. */
  authority: z
    .string({ error: 'expected the document that authorises the change' })
    .trim()
    .min(1, { error: 'expected the document that authorises the change' })
    .max(200),
  /** Its number (文号), e.g. 丰科信发〔2027〕1号. */
  authorityRef: z.string().trim().max(100).optional(),
});
export type ParameterVersionDraft = z.output<typeof parameterVersionDraftSchema>;

/** The :number of /api/v1/policy/versions/:number and its steps. */
export const parameterVersionParamsSchema = z.strictObject({
  number: z.coerce
    .number({ error: 'expected a version number' })
    .int({ error: 'expected a version number' })
    .min(1, { error: 'expected a version number' })
    .max(1_000_000, { error: 'expected a version number' }),
});

/** POST …/approve, …/reject, …/withdraw: a note (a rejection needs one). */
export const parameterVersionDecisionSchema = z.strictObject({
  note: z.string().trim().max(1000).optional(),
});

/** One parameter a version changes, against the version it is based on. */
export const parameterVersionChangeSchema = z.object({
  parameter: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  unit: z.enum(['yuan', 'rate', 'years', 'tiers', 'switch']),
  /** The clause, e.g. 第四条第（3）项. */
  reference: z.string(),
  /** The figure was an assumption (the text does not give it) in the base version. */
  wasAssumed: z.boolean(),
  before: z.unknown(),
  after: z.unknown(),
});
export type ParameterVersionChange = z.output<typeof parameterVersionChangeSchema>;

const personSchema = z.object({ id: z.string(), name: z.string() });

export const parameterVersionSchema = z.object({
  number: z.int(),
  /** What answers cite: 2025.10.30-2 for version 1, 2025.10.30-2+pN after. */
  version: z.string(),
  status: z.enum(PARAMETER_VERSION_STATUSES),
  /** The version in effect today. */
  inEffect: z.boolean(),
  basedOn: z.int().nullable(),
  effectiveOn: calendarDateSchema,
  reason: z.string(),
  authority: z.string(),
  authorityRef: z.string().nullable(),
  changes: z.array(parameterVersionChangeSchema),
  draftedBy: personSchema.nullable().meta({ description: 'null for version 1 (the package).' }),
  draftedAt: instantSchema.nullable(),
  submittedAt: instantSchema.nullable(),
  decidedBy: personSchema.nullable(),
  decidedAt: instantSchema.nullable(),
  decisionNote: z.string().nullable(),
});
export type ParameterVersion = z.output<typeof parameterVersionSchema>;

/** GET /api/v1/policy/versions: newest first; others' drafts are officers' only. */
export const parameterVersionsQuerySchema = z.strictObject({
  ...pageQueryShape,
  status: z.enum(PARAMETER_VERSION_STATUSES, { error: 'expected draft, pending, approved, rejected or withdrawn' }).optional(),
});
export const parameterVersionListSchema = z.object({ versions: z.array(parameterVersionSchema), page: pageInfoSchema });

/** GET /api/v1/policy/parameters: each parameter in effect today, with its history over approved versions. Public. */
export const parameterHistorySchema = z.object({
  parameters: z.array(
    z.object({
      id: z.string(),
      label: z.object({ zh: z.string(), en: z.string() }),
      unit: z.enum(['yuan', 'rate', 'years', 'tiers', 'switch']),
      reference: z.string(),
      /** An assumption where the text is silent, in effect today (null once a document fixed it). */
      assumed: z.object({ zh: z.string(), en: z.string() }).nullable(),
      /** A reading (switch): what is assumed when it is set to false, the other reading; null otherwise. */
      assumedIfFalse: z.object({ zh: z.string(), en: z.string() }).nullable(),
      value: z.unknown(),
      /** Every approved version that set the parameter, version 1 first. */
      history: z.array(
        z.object({
          number: z.int(),
          version: z.string(),
          effectiveOn: calendarDateSchema,
          value: z.unknown(),
          authority: z.string(),
          assumed: z.boolean(),
        }),
      ),
    }),
  ),
  /** The version in effect today. */
  inEffect: z.object({ number: z.int(), version: z.string(), effectiveOn: calendarDateSchema }),
});
export type ParameterHistory = z.output<typeof parameterHistorySchema>;

/**
 * GET /api/v1/policy/versions/:number/parameters.json: the version as a parameter file, which
 * `ftai calc --parameters FILE` reads (its changes against version 1).
 */
export const parameterFileSchema = z.object({
  policy: z.string(),
  number: z.int(),
  version: z.string(),
  effectiveOn: calendarDateSchema,
  authority: z.string(),
  changes: z.array(z.object({ parameter: z.string(), value: z.unknown() })),
});
export type ParameterFile = z.output<typeof parameterFileSchema>;
