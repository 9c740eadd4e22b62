import type { Transaction } from 'kysely';
import { recordTransition } from '../applications/status-machine.js';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { readNoticeContent } from './notice-content.js';
import { insertNoticeVersion, serialiseNoticeContent } from './notice-versions.js';
import { chineseDate } from './render-notice-html.js';

export interface PublishNotice {
  readonly callId: string;
  /** Calendar days after today that objections are still taken (the last day included). */
  readonly objectionDays: number;
  readonly actor: CurrentUser;
  /** ISO instant of publication. */
  readonly at: string;
  /** Beijing date of publication, YYYY-MM-DD. */
  readonly today: string;
}

/** `date` plus `days` calendar days, as dates: no clock or time zone is involved. */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Publishes the call's approved applications for public notice (公示): one notice, every approved
 * application moved to public_notice with its timeline event, all in the caller's transaction.
 * Every approved application must carry its budget allocation, since the notice shows allocated
 * amounts: publishing half a call would put a partial list before the public.
 *
 * What the notice shows is stored as its version 1 (notice_versions, written once): the page, the
 * JSON and the workbook read that, never the records, which may change after publication. The
 * audit entry names the content's SHA-256, and the version keeps the chain's head right after it.
 */
export async function publishNotice(trx: Transaction<Database>, p: PublishNotice): Promise<string> {
  const call = await trx.selectFrom('calls').select(['id']).where('id', '=', p.callId).executeTakeFirst();
  if (!call) throw notFound('call');
  const approved = await trx
    .selectFrom('applications')
    .select(['id', 'allocated_total'])
    .where('call_id', '=', p.callId)
    .where('status', '=', 'approved')
    .orderBy('id')
    .execute();
  if (approved.length === 0) throw conflict('FTAI_ERR_CONFLICT', 'no application of this call is approved: nothing to publish');
  const unallocated = approved.filter((a) => a.allocated_total === null).length;
  if (unallocated > 0) {
    throw conflict(
      'FTAI_ERR_CONFLICT',
      `${unallocated} of ${approved.length} approved applications are not allocated yet: run the budget allocation first`,
    );
  }
  const id = newId();
  const objectionsUntil = addCalendarDays(p.today, p.objectionDays);
  await trx
    .insertInto('notices')
    .values({ id, call_id: p.callId, published_by: p.actor.id, published_at: p.at, objections_until: objectionsUntil })
    .execute();
  for (const a of approved) {
    await recordTransition(
      trx,
      a.id,
      'public_notice',
      p.actor,
      `已公示（公示编号${id}），异议受理截至${chineseDate(objectionsUntil)}（含当日）`,
      p.at,
    );
    await trx.updateTable('applications').set({ notice_id: id }).where('id', '=', a.id).execute();
  }
  const read = await readNoticeContent(trx, id);
  if (!read) throw notFound('notice');
  const content = serialiseNoticeContent({ ...read, changes: [] });
  await appendAudit(
    trx,
    {
      actorId: p.actor.id,
      action: 'notice.publish',
      entity: 'notice',
      entityId: id,
      before: null,
      after: {
        callId: p.callId,
        objectionsUntil,
        applicationIds: approved.map((a) => a.id),
        version: 1,
        lines: read.lines.length,
        total: read.total,
        contentSha256: content.sha256,
      },
    },
    p.at,
  );
  await insertNoticeVersion(trx, { noticeId: id, version: 1, origin: 'publication', reason: null, content, actorId: p.actor.id, at: p.at });
  return id;
}
