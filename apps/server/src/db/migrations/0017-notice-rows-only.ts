import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../database.js';
import { NOTICE_VERSION_GUARDS_SQLITE } from './0005-notice-snapshots.js';

/**
 * A version of a notice is stored once: as its head, lines and enterprises (rows, migration 0014),
 * no longer also as one JSON text in notice_versions.content_json, which at 100,000 applications
 * is about 100 MB written, compressed and kept twice for each publication. content_json becomes
 * optional: the versions stored before keep theirs, new ones store null. Their content_sha256 is
 * still the digest of the content as one JSON text (noticeContentSha256), which the rows give back
 * exactly (readStoredNoticeContent).
 *
 * SQLite cannot drop a NOT NULL: the table is rebuilt with its rows and its append-only triggers,
 * in one transaction.
 */
export function noticeRowsOnly(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await sql`alter table notice_versions alter column content_json drop not null`.execute(db);
        return;
      }
      const rebuild = async (trx: Kysely<unknown>) => {
        await trx.schema
          .createTable('notice_versions_0017')
          .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id'))
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('origin', 'text', (c) => c.notNull())
          .addColumn('reason', 'text')
          .addColumn('content_json', 'text')
          .addColumn('content_sha256', 'text', (c) => c.notNull())
          .addColumn('audit_seq', 'bigint', (c) => c.notNull())
          .addColumn('audit_hash', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('notice_versions_pk', ['notice_id', 'version'])
          .execute();
        const columns = sql.raw(
          'notice_id, version, origin, reason, content_json, content_sha256, audit_seq, audit_hash, created_by, created_at',
        );
        await sql`insert into notice_versions_0017 (${columns}) select ${columns} from notice_versions`.execute(trx);
        // Dropping the table drops its triggers (a DROP is not a DELETE: the guard does not fire).
        await sql`drop table notice_versions`.execute(trx);
        await sql`alter table notice_versions_0017 rename to notice_versions`.execute(trx);
        // The guards of migration 0005, as they were.
        for (const guard of NOTICE_VERSION_GUARDS_SQLITE) await sql.raw(guard).execute(trx);
      };
      // Kysely runs SQLite's migrations outside a transaction.
      if (db.isTransaction) await rebuild(db);
      else await db.transaction().execute(rebuild);
    },
  };
}
