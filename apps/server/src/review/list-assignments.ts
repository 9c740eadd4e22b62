import { type Assignment, type AssignmentList, PAGE_LIMIT_MAX, type ReviewScores, type ReviewStage } from '@ftai/api';
import { type Kysely, sql } from 'kysely';
import { searchCondition } from '../applications/search-applications.js';
import type { Dialect } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { type KeysetOrder, keysetPage, type PageRequest } from '../http/keyset.js';

export interface AssignmentFilter {
  readonly assignmentId?: string | undefined;
  readonly reviewerId?: string | undefined;
  readonly applicationId?: string | undefined;
  readonly callId?: string | undefined;
  /** Where the reviewer stands (@ftai/api REVIEW_STAGES). */
  readonly stage?: ReviewStage | undefined;
  /** The start of the enterprise's name or credit code, or of the application's id. */
  readonly q?: string | undefined;
  /**
   * Leave out the assignments on enterprises the reviewer is tied to (reviewer_links): what a
   * reviewer sees of its own list, since a tie ends its access to the application.
   */
  readonly hideTied?: boolean;
}

export interface AssignmentPageRequest extends PageRequest {
  readonly order?: 'asc' | 'desc' | undefined;
}

/** The assignments `filter` matches, joined to what their summary shows; nothing selected yet. */
async function filteredAssignments(db: Kysely<Database>, dialect: Dialect | undefined, filter: AssignmentFilter) {
  // Only the application is joined (the filters read it); the names are looked up for the page's
  // rows (`pageAssignments`), so that the count reads no more than it filters on.
  let q = db.selectFrom('review_assignments as ra').innerJoin('applications as a', 'a.id', 'ra.application_id');
  if (filter.assignmentId !== undefined) q = q.where('ra.id', '=', filter.assignmentId);
  if (filter.reviewerId !== undefined) q = q.where('ra.reviewer_id', '=', filter.reviewerId);
  if (filter.applicationId !== undefined) q = q.where('ra.application_id', '=', filter.applicationId);
  if (filter.callId !== undefined) q = q.where('a.call_id', '=', filter.callId);
  switch (filter.stage) {
    case undefined:
      break;
    case 'closed':
      q = q.where('a.status', '<>', 'under_review');
      break;
    case 'declare':
      q = q.where('a.status', '=', 'under_review').where('ra.declared_at', 'is', null);
      break;
    case 'score':
      q = q.where('a.status', '=', 'under_review').where('ra.declared_at', 'is not', null).where('ra.scored_at', 'is', null);
      break;
    case 'scored':
      q = q.where('a.status', '=', 'under_review').where('ra.scored_at', 'is not', null);
      break;
  }
  const text = filter.q?.trim();
  if (text) {
    if (dialect === undefined) throw new Error('a search of the assignments needs the dialect');
    q = q.where(await searchCondition(db, dialect, text, { id: 'ra.application_id', creditCode: 'a.credit_code' }));
  }
  if (filter.hideTied) {
    q = q.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reviewer_links as l')
            .select('l.reviewer_id')
            .whereRef('l.reviewer_id', '=', 'ra.reviewer_id')
            .whereRef('l.credit_code', '=', 'a.credit_code'),
        ),
      ),
    );
  }
  return q;
}

/**
 * A page of review assignments with the summary of their application, newest assignment first
 * unless asked otherwise (migration 0008 indexes `(reviewer_id, assigned_at, id)` and
 * `(assigned_at, id)`), and the total the filters match. `dialect` is needed for a search.
 */
