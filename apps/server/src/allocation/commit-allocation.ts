import type { CommittedAllocation } from '@ftai/api';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { Dialect } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { AllocationMethod } from './allocate-budget.js';
import { planAllocation } from './plan-allocation.js';

/**
 * Commits the allocation the preview shows, inside the caller's transaction: allocated amounts
 * on every item and application, the allocation record, and one award per item that receives
 * money. The awards are the ledger: later years' calculations read them as `history`.
 */
export async function commitAllocation(
  trx: Transaction<Database>,
  dialect: Dialect,
  officer: CurrentUser,
  callId: string,
  method: AllocationMethod,
  at: string,
): Promise<CommittedAllocation> {
  // Commits of one call queue on PostgreSQL, so that each sees what the one before it committed
  // and the budget left is never spent twice. SQLite runs one writer at a time anyway.
  let lock = trx.selectFrom('calls').select('id').where('id', '=', callId);
  if (dialect === 'postgres') lock = lock.forUpdate();
  if (!(await lock.executeTakeFirst())) throw notFound('call');

  const plan = await planAllocation(trx, callId, method);
  if (plan.applications.length === 0) {
    throw conflict('FTAI_ERR_CONFLICT', 'nothing to allocate: no approved application of this call is waiting for an allocation');
  }
  for (const a of plan.applications) {
    // An application allocated by a concurrent commit is not allocated twice.
    const updated = await trx
      .updateTable('applications')
      .set({ allocated_total: a.allocated, updated_at: at })
      .where('id', '=', a.applicationId)
      .where('allocated_total', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw conflict('FTAI_ERR_CONFLICT', 'the applications of this call changed meanwhile; preview again and commit');
    }
    // Items approved at 0 take part in no allocation: they are allocated 0 too.
    await trx.updateTable('application_items').set({ allocated_amount: 0 }).where('application_id', '=', a.applicationId).execute();
  }
  let awards = 0;
  for (const item of plan.result.items) {
    const [applicationId, measure, subject] = splitKey(item.key);
    await trx
      .updateTable('application_items')
      .set({ allocated_amount: item.allocated })
      .where('application_id', '=', applicationId)
      .where('measure', '=', measure)
      .where('subject', '=', subject)
      .execute();
    if (item.allocated === 0) continue;
    const application = plan.applications.find((a) => a.applicationId === applicationId);
    if (!application) throw new Error(`internal: item ${item.key} of no planned application`);
    await trx
      .insertInto('awards')
      .values({
        id: newId(),
        credit_code: application.creditCode,
        measure,
        subject,
        year: plan.year,
        amount: item.allocated,
        call_id: callId,
        application_id: applicationId,
        status: 'committed',
        created_at: at,
        paid_at: null,
      })
      .execute();
    awards += 1;
  }
  const allocationId = newId();
  await trx
    .insertInto('allocations')
    .values({
      id: allocationId,
      call_id: callId,
      method,
      result_json: JSON.stringify(plan.result),
      total: plan.result.total,
      committed_by: officer.id,
      committed_at: at,
    })
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
        budget: plan.budget,
        total: plan.result.total,
        isOversubscribed: plan.result.oversubscribed,
        awards,
        applications: plan.applications.map((a) => ({ applicationId: a.applicationId, approved: a.approved, allocated: a.allocated })),
      },
    },
    at,
  );
  return { ...plan, allocationId, committedAt: at, awards };
}

/** The item key is `${applicationId}|${measure}|${subject}`; ids and measure ids hold no '|', a subject may. */
function splitKey(key: string): [string, string, string] {
  const first = key.indexOf('|');
  const second = key.indexOf('|', first + 1);
  return [key.slice(0, first), key.slice(first + 1, second), key.slice(second + 1)];
}
