import type { Call } from '@ftai/api';

/** The call form's values: article budgets keyed by article number, each optional. */
export interface CallFormValues {
  readonly title: string;
  readonly year: number;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly totalBudget: number;
  readonly articleBudgets?: Readonly<Record<string, number | null | undefined>>;
  readonly status?: 'open' | 'closed';
  /** Completed expert reviews an approval needs; the server's default (1) when left empty. */
  readonly requiredReviews?: number | null;
  /** The application numbers' format; the server's default (丰科AI申〔{year}〕{seq}号) when left empty. */
  readonly applicationNumberFormat?: string | null;
  /** What the public notice names: the issuer (the server's default when empty), the phone and address ('' for none). */
  readonly noticeIssuer?: string | null;
  readonly noticePhone?: string | null;
  readonly noticeAddress?: string | null;
}

/** The notice's contacts as the API takes them: the issuer when given, phone and address as typed ('' clears). */
function noticeContacts(v: CallFormValues) {
  return {
    ...(v.noticeIssuer?.trim() ? { noticeIssuer: v.noticeIssuer.trim() } : {}),
    ...(typeof v.noticePhone === 'string' ? { noticePhone: v.noticePhone.trim() } : {}),
    ...(typeof v.noticeAddress === 'string' ? { noticeAddress: v.noticeAddress.trim() } : {}),
  };
}

/**
 * Article budgets as the API takes them: only the articles given a figure ({'1': 2000000}). The
 * form offers the catalogue's articles; the API refuses any other.
 */
export function articleBudgetsBody(values: CallFormValues['articleBudgets']): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [a, v] of Object.entries(values ?? {})) if (typeof v === 'number' && Number.isFinite(v)) out[a] = v;
  return out;
}

/** POST /api/v1/calls. */
export function createCallBody(v: CallFormValues) {
  return {
    year: v.year,
    title: v.title.trim(),
    opensOn: v.opensOn,
    closesOn: v.closesOn,
    totalBudget: v.totalBudget,
    articleBudgets: articleBudgetsBody(v.articleBudgets),
    ...(typeof v.requiredReviews === 'number' ? { requiredReviews: v.requiredReviews } : {}),
    ...(v.applicationNumberFormat?.trim() ? { applicationNumberFormat: v.applicationNumberFormat.trim() } : {}),
    ...noticeContacts(v),
  };
}

/** PATCH /api/v1/calls/:id: the year stays (the API does not take it); the budgets are replaced whole. */
export function updateCallBody(v: CallFormValues) {
  return {
    title: v.title.trim(),
    opensOn: v.opensOn,
    closesOn: v.closesOn,
    totalBudget: v.totalBudget,
    articleBudgets: articleBudgetsBody(v.articleBudgets),
    ...(typeof v.requiredReviews === 'number' ? { requiredReviews: v.requiredReviews } : {}),
    ...(v.applicationNumberFormat?.trim() ? { applicationNumberFormat: v.applicationNumberFormat.trim() } : {}),
    ...noticeContacts(v),
    ...(v.status ? { status: v.status } : {}),
  };
}

/** A call as the form's starting values. */
export function callFormValues(call: Call): CallFormValues {
  return {
    title: call.title,
    year: call.year,
    opensOn: call.opensOn,
    closesOn: call.closesOn,
    totalBudget: call.totalBudget,
    articleBudgets: { ...call.articleBudgets },
    requiredReviews: call.requiredReviews,
    applicationNumberFormat: call.applicationNumberFormat,
    noticeIssuer: call.noticeIssuer,
    noticePhone: call.noticePhone,
    noticeAddress: call.noticeAddress,
    status: call.status,
  };
}

/** The sum of the article budgets given, to warn when they exceed the total (the API allows it). */
export function articleBudgetSum(values: CallFormValues['articleBudgets']): number {
  return Object.values(articleBudgetsBody(values)).reduce((s, v) => s + v, 0);
}
