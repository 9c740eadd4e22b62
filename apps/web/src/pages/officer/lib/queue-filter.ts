import type { ApplicationCounts, ApplicationSort, ApplicationStatus } from '@ftai/api';
import { APPLICATION_STATUSES, isApplicationStatus } from '@ftai/api/statuses';

export { isApplicationStatus };

/** The statuses in the order the officer's tabs and counts show them: drafts, which the enterprise has not submitted, last. */
export const QUEUE_STATUSES: readonly ApplicationStatus[] = [...APPLICATION_STATUSES.filter((s) => s !== 'draft'), 'draft'];

/** The queue's sortable columns, by the summary's field they show. */
export type QueueSort = 'submittedAt' | 'engineTotal' | 'score';
export const QUEUE_SORTS: readonly QueueSort[] = ['submittedAt', 'engineTotal', 'score'];

/**
 * The server's sort of each column (GET /api/v1/applications `sort`): the database sorts and
 * pages, a draft's submission time counting as earliest and a missing score as lowest.
 */
export const SERVER_SORT: Record<QueueSort, ApplicationSort> = {
  submittedAt: 'submitted',
  engineTotal: 'requested',
  score: 'score',
};

export function isQueueSort(value: string | null | undefined): value is QueueSort {
  return QUEUE_SORTS.includes(value as QueueSort);
}

/** The tabs' figures from the server's counts: every status (0 until known) and all. */
export function tabCounts(counts: ApplicationCounts | undefined): Record<ApplicationStatus | 'all', number> {
  const figures = Object.fromEntries([...QUEUE_STATUSES, 'all'].map((s) => [s, 0])) as Record<ApplicationStatus | 'all', number>;
  if (counts === undefined) return figures;
  for (const s of QUEUE_STATUSES) figures[s] = counts.counts[s] ?? 0;
  figures.all = counts.total;
  return figures;
}

/** The search as the server takes it: trimmed, blank is none. */
export function searchText(text: string | null | undefined): string | undefined {
  const q = (text ?? '').trim();
  return q === '' ? undefined : q;
}
