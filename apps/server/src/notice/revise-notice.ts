import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { Database } from '../db/schema.js';
import { conflict, fieldError, notFound } from '../errors.js';
import { noticeChanges, readNoticeContent } from './notice-content.js';
import { insertNoticeVersion, noticeContentSha256, readStoredNoticeContent, storeNoticeRows } from './notice-versions.js';
import { addCalendarDays } from './publish-notice.js';

export interface ReviseNotice {
  readonly noticeId: string;
  /** Why the notice is corrected (更正说明), printed on the correction. */
  readonly reason: string;
  /**
   * Reopens the objection window for this many calendar days from today (公示期重新计算), when
   * the correction changes who gets what. The window never shortens.
   */
  readonly objectionDays: number | undefined;
  readonly actor: CurrentUser;
  readonly at: string;
  readonly today: string;
}

/**
 * Issues a correction (更正公告) of a published notice: a new version with the records as they
 * stand now, the reason, and what it changes in the version before. Every earlier version stays
 * stored and public; the notice shows the latest. A correction that changes nothing is refused.
 * Audited (`notice.revise`) in the caller's transaction, the version keeping the chain's head
 * right after that entry. Returns the new version's number.
 */
export async function reviseNotice(trx: Transaction<Database>, r: ReviseNotice): Promise<number> {
  const notice = await trx.selectFrom('notices').select(['id', 'objections_until']).where('id', '=', r.noticeId).executeTakeFirst();
  if (!notice) throw notFound('notice');
  const last = await trx
    .selectFrom('notice_versions')
    .select(['version', 'content_sha256'])
    .where('notice_id', '=', notice.id)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!last) throw notFound('notice');
  const version = Number(last.version) + 1;
  let objectionsUntil = notice.objections_until;
  if (r.objectionDays !== undefined) {
    const onNotice = await trx
      .selectFrom('applications')
      .select(['id', 'status'])
      .where('notice_id', '=', notice.id)
      .where('status', '!=', 'public_notice')
      .execute();
    if (onNotice.length > 0) {
      throw fieldError(
        'objectionDays',
        `${onNotice.length} application(s) of this notice are already ${onNotice[0]?.status}: the objection window cannot reopen`,
      );
    }
    const until = addCalendarDays(r.today, r.objectionDays);
    if (until > objectionsUntil) objectionsUntil = until;
  }
  if (objectionsUntil !== notice.objections_until) {
    await trx.updateTable('notices').set({ objections_until: objectionsUntil }).where('id', '=', notice.id).execute();
  }
  const read = await readNoticeContent(trx, notice.id);
  if (!read) throw notFound('notice');
  const previous = await readStoredNoticeContent(trx, notice.id, Number(last.version));
  if (!previous) throw notFound('notice');
  const changes = noticeChanges(previous, read);
  if (changes.length === 0) {
    throw conflict(
      'FTAI_ERR_CONFLICT',
      `nothing to correct: the records read as version ${last.version} of the notice shows them, and the objection window is unchanged`,
    );
  }
  const document = { ...read, changes };
  const contentSha256 = noticeContentSha256(document);
  await appendAudit(
    trx,
    {
      actorId: r.actor.id,
      action: 'notice.revise',
      entity: 'notice',
      entityId: notice.id,
      before: { version: Number(last.version), contentSha256: last.content_sha256, objectionsUntil: notice.objections_until },
      after: {
        version,
        reason: r.reason,
        contentSha256,
        objectionsUntil,
        lines: read.lines.length,
        total: read.total,
        changes,
      },
    },
    r.at,
  );
  await insertNoticeVersion(trx, {
    noticeId: notice.id,
    version,
    origin: 'correction',
    reason: r.reason,
    content: { json: null, sha256: contentSha256 },
    actorId: r.actor.id,
    at: r.at,
  });
  await storeNoticeRows(trx, notice.id, version, document);
  return version;
}
