import { type EvaluateOptions, evaluate, type MeasureResult } from '@ftai/engine';
import { fengtaiPolicy, POLICY_ID, POLICY_VERSION } from './policy.js';
import type { FengtaiRequest } from './request/request-schema.js';

/** The answer of the calculation contract (shared/spec/CALCULATION.md). */
export interface Answer {
  readonly policy: { readonly id: string; readonly version: string };
  readonly year: number;
  readonly creditCode: string | null;
  readonly results: readonly MeasureResult[];
  readonly total: number;
}

const POLICY = { id: POLICY_ID, version: POLICY_VERSION };

/**
 * Computes what every measure grants for one validated request.
 *
 * @example calculate(validated, { lang: 'en' }).total
 */
export function calculate(request: FengtaiRequest, options: EvaluateOptions = {}): Answer {
  const { results, total } = evaluate(fengtaiPolicy, request, options);
  return { policy: POLICY, year: request.year, creditCode: request.enterprise.creditCode ?? null, results, total };
}
