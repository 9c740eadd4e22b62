import type { Assignment, Criterion } from '@ftai/api';

/** Where a reviewer stands on an assignment: declare first, then score (again while under review). */
export type ReviewStage = 'declare' | 'score' | 'scored' | 'closed';

export function reviewStage(a: Pick<Assignment, 'isDeclared' | 'isScored'> & { application: { status: string } }): ReviewStage {
  // Once the application leaves expert review nothing more can be declared or scored.
  if (a.application.status !== 'under_review') return 'closed';
  if (!a.isDeclared) return 'declare';
  return a.isScored ? 'scored' : 'score';
}

/** Whether the reviewer may still change its score: only while the application is under review. */
export function canScore(a: Pick<Assignment, 'isDeclared'> & { application: { status: string } }): boolean {
  return a.isDeclared && a.application.status === 'under_review';
}

/** The live total of the form: the sum of the whole points given so far (blanks count 0). */
export function rubricTotal(criteria: readonly Criterion[], scores: Readonly<Record<string, unknown>> | undefined): number {
  let sum = 0;
  for (const c of criteria) {
    const v = scores?.[c.id];
    if (typeof v === 'number' && Number.isFinite(v)) sum += Math.min(Math.max(Math.trunc(v), 0), c.max);
  }
  return sum;
}

/** As the server checks each criterion: a whole number from 0 to its maximum. */
export function checkPoints(value: unknown, max: number): 'missing' | 'not-whole' | 'out-of-range' | null {
  if (value === null || value === undefined || value === '') return 'missing';
  if (typeof value !== 'number' || !Number.isInteger(value)) return 'not-whole';
  if (value < 0 || value > max) return 'out-of-range';
  return null;
}

/** The console's tabs: each stage (the server filters by it), and every assignment. */
export type ReviewTab = ReviewStage | 'all';
export const REVIEW_TABS: readonly ReviewTab[] = ['declare', 'score', 'scored', 'closed', 'all'];

/** The tab the console opens on: pending work first (to declare, then to score), else every assignment. */
export function openingTab(waiting: { readonly declare: number; readonly score: number }): ReviewTab {
  if (waiting.declare > 0) return 'declare';
  if (waiting.score > 0) return 'score';
  return 'all';
}
