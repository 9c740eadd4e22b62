import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../database.js';

export const AUDIT_PROTECTION_MIGRATION = '0006-audit-protection';

/** A trigger that guards the audit tables, as `ftai audit verify` expects to find it. */
export interface AuditTrigger {
  readonly table: 'audit_log' | 'audit_head';
  readonly name: string;
  /** The migration that creates it. */
  readonly since: '0001-initial' | typeof AUDIT_PROTECTION_MIGRATION | typeof AUDIT_BATCH_MIGRATION;
  /** The migration that replaced it by a later version of the same trigger, if any. */
  readonly until?: typeof AUDIT_BATCH_MIGRATION;
  /** What it refuses, for the report of a missing one. */
  readonly refuses: string;
  /** SQLite: the CREATE TRIGGER statement, as sqlite_master keeps it. */
  readonly sql?: string;
  /** PostgreSQL: pg_trigger.tgtype (1 row, 2 before, 4 insert, 8 delete, 16 update, 32 truncate), and its function. */
  readonly tgtype?: number;
  readonly fn?: string;
  /** PostgreSQL: the function's body from `since` on, when it differs from AUDIT_TRIGGER_FUNCTIONS[fn]. */
  readonly body?: string;
}

/** 0014 lets the head move forward over several entries at once (a batch append), to the last one written. */
export const AUDIT_BATCH_MIGRATION = '0014-notice-scale';

/** PostgreSQL, from 0014: audit_head_guard as a batch append needs it. */
export const AUDIT_HEAD_GUARD_BATCH = ` begin
  if tg_op <> 'UPDATE' then raise exception 'audit_head holds one row, moved only by appends'; end if;
  if new.id <> old.id or new.seq < old.seq or not (
       (new.seq = old.seq + 1 and new.hash = old.hash)
    or (new.hash is not distinct from (select l.hash from audit_log l where l.seq = new.seq)
        and (select count(*) from audit_log l where l.seq > old.seq and l.seq <= new.seq) = new.seq - old.seq)) then
    raise exception 'audit_head moves only forward, to the entry an append wrote';
  end if;
  return new;
end `;

/** PostgreSQL: the trigger functions, by name, with their bodies (pg_proc.prosrc). */
export const AUDIT_TRIGGER_FUNCTIONS: Readonly<Record<string, string>> = {
  // 0001-initial
  audit_log_append_only: ` begin raise exception 'audit_log is append-only'; end `,
  audit_head_guard: ` begin
  if tg_op <> 'UPDATE' then raise exception 'audit_head holds one row, moved only by appends'; end if;
  if new.id <> old.id or new.seq < old.seq or new.seq > old.seq + 1 or (new.seq = old.seq + 1 and new.hash <> old.hash)
     or (new.seq = old.seq and new.hash is distinct from (select l.hash from audit_log l where l.seq = new.seq)) then
    raise exception 'audit_head moves only forward, to the entry an append wrote';
  end if;
  return new;
end `,
};

const HEAD_ONE_ROW = `select raise(abort, 'audit_head holds one row, moved only by appends')`;

