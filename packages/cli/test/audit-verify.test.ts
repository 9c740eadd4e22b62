import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `ftai audit verify` through the real binary, on SQLite: the key and the anchor file in their
 * default place beside the data folder, a cut tail found, and no key ever made by verification.
 * Needs a build first (`npx tsc -b`).
 */
const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '..', 'bin', 'ftai.js');

let root: string;
let data: string;

function ftai(args: readonly string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FTAI_') && k !== 'DATABASE_URL'));
  const run = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...clean, FTAI_DATA_DIR: data, FTAI_SCRYPT_LOG_N: '10', ...env },
  });
  if (run.error) throw run.error;
  return run;
}

describe('ftai audit verify', () => {
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ftai-cli-audit-'));
    data = join(root, 'data');
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('verifies a log written by the command line, keyed and anchored beside the data folder', () => {
    for (const username of ['officer1', 'officer2']) {
      const added = ftai(['users', 'add', '--username', username, '--role', 'officer', '--password', 'Lantern-Quartz-1947']);
      expect(added.status, added.stderr).toBe(0);
    }
    expect(existsSync(join(root, 'data-audit', 'audit.key'))).toBe(true);
    expect(
      readFileSync(join(root, 'data-audit', 'audit-anchors.jsonl'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(2);
    const run = ftai(['audit', 'verify']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^audit log verified: 2 entries, chain intact, anchored up to 2; head 2 [0-9a-f]{64}\n$/);
    const json = JSON.parse(ftai(['audit', 'verify', '--json']).stdout);
    expect(json).toMatchObject({ ok: true, entries: 2, keyedFrom: 1, anchors: { count: 2, last: { seq: 2 } } });
  });

  it('needs the server’s key, and makes none', () => {
    const elsewhere = join(root, 'nowhere', 'audit.key');
    const run = ftai(['audit', 'verify'], { FTAI_AUDIT_KEY_FILE: elsewhere });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`no audit key: FTAI_AUDIT_KEY is unset and ${elsewhere} does not exist`);
    expect(existsSync(elsewhere)).toBe(false);
    const wrong = ftai(['audit', 'verify'], { FTAI_AUDIT_KEY: 'cd'.repeat(32) });
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toContain('was written with another key');
  });

  it('exits 1 naming the cut when the tail is cut and the head moved back', () => {
    const db = new SQLite(join(data, 'ftai.sqlite'));
    try {
      const triggers = db
        .prepare(`select name, sql from sqlite_master where type = 'trigger' and tbl_name in ('audit_log', 'audit_head')`)
        .all() as {
        name: string;
        sql: string;
      }[];
      for (const t of triggers) db.exec(`drop trigger ${t.name}`);
      const first = db.prepare('select hash from audit_log where seq = 1').get() as { hash: string };
      db.prepare('delete from audit_log where seq = 2').run();
      db.prepare('update audit_head set seq = 1, hash = ? where id = 1').run(first.hash);
      for (const t of triggers) db.exec(t.sql);
    } finally {
      db.close();
    }
    const run = ftai(['audit', 'verify']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/audit log BROKEN: 1 problem\(s\) in 1 entries\n {2}entry 2: the chain ends at 1, but reached 2 by /);
  });
});
