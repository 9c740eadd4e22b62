import type { answerSchema } from '@ftai/policy-fengtai';
import { z } from 'zod';

export { answerSchema, measureResultSchema, RESULT_STATUSES } from '@ftai/policy-fengtai';

/** The answer of the calculation contract (CALCULATION.md): POST /api/v1/calculate, an application's estimate and stored result. */
export type Answer = z.output<typeof answerSchema>;
/** One result of an answer: what one measure grants one subject, and why. */
export type MeasureResult = Answer['results'][number];
/** A result's status (granted, ineligible …). */
export type ResultStatus = MeasureResult['status'];

/** POST /api/v1/calculate: the language of explanations, and whether to send them. The body is the contract's request. */
export const calculateQuerySchema = z.strictObject({
  lang: z.enum(['zh', 'en'], { error: 'expected zh or en' }).optional(),
  explain: z.enum(['true', 'false'], { error: 'expected true or false' }).optional(),
});
export type CalculateQuery = z.output<typeof calculateQuerySchema>;
