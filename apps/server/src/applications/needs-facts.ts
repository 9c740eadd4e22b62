import type { Answer, NeedsFacts } from '@ftai/api';

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
