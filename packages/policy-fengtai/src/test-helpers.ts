import type { MeasureResult } from '@ftai/engine';
import { type Answer, type CalculateOptions, calculate } from './calculate.js';
import { describeIssues, validateRequest } from './request/validate-request.js';

/**
 * Helpers for the policy's tests: requests are built as the JSON a caller sends, then go
 * through validateRequest and calculate, as the command line and the API do.
 */

/** A valid 统一社会信用代码 (check character C). */
export const CREDIT_CODE = '91110106MA0000K01C';

/** The enterprise of every test request: general conditions met, nothing else said. */
export const ENTERPRISE = {
  creditCode: CREDIT_CODE,
  name: '北京测试智能科技有限公司',
  registeredInFengtai: true,
  taxResidentInFengtai: true,
  seriousDishonesty: false,
} as const;

/** The parts of a request a test sets; the enterprise is merged onto ENTERPRISE. */
export interface RequestParts {
  readonly year?: number;
  readonly enterprise?: Readonly<Record<string, unknown>>;
  readonly facts?: Readonly<Record<string, unknown>>;
  readonly history?: readonly unknown[];
  readonly otherPolicyAwards?: readonly unknown[];
}

/** The request JSON for `parts`, in assessment year 2026 unless said. */
export function buildRequest(parts: RequestParts = {}): Record<string, unknown> {
  const request: Record<string, unknown> = { year: parts.year ?? 2026, enterprise: { ...ENTERPRISE, ...parts.enterprise } };
  if (parts.facts !== undefined) request.facts = parts.facts;
  if (parts.history !== undefined) request.history = parts.history;
  if (parts.otherPolicyAwards !== undefined) request.otherPolicyAwards = parts.otherPolicyAwards;
  return request;
}

/** Validates and calculates; a request the validator refuses fails the test with its issues. */
export function calc(parts: RequestParts = {}, options: CalculateOptions = {}): Answer {
  const v = validateRequest(buildRequest(parts));
  if (!v.ok) throw new Error(`the test request is not valid: ${describeIssues(v.issues)}`);
  return calculate(v.request, options);
}

/** The one result for `measure` and `subject`; fails when there is none or more than one. */
export function resultOf(answer: Answer, measure: string, subject: string | null = null): MeasureResult {
  const found = answer.results.filter((r) => r.measure === measure && r.subject === subject);
  if (found.length !== 1) {
    throw new Error(`expected one result for ${measure}/${subject}, got ${found.length}: ${JSON.stringify(answer.results)}`);
  }
  return found[0] as MeasureResult;
}

/** calc, then the result for `measure` and `subject`. */
export function result(parts: RequestParts, measure: string, subject: string | null = null, options: CalculateOptions = {}): MeasureResult {
  return resultOf(calc(parts, options), measure, subject);
}

/** Whether the answer lists `measure` at all. */
export function hasResult(answer: Answer, measure: string): boolean {
  return answer.results.some((r) => r.measure === measure);
}

/** Status and amount, the two figures every table compares. */
export function outcome(r: MeasureResult): { status: string; amount: number } {
  return { status: r.status, amount: r.amount };
}

/** A history entry: what this policy granted before. */
export function granted(
  measure: string,
  year: number,
  subject: string | null = null,
  amount: number | string = 1,
): Record<string, unknown> {
  return { measure, year, subject, amount };
}

/** Every text of a result (explanation and reasons) joined, for "contains" checks. */
export function textOf(r: MeasureResult): string {
  return [...(r.explanation ?? []), ...(r.reasons ?? [])].join('\n');
}
