/**
 * The form of a new 免申即享 batch as the API takes it (POST /api/v1/calls/:id/offer-batches and
 * …/preview): the match job, the filters (left out when they take everyone), the deadline and the
 * reminder; and the API's field issues back on the form's fields.
 */
import type { OfferBatchBody, OfferFilters } from '@ftai/api';

export type ReviewFilter = 'any' | 'without' | 'with';

export interface BatchFormValues {
  readonly job?: string | undefined;
  readonly callId?: string | undefined;
  readonly measures?: readonly string[] | undefined;
  readonly minTotal?: number | null | undefined;
  readonly maxTotal?: number | null | undefined;
  readonly review?: ReviewFilter | undefined;
  /** YYYY-MM-DD. */
  readonly deadline?: string | undefined;
  readonly reminderDays?: number | null | undefined;
}

/** The reminder days a new batch starts with. */
export const DEFAULT_REMINDER_DAYS = 3;
/** The deadline a new batch starts with: this many days after today. */
export const DEFAULT_DEADLINE_DAYS = 30;

/** The filters the form asks for, only those that narrow; undefined when none does. */
export function batchFilters(v: BatchFormValues): OfferFilters | undefined {
  const f: { -readonly [K in keyof OfferFilters]: OfferFilters[K] } = {};
  if (v.measures && v.measures.length > 0) f.measures = [...v.measures];
  if (typeof v.minTotal === 'number') f.minTotal = v.minTotal;
  if (typeof v.maxTotal === 'number') f.maxTotal = v.maxTotal;
  if (v.review && v.review !== 'any') f.review = v.review;
  return Object.keys(f).length > 0 ? f : undefined;
}

/** The call and the body of a preview or a commit, from the form's values (validated: job, call and deadline given). */
export function batchRequest(v: BatchFormValues): { callId: string; body: OfferBatchBody } {
  const filters = batchFilters(v);
  return {
    callId: v.callId ?? '',
    body: {
      matchJobId: v.job ?? '',
      ...(filters && { filters }),
      deadline: v.deadline ?? '',
      reminderDays: typeof v.reminderDays === 'number' ? v.reminderDays : DEFAULT_REMINDER_DAYS,
    },
  };
}

/** The form's field of an API issue's path: filters.minTotal → minTotal, matchJobId → job; null for none. */
export function fieldOfIssue(path: string): keyof BatchFormValues | null {
  const head = path.replace(/^filters\./, '').split(/[.[]/)[0] ?? '';
  const fields: Record<string, keyof BatchFormValues> = {
    matchJobId: 'job',
    measures: 'measures',
    minTotal: 'minTotal',
    maxTotal: 'maxTotal',
    review: 'review',
    deadline: 'deadline',
    reminderDays: 'reminderDays',
  };
  return fields[head] ?? null;
}
