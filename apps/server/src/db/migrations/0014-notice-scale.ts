import type { NoticeContent } from '@ftai/api';
import { type Kysely, type Migration, sql } from 'kysely';
import { storeNoticeRows } from '../../notice/notice-versions.js';
import type { Dialect } from '../database.js';
import type { Database } from '../schema.js';
import { AUDIT_BATCH_MIGRATION, AUDIT_HEAD_GUARD_BATCH, AUDIT_TRIGGERS } from './0006-audit-protection.js';

export const NOTICE_SCALE_MIGRATION = AUDIT_BATCH_MIGRATION;

/**
 * Tables written once with their version, as notice_versions is: no update, no delete (nor
 * TRUNCATE). No foreign key to notice_versions: PostgreSQL would then refuse a TRUNCATE of it for
 * the key's sake before its own guard says why.
 */
const WRITTEN_ONCE = ['notice_lines', 'notice_enterprises', 'notice_version_heads'] as const;

/**
 * Notices at city scale (100,000 applications):
 * - a version's lines, enterprise totals and header are stored as rows beside its content_json
 *   (which stays the text its SHA-256 covers), so that a page of a notice is an index range scan,
 *   the export streams, and the list of notices reads no content; the versions stored before
 *   are split into rows here;
 * - the audit head may move forward over the entries a batch append wrote, once per batch
 *   (AUDIT_TRIGGERS: the same guard otherwise);
 * - indexes: the applications of a notice, and a notice's lines by application.
 */
export function noticeScale(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notice_lines')
        .addColumn('notice_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('application_id', 'text', (c) => c.notNull())
        .addColumn('credit_code', 'text', (c) => c.notNull())
        .addColumn('enterprise_name', 'text', (c) => c.notNull())
        .addColumn('measure', 'text', (c) => c.notNull())
        .addColumn('measure_name', 'text', (c) => c.notNull())
        .addColumn('citation', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('subject_text', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('notice_lines_pk', ['notice_id', 'version', 'position'])
        .execute();
      // The lines of one application (an objection's check, the officer's "which notice is it on").
      await db.schema
        .createIndex('notice_lines_application')
        .on('notice_lines')
        .columns(['notice_id', 'version', 'application_id'])
        .execute();
      await db.schema
        .createTable('notice_enterprises')
        .addColumn('notice_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('credit_code', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('application_ids_json', 'text', (c) => c.notNull())
        .addColumn('total', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('notice_enterprises_pk', ['notice_id', 'version', 'credit_code'])
        .execute();
      await db.schema
        .createTable('notice_version_heads')
        .addColumn('notice_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('head_json', 'text', (c) => c.notNull())
        .addColumn('line_count', 'integer', (c) => c.notNull())
        .addColumn('enterprise_count', 'integer', (c) => c.notNull())
        .addColumn('total', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('notice_version_heads_pk', ['notice_id', 'version'])
        .execute();
      await db.schema.createIndex('applications_notice').on('applications').columns(['notice_id']).execute();

      for (const table of WRITTEN_ONCE) {
        if (dialect === 'sqlite') {
          await sql
            .raw(`create trigger ${table}_no_update before update on ${table} begin select raise(abort, '${table} is written once'); end`)
            .execute(db);
          await sql
            .raw(`create trigger ${table}_no_delete before delete on ${table} begin select raise(abort, '${table} is written once'); end`)
            .execute(db);
        } else {
          await sql
            .raw(
              `create trigger ${table}_no_change before update or delete on ${table} for each row execute function notice_versions_append_only()`,
            )
            .execute(db);
          await sql
            .raw(
              `create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function notice_versions_append_only()`,
            )
            .execute(db);
        }
      }

      // The audit head's guard, as a batch append needs it.
      if (dialect === 'sqlite') {
        await sql`drop trigger audit_head_forward_only`.execute(db);
        for (const t of AUDIT_TRIGGERS.sqlite) if (t.since === AUDIT_BATCH_MIGRATION && t.sql) await sql.raw(t.sql).execute(db);
      } else {
        await sql
          .raw(`create or replace function audit_head_guard() returns trigger language plpgsql as $$${AUDIT_HEAD_GUARD_BATCH}$$`)
          .execute(db);
      }

      // The versions stored so far, split into rows.
      const typed = db as unknown as Kysely<Database>;
      const split = async (trx: Kysely<Database>) => {
        const versions = await trx
          .selectFrom('notice_versions')
          .select(['notice_id', 'version'])
          .orderBy('notice_id')
          .orderBy('version')
          .execute();
        for (const v of versions) {
          const row = await trx
            .selectFrom('notice_versions')
            .select('content_json')
            .where('notice_id', '=', v.notice_id)
            .where('version', '=', v.version)
            .executeTakeFirstOrThrow();
          // Every version stored before this migration kept its JSON (0017 made it optional later).
          if (row.content_json === null) throw new Error(`notice ${v.notice_id} version ${v.version} has no content_json`);
          await storeNoticeRows(trx, v.notice_id, Number(v.version), JSON.parse(row.content_json) as NoticeContent);
        }
      };
      // PostgreSQL runs each migration in a transaction already; SQLite does not.
      if (typed.isTransaction) await split(typed);
      else await typed.transaction().execute(split);
    },
  };
}
