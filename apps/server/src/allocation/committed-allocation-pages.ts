import type { AllocationMethod, AllocationSummary, BudgetFigures, PageInfo, PlannedApplication, PlannedItem } from '@ftai/api';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { keysetPage, type PageRequest } from '../http/keyset.js';
import { percentText } from './allocation-ratio.js';
import { explainAllocatedItem, type StoredStep } from './explain-allocated-item.js';
import { PLAN_SORT } from './plan-allocation.js';

/** A committed allocation's record: what its workbook's summary sheet shows. */
export interface AllocationRecord {
  readonly id: string;
  readonly callId: string;
  readonly year: number;
  readonly method: AllocationMethod;
  readonly planId: string;
  readonly budget: BudgetFigures;
  readonly summary: AllocationSummary;
  /** The budgets that bound, with their cutoffs; null for an allocation committed before they were kept. */
  readonly steps: readonly StoredStep[] | null;
  readonly committedAt: string;
}

/** What a commit keeps in allocations.result_json (commitAllocation). */
export interface StoredAllocation {
  readonly planId?: string;
  readonly budget?: BudgetFigures;
  readonly summary?: AllocationSummary;
  readonly steps?: StoredStep[];
}

/** An allocation committed before the bindings were kept states none: its summary gets an empty list. */
export function parseStoredAllocation(json: string | null): StoredAllocation {
  const stored = (json === null ? {} : JSON.parse(json)) as StoredAllocation;
  if (stored.summary && !Array.isArray(stored.summary.bindings)) {
    const byArticle = Object.fromEntries(
      Object.entries(stored.summary.byArticle).map(([article, f]) => [article, { ...f, available: f.available ?? f.budget }]),
    );
    return { ...stored, summary: { ...stored.summary, byArticle, bindings: [] } };
  }
  return stored;
}

/**
 * One committed item as the pages and the enterprise see it: its ratio, and from the stored steps
 * the budgets that scaled it and the yuan it got by largest remainder (null when the steps were not kept).
 */
export function committedItem(
  item: { measure: string; subject: string; article: number; approved: number; allocated: number },
  application: { id: string; submittedAt: string | null },
  allocation: { method: AllocationMethod; steps: readonly StoredStep[] | null },
): PlannedItem {
  const explained =
    allocation.steps === null
      ? null
      : explainAllocatedItem(
          {
            article: item.article,
            approved: item.approved,
            // The plan's tie-breakers: submission time|id, then the item's key.
            order: `${application.submittedAt ?? ''}|${application.id}`,
            key: `${application.id}|${item.measure}|${item.subject}`,
          },
          allocation.steps,
          allocation.method,
        );
  return {
    ...item,
    percent: percentText(item.allocated, item.approved),
    remainderYuan: explained?.remainderYuan ?? null,
    scaledBy: explained?.scaledBy ?? null,
  };
}

export async function loadAllocationRecord(db: Kysely<Database>, allocationId: string): Promise<AllocationRecord> {
  const row = await db
    .selectFrom('allocations as l')
    .innerJoin('calls as c', 'c.id', 'l.call_id')
    .select(['l.id', 'l.call_id', 'c.year', 'l.method', 'l.result_json', 'l.committed_at'])
    .where('l.id', '=', allocationId)
    .executeTakeFirst();
  if (!row) throw notFound('allocation');
  const stored = parseStoredAllocation(row.result_json);
  if (!stored.summary || !stored.budget || !stored.planId) {
    // Committed before allocations kept their summary: its items are in the ledger, not here.
    throw notFound('allocation summary (committed by an earlier version)');
  }
  return {
    id: row.id,
    callId: row.call_id,
    year: Number(row.year),
    method: row.method,
    planId: stored.planId,
    budget: stored.budget,
    summary: stored.summary,
    steps: stored.steps ?? null,
    committedAt: row.committed_at,
  };
}

/**
 * A page of a committed allocation's applications, by submission time then id as the preview
 * showed them (an application that reached approval was submitted: submitted_at is set), each
 * with its items approved above 0 and what they were allocated. The call's (call, submitted, id)
 * index orders them (the allocation's own index would make the commit's update write every index
 * of the table: migration 0016); the call's other applications are skipped.
 */
