import { fengtaiPolicy } from '@ftai/policy-fengtai';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { Database, PolicyVersionsTable } from '../db/schema.js';
import { badRequest, HttpError } from '../errors.js';
import { requireAuthor, versionForChange } from './draft-policy-version.js';
import { editionOfRow } from './editions.js';
import { refuseStatus } from './version-refusals.js';

type Status = PolicyVersionsTable['status'];

/**
 * Moves the version from one of `from` to `to` with the columns given, conditionally on its status:
 * of two officers deciding at once, one moves it and the other is refused. Audited with the
 * status before and after, in the same transaction.
 */
async function move(
  ctx: AppContext,
  trx: Transaction<Database>,
  user: CurrentUser,
  row: PolicyVersionsTable,
  step: { action: string; from: readonly Status[]; to: Status; what: string; set?: Partial<PolicyVersionsTable>; note?: string | null },
): Promise<void> {
  const at = ctx.now();
  if (!step.from.includes(row.status)) refuseStatus(row.status, step.what);
  const updated = await trx
    .updateTable('policy_versions')
    .set({ ...step.set, status: step.to, updated_at: at })
    .where('number', '=', row.number)
    .where('status', 'in', step.from)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) refuseStatus('decided meanwhile', step.what);
  await appendAudit(
    trx,
    {
      actorId: user.id,
      action: step.action,
      entity: 'policy_version',
      entityId: String(row.number),
      before: { status: row.status },
      after: {
        status: step.to,
        effectiveOn: row.effective_on,
        ...(step.note !== undefined && { note: step.note }),
      },
    },
    at,
  );
}

/** POST …/:number/submit: the author sends the draft for another officer's decision. */
export async function submitVersion(ctx: AppContext, officer: CurrentUser, number: number, note?: string): Promise<void> {
  await ctx.tx(async (trx) => {
    const row = await versionForChange(ctx, trx, number);
    requireAuthor(row, officer, 'submit');
    await move(ctx, trx, officer, row, {
      action: 'policy-version.submit',
      from: ['draft'],
      to: 'pending',
      what: 'submitted',
      set: { submitted_at: ctx.now() },
      ...(note !== undefined && { note }),
    });
  });
}

/** POST …/:number/withdraw: the author takes a draft or a pending version back. */
export async function withdrawVersion(ctx: AppContext, officer: CurrentUser, number: number, note?: string): Promise<void> {
  await ctx.tx(async (trx) => {
    const row = await versionForChange(ctx, trx, number);
    requireAuthor(row, officer, 'withdraw');
    await move(ctx, trx, officer, row, {
      action: 'policy-version.withdraw',
      from: ['draft', 'pending'],
      to: 'withdrawn',
      what: 'withdrawn',
      set: { decision_note: note ?? null },
      note: note ?? null,
    });
  });
}

/** No one decides on a version they drafted: 403 FTAI_ERR_OWN_VERSION. */
function refuseOwn(row: PolicyVersionsTable, officer: CurrentUser, what: string): void {
  if (row.drafted_by === officer.id) {
    throw new HttpError(
      403,
      'FTAI_ERR_OWN_VERSION',
      `policy version ${row.number} was drafted by you: another officer must ${what} it (four-eyes rule)`,
    );
  }
}

/** The policy's last day: no version takes effect after it. */
const LAST_DAY = fengtaiPolicy.inForce.to;

/**
 * POST …/:number/approve: another officer approves a pending version. Its date must be today or
 * later (an answer given before today never changes) and within the policy's term; its changes are
 * checked again under the code running now. From its date it is the version in effect.
 */
export async function approveVersion(ctx: AppContext, officer: CurrentUser, number: number, note?: string): Promise<void> {
  await ctx.tx(async (trx) => {
    const row = await versionForChange(ctx, trx, number);
    if (row.status !== 'pending') refuseStatus(row.status, 'approved');
    refuseOwn(row, officer, 'approve');
    const today = ctx.today();
    if (row.effective_on < today || row.effective_on > LAST_DAY) {
      throw new HttpError(
        409,
        'FTAI_ERR_EFFECTIVE_DATE',
        `policy version ${row.number} would take effect on ${row.effective_on}, but a version takes effect from today (${today}, Beijing time) to ${LAST_DAY}: reject it, and draft it again with a date in that range`,
      );
    }
    // A version approved since this one's base, in effect before it, would be undone by it without
    // a word: its values are not among this one's. The author drafts again on top of it.
    const overtaken = await trx
      .selectFrom('policy_versions')
      .select('number')
      .where('status', '=', 'approved')
      .where('number', '>', Number(row.based_on ?? 1))
      .where('number', '!=', row.number)
      .where('effective_on', '<=', row.effective_on)
      .orderBy('number', 'desc')
      .executeTakeFirst();
    if (overtaken) {
      throw new HttpError(
        409,
        'FTAI_ERR_CONFLICT',
        `policy version ${row.number} is based on version ${row.based_on}, but version ${overtaken.number} was approved since and takes effect before it: reject it, and draft it again based on version ${overtaken.number}`,
      );
    }
    // Throws (500) only if the code running now cannot read a version it accepted as a draft.
    editionOfRow(row);
    await move(ctx, trx, officer, row, {
      action: 'policy-version.approve',
      from: ['pending'],
      to: 'approved',
      what: 'approved',
      set: { decided_by: officer.id, decided_at: ctx.now(), decision_note: note ?? null },
      note: note ?? null,
    });
  });
}

/** POST …/:number/reject: another officer refuses a pending version, saying why. */
export async function rejectVersion(ctx: AppContext, officer: CurrentUser, number: number, note: string | undefined): Promise<void> {
  if (!note) {
    throw badRequest('note: expected the reason for the rejection', [
      { path: 'note', code: 'FTAI_ERR_MISSING_FIELD', message: 'missing: expected the reason for the rejection' },
    ]);
  }
  await ctx.tx(async (trx) => {
    const row = await versionForChange(ctx, trx, number);
    if (row.status !== 'pending') refuseStatus(row.status, 'rejected');
    refuseOwn(row, officer, 'reject');
    await move(ctx, trx, officer, row, {
      action: 'policy-version.reject',
      from: ['pending'],
      to: 'rejected',
      what: 'rejected',
      set: { decided_by: officer.id, decided_at: ctx.now(), decision_note: note },
      note,
    });
  });
}
