import { type Fen, isCalendarDate, parseRate, parseYuanToFen, type Rate } from '@ftai/engine';
import { z } from 'zod';
import { ENTERPRISE_MEASURE_IDS } from '../policy.js';
import { creditCodeProblem } from './credit-code.js';

/**
 * The request of the calculation contract (shared/spec/CALCULATION.md), field names exact.
 * Unknown fields are refused; money is parsed to exact fen; dates must exist.
 */

const MAX_ITEMS = 1000;

/** Money: a non-negative yuan amount with at most 2 decimals, parsed to exact fen. */
export const moneySchema = z.unknown().transform((value, ctx): Fen => {
  const fen = parseYuanToFen(value);
  if (fen === null) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a non-negative amount in yuan with at most 2 decimals (a number or a decimal string), got ${show(value)}`,
    });
    return z.NEVER;
  }
  return fen;
});

/** A growth rate from -1 to 10 (a number or a decimal or percent string), exactly; null when it is none. */
export function parseGrowthRate(value: unknown): Rate | null {
  const rate = typeof value === 'number' || typeof value === 'string' ? parseRate(value) : null;
  if (rate === null || rate.num * 1 < -rate.den || rate.num > 10 * rate.den) return null;
  return rate;
}

export const growthRateSchema = z.unknown().transform((value, ctx): Rate => {
  const rate = parseGrowthRate(value);
  if (rate === null) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a growth rate from -1 to 10 as a fraction (0.15 = 15%), with at most 6 decimals, got ${show(value)}`,
    });
    return z.NEVER;
  }
  return rate;
});

export const dateSchema = z.string({ error: (i) => `expected a date YYYY-MM-DD, got ${show(i.input)}` }).refine(isCalendarDate, {
  error: (i) => `expected a date that exists, as YYYY-MM-DD, got ${show(i.input)}`,
});

const bool = z.boolean({ error: (i) => `expected true or false, got ${show(i.input)}` });
const count = z
  .number({ error: (i) => `expected a whole number, got ${show(i.input)}` })
  .int({ error: (i) => `expected a whole number, got ${show(i.input)}` })
  .min(0, { error: (i) => `expected a whole number of at least 0, got ${show(i.input)}` })
  .max(1_000_000, { error: 'expected at most 1,000,000' });
const text = (max: number) =>
  z
    .string({ error: (i) => `expected a text, got ${show(i.input)}` })
    .min(1, { error: 'expected a non-empty text' })
    .max(max, { error: `expected at most ${max} characters` });
const id = text(200);
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (i) => `expected one of ${values.join(', ')}, got ${show(i.input)}` });
const list = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: (i) => `expected a list, got ${show(i.input)}` }).max(MAX_ITEMS, { error: `expected at most ${MAX_ITEMS} items` });
const object = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, { error: (i) => (i.code === 'unrecognized_keys' ? undefined : `expected an object, got ${show(i.input)}`) });

export const RECOGNITION_TYPES = [
  'little-giant',
  'high-tech',
  'beijing-srdi-sme',
  'key-lab',
  'engineering-research-center',
  'technology-innovation-center',
  'enterprise-technology-center',
  'proof-of-concept-platform',
  'pilot-base',
  'future-industry-base',
] as const;
export type RecognitionType = (typeof RECOGNITION_TYPES)[number];
export const LEVELS = ['national', 'municipal'] as const;
export const STANDARD_LEVELS = ['international', 'national', 'industry'] as const;
export const INCUBATOR_RATINGS = ['ministry-excellent', 'municipal-benchmark'] as const;
export const EVENT_KINDS = ['contest', 'conference', 'forum', 'training'] as const;
/** The level each of these recognitions always has. */
export const FIXED_RECOGNITION_LEVEL: Partial<Record<RecognitionType, (typeof LEVELS)[number]>> = {
  'little-giant': 'national',
  'high-tech': 'national',
  'beijing-srdi-sme': 'municipal',
};

export const creditCodeSchema = z
  .string({ error: (i) => `expected an 18-character unified social credit code, got ${show(i.input)}` })
  .check((ctx) => {
    const problem = creditCodeProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: `expected a valid unified social credit code: ${problem}`, input: ctx.value });
  });

const money = moneySchema;
const growthRate = growthRateSchema;
const date = dateSchema;
const creditCode = creditCodeSchema;

export const enterpriseSchema = object({
  creditCode: creditCode.optional(),
  name: text(200).optional(),
  registeredInFengtai: bool.optional(),
  taxResidentInFengtai: bool.optional(),
  seriousDishonesty: bool.optional(),
  aiPartnerProgram: bool.optional(),
  industrialAI: bool.optional(),
  startup: bool.optional(),
});

