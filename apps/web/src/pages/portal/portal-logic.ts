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
  | {
      readonly kind: 'call-closed' | 'duplicate-subject' | 'wrong-status' | 'changed' | 'forbidden' | 'materials' | 'other';
      readonly detail: string;
    }
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
    case 'FTAI_ERR_MATERIALS_MISSING':
      return { kind: 'materials', detail: error.message };
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

/**
 * What 申报 offers for the enterprise's live application in a call (一企一报): to go on filling a
 * draft, to supplement one returned (补正), or to see one under way.
 */
export function liveOffer(status: ApplicationStatus): 'continue' | 'supplement' | 'view' {
  return status === 'draft' ? 'continue' : status === 'returned' ? 'supplement' : 'view';
}

/** `facts.modelFilings[0].date` → ['modelFilings', 0, 'date']; null for a path outside the facts (or the facts whole). */
function factPath(path: string): (string | number)[] | null {
  if (!path.startsWith('facts.')) return null;
  const steps: (string | number)[] = [];
  for (const m of path.slice('facts.'.length).matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    steps.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''));
  return steps.length > 0 ? steps : null;
}

/** The path of what holds `path`: `facts.modelFilings[1].id` → `facts.modelFilings[1]`, `facts.modelFilings[1]` → `facts.modelFilings`. */
export function parentPath(path: string): string {
  return path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
}

/**
 * The facts without the values the server refused, so that the rest can be saved (autosave keeps
 * every valid field; the refused ones stay on the page, marked). A refused row of a list goes
 * whole, a refused field of a row only that field. Null when an issue is not about one fact (the
 * facts as a whole, or another part of the request): then nothing can be saved apart.
 *
 * @example withoutRefused({ computeSpend: -1, dataTradeSales: 5 }, [{ path: 'facts.computeSpend' }]) // { dataTradeSales: 5 }
 */
export function withoutRefused(
  facts: Record<string, unknown>,
  issues: readonly { readonly path: string }[],
): Record<string, unknown> | null {
  const paths = issues.map((i) => factPath(i.path));
  if (paths.some((p) => p === null)) return null;
  const copy = structuredClone(facts);
  // Later rows first, so that removing one does not move those still to remove.
  const sorted = (paths as (string | number)[][]).sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] !== b[i]) return typeof a[i] === 'number' && typeof b[i] === 'number' ? Number(b[i]) - Number(a[i]) : 0;
    }
    return b.length - a.length;
  });
  for (const steps of sorted) {
    let node: unknown = copy;
    for (const step of steps.slice(0, -1))
      node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[step] : undefined;
    const last = steps.at(-1) as string | number;
    if (Array.isArray(node) && typeof last === 'number') {
      if (last < node.length) node.splice(last, 1);
    } else if (node && typeof node === 'object') delete (node as Record<string | number, unknown>)[last];
  }
  return copy;
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
