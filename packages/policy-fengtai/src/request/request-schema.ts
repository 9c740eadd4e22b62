import { type Fen, isCalendarDate, MAX_YUAN, parseRate, parseYuanToFen, type Rate } from '@ftai/engine';
import { z } from 'zod';
import { ENTERPRISE_MEASURE_IDS } from '../policy.js';
import { creditCodeProblem } from './credit-code.js';
import {
  ENTERPRISE_FIELDS,
  type EnterpriseFieldSpec,
  EVENT_KIND_OPTIONS,
  FACTS,
  type FactSpec,
  type FactValueSpec,
  INCUBATOR_RATING_OPTIONS,
  LEVEL_OPTIONS,
  RECOGNITION_TYPE_OPTIONS,
  STANDARD_LEVEL_OPTIONS,
} from './facts.js';

/**
 * The request of the calculation contract (shared/spec/CALCULATION.md), field names exact.
 * Unknown fields are refused; money is parsed to exact fen; dates must exist.
 */

const MAX_ITEMS = 1000;

/** Money: a non-negative yuan amount with at most 2 decimals, parsed to exact fen. */
export const moneySchema = z.unknown().transform((value, ctx): Fen => {
  const fen = parseYuanToFen(value);
  if (fen === null) {
    ctx.addIssue({ code: 'custom', message: moneyProblem(value) });
    return z.NEVER;
  }
  return fen;
});

/** The largest amount, as the messages write it. */
const MAX_AMOUNT_TEXT = `${MAX_YUAN.toLocaleString('en-US')}.99`;

/**
 * Why a value is not an amount, saying what was wrong where it can tell: a negative number, more
 * than 2 decimals, more than MAX_AMOUNT_TEXT yuan (said as typed, not rounded), else the general rule.
 */
function moneyProblem(value: unknown): string {
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? String(value) : null) : typeof value === 'string' ? value.trim() : null;
  const m = text === null ? null : /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (m) {
    const [, sign, whole = '', frac = ''] = m;
    if (sign === '-' && /[1-9]/.test(whole + frac)) return `expected a non-negative amount in yuan, got ${show(value)}`;
    if (whole.replace(/^0+(?=\d)/, '').length > 13) return `expected an amount of at most ${MAX_AMOUNT_TEXT} yuan, got ${show(value)}`;
    if (frac.length > 2) return `expected a non-negative amount in yuan with at most 2 decimals (fen), got ${show(value)}`;
  }
  if (typeof value === 'number' && Number.isFinite(value) && value > MAX_YUAN)
    return `expected an amount of at most ${MAX_AMOUNT_TEXT} yuan, got ${show(value)}`;
  return `expected a non-negative amount in yuan with at most 2 decimals (a number or a decimal string), got ${show(value)}`;
}

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
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (i) => `expected one of ${values.join(', ')}, got ${show(i.input)}` });
const list = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: (i) => `expected a list, got ${show(i.input)}` }).max(MAX_ITEMS, { error: `expected at most ${MAX_ITEMS} items` });
const object = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, { error: (i) => (i.code === 'unrecognized_keys' ? undefined : `expected an object, got ${show(i.input)}`) });

/** The values of an enumeration of facts.ts, as a tuple of their literal types. */
function valuesOf<const O extends readonly [{ readonly value: string }, ...{ readonly value: string }[]]>(
  options: O,
): { readonly [I in keyof O]: O[I] extends { readonly value: infer V } ? V : never } {
  return options.map((o) => o.value) as never;
}

export const RECOGNITION_TYPES = valuesOf(RECOGNITION_TYPE_OPTIONS);
export type RecognitionType = (typeof RECOGNITION_TYPES)[number];
export const LEVELS = valuesOf(LEVEL_OPTIONS);
export const STANDARD_LEVELS = valuesOf(STANDARD_LEVEL_OPTIONS);
export const INCUBATOR_RATINGS = valuesOf(INCUBATOR_RATING_OPTIONS);
export const EVENT_KINDS = valuesOf(EVENT_KIND_OPTIONS);
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

const text200 = text(200);

// ---------------------------------------------------------------------------------------------
// `enterprise` and `facts`, built from their declaration (facts.ts): one zod schema per kind.

/** The zod schema of a value of each kind, as the type system sees it. */
type KindSchema<S> = S extends { readonly kind: 'money' }
  ? typeof moneySchema
  : S extends { readonly kind: 'rate' }
    ? typeof growthRateSchema
    : S extends { readonly kind: 'date' }
      ? typeof dateSchema
      : S extends { readonly kind: 'bool' }
        ? typeof bool
        : S extends { readonly kind: 'count' }
          ? typeof count
          : S extends { readonly kind: 'text' }
            ? typeof text200
            : S extends { readonly kind: 'creditCode' }
              ? typeof creditCodeSchema
              : S extends { readonly kind: 'enum'; readonly options: readonly { readonly value: infer V extends string }[] }
                ? z.ZodEnum<{ [K in V]: K }>
                : never;
type FieldSchema<S> = S extends { readonly required: true } ? KindSchema<S> : z.ZodOptional<KindSchema<S>>;
type RowShape<Fields extends readonly { readonly key: string }[]> = { -readonly [S in Fields[number] as S['key']]: FieldSchema<S> };
type RowSchema<Fields extends readonly { readonly key: string }[]> = z.ZodObject<RowShape<Fields>, z.core.$strict>;
type FactSchema<F> = F extends { readonly kind: 'list'; readonly item: infer I extends readonly { readonly key: string }[] }
  ? z.ZodArray<RowSchema<I>>
  : F extends { readonly kind: 'object'; readonly fields: infer I extends readonly { readonly key: string }[] }
    ? RowSchema<I>
    : KindSchema<F>;
type FactsShape = { -readonly [F in (typeof FACTS)[number] as F['key']]: z.ZodOptional<FactSchema<F>> };
type EnterpriseShape = { -readonly [F in (typeof ENTERPRISE_FIELDS)[number] as F['key']]: z.ZodOptional<KindSchema<F>> };

function kindSchema(spec: FactValueSpec | EnterpriseFieldSpec): z.ZodType {
  switch (spec.kind) {
    case 'money':
      return moneySchema;
    case 'rate':
      return growthRateSchema;
    case 'date':
      return dateSchema;
    case 'bool':
      return bool;
    case 'count':
      return count;
    case 'text':
      return text200;
    case 'creditCode':
      return creditCodeSchema;
    case 'enum':
      return oneOf((spec.options ?? []).map((o) => o.value) as unknown as readonly [string, ...string[]]);
  }
}

const rowSchema = (fields: readonly FactValueSpec[]) =>
  object(Object.fromEntries(fields.map((f) => [f.key, f.required ? kindSchema(f) : kindSchema(f).optional()])));

function factSchema(fact: FactSpec): z.ZodType {
  if (fact.kind === 'list') return list(rowSchema(fact.item));
  if (fact.kind === 'object') return rowSchema(fact.fields);
  return kindSchema(fact);
}

export const enterpriseSchema = object(
  Object.fromEntries(ENTERPRISE_FIELDS.map((f) => [f.key, kindSchema(f).optional()])),
) as unknown as z.ZodObject<EnterpriseShape, z.core.$strict>;

/** `facts`: every fact optional, in the order of facts.ts (the contract's). */
export const factsSchema = object(
  Object.fromEntries((FACTS as readonly FactSpec[]).map((f) => [f.key, factSchema(f).optional()])),
) as unknown as z.ZodObject<FactsShape, z.core.$strict>;

const money = moneySchema;
const id = text200;

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
