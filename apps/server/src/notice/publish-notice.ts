import { actsAs, type NoticeReadiness } from '@ftai/api';
import { type Kysely, sql, type Transaction } from 'kysely';
import { assertCanMove } from '../applications/status-machine.js';
import { appendAudit, appendAuditBatch } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import { insertRows } from '../db/insert-rows.js';
import type { Database } from '../db/schema.js';
import { conflict, HttpError, notFound } from '../errors.js';
import { ascendingIds, newId, sha256 } from '../ids.js';
import { readNoticeContent } from './notice-content.js';
import { insertNoticeVersion, noticeContentSha256, storeNoticeRows } from './notice-versions.js';
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
 * application moved to public_notice with its timeline event and audit entry, all in the caller's
 * transaction. Every approved application must carry its budget allocation, since the notice
 * shows allocated amounts: publishing half a call would put a partial list before the public.
 *
 * Set-based, for a call of 100,000 applications: the approved applications are read once, moved
 * by one UPDATE, their events written in multi-row INSERTs and their audit entries by one batch
 * append (the head moves once per batch); the notice's content is read by a join on the notice.
 *
 * What the notice shows is stored as its version 1 (notice_versions, written once, with its head,
 * lines and enterprises as rows): the page, the JSON and the workbook read that, never the
 * records, which may change after publication. The audit entry names the SHA-256 of the content
 * as one JSON text (computed piece by piece, never stored whole), and the version keeps the
 * chain's head right after it.
 */
export async function publishNotice(trx: Transaction<Database>, p: PublishNotice): Promise<string> {
  const call = await trx.selectFrom('calls').select(['id']).where('id', '=', p.callId).executeTakeFirst();
  if (!call) throw notFound('call');
  // The move and its role, as recordTransition checks them for one application.
  const move = assertCanMove('approved', 'public_notice');
  if (!move.roles.includes(actsAs(p.actor.role))) {
    throw new HttpError(
      403,
      'FTAI_ERR_FORBIDDEN',
      `moving an application from approved to public_notice needs the role ${move.roles.join(' or ')}`,
    );
  }
  // Each approved application with the last seq of its timeline, read once.
  const approved = await trx
    .selectFrom('applications as a')
    .select((eb) => [
      'a.id',
      'a.allocated_total',
      eb
        .selectFrom('application_events as e')
        .select((e) => e.fn.max('e.seq').as('seq'))
        .whereRef('e.application_id', '=', 'a.id')
        .as('last_seq'),
    ])
    .where('a.call_id', '=', p.callId)
    .where('a.status', '=', 'approved')
    .orderBy('a.id')
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
  const moved = await trx
    .updateTable('applications')
    .set({ status: 'public_notice', notice_id: id, updated_at: p.at })
    .where('call_id', '=', p.callId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  // Optimistic check, as for one application: an approval or a move meanwhile changes the set.
  if (Number(moved.numUpdatedRows) !== approved.length)
    throw conflict('FTAI_ERR_CONFLICT', 'the applications of this call changed meanwhile; reload and try again');
  const note = `已公示（公示编号${id}），异议受理截至${chineseDate(objectionsUntil)}（含当日）`;
  // In the applications' id order, with ascending ids: both indexes of the events take them in order.
  const eventIds = ascendingIds(approved.length);
  await insertRows(
    trx,
    'application_events',
    approved.map((a, i) => ({
      id: eventIds[i] as string,
      application_id: a.id,
      seq: Number(a.last_seq ?? 0) + 1,
      from_status: 'approved' as const,
      to_status: 'public_notice' as const,
      actor_id: p.actor.id,
      note,
      at: p.at,
    })),
  );
  await appendAuditBatch(
    trx,
    approved.map((a) => ({
      actorId: p.actor.id,
      action: 'application.transition',
      entity: 'application',
      entityId: a.id,
      before: { status: 'approved' },
      after: { status: 'public_notice', note },
    })),
    p.at,
  );
  const read = await readNoticeContent(trx, id);
  if (!read) throw notFound('notice');
  const document = { ...read, changes: [] };
  const contentSha256 = noticeContentSha256(document);
  const ids = approved.map((a) => a.id);
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
        // Each application has its own transition entry: here their number and a digest of their ids (sorted, one a line).
        applications: ids.length,
        applicationIdsSha256: sha256(ids.join('\n')),
        version: 1,
        lines: read.lines.length,
        total: read.total,
        contentSha256,
      },
    },
    p.at,
  );
  await insertNoticeVersion(trx, {
    noticeId: id,
    version: 1,
    origin: 'publication',
    reason: null,
    content: { json: null, sha256: contentSha256 },
    actorId: p.actor.id,
    at: p.at,
  });
  await storeNoticeRows(trx, id, 1, document);
  return id;
}

/** What publishing the call's notice would take in, counted by the database (one aggregate). */
export async function noticeReadiness(db: Kysely<Database>, callId: string): Promise<NoticeReadiness> {
  const call = await db.selectFrom('calls').select('id').where('id', '=', callId).executeTakeFirst();
  if (!call) throw notFound('call');
  const row = await db
    .selectFrom('applications')
    .select([
      sql<number | string>`count(*)`.as('approved'),
      sql<number | string>`count(allocated_total)`.as('allocated'),
      sql<number | string | null>`sum(allocated_total)`.as('amount'),
    ])
    .where('call_id', '=', callId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return { callId, approved: Number(row?.approved ?? 0), allocated: Number(row?.allocated ?? 0), amount: Number(row?.amount ?? 0) };
}
