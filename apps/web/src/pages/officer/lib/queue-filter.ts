import type { ApplicationStatus, ApplicationSummary } from '@ftai/api';
import { APPLICATION_STATUSES, isApplicationStatus } from '@ftai/api/statuses';

export { isApplicationStatus };

/** The statuses in the order the officer's tabs and counts show them: drafts, which the enterprise has not submitted, last. */
export const QUEUE_STATUSES: readonly ApplicationStatus[] = [...APPLICATION_STATUSES.filter((s) => s !== 'draft'), 'draft'];

export type QueueSort = 'submittedAt' | 'engineTotal' | 'score';

export interface QueueFilter {
  /** undefined: every status. */
  readonly status?: ApplicationStatus | undefined;
  /** Part of the enterprise's name or credit code, any case. */
  readonly text?: string | undefined;
}

/** How many applications are in each status (every status listed, 0 included), and in all. */
export function countByStatus(list: readonly ApplicationSummary[]): Record<ApplicationStatus | 'all', number> {
  const counts = Object.fromEntries([...QUEUE_STATUSES, 'all'].map((s) => [s, 0])) as Record<ApplicationStatus | 'all', number>;
  for (const a of list) {
    counts[a.status] += 1;
    counts.all += 1;
  }
  return counts;
}

/** Does `a` match the search text? Name and credit code, substring, case and spaces ignored. */
export function matchesText(a: ApplicationSummary, text: string | undefined): boolean {
  const q = (text ?? '').replace(/\s+/g, '').toUpperCase();
  if (!q) return true;
  return a.creditCode.toUpperCase().includes(q) || (a.enterpriseName ?? '').replace(/\s+/g, '').toUpperCase().includes(q);
}

/** The queue as the filters show it; the order stays the server's (newest first) until sorted. */
export function filterApplications(list: readonly ApplicationSummary[], f: QueueFilter): ApplicationSummary[] {
  return list.filter((a) => (f.status === undefined || a.status === f.status) && matchesText(a, f.text));
}

/**
 * The comparator of a sortable column, ascending; missing values (no score, not submitted) sort
 * last whichever the direction, so that the column's head shows real figures.
 */
export function compareBy(key: QueueSort): (a: ApplicationSummary, b: ApplicationSummary) => number {
  return (a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  };
}

/** The queue sorted by `key`; `descending` puts the largest (or latest) first, missing values still last. */
export function sortApplications(list: readonly ApplicationSummary[], key: QueueSort, descending: boolean): ApplicationSummary[] {
  const asc = compareBy(key);
  return [...list].sort((a, b) => {
    const missingA = a[key] === null;
    const missingB = b[key] === null;
    if (missingA || missingB) return asc(a, b);
    return descending ? asc(b, a) : asc(a, b);
  });
}
