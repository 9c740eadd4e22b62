import { APPLICATION_STATUSES, isWithApplicant, type UpdateApplicationBody } from '@ftai/api';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { conflict } from '../errors.js';
import { parseStoredRequest, storedRequest } from './check-application-input.js';
import { requireApplication } from './require-application.js';

/** The applicant edits its draft, or an application returned to it for changes. */
export async function updateApplication(ctx: AppContext, user: CurrentUser, id: string, changes: UpdateApplicationBody): Promise<void> {
  const at = ctx.now();
  await ctx.tx(async (trx) => {
    const row = await requireApplication(trx, user, id, 'own');
    if (!isWithApplicant(row.status)) {
      throw conflict(
        'FTAI_ERR_TRANSITION',
        `an application in status ${row.status} cannot be edited: only one in status ${APPLICATION_STATUSES.filter(isWithApplicant).join(' or ')} can`,
      );
    }
    const before = parseStoredRequest(row.request_json);
    const after = storedRequest(changes.enterprise === undefined ? before.enterprise : changes.enterprise, changes.facts);
    // The status is part of the condition: a submission that won a race keeps what it submitted.
    const updated = await trx
      .updateTable('applications')
      .set({ request_json: JSON.stringify(after), updated_at: at })
      .where('id', '=', id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw conflict('FTAI_ERR_CONFLICT', 'the application changed meanwhile; reload and try again');
    await appendAudit(trx, { actorId: user.id, action: 'application.update', entity: 'application', entityId: id, before, after }, at);
  });
}