export const factsSchema = object({
  computeSpend: money.optional(),
  modelFilings: list(object({ id, date, industrial: bool.optional() })).optional(),
  generalModelPurchase: money.optional(),
  openDatasets: list(object({ id, date })).optional(),
  dataAssetRegistrationFees: money.optional(),
  dataProductSales: money.optional(),
  trustedDataSpaces: list(object({ id, investment: money, industrial: bool.optional() })).optional(),
  jointFundContribution: money.optional(),
  challengeProjects: list(object({ id, field: text(200).optional(), totalInvestment: money })).optional(),
  rdSpend: money.optional(),
  previousRdSpend: money.optional(),
  keyProjects: list(object({ id, level: oneOf(LEVELS), funding: money })).optional(),
  revenue: money.optional(),
  previousRevenue: money.optional(),
  priorMaxRevenue: money.optional(),
  firstAboveDesignatedSize: bool.optional(),
  industryAverageGrowthRate: growthRate.optional(),
  recognitions: list(
    object({ id, type: oneOf(RECOGNITION_TYPES), level: oneOf(LEVELS).optional(), date, renewal: bool.optional() }),
  ).optional(),
  agentCompetitionPrizes: list(object({ id, industrial: bool.optional(), prize: money.optional(), date: date.optional() })).optional(),
  scenarioProjects: list(
    object({ id, totalInvestment: money.optional(), industrial: bool.optional(), municipalSubsidy: money.optional() }),
  ).optional(),
  benchmarkCases: list(object({ id, level: oneOf(LEVELS), date })).optional(),
  firstSetProducts: list(
    object({
      id,
      inBeijingCatalogue: bool.optional(),
      catalogueDate: date.optional(),
      municipalSubsidy: money.optional(),
      industrial: bool.optional(),
    }),
  ).optional(),
  standards: list(object({ id, level: oneOf(STANDARD_LEVELS), date })).optional(),
  servicePlatforms: list(object({ id, investment: money })).optional(),
  incubator: object({
    rating: oneOf(INCUBATOR_RATINGS).optional(),
    investment: money.optional(),
    incubatedAIEnterprises: count.optional(),
    investedAIEnterprises: count.optional(),
  }).optional(),
  industrialParks: list(object({ id, investment: money })).optional(),
  ventureFund: object({ aiInvestment: money }).optional(),
  industryEducationBase: object({ interns: count, hires: count }).optional(),
  events: list(object({ id, kind: oneOf(EVENT_KINDS), date })).optional(),
});

const historyEntry = object({
  measure: text(20),
  year: z
    .number({ error: (i) => `expected a year, got ${show(i.input)}` })
    .int({ error: 'expected a whole year' })
    .min(2025, { error: (i) => `expected a year from 2025 (the policy's first), got ${show(i.input)}` })
    .max(2100, { error: (i) => `expected a year up to 2100, got ${show(i.input)}` }),
  subject: z.union([id, z.null()], { error: (i) => `expected the subject's id or null, got ${show(i.input)}` }),
  amount: money,
});

/**
 * Another district policy's award names a subject (as in history) or the measure of this policy
 * it overlaps; exactly one of the two (checked in crossCheckRequest, which says so by field).
 */
const otherPolicyAward = object({
  policy: text(200),
  subject: id.optional(),
  measure: oneOf(ENTERPRISE_MEASURE_IDS as unknown as readonly [string, ...string[]]).optional(),
  amount: money,
});

export const requestSchema = object({
  year: z
    .number({ error: (i) => `expected the assessment year as a whole number, got ${show(i.input)}` })
    .int({ error: (i) => `expected a whole year, got ${show(i.input)}` })
    .min(2000, { error: (i) => `expected a year from 2000 to 2100, got ${show(i.input)}` })
    .max(2100, { error: (i) => `expected a year from 2000 to 2100, got ${show(i.input)}` }),
  enterprise: enterpriseSchema,
  facts: factsSchema.optional(),
  history: list(historyEntry).optional(),
  otherPolicyAwards: list(otherPolicyAward).optional(),
});

export type FengtaiRequest = z.output<typeof requestSchema>;
export type Facts = z.output<typeof factsSchema>;
export type Enterprise = z.output<typeof enterpriseSchema>;

const SHOWN = 60;

/**
 * A value as JSON for a message, cut to 60 characters. It writes no more than it shows: a
 * megabyte string or a list nested 100,000 deep costs a few steps, never the whole value or a
 * stack overflow (JSON.stringify recurses without bound).
 *
 * @example show({ a: [1, 'x'] }) // '{"a":[1,"x"]}'
 */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'function' || typeof value === 'symbol') return typeof value;
  let out = '';
  // One past the cut: enough to know the text is longer. Each level writes a bracket first,
  // so the recursion ends within SHOWN + 1 levels whatever the depth of the value.
  const full = () => out.length > SHOWN;
  const write = (v: unknown, inArray: boolean): void => {
    if (full()) return;
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      v = (v as { toJSON: () => unknown }).toJSON();
    }
    if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') {
      out += inArray || v === null ? 'null' : typeof v;
    } else if (typeof v === 'string') {
      out += JSON.stringify(v.length > SHOWN ? v.slice(0, SHOWN + 1) : v);
    } else if (typeof v === 'number') {
      out += Number.isFinite(v) ? String(v) : 'null';
    } else if (typeof v === 'boolean' || typeof v === 'bigint') {
      out += String(v);
    } else if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length && !full(); i++) {
        if (i > 0) out += ',';
        write(v[i], true);
      }
      out += ']';
    } else {
      out += '{';
      let first = true;
      for (const key of Object.keys(v)) {
        if (full()) break;
        const item = (v as Record<string, unknown>)[key];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        out += `${first ? '' : ','}${JSON.stringify(key.length > SHOWN ? key.slice(0, SHOWN + 1) : key)}:`;
        first = false;
        write(item, false);
      }
      out += '}';
    }
  };
  write(value, false);
  return out.length > SHOWN ? `${out.slice(0, 57)}…` : out;
}
