import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db/database.js';
import { AUDIT_TRIGGER_FUNCTIONS, AUDIT_TRIGGERS, type AuditTrigger } from '../db/migrations/0006-audit-protection.js';
import type { Database } from '../db/schema.js';

const normal = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The triggers the schema should have: those of the migrations that ran. A migration counts as run
 * when it, or any migration after it, is recorded, so that deleting its record hides nothing.
 */
async function expected(db: Kysely<Database>, dialect: Dialect): Promise<readonly AuditTrigger[]> {
  let names: string[];
  try {
    names = (await sql<{ name: string }>`select name from ftai_migrations`.execute(db)).rows.map((r) => r.name);
  } catch {
    return AUDIT_TRIGGERS[dialect].filter((t) => t.until === undefined);
  }
  const last = names.sort().at(-1) ?? '';
  return AUDIT_TRIGGERS[dialect].filter((t) => t.since <= last && (t.until === undefined || last < t.until));
}

/**
 * The guards of the audit tables that are missing, altered or disabled, one sentence each. Someone
 * who drops a trigger, rewrites the log and puts the trigger back is not caught here but by the
 * key and the anchors; this catches the guard left down, or replaced by one that lets writes by.
 */
export async function checkAuditTriggers(db: Kysely<Database>, dialect: Dialect): Promise<string[]> {
  const problems: string[] = [];
  const triggers = await expected(db, dialect);
  if (dialect === 'sqlite') {
    const rows = await sql<{ name: string; tbl_name: string; sql: string | null }>`
      select name, tbl_name, sql from sqlite_master where type = 'trigger' and tbl_name in ('audit_log', 'audit_head')`.execute(db);
    const found = new Map(rows.rows.map((r) => [r.name, r]));
    for (const t of triggers) {
      const row = found.get(t.name);
      if (!row) problems.push(`the trigger ${t.name} that refuses ${t.refuses} on ${t.table} is missing`);
      else if (row.tbl_name !== t.table || normal(row.sql ?? '') !== normal(t.sql ?? ''))
        problems.push(`the trigger ${t.name} on ${t.table} was altered: it may no longer refuse ${t.refuses}`);
    }
    return problems;
  }
  const rows = await sql<{ name: string; table: string; tgtype: number; enabled: string; fn: string; body: string }>`
    select t.tgname as name, c.relname as table, t.tgtype::int as tgtype, t.tgenabled::text as enabled, p.proname as fn, p.prosrc as body
    from pg_trigger t
    join pg_class c on c.oid = t.tgrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_proc p on p.oid = t.tgfoid
    where n.nspname = current_schema() and c.relname in ('audit_log', 'audit_head') and not t.tgisinternal`.execute(db);
  const found = new Map(rows.rows.map((r) => [r.name, r]));
  for (const t of triggers) {
    const row = found.get(t.name);
    const body = t.body ?? (t.fn === undefined ? undefined : AUDIT_TRIGGER_FUNCTIONS[t.fn]);
    if (!row) problems.push(`the trigger ${t.name} that refuses ${t.refuses} on ${t.table} is missing`);
    else if (row.table !== t.table || row.tgtype !== t.tgtype || row.fn !== t.fn || body === undefined || normal(row.body) !== normal(body))
      problems.push(`the trigger ${t.name} on ${t.table} (or its function ${row.fn}) was altered: it may no longer refuse ${t.refuses}`);
    else if (row.enabled === 'D') problems.push(`the trigger ${t.name} on ${t.table} is disabled: it does not refuse ${t.refuses}`);
    else if (row.enabled !== 'A')
      problems.push(`the trigger ${t.name} on ${t.table} no longer fires always: a session in replica mode would bypass it`);
  }
  return problems;
}
