import {
  type Answer,
  calculate,
  describeIssues,
  type Edition,
  type FengtaiRequest,
  findInputProblem,
  type InputLimitIssue,
  type ValidationIssue,
  validateRequest,
} from '@ftai/policy-fengtai';

export interface AnswerOptions {
  readonly lang?: 'zh' | 'en';
  /** Explanations in the answer (true by default). */
  readonly explain?: boolean;
  /** The parameters answered under (makeEdition); version 1, the package's own, by default. */
  readonly edition?: Edition;
}

/** A request's issue: off the contract, or past the limits of any input. */
export type RequestIssue = ValidationIssue | InputLimitIssue;

export type RequestCheck =
  | { readonly ok: true; readonly request: FengtaiRequest }
  | { readonly ok: false; readonly error: string; readonly issues: readonly RequestIssue[] };

/** One input answered: the answer line (JSON, no newline), and the answer itself when there is one. */
export type LineAnswer =
  | { readonly ok: true; readonly text: string; readonly answer: Answer; readonly request: FengtaiRequest }
  | { readonly ok: false; readonly text: string };

/** One line of JSON Lines read: the valid request, or the error line that refuses it. */
export type LineRequest = { readonly ok: true; readonly request: FengtaiRequest } | { readonly ok: false; readonly text: string };

/** Where a refusal points: a line of JSON Lines, or a row of a registry. */
export type InputPlace = { readonly line: number } | { readonly row: number };

/**
 * The contract's verdict on parsed JSON, after the limits every request obeys (no U+0000, at most
 * 64 levels deep): a hostile request is refused as the server refuses it, never a stack overflow.
 *
 * @example checkRequest(JSON.parse('{"year":2026}')) // { ok: false, error: 'enterprise: missing: …', issues: [ … ] }
 */
export function checkRequest(input: unknown): RequestCheck {
  const problem = findInputProblem(input);
  if (problem) return { ok: false, error: `${problem.path}: ${problem.message}`, issues: [problem] };
  const v = validateRequest(input);
  return v.ok ? v : { ok: false, error: describeIssues(v.issues), issues: v.issues };
}

/**
 * One line of JSON Lines in, one answer line out: what `ftai calc --jsonl` and `ftai match` both
 * write for it. A line that is not JSON, or off the contract, answers with an error line naming it
 * (`{"error", "code", "issues", "line"}`), so that a run goes on past bad lines.
 *
 * @example answerLine('nonsense', 5, { explain: false }).text // '{"error":"not JSON: …","code":"FTAI_ERR_NOT_JSON","line":5}'
 */
export function answerLine(line: string, lineNo: number, options: AnswerOptions): LineAnswer {
  const read = readRequestLine(line, lineNo);
  return read.ok ? answerRequest(read.request, { line: lineNo }, options) : read;
}

/**
 * One line of JSON Lines parsed and checked, not yet answered: a comparison answers it twice
 * (under two parameter versions) on one validation, and refuses it with answerLine's error line.
 *
 * @example readRequestLine('{"year":2026}', 3).ok // false
 */
export function readRequestLine(line: string, lineNo: number): LineRequest {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (error) {
    return { ok: false, text: JSON.stringify({ error: `not JSON: ${(error as Error).message}`, code: 'FTAI_ERR_NOT_JSON', line: lineNo }) };
  }
  const v = checkRequest(input);
  if (!v.ok) return { ok: false, text: JSON.stringify({ error: v.error, code: 'FTAI_ERR_VALIDATION', issues: v.issues, line: lineNo }) };
  return v;
}

/**
 * The answer line of a valid request. A calculation that throws is a defect, not bad input: the
 * line (or row) says so and the run goes on.
 */
export function answerRequest(request: FengtaiRequest, place: InputPlace, options: AnswerOptions): LineAnswer {
  let answer: Answer;
  try {
    answer = calculate(request, options);
  } catch (error) {
    return {
      ok: false,
      text: JSON.stringify({ error: `internal error: ${(error as Error).message}`, code: 'FTAI_ERR_INTERNAL', ...place }),
    };
  }
  return { ok: true, text: JSON.stringify(answer), answer, request };
}
