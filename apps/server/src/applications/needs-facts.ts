import type { Answer } from '@ftai/policy-fengtai';

/** A result the engine could not work out: a fact it needs was left out (status `incomplete`, amount 0). */
export interface NeedsFacts {
  readonly measure: string;
  /** null while the rule cannot tell the subject either (5.1 with no earlier revenue: no tier yet). */
  readonly subject: string | null;
  readonly citation: string;
  /** The contract's field paths to fill, e.g. `facts.previousRevenue`. */
  readonly missing: readonly string[];
  /** Why, in the answer's language (缺少“上年度主营业务收入”，无法测算). */
  readonly reasons: readonly string[];
}

/**
 * The `incomplete` results of an answer (待补充信息): nothing can be approved or allocated for
 * them until the applicant gives the facts named and the engine runs again.
 */
export function needsFacts(answer: Answer): NeedsFacts[] {
  return answer.results
    .filter((r) => r.status === 'incomplete')
    .map((r) => ({
      measure: r.measure,
      subject: r.subject,
      citation: r.citation,
      missing: r.missing ?? [],
      reasons: r.reasons ?? [],
    }));
}
