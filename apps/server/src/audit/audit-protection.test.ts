import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createContext } from '../context.js';
import { type Dialect, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { GENESIS } from '../db/migrations/0001-initial.js';
import { AUDIT_TRIGGERS } from '../db/migrations/0006-audit-protection.js';
import type { Database } from '../db/schema.js';
import { sha256 } from '../ids.js';
import { createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { readAnchors } from './anchor-audit.js';
import { AUDIT_KEYED_ACTION, appendAudit, auditHashInput } from './append-audit.js';
import { loadAuditKey, parseAuditKey } from './audit-key.js';
import { openAuditLog } from './open-audit-log.js';
import { readAuditHead } from './read-audit-head.js';
import { verifyAudit } from './verify-audit.js';

/**
 * The attacks of issue 9 on the audit log, each by someone who can write to the database but has
 * neither the audit key nor the anchor file: each must be refused by the database or named by
 * verifyAudit. The check before keying (links, plain SHA-256, head) passed a log cut, wiped,
 * re-hashed or appended to this way; `oldCheckPasses` shows it where the keyed log allows.
 */

const exec = (db: Kysely<Database>, text: string) => sql.raw(text).execute(db);

interface Row {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

async function entries(db: Kysely<Database>): Promise<Row[]> {
  return (await db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** The attacker's tool: the guarding triggers off while `work` runs, then back exactly as they were. */
async function withGuardsDown(db: Kysely<Database>, dialect: Dialect, work: () => Promise<void>): Promise<void> {
  if (dialect === 'sqlite') {
    const saved = (
      await sql<{
        name: string;
        sql: string;
      }>`select name, sql from sqlite_master where type = 'trigger' and tbl_name in ('audit_log', 'audit_head')`.execute(db)
    ).rows;
    for (const t of saved) await exec(db, `drop trigger ${t.name}`);
    await work();
    for (const t of saved) await exec(db, t.sql);
    return;
  }
  await exec(db, 'alter table audit_log disable trigger user');
  await exec(db, 'alter table audit_head disable trigger user');
  await work();
  for (const t of AUDIT_TRIGGERS.postgres) await exec(db, `alter table ${t.table} enable always trigger ${t.name}`);
}

/** Re-hashes entries from `from` on with plain SHA-256 — all one can do without the key — and moves the head. */
async function rehashPlain(db: Kysely<Database>, from: number): Promise<void> {
  const rows = await entries(db);
  let prev = rows.find((r) => r.seq === from - 1)?.hash ?? GENESIS;
  for (const r of rows.filter((x) => x.seq >= from)) {
    const hash = sha256(auditHashInput(prev, r));
    await db.updateTable('audit_log').set({ prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
    prev = hash;
  }
  await db.updateTable('audit_head').set({ hash: prev }).where('id', '=', 1).execute();
}

/** What the check before keying looked at: links, plain hashes and the head — all fine after these attacks. */
async function oldCheckPasses(db: Kysely<Database>): Promise<boolean> {
  let prev = GENESIS;
  let expected = 1;
  for (const r of await entries(db)) {
    if (r.seq !== expected || r.prev_hash !== prev || sha256(auditHashInput(r.prev_hash, r)) !== r.hash) return false;
    prev = r.hash;
    expected++;
  }
  const head = await readAuditHead(db);
  return head.seq === expected - 1 && head.hash === prev;
}

const codes = (v: { problems: readonly { code: string }[] }) => [...new Set(v.problems.map((p) => p.code))].sort();

describe.each(DIALECTS)('audit log protection on %s', (dialect) => {
  let t: TestApp;
  let db: Kysely<Database>;
  beforeEach(async () => {
    t = await createTestApp(dialect);
    db = t.ctx.db;
  });
  afterEach(async () => {
    await t.close();
  });

  it('keys every entry, anchors the head after each transaction that appended, and verifies whole', async () => {
    const v = await verifyAudit(db);
    expect(v).toMatchObject({ ok: true, problems: [], entries: 6, headSeq: 6, keyedFrom: 1 });
    // Six accounts, six transactions, six anchors; the last is the head.
    const anchors = readAnchors(t.ctx.config.auditAnchorFile);
    expect(anchors.anchors.map((a) => a.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(v.anchors?.last).toMatchObject({ seq: 6, hash: v.headHash });
    expect(await readAuditHead(db)).toEqual({ seq: 6, hash: v.headHash });
    // Neither the key nor the anchors are readable by others.
    if (process.platform !== 'win32') {
      expect(statSync(t.ctx.config.auditKeyFile).mode & 0o777).toBe(0o600);
      expect(statSync(t.ctx.config.auditAnchorFile).mode & 0o777).toBe(0o600);
    }
    // A plain SHA-256 of an entry is not its hash.
    const [first] = await entries(db);
    expect(first && sha256(auditHashInput(first.prev_hash, first))).not.toBe(first?.hash);
  });

  it('anchors nothing for a transaction that rolled back, and keeps the chain whole', async () => {
    const before = readFileSync(t.ctx.config.auditAnchorFile, 'utf8');
    await expect(
      t.ctx.tx(async (trx) => {
        await appendAudit(
          trx,
          { actorId: null, action: 'test.rollback', entity: 'test', entityId: 'x', before: null, after: null },
          t.ctx.now(),
        );
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(readFileSync(t.ctx.config.auditAnchorFile, 'utf8')).toBe(before);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, headSeq: 6 });
  });

  it('keeps one chain under concurrent transactions, every one anchored', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.ctx.tx((trx) =>
          appendAudit(
            trx,
            { actorId: null, action: 'test.concurrent', entity: 'test', entityId: String(i), before: null, after: { i } },
            t.ctx.now(),
          ),
        ),
      ),
    );
    const v = await verifyAudit(db);
    expect(v).toMatchObject({ ok: true, entries: 18, headSeq: 18 });
    expect(
      readAnchors(t.ctx.config.auditAnchorFile)
        .anchors.map((a) => a.seq)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
  });

  it('finds a cut tail with the head moved back (the anchors hold the lost end)', async () => {
    const rows = await entries(db);
    const keep = rows[3];
    await withGuardsDown(db, dialect, async () => {
      await db.deleteFrom('audit_log').where('seq', '>', 4).execute();
      await db
        .updateTable('audit_head')
        .set({ seq: 4, hash: keep?.hash ?? '' })
        .where('id', '=', 1)
        .execute();
    });
    const v = await verifyAudit(db);
    expect(v.ok).toBe(false);
    expect(codes(v)).toEqual(['anchor']);
    expect(v.problems[0]?.problem).toMatch(/the chain ends at 4, but reached 6 by .*entries were cut or the log was wiped/);
  });

  it('finds an edited entry re-hashed to the end (no key: its hash is not the key’s; the anchors differ)', async () => {
    await withGuardsDown(db, dialect, async () => {
      await db.updateTable('audit_log').set({ after_json: '{"role":"applicant"}' }).where('seq', '=', 2).execute();
      await rehashPlain(db, 2);
    });
    const v = await verifyAudit(db);
    expect(v.ok).toBe(false);
    expect(codes(v)).toEqual(['anchor', 'unkeyed']);
    expect(v.problems.filter((p) => p.code === 'unkeyed').map((p) => p.seq)).toEqual([2, 3, 4, 5, 6]);
    expect(v.problems.filter((p) => p.code === 'anchor').map((p) => p.seq)).toEqual([2, 3, 4, 5, 6]);
  });

  it('finds a log re-hashed whole without the key, the way the old check wanted it', async () => {
    await withGuardsDown(db, dialect, async () => {
      await db.updateTable('audit_log').set({ actor_id: 'someone-else' }).where('seq', '=', 1).execute();
      await rehashPlain(db, 1);
    });
    expect(await oldCheckPasses(db)).toBe(true);
    const v = await verifyAudit(db);
    expect(v).toMatchObject({ ok: false, keyedFrom: null });
    expect(v.problems.some((p) => p.code === 'unkeyed' && /no entry is keyed/.test(p.problem))).toBe(true);
    expect(v.problems.filter((p) => p.code === 'anchor')).toHaveLength(6);
  });

  it('finds a forged entry appended at the end, though the triggers let appends through', async () => {
    // No guard is touched: moving the head one step and inserting the entry is what an append does.
    const head = await readAuditHead(db);
    const forged = {
      seq: head.seq + 1,
      at: t.ctx.now(),
      actor_id: t.users.officer,
      action: 'application.approve',
      entity: 'application',
      entity_id: 'made-up',
      before_json: null,
      after_json: '{"amount":1000000}',
    };
    await db.updateTable('audit_head').set({ seq: forged.seq }).where('id', '=', 1).execute();
    const hash = sha256(auditHashInput(head.hash, forged));
    await db
      .insertInto('audit_log')
      .values({ ...forged, prev_hash: head.hash, hash })
      .execute();
    await db.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
    expect(await verifyAudit(db)).toMatchObject({
      ok: false,
      problems: [{ seq: 7, code: 'unkeyed', problem: expect.stringContaining('written or rewritten without the key') }],
    });
  });

  it('finds a wiped log with its head reset, even once new entries follow', async () => {
    await withGuardsDown(db, dialect, async () => {
      await db.deleteFrom('audit_log').execute();
      await db.updateTable('audit_head').set({ seq: 0, hash: GENESIS }).where('id', '=', 1).execute();
    });
    expect(await oldCheckPasses(db)).toBe(true);
    const wiped = await verifyAudit(db);
    expect(wiped).toMatchObject({ ok: false, entries: 0 });
    expect(wiped.problems.map((p) => p.problem)).toEqual([expect.stringMatching(/the chain ends at 0, but reached 6 by/)]);
    // The server goes on writing a new chain: the anchors still remember the old one.
    await t.ctx.tx((trx) =>
      appendAudit(
        trx,
        { actorId: null, action: 'test.after-reset', entity: 'test', entityId: 'x', before: null, after: null },
        t.ctx.now(),
      ),
    );
    const later = await verifyAudit(db);
    expect(later.ok).toBe(false);
    expect(later.problems.some((p) => p.seq === 1 && p.code === 'anchor')).toBe(true);
    expect(later.problems.some((p) => /the chain ends at 1, but reached 6/.test(p.problem))).toBe(true);
  });

  it('refuses to replace an entry: INSERT OR REPLACE (SQLite) and upserts', async () => {
    const [first] = await entries(db);
    if (!first) throw new Error('no entry');
    const values = `(${first.seq}, '${first.at}', null, 'forged', 'e', 'i', null, null, '${first.prev_hash}', '${first.hash}')`;
    const columns = '(seq, at, actor_id, action, entity, entity_id, before_json, after_json, prev_hash, hash)';
    if (dialect === 'sqlite') {
      await expect(exec(db, `insert or replace into audit_log ${columns} values ${values}`)).rejects.toThrow(/append-only/);
      await expect(exec(db, `replace into audit_log ${columns} values ${values}`)).rejects.toThrow(/append-only/);
    }
    await expect(
      exec(db, `insert into audit_log ${columns} values ${values} on conflict (seq) do update set action = 'forged'`),
    ).rejects.toThrow(/append-only/);
    expect((await entries(db))[0]).toEqual(first);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });

  it('refuses to empty the log or the head: TRUNCATE (PostgreSQL), DELETE of every row (both)', async () => {
    if (dialect === 'postgres') {
      await expect(exec(db, 'truncate audit_log')).rejects.toThrow(/append-only/);
      await expect(exec(db, 'truncate audit_head')).rejects.toThrow(/audit_head/);
      await expect(exec(db, 'truncate audit_log, audit_head')).rejects.toThrow();
    }
    await expect(exec(db, 'delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(exec(db, 'delete from audit_head')).rejects.toThrow(/audit_head/);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 6 });
  });

  it('refuses a second head, a replaced head, and a head moved back or to a hash no entry has', async () => {
    const head = await readAuditHead(db);
    const row = (seq: number, hash: string) => `(2, ${seq}, '${hash}')`;
    await expect(exec(db, `insert into audit_head (id, seq, hash) values ${row(0, GENESIS)}`)).rejects.toThrow(/audit_head/);
    if (dialect === 'sqlite')
      await expect(exec(db, `insert or replace into audit_head (id, seq, hash) values (1, 0, '${GENESIS}')`)).rejects.toThrow(/audit_head/);
    await expect(
      exec(db, `insert into audit_head (id, seq, hash) values (1, 0, '${GENESIS}') on conflict (id) do update set seq = 0`),
    ).rejects.toThrow(/audit_head/);
    const earlier = (await entries(db))[2];
    await expect(
      db
        .updateTable('audit_head')
        .set({ seq: 3, hash: earlier?.hash ?? '' })
        .where('id', '=', 1)
        .execute(),
    ).rejects.toThrow(/forward/);
    await expect(
      db
        .updateTable('audit_head')
        .set({ hash: 'f'.repeat(64) })
        .where('id', '=', 1)
        .execute(),
    ).rejects.toThrow(/forward/);
    await expect(
      db
        .updateTable('audit_head')
        .set({ seq: head.seq + 5 })
        .where('id', '=', 1)
        .execute(),
    ).rejects.toThrow(/forward/);
    expect(await readAuditHead(db)).toEqual(head);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });

  it('names every guarding trigger that was dropped, altered or disabled', async () => {
    if (dialect === 'sqlite') {
      await exec(db, 'drop trigger audit_log_no_replace');
      await exec(db, 'drop trigger audit_log_no_delete');
      await exec(db, 'create trigger audit_log_no_delete before delete on audit_log begin select 1; end');
      await exec(db, 'drop trigger audit_head_forward_only');
    } else {
      await exec(db, 'drop trigger audit_log_no_truncate on audit_log');
      // Fires as usual, but no longer for a session in replica mode.
      await exec(db, 'alter table audit_log enable trigger audit_log_no_change');
      expect((await verifyAudit(db)).problems.map((p) => p.problem)).toEqual([
        expect.stringMatching(/audit_log_no_change on audit_log no longer fires always/),
        expect.stringMatching(/audit_log_no_truncate that refuses TRUNCATE of the log on audit_log is missing/),
      ]);
      await exec(db, 'alter table audit_log disable trigger audit_log_no_change');
      await exec(db, 'create or replace function audit_head_guard() returns trigger language plpgsql as $$ begin return new; end $$');
    }
    const v = await verifyAudit(db);
    expect(v.ok).toBe(false);
    expect(codes(v)).toEqual(['trigger']);
    const said = v.problems.map((p) => p.problem);
    if (dialect === 'sqlite')
      expect(said).toEqual([
        expect.stringMatching(/audit_log_no_delete on audit_log was altered/),
        expect.stringMatching(/audit_log_no_replace that refuses INSERT OR REPLACE .* is missing/),
        expect.stringMatching(/audit_head_forward_only that refuses moving the head back.* is missing/),
      ]);
    else
      expect(said).toEqual([
        expect.stringMatching(/audit_log_no_change on audit_log is disabled/),
        expect.stringMatching(/audit_log_no_truncate that refuses TRUNCATE of the log on audit_log is missing/),
        expect.stringMatching(/audit_head_guard on audit_head \(or its function audit_head_guard\) was altered/),
        expect.stringMatching(/audit_head_no_truncate on audit_head \(or its function audit_head_guard\) was altered/),
      ]);
  });

  it('names a missing anchor file, an edited anchor line and a line of another key', async () => {
    const file = t.ctx.config.auditAnchorFile;
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const third = JSON.parse(lines[2] ?? '{}');
    lines[2] = JSON.stringify({ ...third, hash: 'a'.repeat(64) });
    const fourth = JSON.parse(lines[3] ?? '{}');
    lines[3] = JSON.stringify({ ...fourth, key: '0123456789abcdef' });
    lines.push('not an anchor');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const v = await verifyAudit(db);
    expect(v.problems.map((p) => [p.seq, p.problem])).toEqual([
      [0, expect.stringMatching(/line 7 of the anchor file .* is not an anchor/)],
      [3, expect.stringMatching(/line 3 of the anchor file was altered/)],
      [4, expect.stringMatching(/line 4 of the anchor file was written with another key \(id 0123456789abcdef/)],
    ]);
    unlinkSync(file);
    expect(await verifyAudit(db)).toMatchObject({
      ok: false,
      problems: [{ code: 'anchor', problem: expect.stringMatching(/the anchor file .* is missing/) }],
    });
  });

  it('answers GET /api/v1/audit/verify with each problem and its code', async () => {
    const officer = await t.login('officer');
    expect((await officer.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: true, keyedFrom: 1, anchors: { last: { seq: 6 } } });
    await withGuardsDown(db, dialect, async () => {
      await db.deleteFrom('audit_log').where('seq', '=', 6).execute();
      await db
        .updateTable('audit_head')
        .set({ seq: 5, hash: (await entries(db))[4]?.hash ?? '' })
        .where('id', '=', 1)
        .execute();
    });
    const res = await officer.get('/api/v1/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, headSeq: 5, problems: [{ seq: 6, code: 'anchor' }] });
  });
});

/** A database migrated with no context attached, as every one was before keying. */
async function bareDatabase(dialect: Dialect) {
  const dir = mkdtempSync(join(tmpdir(), 'ftai-audit-legacy-'));
  const url = process.env.FTAI_TEST_DATABASE_URL || process.env.DATABASE_URL || '';
  let databaseUrl: string | undefined;
  let drop = async () => {};
  if (dialect === 'postgres') {
    const schema = `t_legacy_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    drop = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  }
  const handle = openDatabase({ databaseUrl, dataDir: join(dir, 'data') });
  await migrateToLatest(handle.db, handle.dialect);
  const config = loadConfig({
    dataDir: join(dir, 'data'),
    databaseUrl: databaseUrl ?? '',
    auditKeyFile: join(dir, 'audit', 'audit.key'),
    auditAnchorFile: join(dir, 'audit', 'audit-anchors.jsonl'),
    now: () => new Date('2027-03-15T02:00:00Z'),
  });
  return {
    db: handle.db,
    config,
    async close() {
      await handle.close();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const entry = (i: number) => ({ actorId: null, action: 'legacy.thing', entity: 'thing', entityId: String(i), before: null, after: { i } });

describe.each(DIALECTS)('a log begun before keying, on %s', (dialect) => {
  it('is sealed at the first keyed start: its plain entries verify, and rewriting them is found', async () => {
    const bare = await bareDatabase(dialect);
    try {
      for (let i = 1; i <= 3; i++) await bare.db.transaction().execute((trx) => appendAudit(trx, entry(i), `2026-01-0${i}T00:00:00Z`));
      const plain = await entries(bare.db);
      expect(plain.every((r) => sha256(auditHashInput(r.prev_hash, r)) === r.hash)).toBe(true);

      const ctx = createContext(bare.db, dialect, bare.config);
      // Before the first keyed start there is no key, and then nothing is keyed: verification says so.
      expect((await verifyAudit(bare.db)).problems).toEqual([
        expect.objectContaining({ code: 'key', problem: expect.stringMatching(/^no audit key: FTAI_AUDIT_KEY is unset/) }),
      ]);
      loadAuditKey(bare.config, true);
      expect((await verifyAudit(bare.db)).problems).toEqual([
        expect.objectContaining({ code: 'unkeyed', problem: expect.stringMatching(/no entry is keyed .* not yet sealed/) }),
      ]);
      expect(await openAuditLog(bare.db, ctx.now())).toMatchObject({ seq: 4 });
      const [seal] = (await entries(bare.db)).slice(3);
      expect(seal).toMatchObject({ seq: 4, action: AUDIT_KEYED_ACTION, entity: 'audit', actor_id: null, prev_hash: plain[2]?.hash });
      expect(JSON.parse(seal?.after_json ?? '{}')).toMatchObject({ keyedFrom: 4, plainEntries: 3, plainHead: plain[2]?.hash });
      // Opening again seals nothing more.
      expect(await openAuditLog(bare.db, ctx.now())).toMatchObject({ seq: 4 });
      await ctx.tx((trx) => appendAudit(trx, entry(5), ctx.now()));
      const v = await verifyAudit(bare.db);
      expect(v).toMatchObject({ ok: true, entries: 5, keyedFrom: 4, anchors: { last: { seq: 5 } } });

      // A plain entry edited and the plain part re-hashed no longer meets the seal.
      await withGuardsDown(bare.db, dialect, async () => {
        await bare.db.updateTable('audit_log').set({ after_json: '{"i":99}' }).where('seq', '=', 2).execute();
        const rows = await entries(bare.db);
        let prev = rows[0]?.hash ?? '';
        for (const r of rows.slice(1, 3)) {
          const hash = sha256(auditHashInput(prev, r));
          await bare.db.updateTable('audit_log').set({ prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
          prev = hash;
        }
      });
      expect((await verifyAudit(bare.db)).problems).toEqual([{ seq: 4, code: 'link', problem: 'does not link to the entry before it' }]);
    } finally {
      await bare.close();
    }
  });

  it('is sealed by its first keyed append when it was not opened first', async () => {
    const bare = await bareDatabase(dialect);
    try {
      await bare.db.transaction().execute((trx) => appendAudit(trx, entry(1), '2026-01-01T00:00:00Z'));
      const ctx = createContext(bare.db, dialect, bare.config);
      await ctx.tx((trx) => appendAudit(trx, entry(2), ctx.now()));
      expect((await entries(bare.db)).map((r) => r.action)).toEqual(['legacy.thing', AUDIT_KEYED_ACTION, 'legacy.thing']);
      expect(await verifyAudit(bare.db)).toMatchObject({ ok: true, entries: 3, keyedFrom: 2 });
    } finally {
      await bare.close();
    }
  });

  it('refuses a plain append to a keyed log when no key is attached', async () => {
    const bare = await bareDatabase(dialect);
    try {
      const ctx = createContext(bare.db, dialect, bare.config);
      await ctx.tx((trx) => appendAudit(trx, entry(1), ctx.now()));
      // A second handle on the same database, opened without a context: no key.
      const other = openDatabase({ databaseUrl: bare.config.databaseUrl, dataDir: bare.config.dataDir });
      try {
        await expect(other.db.transaction().execute((trx) => appendAudit(trx, entry(2), ctx.now()))).rejects.toThrow(
          /the audit log is keyed/,
        );
      } finally {
        await other.close();
      }
      expect(await verifyAudit(bare.db)).toMatchObject({ ok: true, entries: 1 });
    } finally {
      await bare.close();
    }
  });
});

describe('the audit key', () => {
  const hex = 'ab'.repeat(32);
  it('is read as hex or base64, 32 bytes at least', () => {
    expect(parseAuditKey(hex, 'K')).toEqual(Buffer.alloc(32, 0xab));
    expect(parseAuditKey(Buffer.alloc(32, 0xab).toString('base64'), 'K')).toEqual(Buffer.alloc(32, 0xab));
    expect(parseAuditKey(Buffer.alloc(40, 0xfb).toString('base64url'), 'K')).toEqual(Buffer.alloc(40, 0xfb));
    expect(() => parseAuditKey('ab'.repeat(16), 'FTAI_AUDIT_KEY')).toThrow('FTAI_AUDIT_KEY: expected at least 32 bytes of key, got 16');
    expect(() => parseAuditKey('not a key!', 'FTAI_AUDIT_KEY')).toThrow('FTAI_AUDIT_KEY: expected the audit key as hex or base64');
  });

  it('is made once, mode 0600, when its file is absent — by a writer, never by verification', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftai-audit-key-'));
    try {
      const file = join(dir, 'keys', 'audit.key');
      expect(() => loadAuditKey({ auditKey: undefined, auditKeyFile: file }, false)).toThrow(
        /no audit key: FTAI_AUDIT_KEY is unset and .* does not exist/,
      );
      const made = loadAuditKey({ auditKey: undefined, auditKeyFile: file }, true);
      expect(made).toHaveLength(32);
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(loadAuditKey({ auditKey: undefined, auditKeyFile: file }, true)).toEqual(made);
      expect(loadAuditKey({ auditKey: hex, auditKeyFile: file }, false)).toEqual(Buffer.alloc(32, 0xab));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lives beside the data folder by default, outside it, with the anchors beside the key', () => {
    const config = loadConfig({ dataDir: '/srv/ftai/data' });
    if (process.env.FTAI_AUDIT_KEY_FILE || process.env.FTAI_AUDIT_ANCHOR_FILE) return;
    expect(config.auditKeyFile).toBe(join('/srv/ftai/data-audit', 'audit.key'));
    expect(config.auditAnchorFile).toBe(join('/srv/ftai/data-audit', 'audit-anchors.jsonl'));
  });
});
