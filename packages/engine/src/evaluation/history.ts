import type { HistoryEntry, Measure } from '../measure.js';

/** What this policy granted before, when the request says nothing (one array, never added to). */
export const NO_HISTORY: readonly HistoryEntry[] = [];

/** An entry of the measure's own: the measure, and for per-subject measures the same subject. */
export function isOwnHistory<R>(h: HistoryEntry, m: Measure<R>, subject: string | null): boolean {
  return h.measure === m.id && (!m.perSubject || h.subject === subject);
}

/** The earliest year of the entries: where a consecutive window starts. */
export function firstYear(entries: readonly HistoryEntry[]): number | undefined {
  let first: number | undefined;
  for (const h of entries) if (first === undefined || h.year < first) first = h.year;
  return first;
}
