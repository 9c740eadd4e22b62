import type { Status } from '@ftai/engine';
import { z } from 'zod';
import type { Answer } from './calculate.js';

/** A result's status (CALCULATION.md "Answer"): the engine's words; CHINESE.md labels them. */
export const RESULT_STATUSES = [
  'granted',
  'ineligible',
  'excluded',
  'incomplete',
  'pending',
  'in-kind',
  'service',
  'not-applicable',
] as const satisfies readonly Status[];

/** Texts an answer lists (explanation steps, reasons, field paths). */
const texts = z.array(z.string()).readonly();

/** One result of the answer: what one measure grants one subject, and why. */
export const measureResultSchema = z.object({
  measure: z.string().meta({ description: 'The measure id, e.g. 2.1.' }),
  subject: z
    .string()
    .nullable()
    .meta({ description: 'The object’s id for per-subject measures, the tier for 5.1 (revenue-100m …), null otherwise.' }),
  status: z.enum(RESULT_STATUSES),
  amount: z.int().meta({ description: 'Whole yuan; above 0 exactly when granted.' }),
  cap: z.int().optional().meta({ description: 'The cap (or maximum) the rule applied, whole yuan.' }),
  review: z.boolean().meta({ description: 'The amount is the most the text allows (最高, 经评审认定): an expert review may give less.' }),
  citation: z.string().meta({ description: 'The clause as the text numbers it: 第五条第（3）项.' }),
  explanation: texts.optional().meta({ description: 'The steps of the figure, in the language asked for (left out with ?explain=false).' }),
  reasons: texts.optional().meta({ description: 'Why nothing (or not everything) is granted.' }),
  missing: texts.optional().meta({ description: 'Status incomplete: the request’s field paths the rule needs (facts.previousRevenue …).' }),
});

/** The answer of the calculation contract (shared/spec/CALCULATION.md), as POST /api/v1/calculate sends it and applications store it. */
export const answerSchema = z.object({
  policy: z.object({ id: z.string(), version: z.string() }),
  year: z.int(),
  creditCode: z.string().nullable(),
  results: z.array(measureResultSchema).readonly(),
  total: z.int().meta({ description: 'The sum of the granted amounts, whole yuan.' }),
});

// The schema and the engine's types say the same, field for field (readonly aside): a field added
// to one and not the other fails the build here, not at run time (the encoder would drop it).
type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type AnswerSchemaChecks = [
  Holds<MutuallyAssignable<z.output<typeof answerSchema>, Answer>>,
  Holds<Equal<Mutable<z.output<typeof answerSchema>>, Mutable<Answer>>>,
];
