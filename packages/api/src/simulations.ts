import { z } from 'zod';
import { instantSchema, yuanSchema } from './formats.js';
import { pageInfoSchema, pageQueryShape } from './page.js';
import { MATCH_JOB_STATUSES } from './statuses.js';

/**
 * 政策模拟: a population of enterprise-years calculated under two parameter versions (A, usually
 * the one in effect, and B, usually a draft), through the match pipeline on every core, and what
 * the difference costs: totals by article and measure, who gains and who loses, the 20 largest
 * changes with both explanations, the distribution of award sizes, and whether the call's budgets
 * cover each version. 年度预算测算 (a budget estimate for next year) grows one side's totals by
 * the officer's assumptions.
 */

const int = z.number().int();
const versionNumberSchema = z.int({ error: 'expected a version number, e.g. 1' }).min(1, { error: 'expected a version number, e.g. 1' });

/**
 * Who is simulated: a call's applications (their facts, with the ledger as history), the
 * enterprises the platform holds (for an assessment year), or a registry uploaded to a match job.
 * A registry file may also be sent as multipart/form-data to POST /api/v1/simulations, the
 * versions and call in the query.
 */
export const simulationPopulationSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('call'), callId: z.string().min(1).max(100) }),
    z.strictObject({
      kind: z.literal('platform'),
      year: z.int({ error: 'expected the assessment year, e.g. 2026' }).min(2000).max(2100),
    }),
    z.strictObject({ kind: z.literal('match-job'), matchJobId: z.string().min(1).max(100) }),
  ],
  { error: 'expected a population: call, platform or match-job' },
);
export type SimulationPopulation = z.output<typeof simulationPopulationSchema>;

/** POST /api/v1/simulations (JSON). */
export const simulationBodySchema = z.strictObject({
  population: simulationPopulationSchema,
  versionA: versionNumberSchema,
  versionB: versionNumberSchema,
  /** The call whose budgets are checked (a call population's own call by default). */
  callId: z.string().min(1).max(100).optional(),
});
export type SimulationBody = z.output<typeof simulationBodySchema>;

/** POST /api/v1/simulations with a registry file (multipart): the rest in the query. */
export const simulationUploadQuerySchema = z.strictObject({
  versionA: z.coerce.number({ error: 'expected a version number' }).int().min(1),
  versionB: z.coerce.number({ error: 'expected a version number' }).int().min(1),
  callId: z.string().min(1).max(100).optional(),
  allowExtraColumns: z.enum(['true', 'false'], { error: 'expected true or false' }).optional(),
});

const sideSchema = z.object({ amount: yuanSchema, enterprises: int });

/** One measure (or article) under each version, and B − A. */
export const simulationMeasureSchema = z.object({
  measure: z.string(),
  article: int,
  /** 第六条(2) … */
  citation: z.string(),
  a: sideSchema,
  b: sideSchema,
  difference: yuanSchema,
});
export const simulationArticleSchema = z.object({
  article: int,
  a: sideSchema,
  b: sideSchema,
  difference: yuanSchema,
  /** The call's budget for the article (whole yuan), or null when it has none of its own. */
  budget: yuanSchema.nullable(),
  coveredA: z.boolean().nullable(),
  coveredB: z.boolean().nullable(),
});

/** One of the largest changes: an enterprise-year, both answers' items with their explanations. */
export const simulationChangeSchema = z.object({
  row: int,
  creditCode: z.string().nullable(),
  name: z.string().nullable(),
  year: int,
  a: yuanSchema,
  b: yuanSchema,
  difference: yuanSchema,
  /** Per measure that differs or is granted: amounts and explanation lines (Chinese) under each version. */
  items: z.array(
    z.object({
      measure: z.string(),
      subject: z.string().nullable(),
      a: z.object({ status: z.string(), amount: yuanSchema, lines: z.array(z.string()) }).nullable(),
      b: z.object({ status: z.string(), amount: yuanSchema, lines: z.array(z.string()) }).nullable(),
    }),
  ),
});
export type SimulationChange = z.output<typeof simulationChangeSchema>;

