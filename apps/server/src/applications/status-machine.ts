import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { ApplicationStatus, Database, Role } from '../db/schema.js';
import { HttpError } from '../errors.js';
import { newId } from '../ids.js';

/**
 * draft → submitted → formal_check → under_review → (returned → submitted …) → approved / rejected
 * → public_notice → final → paid. Each move names the roles that may make it; nothing is skipped.
 */
export const TRANSITIONS: Readonly<Record<ApplicationStatus, Partial<Record<ApplicationStatus, readonly Role[]>>>> = {
  draft: { submitted: ['applicant'] },
  submitted: { formal_check: ['officer'] },
  formal_check: { under_review: ['officer'], returned: ['officer'], rejected: ['officer'] },
  under_review: { returned: ['officer'], approved: ['officer'], rejected: ['officer'] },
  returned: { submitted: ['applicant'] },
  approved: { public_notice: ['officer'] },
  rejected: {},
  public_notice: { final: ['officer'] },
  final: { paid: ['officer'] },
  paid: {},
};

/** Moves an application one step, checking the move and the role, with its timeline event and audit entry. */
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
  const roles = TRANSITIONS[from][to];
  if (!roles) {
    const allowed = Object.keys(TRANSITIONS[from]);
    throw new HttpError(
      409,
      'FTAI_ERR_TRANSITION',
      `an application in status ${from} cannot move to ${to}${allowed.length ? `; it can move to ${allowed.join(', ')}` : ''}`,
    );
  }
  const effective: Role = actor.role === 'admin' ? 'officer' : actor.role;
  if (!roles.includes(effective)) {
    throw new HttpError(403, 'FTAI_ERR_FORBIDDEN', `moving an application from ${from} to ${to} needs the role ${roles.join(' or ')}`);
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
