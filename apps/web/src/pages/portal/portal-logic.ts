import type { ApplicationStatus, EnterpriseAward, EnterpriseProfile, TimelineEvent } from '@ftai/api';
import { isWithApplicant } from '@ftai/api/statuses';
import { ApiError, type FieldIssue } from '../../api/client';

/** Only an application with its applicant (a draft, or one returned for changes) can be edited, given files and submitted. */
export function isEditable(status: ApplicationStatus): boolean {
  return isWithApplicant(status);
}

/** The latest move to `to` on the timeline (the officer's return or rejection, with its note), or null. */
export function latestMoveTo(timeline: readonly TimelineEvent[], to: ApplicationStatus): TimelineEvent | null {
  for (let i = timeline.length - 1; i >= 0; i--) {
    const e = timeline[i];
    if (e && e.to === to) return e;
  }
  return null;
}

/** What went wrong with a submission, for a clear message: the API's 409 codes first. */
export type SubmitProblem =
  | { readonly kind: 'call-closed' | 'duplicate-subject' | 'wrong-status' | 'changed' | 'forbidden' | 'other'; readonly detail: string }
  | { readonly kind: 'invalid'; readonly detail: string; readonly issues: readonly FieldIssue[] }
  | { readonly kind: 'network'; readonly detail: string };

export function describeSubmitError(error: unknown): SubmitProblem {
  if (!(error instanceof ApiError)) return { kind: 'network', detail: error instanceof Error ? error.message : String(error) };
  switch (error.code) {
    case 'FTAI_ERR_CALL_CLOSED':
      return { kind: 'call-closed', detail: error.message };
    case 'FTAI_ERR_DUPLICATE_SUBJECT':
      return { kind: 'duplicate-subject', detail: error.message };
    case 'FTAI_ERR_TRANSITION':
      return { kind: 'wrong-status', detail: error.message };
    case 'FTAI_ERR_CONFLICT':
      return { kind: 'changed', detail: error.message };
    case 'FTAI_ERR_VALIDATION':
      return { kind: 'invalid', detail: error.message, issues: error.issues };
    default:
      if (error.status === 403) return { kind: 'forbidden', detail: error.message };
      if (error.status >= 500) return { kind: 'network', detail: error.message };
      return { kind: 'other', detail: error.message };
  }
}

/**
 * Keeps one Idempotency-Key per submit click: a retry after a lost answer (network error, 5xx)
 * sends the same key, so the server does the work at most once; any definite answer ends the
 * attempt, and the next click gets a fresh key.
 */
export function createKeyKeeper(newKey: () => string) {
  let key: string | null = null;
  return {
    /** The key for this attempt: the pending one when retrying, else a new one. */
    take(): string {
      key ??= newKey();
      return key;
    },
    /** After the answer: keep the key only if the outcome is unknown (the work may have been done). */
    settle(error?: unknown): void {
      if (error === undefined || describeSubmitError(error).kind !== 'network') key = null;
    },
    get pending(): string | null {
      return key;
    },
  };
}

/** The issues about `facts.*` (shown in the facts editor) and the rest (shown above it). */
export function splitIssues(issues: readonly FieldIssue[]): { facts: FieldIssue[]; other: FieldIssue[] } {
  const facts: FieldIssue[] = [];
  const other: FieldIssue[] = [];
  for (const i of issues) (i.path === 'facts' || i.path.startsWith('facts.') ? facts : other).push(i);
  return { facts, other };
}

/** The three general conditions that gate every measure (MEASURES.md, assumed); false when any fails. */
export function meetsGeneralConditions(p: EnterpriseProfile): boolean {
  return p.registeredInFengtai === true && p.taxResidentInFengtai === true && p.seriousDishonesty !== true;
}

export interface AwardYear {
  readonly year: number;
  readonly committed: number;
  readonly final: number;
  readonly paid: number;
}

/** Awards summed by assessment year and status, years ascending (for the awards chart). */
export function awardsByYear(awards: readonly EnterpriseAward[]): AwardYear[] {
  const by = new Map<number, { committed: number; final: number; paid: number }>();
  for (const a of awards) {
    const row = by.get(a.year) ?? { committed: 0, final: 0, paid: 0 };
    row[a.status] += a.amount;
    by.set(a.year, row);
  }
  return [...by.entries()].sort(([a], [b]) => a - b).map(([year, r]) => ({ year, ...r }));
}

/** Awards summed by measure, largest first (ties in catalogue text order), for a one-year chart. */
export function amountsByMeasure(awards: readonly EnterpriseAward[]): { measure: string; amount: number }[] {
  const by = new Map<string, number>();
  for (const a of awards) by.set(a.measure, (by.get(a.measure) ?? 0) + a.amount);
  return [...by.entries()]
    .map(([measure, amount]) => ({ measure, amount }))
    .sort((a, b) => b.amount - a.amount || a.measure.localeCompare(b.measure));
}

/** The sum of whole-yuan amounts. */
export function sumAmounts(rows: readonly { readonly amount: number }[]): number {
  return rows.reduce((s, r) => s + r.amount, 0);
}