export const simulationResultSchema = z.object({
  rows: int,
  bad: int,
  total: z.object({ a: yuanSchema, b: yuanSchema, difference: yuanSchema }),
  /** Enterprise-years whose total rises, falls, or stays; and those granted anything under each. */
  enterprises: z.object({ gain: int, lose: int, unchanged: int, grantedA: int, grantedB: int }),
  measures: z.array(simulationMeasureSchema),
  articles: z.array(simulationArticleSchema),
  /** The 20 largest changes by size, largest first. */
  largest: z.array(simulationChangeSchema),
  /** Enterprise-years by total granted: bucket lower bounds in yuan (the first is 1), counts under each version. */
  distribution: z.object({ from: z.array(yuanSchema), a: z.array(int), b: z.array(int) }),
  /** The call's budgets against each version's total, when a call is named. */
  budget: z
    .object({
      callId: z.string(),
      callTitle: z.string(),
      total: yuanSchema.nullable(),
      coveredA: z.boolean().nullable(),
      coveredB: z.boolean().nullable(),
    })
    .nullable(),
});
export type SimulationResult = z.output<typeof simulationResultSchema>;

const versionRefSchema = z.object({ number: int, version: z.string() });

export const simulationSchema = z.object({
  id: z.string(),
  status: z.enum(MATCH_JOB_STATUSES),
  population: z.object({
    kind: z.enum(['call', 'platform', 'match-job', 'upload']),
    /** What the population is, in Chinese: the call's title, 平台企业（2026年度）, the file's name. */
    label: z.string(),
  }),
  versionA: versionRefSchema,
  versionB: versionRefSchema,
  callId: z.string().nullable(),
  rowsTotal: int.nullable(),
  rowsDone: int,
  progress: z.object({ fraction: z.number().nullable(), secondsLeft: z.number().nullable() }).nullable(),
  createdBy: z.string(),
  createdAt: instantSchema,
  finishedAt: instantSchema.nullable(),
  error: z.string().nullable(),
  /** Once done. */
  result: simulationResultSchema.nullable(),
  /** The whole result as a workbook, once done. */
  xlsx: z.string().nullable(),
});
export type Simulation = z.output<typeof simulationSchema>;

export const simulationListQuerySchema = z.strictObject({ ...pageQueryShape });
export const simulationListSchema = z.object({ simulations: z.array(simulationSchema.omit({ result: true })), page: pageInfoSchema });
export type SimulationListQuery = z.output<typeof simulationListQuerySchema>;
export type SimulationList = z.output<typeof simulationListSchema>;

/** The :id of /api/v1/simulations/:id and the routes under it, and of /api/v1/budget-estimates/:id.xlsx. */
export const simulationIdParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });

/** A growth rate as a percentage text, e.g. "8%" or "-5%" (exact: no floating point). */
export const growthRateSchema = z
  .string({ error: 'expected a growth rate such as "8%"' })
  .regex(/^-?\d{1,3}(\.\d{1,2})?%$/, { error: 'expected a growth rate such as "8%" or "-5%"' });

/** POST /api/v1/simulations/:id/estimates: 年度预算测算 from a finished simulation's side. */
export const budgetEstimateBodySchema = z.strictObject({
  /** Which version's totals are grown (B, the draft for next year, by default). */
  side: z.enum(['a', 'b'], { error: 'expected a or b' }).optional(),
  /** The year the budget is for, e.g. 2027. */
  year: z.int({ error: 'expected the budget year, e.g. 2027' }).min(2000).max(2100),
  /** Growth of every measure's demand, unless the measure has its own. */
  overall: growthRateSchema,
  /** Per measure id (e.g. "1", "4.3"): its own growth. */
  measures: z.record(z.string().min(1).max(20), growthRateSchema).optional(),
  note: z.string().trim().max(1000).optional(),
});
export type BudgetEstimateBody = z.output<typeof budgetEstimateBodySchema>;

export const budgetEstimateSchema = z.object({
  id: z.string(),
  simulationId: z.string(),
  side: z.enum(['a', 'b']),
  version: versionRefSchema,
  year: int,
  overall: z.string(),
  measures: z.record(z.string(), z.string()),
  note: z.string().nullable(),
  /** Per measure: this year's amount, the growth applied, the expected demand (floored to whole yuan). */
  lines: z.array(
    z.object({ measure: z.string(), article: int, citation: z.string(), base: yuanSchema, growth: z.string(), expected: yuanSchema }),
  ),
  articles: z.array(z.object({ article: int, base: yuanSchema, expected: yuanSchema })),
  total: z.object({ base: yuanSchema, expected: yuanSchema }),
  createdBy: z.string(),
  createdAt: instantSchema,
  /** The estimate as a workbook, its assumptions printed on the sheet. */
  xlsx: z.string(),
});
export type BudgetEstimate = z.output<typeof budgetEstimateSchema>;

/** GET /api/v1/simulations/:id/estimates: the estimates made from a simulation, newest first. */
export const budgetEstimateListSchema = z.object({ estimates: z.array(budgetEstimateSchema) });
export type BudgetEstimateList = z.output<typeof budgetEstimateListSchema>;
