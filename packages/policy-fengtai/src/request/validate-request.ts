import type { z } from 'zod';
import { ENTERPRISE_MEASURE_IDS, MEASURE_IDS, MILESTONE_TIERS, measures } from '../policy.js';
import { FACTS, type FactSpec } from './facts.js';
import { fastParseRequest } from './fast-validate.js';
import { type FengtaiRequest, FIXED_RECOGNITION_LEVEL, requestSchema, show } from './request-schema.js';

export type ValidationCode = 'FTAI_ERR_UNKNOWN_FIELD' | 'FTAI_ERR_MISSING_FIELD' | 'FTAI_ERR_INVALID_FIELD' | 'FTAI_ERR_NOT_JSON';

export interface ValidationIssue {
  /** Where, as a path: `facts.modelFilings[0].date`; empty for the request itself. */
  readonly path: string;
  readonly code: ValidationCode;
  /** What was expected, and what came. */
  readonly message: string;
}

export type Validation =
  | { readonly ok: true; readonly request: FengtaiRequest }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

const PER_SUBJECT = new Set(measures.filter((m) => m.perSubject).map((m) => m.id));
const IN_KIND = new Set(measures.filter((m) => m.rule.kind === 'in-kind').map((m) => m.id));
const KNOWN = new Set(MEASURE_IDS);
/** The lists of facts and the item field that may not repeat in each (facts.ts declares it). */
const UNIQUE_IN_LISTS: readonly (readonly [string, string])[] = (FACTS as readonly FactSpec[]).flatMap((f) =>
  f.kind === 'list' ? [[f.key, f.unique] as const] : [],
);

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** Turns a zod issue into contract issues with field paths (`facts.modelFilings[0].date`). */
export function issuesFromZod(issue: z.core.$ZodIssue): ValidationIssue[] {
  const at = (extra?: string) => formatPath(extra === undefined ? issue.path : [...issue.path, extra]);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({
      path: at(k),
      code: 'FTAI_ERR_UNKNOWN_FIELD',
      // The name as sent, cut: a field name may be as long as the body.
      message: `unknown field ${k.length > 60 ? `${k.slice(0, 57)}…` : k}: expected only the fields the contract defines here`,
    }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ path: at(), code: 'FTAI_ERR_MISSING_FIELD', message: `missing: ${issue.message.replace(/, got nothing$/, '')}` }];
  }
  if (issue.code === 'invalid_union' && 'errors' in issue) {
    return [{ path: at(), code: 'FTAI_ERR_INVALID_FIELD', message: issue.message }];
  }
  return [{ path: at(), code: 'FTAI_ERR_INVALID_FIELD', message: issue.message }];
}

/** Checks that span fields: what a schema of single fields cannot say. */
export function crossCheckRequest(r: FengtaiRequest): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const bad = (path: string, message: string) => issues.push({ path, code: 'FTAI_ERR_INVALID_FIELD', message });
  (r.history ?? []).forEach((h, i) => {
    if (!KNOWN.has(h.measure)) {
      bad(`history[${i}].measure`, `expected a measure id of the catalogue (${MEASURE_IDS.join(', ')}), got ${show(h.measure)}`);
    } else if (MILESTONE_TIERS.has(h.measure)) {
      const tiers = MILESTONE_TIERS.get(h.measure) as readonly string[];
      if (h.subject === null || !tiers.includes(h.subject)) {
        bad(`history[${i}].subject`, `expected the tier measure ${h.measure} granted, one of ${tiers.join(', ')}, got ${show(h.subject)}`);
      }
    } else if (PER_SUBJECT.has(h.measure) && h.subject === null) {
      bad(`history[${i}].subject`, `expected the subject's id: measure ${h.measure} is granted per subject`);
    } else if (!PER_SUBJECT.has(h.measure) && h.subject !== null) {
      bad(`history[${i}].subject`, `expected null: measure ${h.measure} is granted per enterprise, got ${show(h.subject)}`);
    }
    if (IN_KIND.has(h.measure) && h.amount !== 0) {
      bad(`history[${i}].amount`, `expected 0: measure ${h.measure} is support in kind, got ${show(h.amount / 100)}`);
    }
    if (h.year > r.year) bad(`history[${i}].year`, `expected a year not after the assessment year ${r.year}, got ${h.year}`);
  });
  (r.otherPolicyAwards ?? []).forEach((a, i) => {
    if ((a.subject === undefined) === (a.measure === undefined)) {
      bad(
        `otherPolicyAwards[${i}]`,
        `expected either subject (the id of the project, model, product … it supported) or measure (one of ${ENTERPRISE_MEASURE_IDS.join(', ')}, for support to the enterprise as a whole), ${a.subject === undefined ? 'got neither' : 'not both'}`,
      );
    }
  });
  const facts = r.facts;
  if (facts) {
    for (const [name, key] of UNIQUE_IN_LISTS) {
      const items = (facts as Readonly<Record<string, readonly Readonly<Record<string, unknown>>[] | undefined>>)[name];
      if (items === undefined || items.length < 2) continue; // no id can repeat
      const seen = new Set<unknown>();
      items.forEach((item, i) => {
        const value = item[key];
        if (seen.has(value)) bad(`facts.${name}[${i}].${key}`, `expected a unique ${key} in ${name}, got ${show(value)} twice`);
        seen.add(value);
      });
    }
    // The highest revenue of any earlier year includes last year's.
    if (facts.priorMaxRevenue !== undefined && facts.previousRevenue !== undefined && facts.priorMaxRevenue < facts.previousRevenue) {
      bad(
        'facts.priorMaxRevenue',
        `expected at least previousRevenue (${show(facts.previousRevenue / 100)}): the highest revenue of any earlier year includes last year's, got ${show(facts.priorMaxRevenue / 100)}`,
      );
    }
    (facts.recognitions ?? []).forEach((x, i) => {
      const fixed = FIXED_RECOGNITION_LEVEL[x.type];
      if (fixed && x.level !== undefined && x.level !== fixed) {
        bad(`facts.recognitions[${i}].level`, `expected ${fixed} for ${x.type}, got ${show(x.level)}`);
      }
      if (!fixed && x.level === undefined) {
        bad(`facts.recognitions[${i}].level`, `missing: expected national or municipal for ${x.type}`);
      }
    });
  }
  return issues;
}

/**
 * Validates a request of the calculation contract: field names exact, unknown fields refused,
 * money parsed to exact fen, dates that exist, credit-code check character, known measure ids.
 *
 * @example validateRequest({ year: 2026, enterprise: {} }).ok // true
 */
export function validateRequest(input: unknown): Validation {
  // The fast path (fast-validate.ts) answers for the inputs it accepts, with zod's very output;
  // every other input goes through zod, which decides and says what is wrong.
  const fast = fastParseRequest(input);
  if (fast === undefined) return validateRequestWithZod(input);
  const issues = crossCheckRequest(fast);
  return issues.length === 0 ? { ok: true, request: fast } : { ok: false, issues };
}

/** validateRequest through zod alone (the reference the fast path is tested against). */
export function validateRequestWithZod(input: unknown): Validation {
  // reportInput keeps each issue's input, so that a wrong type is not taken for a missing field.
  const parsed = requestSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.flatMap(issuesFromZod) };
  const issues = crossCheckRequest(parsed.data);
  return issues.length === 0 ? { ok: true, request: parsed.data } : { ok: false, issues };
}

/** "facts.computeSpend: expected …; history[0].measure: expected …" */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}
