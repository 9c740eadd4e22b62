import type { ApplicationItem } from '@ftai/api';

export interface ApprovalLine {
  readonly measure: string;
  readonly subject: string | null;
  readonly amount: number | null | undefined;
}

/** The approval form's starting point: every item at the engine's figure (or what was approved before). */
export function defaultApproval(items: readonly ApplicationItem[]): { measure: string; subject: string | null; amount: number }[] {
  return items.map((i) => ({ measure: i.measure, subject: i.subject, amount: i.approvedAmount ?? i.engineAmount }));
}

export type AmountProblem = 'required' | 'whole' | 'negative' | 'over';

/**
 * What the server would refuse in one amount (review-routes.ts / approve-application.ts): a
 * whole number of yuan from 0 to the engine's figure. null when fine.
 */
export function amountProblem(amount: number | null | undefined, engineAmount: number): AmountProblem | null {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return 'required';
  if (!Number.isInteger(amount)) return 'whole';
  if (amount < 0) return 'negative';
  if (amount > engineAmount) return 'over';
  return null;
}

/** The body of POST /applications/:id/approve from the form's lines, in the items' order. */
export function approvalBody(lines: readonly ApprovalLine[], note: string | undefined) {
  const trimmed = note?.trim();
  return {
    items: lines.map((l) => ({ measure: l.measure, subject: l.subject, amount: Number(l.amount ?? 0) })),
    ...(trimmed ? { note: trimmed } : {}),
  };
}

/** Sums for the approval table's footer: the engine's total, the approved total, and the cut. */
export function approvalTotals(items: readonly ApplicationItem[], lines: readonly ApprovalLine[]) {
  const engine = items.reduce((s, i) => s + i.engineAmount, 0);
  const approved = lines.reduce((s, l) => s + (typeof l.amount === 'number' && Number.isFinite(l.amount) ? l.amount : 0), 0);
  return { engine, approved, reduced: engine - approved };
}
