import { measures } from '@ftai/policy-fengtai';
import type { AppContext } from '../context.js';
import type { ApplicationStatus } from '../db/schema.js';
import { newId } from '../ids.js';

/**
 * Test fixtures: calls and applications written straight into the database, so that review and
 * allocation tests can start from any status without going through drafting and submission.
 * Not for production code: nothing here is audited.
 */

export interface FixtureCall {
  readonly year: number;
  readonly totalBudget: number;
  readonly articleBudgets?: Readonly<Record<number, number>>;
  readonly createdBy: string;
  readonly title?: string;
  /** The completed expert reviews an approval needs; the database's default (1) when left out. */
  readonly requiredReviews?: number;
}

export async function insertCall(ctx: AppContext, c: FixtureCall): Promise<string> {
  const id = newId();
  await ctx.db
    .insertInto('calls')
    .values({
      id,
      year: c.year,
      title: c.title ?? `${c.year + 1}年度人工智能措施申报`,
      opens_on: `${c.year + 1}-03-01`,
      closes_on: `${c.year + 1}-04-30`,
      total_budget: c.totalBudget,
      ...(c.requiredReviews !== undefined && { required_reviews: c.requiredReviews }),
      status: 'open',
      created_by: c.createdBy,
      created_at: ctx.now(),
    })
    .execute();
  for (const [article, budget] of Object.entries(c.articleBudgets ?? {})) {
    await ctx.db
      .insertInto('call_budgets')
      .values({ call_id: id, article: Number(article), budget })
      .execute();
  }
  return id;
}

export interface FixtureItem {
  readonly measure: string;
  /** null for an enterprise-level measure. */
  readonly subject: string | null;
  /** Whole yuan, as the engine granted it. */
  readonly engineAmount: number;
  readonly approvedAmount?: number;
}

export interface FixtureApplication {
  readonly callId: string;
  readonly creditCode: string;
  readonly status: ApplicationStatus;
  readonly items: readonly FixtureItem[];
  readonly createdBy: string;
  readonly score?: number | null;
  /** Defaults to the clock's now. */
  readonly submittedAt?: string;
}

/** An application in `status` with one item per granted engine result, as submission leaves them. */
export async function insertApplication(ctx: AppContext, a: FixtureApplication): Promise<string> {
  const id = newId();
  const at = ctx.now();
  const engineTotal = a.items.reduce((sum, i) => sum + i.engineAmount, 0);
  const isApproved = a.items.every((i) => i.approvedAmount !== undefined) && a.items.length > 0;
  await ctx.db
    .insertInto('applications')
    .values({
      id,
      call_id: a.callId,
      credit_code: a.creditCode,
      status: a.status,
      request_json: JSON.stringify({ year: 2026, enterprise: { creditCode: a.creditCode } }),
      result_json: null,
      policy_version: null,
      engine_total: engineTotal,
      approved_total: isApproved ? a.items.reduce((sum, i) => sum + (i.approvedAmount ?? 0), 0) : null,
      allocated_total: null,
      score: a.score ?? null,
      created_by: a.createdBy,
      created_at: at,
      updated_at: at,
      submitted_at: a.status === 'draft' ? null : (a.submittedAt ?? at),
      notice_id: null,
    })
    .execute();
  // A draft has no items yet: submission writes them (and nothing returns an application to draft).
  for (const item of a.status === 'draft' ? [] : a.items) {
    const measure = measures.find((m) => m.id === item.measure);
    if (!measure) throw new Error(`fixture: no measure ${item.measure}`);
    await ctx.db
      .insertInto('application_items')
      .values({
        application_id: id,
        measure: item.measure,
        subject: item.subject ?? '',
        article: measure.article,
        review: measure.review ? 1 : 0,
        engine_amount: item.engineAmount,
        approved_amount: item.approvedAmount ?? null,
        allocated_amount: null,
      })
      .execute();
  }
  await ctx.db
    .insertInto('application_events')
    .values({
      id: newId(),
      application_id: id,
      seq: 1,
      from_status: null,
      to_status: a.status,
      actor_id: a.createdBy,
      note: 'test fixture',
      at,
    })
    .execute();
  return id;
}
