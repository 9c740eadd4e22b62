import { MOVE_ROUTES } from '@ftai/api';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { conflict } from '../errors.js';
import { requireApplication } from './require-application.js';
import { assertCanMove, recordTransition } from './status-machine.js';

/**
 * 撤回: the applicant takes its submission back before the formal check takes it, and the
 * application is a draft again, to change and submit anew while the call takes submissions. What
 * the submission stored goes with it (the engine's answer, its items, the received time): a draft
 * holds nothing, and its receipt no longer stands. The readable number stays with the
 * application, so that a resubmission is received under the same number. Audited, with the
 * reason the applicant gives, on its timeline.
 */
export async function withdrawApplication(
  ctx: AppContext,
  trx: Transaction<Database>,
  user: CurrentUser,
  id: string,
  reason: string | undefined,
): Promise<void> {
  const at = ctx.now();
  const row = await requireApplication(trx, user, id, 'own');
  const move = assertCanMove(row.status, 'draft');
  if (move.route !== MOVE_ROUTES.withdraw) {
    throw conflict('FTAI_ERR_TRANSITION', `the move from ${row.status} to draft is not made here: it is made with ${move.route}`);
  }
  const note = reason && reason.length > 0 ? reason : null;
  // The status machine moves it only if it is still `submitted` (an officer may have begun the check).
  await recordTransition(trx, row.id, 'draft', user, note ?? 'withdrawn', at);
  await trx.deleteFrom('application_items').where('application_id', '=', row.id).execute();
  await trx
    .updateTable('applications')
    .set({ result_json: null, policy_version: null, engine_total: 0, submitted_at: null, updated_at: at })
    .where('id', '=', row.id)
    .execute();
  await appendAudit(
    trx,
    {
      actorId: user.id,
      action: 'application.withdraw',
      entity: 'application',
      entityId: row.id,
      before: { status: row.status, number: row.number, engineTotal: Number(row.engine_total), submittedAt: row.submitted_at },
      after: { status: 'draft', reason: note },
    },
    at,
  );
}
