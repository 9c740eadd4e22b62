import {
  APPLICATION_STATUSES,
  type ApplicationCounts,
  type ApplicationCountsQuery,
  type ApplicationList,
  type ApplicationListQuery,
  type ApplicationSort,
  type ApplicationStatus,
  actsAs,
} from '@ftai/api';
import { type Kysely, sql } from 'kysely';
import type { CurrentUser } from '../auth/current-user.js';
import type { Dialect } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { forbidden } from '../errors.js';
import { type KeysetOrder, type KeyValue, keysetPage } from '../http/keyset.js';
import { selectSummaries, toSummary } from './application-summary.js';
import { searchCondition } from './search-applications.js';

/** What a list reads the database with: the connection and its dialect (the search is written for each). */
export interface ListSource {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
}

/**
 * Each sort's key, as migration 0008 indexes it with the call: `(call_id, key, id)`. Keys hold no
 * NULL: a draft's submission time counts as '' (earliest), a missing score as -1 (lowest), the
 * expressions written exactly as the indexes are, so that both databases use them.
 */
const SORT_KEYS: Record<ApplicationSort, Pick<KeysetOrder, 'key' | 'keyType'>> = {
  created: { key: 'applications.created_at', keyType: 'text' },
  submitted: { key: sql`coalesce(${sql.ref('applications.submitted_at')}, '')`, keyType: 'text' },
  requested: { key: 'applications.engine_total', keyType: 'number' },
  score: { key: sql`coalesce(${sql.ref('applications.score')}, -1)`, keyType: 'number' },
};

type Filters = ApplicationCountsQuery & { readonly status?: ApplicationStatus | undefined };

/**
 * The applications `user` may see with `filters`: officers and admins all of them, an applicant
 * its enterprise's, a reviewer those assigned to it (none of an enterprise it is tied to).
 */
async function visibleApplications(source: ListSource, user: CurrentUser, filters: Filters) {
  const { db, dialect } = source;
  let query = selectSummaries(db);
  if (user.role === 'applicant') {
    if (filters.creditCode !== undefined && filters.creditCode !== user.creditCode) {
      throw forbidden('an applicant sees only its own enterprise’s applications');
    }
    query = query.where('applications.credit_code', '=', user.creditCode ?? '');
  } else if (user.role === 'reviewer') {
    query = query
      .where('applications.id', 'in', db.selectFrom('review_assignments').select('application_id').where('reviewer_id', '=', user.id))
      // as canSeeApplication: nothing of an enterprise the reviewer is tied to
      .where(
        'applications.credit_code',
        'not in',
        db.selectFrom('reviewer_links').select('credit_code').where('reviewer_id', '=', user.id),
      );
  }
  if (filters.callId !== undefined) query = query.where('applications.call_id', '=', filters.callId);
  if (filters.status !== undefined) query = query.where('applications.status', '=', filters.status);
  if (filters.creditCode !== undefined) query = query.where('applications.credit_code', '=', filters.creditCode);
  const text = filters.q?.trim();
  if (text)
    query = query.where(await searchCondition(db, dialect, text, { id: 'applications.id', creditCode: 'applications.credit_code' }));
  return query;
}

/**
 * The totals the database keeps by call and status (migration 0019), when they are the answer: for
 * a user who sees every application (officers, admins) and no filter but the call and the status.
 * Else undefined: the figures are counted over the list itself.
 */
function keptTotals(db: Kysely<Database>, user: CurrentUser, filters: Filters) {
  if (actsAs(user.role) !== 'officer') return undefined;
  if (filters.creditCode !== undefined || filters.q?.trim()) return undefined;
  let query = db.selectFrom('application_totals');
  if (filters.callId !== undefined) query = query.where('call_id', '=', filters.callId);
  if (filters.status !== undefined) query = query.where('status', '=', filters.status);
  return query;
}

/**
 * A page of the applications `user` may see: filtered, searched, sorted and paged by the database
 * (newest first unless asked otherwise), with the total the filters match.
 */
export async function listApplications(source: ListSource, user: CurrentUser, filters: ApplicationListQuery): Promise<ApplicationList> {
  const sort = filters.sort ?? 'created';
  const order: KeysetOrder = { sort, ...SORT_KEYS[sort], id: 'applications.id', order: filters.order ?? 'desc' };
  const kept = keptTotals(source.db, user, filters);
  const total = kept
    ?.select((eb) => eb.fn.sum<number | string | bigint | null>('n').as('n'))
    .executeTakeFirst()
    .then((r) => Number(r?.n ?? 0));
  // A status no application of the call is in: answered from the totals, without walking the
  // call's rows for it (no index holds the status, migration 0020).
  if (total && filters.status !== undefined && filters.after === undefined && (await total) === 0) {
    return { applications: [], page: { limit: filters.limit, next: null, total: 0 } };
  }
  const { rows, page } = await keysetPage(
    await visibleApplications(source, user, filters),
    order,
    filters,
    (r): readonly [KeyValue, string] => {
      switch (sort) {
        case 'created':
          return [r.created_at, r.id];
        case 'submitted':
          return [r.submitted_at ?? '', r.id];
        case 'requested':
          return [Number(r.engine_total), r.id];
        case 'score':
          return [r.score === null ? -1 : Number(r.score), r.id];
      }
    },
    total && (() => total),
  );
  return { applications: rows.map(toSummary), page };
}

/**
 * How many applications `user` may see with `filters` in each status (every status named), and in
 * all, with the sums asked for and approved: the queue's tabs, the applicant's figures.
 */
export async function countApplications(
  source: ListSource,
  user: CurrentUser,
  filters: ApplicationCountsQuery,
): Promise<ApplicationCounts> {
  const kept = keptTotals(source.db, user, filters);
  const rows = kept
    ? await kept
        .select((eb) => [
          'status',
          eb.fn.sum<number | string | bigint>('n').as('n'),
          eb.fn.sum<number | string | bigint | null>('requested').as('requested'),
          eb.fn.sum<number | string | bigint | null>('approved').as('approved'),
        ])
        .groupBy('status')
        .execute()
    : await (await visibleApplications(source, user, filters))
        .clearSelect()
        .select((eb) => [
          'applications.status',
          sql<number | string | bigint>`count(*)`.as('n'),
          eb.fn.sum<number | string | bigint | null>('applications.engine_total').as('requested'),
          eb.fn.sum<number | string | bigint | null>('applications.approved_total').as('approved'),
        ])
        .groupBy('applications.status')
        .execute();
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  let total = 0;
  let requested = 0;
  let approved = 0;
  for (const r of rows) {
    counts[r.status] = Number(r.n);
    total += Number(r.n);
    // What was asked for: every application submitted, but those rejected.
    if (r.status !== 'draft' && r.status !== 'rejected') requested += Number(r.requested ?? 0);
    approved += Number(r.approved ?? 0);
  }
  return { counts, total, requested, approved };
}