export async function pageOfAllocation(
  db: Kysely<Database>,
  allocation: Pick<AllocationRecord, 'id' | 'callId' | 'summary' | 'method' | 'steps'>,
  page: PageRequest,
): Promise<{ applications: PlannedApplication[]; page: PageInfo }> {
  const query = db
    .selectFrom('applications as a')
    .leftJoin('enterprises as e', 'e.credit_code', 'a.credit_code')
    .select(['a.id', 'a.credit_code', 'e.name', 'a.score', 'a.submitted_at', 'a.allocated_total'])
    .where('a.call_id', '=', allocation.callId)
    .where('a.allocation_id', '=', allocation.id);
  const key = sql`coalesce(${sql.ref('a.submitted_at')}, '')`;
  // Every application the commit allocated carries its id: the summary has their number.
  const found = await keysetPage(
    query,
    { sort: PLAN_SORT, key, keyType: 'text', id: 'a.id', order: 'asc' },
    page,
    (r) => [r.submitted_at ?? '', r.id],
    async () => allocation.summary.applications,
  );
  return { applications: await withItems(db, found.rows, allocation), page: found.page };
}

/** Every application of a committed allocation, in pages of `size`, for the workbook. */
export async function* applicationsOfAllocation(
  db: Kysely<Database>,
  allocation: Pick<AllocationRecord, 'id' | 'callId' | 'summary' | 'method' | 'steps'>,
  size = 1000,
): AsyncGenerator<PlannedApplication[]> {
  let after: string | undefined;
  for (;;) {
    const found = await pageOfAllocation(db, allocation, { limit: size, after });
    if (found.applications.length > 0) yield found.applications;
    if (found.page.next === null) return;
    after = found.page.next;
  }
}

interface ApplicationRow {
  id: string;
  credit_code: string;
  name: string | null;
  score: number | null;
  submitted_at: string | null;
  allocated_total: number | null;
}

/** The rows' items, in one query bounded by the page's size. */
async function withItems(
  db: Kysely<Database>,
  rows: readonly ApplicationRow[],
  allocation: Pick<AllocationRecord, 'method' | 'steps'>,
): Promise<PlannedApplication[]> {
  if (rows.length === 0) return [];
  const items = await db
    .selectFrom('application_items')
    .select(['application_id', 'measure', 'subject', 'article', 'approved_amount', 'allocated_amount'])
    .where(
      'application_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('approved_amount', '>', 0)
    .execute();
  // In the plan's order, by the item key's code units (a database's collation may differ).
  const keyOf = (i: { measure: string; subject: string }) => `${i.measure}|${i.subject}`;
  items.sort((x, y) => (keyOf(x) < keyOf(y) ? -1 : keyOf(x) > keyOf(y) ? 1 : 0));
  const byApplication = new Map<string, PlannedItem[]>();
  const submittedAt = new Map(rows.map((r) => [r.id, r.submitted_at]));
  for (const i of items) {
    let list = byApplication.get(i.application_id);
    if (!list) {
      list = [];
      byApplication.set(i.application_id, list);
    }
    list.push(
      committedItem(
        {
          measure: i.measure,
          subject: i.subject,
          article: Number(i.article),
          approved: Number(i.approved_amount ?? 0),
          allocated: Number(i.allocated_amount ?? 0),
        },
        { id: i.application_id, submittedAt: submittedAt.get(i.application_id) ?? null },
        allocation,
      ),
    );
  }
  return rows.map((r) => {
    const mine = byApplication.get(r.id) ?? [];
    const approved = mine.reduce((sum, i) => sum + i.approved, 0);
    const allocated = Number(r.allocated_total ?? 0);
    return {
      applicationId: r.id,
      creditCode: r.credit_code,
      enterpriseName: r.name ?? r.credit_code,
      score: r.score === null ? null : Number(r.score),
      submittedAt: r.submitted_at,
      approved,
      allocated,
      percent: percentText(allocated, approved),
      remainderYuan: allocation.steps === null ? null : mine.reduce((sum, i) => sum + (i.remainderYuan ?? 0), 0),
      items: mine,
    };
  });
}
