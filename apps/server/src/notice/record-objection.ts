import type { ObjectionReceipt } from '@ftai/api';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { Database } from '../db/schema.js';
import { conflict, fieldError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { isOnNotice } from './notice-applications.js';

export interface NewObjection {
  readonly noticeId: string;
  readonly name: string;
  readonly contact: string;
  readonly text: string;
  readonly applicationId?: string | undefined;
  readonly at: string;
  /** Beijing date, compared with the window's last day. */
  readonly today: string;
}

/**
 * Records an objection (异议) to a notice from anyone, signed in or not, while the window is open
 * (its last day included). The audit entry has no actor: the objector has no account.
 */
export async function recordObjection(trx: Transaction<Database>, o: NewObjection): Promise<ObjectionReceipt> {
  const notice = await trx.selectFrom('notices').selectAll().where('id', '=', o.noticeId).executeTakeFirst();
  if (!notice) throw notFound('notice');
  if (o.today > notice.objections_until) {
    throw conflict('FTAI_ERR_CONFLICT', `the objection window of this notice closed on ${notice.objections_until}`);
  }
  // The application as the notice lists it (its number, 丰科AI申〔2026〕0001号) or by its id.
  let applicationId: string | null = null;
  if (o.applicationId !== undefined) {
    const byNumber = await trx
      .selectFrom('applications')
      .select('id')
      .where('call_id', '=', notice.call_id)
      .where('number', '=', o.applicationId)
      .executeTakeFirst();
    applicationId = byNumber?.id ?? o.applicationId;
    if (!(await isOnNotice(trx, notice, applicationId)))
      throw fieldError('applicationId', 'expected the number (or id) of an application on this notice');
  }
  const id = newId();
  const row = {
    id,
    notice_id: notice.id,
    application_id: applicationId,
    name: o.name,
    contact: o.contact,
    text: o.text,
    at: o.at,
  };
  await trx.insertInto('objections').values(row).execute();
  await appendAudit(
    trx,
    {
      actorId: null,
      action: 'objection.record',
      entity: 'objection',
      entityId: id,
      before: null,
      after: { noticeId: notice.id, applicationId: row.application_id, name: o.name, contact: o.contact, text: o.text },
    },
    o.at,
  );
  return { id, noticeId: notice.id, applicationId: row.application_id, at: o.at };
}
