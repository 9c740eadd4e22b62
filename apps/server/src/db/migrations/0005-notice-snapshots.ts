import { type Kysely, type Migration, sql } from 'kysely';
import { appendAudit } from '../../audit/append-audit.js';
import { readNoticeContent } from '../../notice/notice-content.js';
import { insertNoticeVersion, serialiseNoticeContent } from '../../notice/notice-versions.js';
import type { Dialect } from '../database.js';
import type { Database } from '../schema.js';

/** The name this migration is registered under; its audit entry names it too. */
export const NOTICE_SNAPSHOT_MIGRATION = '0005-notice-snapshots';

/** SQLite's guards of notice_versions: no INSERT OR REPLACE of a stored version, no UPDATE, no DELETE (0017 puts them back on its rebuilt table). */
export const NOTICE_VERSION_GUARDS_SQLITE = [
  "create trigger notice_versions_no_replace before insert on notice_versions when exists (select 1 from notice_versions v where v.notice_id = new.notice_id and v.version = new.version) begin select raise(abort, 'notice_versions is append-only'); end",
  "create trigger notice_versions_no_update before update on notice_versions begin select raise(abort, 'notice_versions is append-only'); end",
  "create trigger notice_versions_no_delete before delete on notice_versions begin select raise(abort, 'notice_versions is append-only'); end",
] as const;

/**
 * Notices are snapshots: `notice_versions` holds what each version of a notice shows (version 1
 * the publication, later ones corrections), written once; the database refuses updates and
 * deletes, as it does for the audit log.
 *
 * Notices published before this migration kept no copy of what they showed: the page was read
 * from the records at each request. Each gets version 1 (origin `migration`) from the records as
 * they stand when the migration runs, which may differ from what was shown on the day of
 * publication if an enterprise was renamed or an award changed since; the page says so. One audit
 * entry (`notice.snapshot-legacy`, entity `migration`, no actor) lists every notice so
 * snapshotted with its content's SHA-256. A database with no notice gets no entry.
 */
export function noticeSnapshots(dialect: Dialect, now: () => Date): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notice_versions')
        .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('origin', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('content_json', 'text', (c) => c.notNull())
        .addColumn('content_sha256', 'text', (c) => c.notNull())
        .addColumn('audit_seq', 'bigint', (c) => c.notNull())
        .addColumn('audit_hash', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('notice_versions_pk', ['notice_id', 'version'])
        .execute();
      // Written once: the database itself refuses updates and deletes, and on SQLite an INSERT OR
      // REPLACE (which deletes the row it replaces without firing delete triggers), on PostgreSQL
      // a TRUNCATE.
      if (dialect === 'sqlite') {
        for (const guard of NOTICE_VERSION_GUARDS_SQLITE) await sql.raw(guard).execute(db);
      } else {
        await sql`create function notice_versions_append_only() returns trigger language plpgsql as $$ begin raise exception 'notice_versions is append-only'; end $$`.execute(
          db,
        );
        await sql`create trigger notice_versions_no_change before update or delete on notice_versions for each row execute function notice_versions_append_only()`.execute(
          db,
        );
        await sql`create trigger notice_versions_no_truncate before truncate on notice_versions for each statement execute function notice_versions_append_only()`.execute(
          db,
        );
      }
      const typed = db as unknown as Kysely<Database>;
      // PostgreSQL runs each migration in a transaction already; SQLite does not.
      if (typed.isTransaction) await snapshotLegacyNotices(typed, now);
      else await typed.transaction().execute((trx) => snapshotLegacyNotices(trx, now));
    },
  };
}

/** Gives every notice without a version its version 1 from the records as they stand. Returns how many. */
export async function snapshotLegacyNotices(db: Kysely<Database>, now: () => Date): Promise<number> {
  const notices = await db
    .selectFrom('notices as n')
    .leftJoin('notice_versions as v', 'v.notice_id', 'n.id')
    .select(['n.id', 'n.published_by'])
    .where('v.notice_id', 'is', null)
    .orderBy('n.published_at')
    .orderBy('n.id')
    .execute();
  if (notices.length === 0) return 0;
  const at = now().toISOString();
  const snapshots = [];
  for (const n of notices) {
    const read = await readNoticeContent(db, n.id);
    if (!read) continue;
    snapshots.push({ id: n.id, content: serialiseNoticeContent({ ...read, changes: [] }), lines: read.lines.length, total: read.total });
  }
  await appendAudit(
    db,
    {
      actorId: null,
      action: 'notice.snapshot-legacy',
      entity: 'migration',
      entityId: NOTICE_SNAPSHOT_MIGRATION,
      before: null,
      after: {
        rule: 'notices published before notice snapshots: version 1 is read from the records as they stand at this migration, not as shown on the day of publication',
        notices: snapshots.map((s) => ({ noticeId: s.id, lines: s.lines, total: s.total, contentSha256: s.content.sha256 })),
      },
    },
    at,
  );
  for (const s of snapshots) {
    await insertNoticeVersion(db, { noticeId: s.id, version: 1, origin: 'migration', reason: null, content: s.content, actorId: null, at });
  }
  return snapshots.length;
}
