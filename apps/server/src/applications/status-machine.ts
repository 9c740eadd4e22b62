import { APPLICATION_STATUSES, actsAs, type Move, moveOf, movesFrom } from '@ftai/api';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { ApplicationStatus, Database } from '../db/schema.js';
import { HttpError } from '../errors.js';
import { newId } from '../ids.js';

/**
 * The move from `from` to `to`, or 409 FTAI_ERR_TRANSITION naming the statuses it can be made
 * from and the moves `from` has: an operation checks it before its own work.
 */
export function assertCanMove(from: ApplicationStatus, to: ApplicationStatus): Move {
  const move = moveOf(from, to);
  if (move) return move;
  const sources = APPLICATION_STATUSES.filter((s) => moveOf(s, to) !== undefined);
  const next = movesFrom(from).map(([s]) => s);
  throw new HttpError(
    409,
    'FTAI_ERR_TRANSITION',
    `an application in status ${from} cannot move to ${to}` +
      (sources.length ? `: only one in status ${sources.join(' or ')} can` : '') +
      (next.length ? `; it can move to ${next.join(', ')}` : ''),
  );
}

/**
 * Moves an application one step, checking the move and the role against @ftai/api's STATUS_TABLE
 * (draft → submitted → formal_check → under_review → (returned → submitted …) → approved /
 * rejected → public_notice → final → paid; nothing is skipped), with its timeline event and audit
 * entry. Admins act as officers.
 */
export async function recordTransition(
  trx: Transaction<Database>,
  applicationId: string,
  to: ApplicationStatus,
  actor: CurrentUser,
  note: string | null,
  at: string,
): Promise<void> {
  const app = await trx.selectFrom('applications').select(['status']).where('id', '=', applicationId).executeTakeFirst();
  if (!app) throw new HttpError(404, 'FTAI_ERR_NOT_FOUND', 'application not found');
  const from = app.status;
  const move = assertCanMove(from, to);
  if (!move.roles.includes(actsAs(actor.role))) {
    throw new HttpError(403, 'FTAI_ERR_FORBIDDEN', `moving an application from ${from} to ${to} needs the role ${move.roles.join(' or ')}`);
  }
  // Optimistic check: the status must still be `from`, or a concurrent move won.
  const updated = await trx
    .updateTable('applications')
    .set({ status: to, updated_at: at })
    .where('id', '=', applicationId)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new HttpError(409, 'FTAI_ERR_CONFLICT', 'the application changed meanwhile; reload and try again');
  const last = await trx
    .selectFrom('application_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  await trx
    .insertInto('application_events')
    .values({
      id: newId(),
      application_id: applicationId,
      seq: Number(last?.seq ?? 0) + 1,
      from_status: from,
      to_status: to,
      actor_id: actor.id,
      note,
      at,
    })
    .execute();
  await appendAudit(
    trx,
    {
      actorId: actor.id,
      action: 'application.transition',
      entity: 'application',
      entityId: applicationId,
      before: { status: from },
      after: { status: to, note },
    },
    at,
  );
}