/** Every trigger that guards the audit log and its head, on each database. */
export const AUDIT_TRIGGERS: Readonly<Record<Dialect, readonly AuditTrigger[]>> = {
  sqlite: [
    // 0001-initial
    {
      table: 'audit_log',
      name: 'audit_log_no_update',
      since: '0001-initial',
      refuses: 'updates of entries',
      sql: `create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`,
    },
    {
      table: 'audit_log',
      name: 'audit_log_no_delete',
      since: '0001-initial',
      refuses: 'deletes of entries',
      sql: `create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`,
    },
    // 0006: REPLACE deletes the row it replaces without firing delete triggers (unless
    // recursive_triggers is on); a BEFORE INSERT trigger fires first and refuses it.
    {
      table: 'audit_log',
      name: 'audit_log_no_replace',
      since: AUDIT_PROTECTION_MIGRATION,
      refuses: 'INSERT OR REPLACE and upserts of an existing entry',
      sql: `create trigger audit_log_no_replace before insert on audit_log when exists (select 1 from audit_log where seq = new.seq) begin select raise(abort, 'audit_log is append-only'); end`,
    },
    {
      table: 'audit_head',
      name: 'audit_head_no_insert',
      since: AUDIT_PROTECTION_MIGRATION,
      refuses: 'a second head row, and REPLACE of the head',
      sql: `create trigger audit_head_no_insert before insert on audit_head begin ${HEAD_ONE_ROW}; end`,
    },
    {
      table: 'audit_head',
      name: 'audit_head_no_delete',
      since: AUDIT_PROTECTION_MIGRATION,
      refuses: 'deleting the head',
      sql: `create trigger audit_head_no_delete before delete on audit_head begin ${HEAD_ONE_ROW}; end`,
    },
    {
      table: 'audit_head',
      name: 'audit_head_forward_only',
      since: AUDIT_PROTECTION_MIGRATION,
      until: AUDIT_BATCH_MIGRATION,
      refuses: 'moving the head back, or to a hash no entry has',
      sql: `create trigger audit_head_forward_only before update on audit_head when new.id <> old.id or new.seq < old.seq or new.seq > old.seq + 1 or (new.seq = old.seq + 1 and new.hash <> old.hash) or (new.seq = old.seq and new.hash is not (select l.hash from audit_log l where l.seq = new.seq)) begin select raise(abort, 'audit_head moves only forward, to the entry an append wrote'); end`,
    },
    // 0014: one step to reserve an entry (its hash unchanged), or forward over the entries a
    // (batch) append wrote, every one of them present, to the last one's hash.
    {
      table: 'audit_head',
      name: 'audit_head_forward_only',
      since: AUDIT_BATCH_MIGRATION,
      refuses: 'moving the head back, or to a hash no entry has',
      sql: `create trigger audit_head_forward_only before update on audit_head when new.id <> old.id or new.seq < old.seq or not ((new.seq = old.seq + 1 and new.hash = old.hash) or (new.hash is (select l.hash from audit_log l where l.seq = new.seq) and (select count(*) from audit_log l where l.seq > old.seq and l.seq <= new.seq) = new.seq - old.seq)) begin select raise(abort, 'audit_head moves only forward, to the entry an append wrote'); end`,
    },
  ],
  postgres: [
    // 0001-initial
    {
      table: 'audit_log',
      name: 'audit_log_no_change',
      since: '0001-initial',
      refuses: 'updates and deletes of entries',
      tgtype: 27,
      fn: 'audit_log_append_only',
    },
    // 0006
    {
      table: 'audit_log',
      name: 'audit_log_no_truncate',
      since: AUDIT_PROTECTION_MIGRATION,
      refuses: 'TRUNCATE of the log',
      tgtype: 34,
      fn: 'audit_log_append_only',
    },
    {
      table: 'audit_head',
      name: 'audit_head_guard',
      since: AUDIT_PROTECTION_MIGRATION,
      refuses: 'a second head row, deleting the head, moving it back',
      tgtype: 31,
      fn: 'audit_head_guard',
      until: AUDIT_BATCH_MIGRATION,
    },
    {
      table: 'audit_head',
      name: 'audit_head_no_truncate',
      since: AUDIT_PROTECTION_MIGRATION,
      refuses: 'TRUNCATE of the head',
      tgtype: 34,
      fn: 'audit_head_guard',
      until: AUDIT_BATCH_MIGRATION,
    },
    // 0014: the same triggers, their function allowing a batch append's move (AUDIT_HEAD_GUARD_BATCH).
    {
      table: 'audit_head',
      name: 'audit_head_guard',
      since: AUDIT_BATCH_MIGRATION,
      refuses: 'a second head row, deleting the head, moving it back',
      tgtype: 31,
      fn: 'audit_head_guard',
      body: AUDIT_HEAD_GUARD_BATCH,
    },
    {
      table: 'audit_head',
      name: 'audit_head_no_truncate',
      since: AUDIT_BATCH_MIGRATION,
      refuses: 'TRUNCATE of the head',
      tgtype: 34,
      fn: 'audit_head_guard',
      body: AUDIT_HEAD_GUARD_BATCH,
    },
  ],
};

/**
 * The audit log's guards that 0001 left out (ADR 0004): on SQLite, REPLACE of an existing entry
 * and any write to the head but an append's; on PostgreSQL, TRUNCATE of either table and the
 * same rules for the head. On PostgreSQL every guard fires ALWAYS, even for a session in
 * replica mode (session_replication_role), which otherwise skips triggers.
 */
export function auditProtection(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'sqlite') {
        for (const t of AUDIT_TRIGGERS.sqlite) if (t.since === AUDIT_PROTECTION_MIGRATION && t.sql) await sql.raw(t.sql).execute(db);
        return;
      }
      await sql
        .raw(`create function audit_head_guard() returns trigger language plpgsql as $$${AUDIT_TRIGGER_FUNCTIONS.audit_head_guard}$$`)
        .execute(db);
      await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()`.execute(
        db,
      );
      await sql`create trigger audit_head_guard before insert or update or delete on audit_head for each row execute function audit_head_guard()`.execute(
        db,
      );
      await sql`create trigger audit_head_no_truncate before truncate on audit_head for each statement execute function audit_head_guard()`.execute(
        db,
      );
      for (const t of AUDIT_TRIGGERS.postgres) await sql.raw(`alter table ${t.table} enable always trigger ${t.name}`).execute(db);
    },
  };
}