export async function pageAssignments(
  db: Kysely<Database>,
  dialect: Dialect | undefined,
  filter: AssignmentFilter,
  page: AssignmentPageRequest = {},
): Promise<AssignmentList> {
  const filtered = await filteredAssignments(db, dialect, filter);
  const order: KeysetOrder = { sort: 'assigned', key: 'ra.assigned_at', keyType: 'text', id: 'ra.id', order: page.order ?? 'desc' };
  const found = await keysetPage(
    filtered.select((eb) => [
      'ra.id',
      'ra.application_id',
      'ra.reviewer_id',
      eb.selectFrom('users as u').select('u.display_name').whereRef('u.id', '=', 'ra.reviewer_id').as('reviewer_name'),
      'ra.assigned_at',
      'ra.declared_at',
      'ra.scores_json',
      'ra.total_score',
      'ra.comment',
      'ra.scored_at',
      'a.call_id',
      eb.selectFrom('calls as c').select('c.title').whereRef('c.id', '=', 'a.call_id').as('call_title'),
      'a.credit_code',
      eb.selectFrom('enterprises as e').select('e.name').whereRef('e.credit_code', '=', 'a.credit_code').as('enterprise_name'),
      'a.status',
      'a.engine_total',
    ]),
    order,
    page,
    (r) => [r.assigned_at, r.id],
  );
  const rows = found.rows;
  const first = rows[0];
  const last = rows.at(-1);
  if (first === undefined || last === undefined) return { assignments: [], page: found.page };

  // The items of the page's applications: those of the assignments between the page's first and
  // last rows in its order (the same filters, one range), so no list of ids is sent back.
  const [low, high] = order.order === 'desc' ? [last, first] : [first, last];
  const inPage = filtered
    .select('ra.application_id')
    .where(sql<boolean>`(${sql.ref('ra.assigned_at')}, ${sql.ref('ra.id')}) >= (${low.assigned_at}, ${low.id})`)
    .where(sql<boolean>`(${sql.ref('ra.assigned_at')}, ${sql.ref('ra.id')}) <= (${high.assigned_at}, ${high.id})`);
  const items = await db
    .selectFrom('application_items')
    .select(['application_id', 'measure', 'subject', 'article', 'review', 'engine_amount'])
    .where('application_id', 'in', inPage)
    .orderBy('application_id')
    .orderBy('measure')
    .orderBy('subject')
    .execute();
  const itemsOf = new Map<string, Assignment['application']['items']>();
  for (const i of items) {
    const list = itemsOf.get(i.application_id) ?? [];
    if (list.length === 0) itemsOf.set(i.application_id, list);
    list.push({
      measure: i.measure,
      subject: i.subject === '' ? null : i.subject,
      article: Number(i.article),
      isReview: Number(i.review) === 1,
      engineAmount: Number(i.engine_amount),
    });
  }

  const assignments = rows.map(
    (r): Assignment => ({
      id: r.id,
      applicationId: r.application_id,
      reviewerId: r.reviewer_id,
      // The foreign keys keep both: a reviewer account and a call are never deleted.
      reviewerName: r.reviewer_name ?? r.reviewer_id,
      assignedAt: r.assigned_at,
      declaredAt: r.declared_at,
      isDeclared: r.declared_at !== null,
      isScored: r.scored_at !== null,
      scores: r.scores_json === null ? null : (JSON.parse(r.scores_json) as ReviewScores),
      totalScore: r.total_score === null ? null : Number(r.total_score),
      comment: r.comment,
      scoredAt: r.scored_at,
      application: {
        id: r.application_id,
        callId: r.call_id,
        callTitle: r.call_title ?? r.call_id,
        creditCode: r.credit_code,
        enterpriseName: r.enterprise_name ?? r.credit_code,
        status: r.status,
        engineTotal: Number(r.engine_total),
        items: itemsOf.get(r.application_id) ?? [],
      },
    }),
  );
  return { assignments, page: found.page };
}

/**
 * The assignments `filter` matches, newest first, at most a page of the largest size: what a
 * change answers (one assignment by its id). Lists go through `pageAssignments`.
 */
export async function listAssignments(db: Kysely<Database>, filter: Omit<AssignmentFilter, 'q'>): Promise<Assignment[]> {
  return (await pageAssignments(db, undefined, filter, { limit: PAGE_LIMIT_MAX })).assignments;
}
