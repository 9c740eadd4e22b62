import type { Transaction } from 'kysely';
import { assertCanMove, recordTransition } from '../applications/status-machine.js';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { Database } from '../db/schema.js';
import { conflict, fieldError, notFound } from '../errors.js';
import { noticeOfApplication } from '../notice/notice-applications.js';
import { addCalendarDays } from '../notice/publish-notice.js';

export interface FinaliseApplication {
  readonly applicationId: string;
  readonly actor: CurrentUser;
  readonly note: string | null;
  /** The officer confirms the objections against this application were looked into. */
  readonly objectionsReviewed: boolean;
  readonly at: string;
  readonly today: string;
}

/**
 * Makes an application's awards final (公示无异议后确定) once its notice's objection window has
 * passed: public_notice → final, and its awards from committed to final.
 */
export async function finaliseApplication(trx: Transaction<Database>, f: FinaliseApplication): Promise<void> {
  const app = await trx.selectFrom('applications').select(['id', 'status']).where('id', '=', f.applicationId).executeTakeFirst();
  if (!app) throw notFound('application');
  assertCanMove(app.status, 'final');
  const notice = await noticeOfApplication(trx, app.id);
  if (!notice) throw conflict('FTAI_ERR_CONFLICT', 'this application is on no published notice');
  if (f.today <= notice.objections_until) {
    throw conflict(
      'FTAI_ERR_CONFLICT',
      `the objection window runs until ${notice.objections_until}: finalize from ${addCalendarDays(notice.objections_until, 1)}`,
    );
  }
  const objections = await trx
    .selectFrom('objections')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('notice_id', '=', notice.id)
    .where('application_id', '=', app.id)
    .executeTakeFirstOrThrow();
  const objectionCount = Number(objections.n);
  if (objectionCount > 0 && !f.objectionsReviewed) {
    throw fieldError(
      'objectionsReviewed',
      `expected true: ${objectionCount} objection(s) were recorded against this application; review them before finalizing`,
    );
  }
  await recordTransition(trx, app.id, 'final', f.actor, f.note, f.at);
  const awards = await trx
    .updateTable('awards')
    .set({ status: 'final' })
    .where('application_id', '=', app.id)
    .where('status', '=', 'committed')
    .executeTakeFirst();
  await appendAudit(
    trx,
    {
      actorId: f.actor.id,
      action: 'award.finalize',
      entity: 'application',
      entityId: app.id,
      before: { awardStatus: 'committed' },
      after: {
        awardStatus: 'final',
        awards: Number(awards.numUpdatedRows),
        noticeId: notice.id,
        objections: objectionCount,
        objectionsReviewed: f.objectionsReviewed,
      },
    },
    f.at,
  );
}
