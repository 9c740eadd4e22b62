import type { CommittedAllocation } from '@ftai/api';
import { sql, type Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { Dialect } from '../db/database.js';
import { insertRows } from '../db/insert-rows.js';
import type { Database } from '../db/schema.js';
import { conflict, HttpError, notFound } from '../errors.js';
import { ascendingIds, newId } from '../ids.js';
import { yuan } from '../yuan-text.js';
import type { AllocationMethod } from './allocate-budget.js';
import { type PlanApplication, planAllocation, planChanged, previewOf } from './plan-allocation.js';

/** An item that receives money: application, measure, subject, amount, the enterprise's credit code. */
type PaidItem = readonly [string, string, string, number, string];

/** 409: the plan leaves approved items at 0 and the commit gives no reason (notFundedReason). */
export const notFundedWithoutReason = (items: number, left: number) =>
  new HttpError(
    409,
    'FTAI_ERR_NOT_FUNDED',
    `${items} approved item(s) would be allocated 0 yuan (the budget left is ${yuan(left)} yuan): state why they are not funded this year (不予安排), or change the budgets, and commit again`,
    [
      {
        path: 'notFundedReason',
        code: 'FTAI_ERR_NOT_FUNDED',
        message: `expected the reason why ${items} approved item(s) are allocated 0 yuan this year`,
      },
    ],
  );

/** Rows per multi-row statement: a few hundred, far below either database's bind limit. */
const BATCH = 400;
/**
 * Rows per statement on PostgreSQL, where each column is one array parameter (UPDATE … FROM
 * unnest, INSERT … SELECT FROM unnest). Large: PostgreSQL joins an unnest to the table by a hash
 * over a scan of the table, so each statement costs a scan (230 ms of applications at 30,000).
 */
const UNNEST_BATCH = 100_000;

/**
 * Commits the allocation the preview shows, inside the caller's transaction: allocated amounts
 * on every item and application, the allocation record, and one award per item that receives
 * money. The awards are the ledger: later years' calculations read them as `history`.
 *
 * Set-based: the plan is computed once, then written in a few large statements: on PostgreSQL
 * the awards by COPY and the updates UNNEST_BATCH rows each (UPDATE … FROM unnest: one array
 * parameter per column), on SQLite BATCH rows each (UPDATE … FROM (VALUES …), multi-row INSERT). The
 * audit entry holds the summary and the plan's digest, not every application; the applications
 * carry the allocation's id, so its pages and workbook are read back from the tables.
 */
export async function commitAllocation(
  trx: Transaction<Database>,
  dialect: Dialect,
  officer: CurrentUser,
  callId: string,
  method: AllocationMethod,
  at: string,
  planId?: string,
  notFundedReason?: string,
): Promise<CommittedAllocation> {
  // Commits of one call queue on PostgreSQL, so that each sees what the one before it committed
  // and the budget left is never spent twice. SQLite runs one writer at a time anyway.
  let lock = trx.selectFrom('calls').select('id').where('id', '=', callId);
  if (dialect === 'postgres') lock = lock.forUpdate();
  if (!(await lock.executeTakeFirst())) throw notFound('call');

  const plan = await planAllocation(trx, dialect, callId, method);
  if (plan.applications.length === 0) {
    throw conflict('FTAI_ERR_CONFLICT', 'nothing to allocate: no approved application of this call is waiting for an allocation');
  }
  if (planId !== undefined && plan.planId !== planId) throw planChanged();
  // An item approved above 0 that the budget left cannot reach is allocated 0 only when the officer
  // says so, and why (不予安排): it then goes to public notice at 0, which no one can take back.
  const notFunded = plan.summary.items - plan.summary.awards;
  if (notFunded > 0 && !notFundedReason) throw notFundedWithoutReason(notFunded, plan.budget.total);
  const notFundedRecord = notFunded > 0 ? { items: notFunded, reason: notFundedReason as string } : null;

  const allocationId = newId();
  await trx
    .insertInto('allocations')
    .values({
      id: allocationId,
      call_id: callId,
      method,
      // The figures and the digest; the amounts themselves are on the items and the awards.
      // The steps (with their cutoffs) explain each item's ratio and +1 元 later, to the officer and the enterprise.
      result_json: JSON.stringify({
        planId: plan.planId,
        budget: plan.budget,
        summary: plan.summary,
        steps: plan.steps,
        notFunded: notFundedRecord,
      }),
      total: plan.summary.allocated,
      committed_by: officer.id,
      committed_at: at,
    })
    .execute();

  // Every item that receives money, with its application and enterprise: one award each, in key
  // order (application, measure, subject), the order of the awards' unique index.
  const { measure, subject, allocated } = plan.items;
  const owner = new Array<PlanApplication>(allocated.length);
  for (const a of plan.applications) for (let i = a.itemsFrom; i < a.itemsTo; i++) owner[i] = a;
  const paid: PaidItem[] = [];
  for (let i = 0; i < allocated.length; i++) {
    const amount = allocated[i] as number;
    const a = owner[i];
    if (amount > 0 && a) paid.push([a.applicationId, measure[i] as string, subject[i] as string, amount, a.creditCode]);
  }
  // Random ids as ever, handed out in ascending order along the key order: each index of the
  // awards but the enterprise's then takes the new entries in its own order, page after page (on
  // PostgreSQL a third less time than in random order at 270,000 awards).
  const ids = ascendingIds(paid.length);
  const changedMeanwhile = () => conflict('FTAI_ERR_CONFLICT', 'the applications of this call changed meanwhile; preview again and commit');
  // Each award names the parameter version its application's answer cites (read once the
  // applications carry the allocation: one version for all of them, as a rule, else by application).
  const versionOf = async (): Promise<(applicationId: string) => string | null> => {
    const versions = await trx
      .selectFrom('applications')
      .select('policy_version')
      .distinct()
      .where('call_id', '=', callId)
      .where('allocation_id', '=', allocationId)
      .execute();
    if (versions.length <= 1) {
      const only = versions[0]?.policy_version ?? null;
      return () => only;
    }
    const byApplication = new Map(
      (
        await trx
          .selectFrom('applications')
          .select(['id', 'policy_version'])
          .where('call_id', '=', callId)
          .where('allocation_id', '=', allocationId)
          .execute()
      ).map((a) => [a.id, a.policy_version]),
    );
    return (applicationId) => byApplication.get(applicationId) ?? null;
  };
  if (dialect === 'postgres') {
    // PostgreSQL: UNNEST_BATCH rows per statement, each column one array parameter.
    for (let i = 0; i < plan.applications.length; i += UNNEST_BATCH) {
      const batch = plan.applications.slice(i, i + UNNEST_BATCH);
      // An application allocated by a concurrent commit is not allocated twice.
      const updated = await sql`
        update applications
        set allocated_total = v.total, allocation_id = ${allocationId}, updated_at = ${at}
        from unnest(${batch.map((a) => a.applicationId)}::text[], ${batch.map((a) => a.allocated)}::int8[]) as v(id, total)
        where applications.id = v.id and applications.allocated_total is null`.execute(trx);
      if (Number(updated.numAffectedRows ?? 0) !== batch.length) throw changedMeanwhile();
    }
    const policyVersion = await versionOf();
    // The awards by COPY (insertRows), then the items' allocated amounts, each column one array
    // parameter; the items keep room on their pages (migration 0016), so the update is heap-only.
    function* awardRows() {
      for (let i = 0; i < paid.length; i++) {
        const [applicationId, measure, subject, amount, creditCode] = paid[i] as PaidItem;
        yield {
          id: ids[i] as string,
          credit_code: creditCode,
          measure,
          subject,
          year: plan.year,
          amount,
          call_id: callId,
          application_id: applicationId,
          status: 'committed' as const,
          created_at: at,
          paid_at: null,
          policy_version: policyVersion(applicationId),
        };
      }
    }
    await insertRows(trx, 'awards', awardRows());
    for (let i = 0; i < paid.length; i += UNNEST_BATCH) {
      const batch = paid.slice(i, i + UNNEST_BATCH);
      await sql`
        update application_items
        set allocated_amount = v.amount
        from unnest(
          ${batch.map((p) => p[0])}::text[], ${batch.map((p) => p[1])}::text[], ${batch.map((p) => p[2])}::text[], ${batch.map((p) => p[3])}::int8[]
        ) as v(application_id, measure, subject, amount)
        where application_items.application_id = v.application_id
          and application_items.measure = v.measure
          and application_items.subject = v.subject`.execute(trx);
    }
  } else {
    for (let i = 0; i < plan.applications.length; i += BATCH) {
      const batch = plan.applications.slice(i, i + BATCH);
      const values = sql.join(batch.map((a) => sql`(${a.applicationId}, cast(${a.allocated} as bigint))`));
      // An application allocated by a concurrent commit is not allocated twice.
      const updated = await sql`
        update applications
        set allocated_total = v.column2, allocation_id = ${allocationId}, updated_at = ${at}
        from (values ${values}) as v
        where applications.id = v.column1 and applications.allocated_total is null`.execute(trx);
      if (Number(updated.numAffectedRows ?? 0) !== batch.length) throw changedMeanwhile();
    }
    const policyVersion = await versionOf();
    for (let i = 0; i < paid.length; i += BATCH) {
      const batch = paid.slice(i, i + BATCH);
      const values = sql.join(batch.map(([a, m, s, amount]) => sql`(${a}, ${m}, ${s}, cast(${amount} as bigint))`));
      await sql`
        update application_items
        set allocated_amount = v.column4
        from (values ${values}) as v
        where application_items.application_id = v.column1
          and application_items.measure = v.column2
          and application_items.subject = v.column3`.execute(trx);
      const rows = batch.map(
        ([applicationId, measure, subject, amount, creditCode], j) =>
          sql`(${ids[i + j]}, ${creditCode}, ${measure}, ${subject}, ${plan.year}, ${amount}, ${callId}, ${applicationId}, 'committed', ${at}, null, ${policyVersion(applicationId)})`,
      );
      await sql`
        insert into awards (id, credit_code, measure, subject, year, amount, call_id, application_id, status, created_at, paid_at, policy_version)
        values ${sql.join(rows)}`.execute(trx);
    }
  }
  // Every other item of the allocated applications is allocated 0: items approved at 0 take part
  // in no allocation, and the budget left some nothing. The plan left out any application with an
  // item allocated before, so only this commit's items are still null here: each item is written once.
  await trx
    .updateTable('application_items')
    .set({ allocated_amount: 0 })
    .where('allocated_amount', 'is', null)
    .where('application_id', 'in', (eb) => eb.selectFrom('applications').select('id').where('allocation_id', '=', allocationId))
    .execute();

  await appendAudit(
    trx,
    {
      actorId: officer.id,
      action: 'allocation.commit',
      entity: 'allocation',
      entityId: allocationId,
      before: null,
      after: {
        callId,
        method,
        planId: plan.planId,
        budget: plan.budget,
        total: plan.summary.allocated,
        approved: plan.summary.approved,
        isOversubscribed: plan.summary.oversubscribed,
        applications: plan.summary.applications,
        items: plan.summary.items,
        awards: paid.length,
        notFunded: notFundedRecord,
      },
    },
    at,
  );
  // Its later pages and its workbook are read from the tables; the plan serves the first page.
  return {
    ...previewOf(plan),
    allocationId,
    committedAt: at,
    awards: paid.length,
  };
}
