import { measures } from '@ftai/policy-fengtai';
import type { Insertable } from 'kysely';
import type { AppContext } from '../context.js';
import type { ApplicationItemsTable, ApplicationStatus, ApplicationsTable } from '../db/schema.js';
import { mulberry32 } from '../demo/generated-data.js';
import { newId } from '../ids.js';

/**
 * A large call written straight into the database in multi-row inserts, for the allocation's
 * larger tests and benchmarks: `count` applications of one call, ~3.3 items each, 80 % approved,
 * the rest under review, the budget well below what was approved. Deterministic for a `seed`.
 * Not for production code: nothing here is audited.
 */
export interface SeededCall {
  readonly callId: string;
  readonly approved: number;
}

const BATCH = 400;
const STATUSES: readonly ApplicationStatus[] = ['approved', 'approved', 'approved', 'approved', 'under_review'];

export async function seedAllocationCall(
  ctx: AppContext,
  o: { count: number; createdBy: string; creditCodes: readonly string[]; seed?: number; articleBudgets?: Record<number, number> },
): Promise<SeededCall> {
  const rnd = mulberry32(o.seed ?? 1);
  const callId = newId();
  const at = ctx.now();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const apps: Insertable<ApplicationsTable>[] = [];
  const items: Insertable<ApplicationItemsTable>[] = [];
  let approvedSum = 0;
  for (let n = 0; n < o.count; n += 1) {
    const id = newId();
    const status = pick(STATUSES);
    const isApproved = status === 'approved';
    const chosen = new Set<number>();
    const wanted = 2 + Math.floor(rnd() * 3) + (rnd() < 0.3 ? 1 : 0);
    while (chosen.size < wanted) chosen.add(Math.floor(rnd() * measures.length));
    let engineTotal = 0;
    let approvedTotal = 0;
    for (const index of chosen) {
      const m = measures[index];
      if (!m) continue;
      const engine = (1 + Math.floor(rnd() * 60)) * 10_000 + Math.floor(rnd() * 3) * 333;
      // Some items approved at 0, most in full, some cut.
      const r = rnd();
      const approved = !isApproved ? null : r < 0.05 ? 0 : r < 0.8 ? engine : Math.floor(engine * 0.6);
      engineTotal += engine;
      approvedTotal += approved ?? 0;
      items.push({
        application_id: id,
        measure: m.id,
        subject: m.review ? `S-${n}-${index}` : '',
        article: m.article,
        review: m.review ? 1 : 0,
        engine_amount: engine,
        approved_amount: approved,
        allocated_amount: null,
      });
    }
    approvedSum += isApproved ? approvedTotal : 0;
    // Submission times repeat now and then, so that the id settles ties.
    const minute = Math.floor(rnd() * o.count);
    apps.push({
      id,
      call_id: callId,
      credit_code: pick(o.creditCodes),
      status,
      request_json: '{}',
      result_json: null,
      policy_version: null,
      engine_total: engineTotal,
      approved_total: isApproved ? approvedTotal : null,
      allocated_total: null,
      score: rnd() < 0.1 ? null : 60 + Math.floor(rnd() * 41),
      created_by: o.createdBy,
      created_at: at,
      updated_at: at,
      submitted_at: new Date(Date.UTC(2027, 2, 1) + minute * 60_000).toISOString(),
      notice_id: null,
    });
  }
  const total = Math.floor(approvedSum / 5.6);
  await ctx.db
    .insertInto('calls')
    .values({
      id: callId,
      year: 2026,
      title: `seeded call of ${o.count}`,
      opens_on: '2027-03-01',
      closes_on: '2027-04-30',
      total_budget: total,
      status: 'open',
      created_by: o.createdBy,
      created_at: at,
    })
    .execute();
  for (const [article, budget] of Object.entries(o.articleBudgets ?? { 2: Math.floor(total / 12), 6: Math.floor(total / 9) })) {
    await ctx.db
      .insertInto('call_budgets')
      .values({ call_id: callId, article: Number(article), budget })
      .execute();
  }
  for (let i = 0; i < apps.length; i += BATCH) {
    await ctx.db
      .insertInto('applications')
      .values(apps.slice(i, i + BATCH))
      .execute();
  }
  for (let i = 0; i < items.length; i += BATCH) {
    await ctx.db
      .insertInto('application_items')
      .values(items.slice(i, i + BATCH))
      .execute();
  }
  return { callId, approved: approvedSum };
}
