import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Dialect } from '../db/database.js';

/** The PostgreSQL server the tests may use (FTAI_TEST_DATABASE_URL or DATABASE_URL), or ''. */
export const TEST_PG_URL = process.env.FTAI_TEST_DATABASE_URL || process.env.DATABASE_URL || '';
export const HAS_POSTGRES = TEST_PG_URL.startsWith('postgres');

/** An empty database for servers started as in production (startServer, `ftai serve`), and how to drop it. */
export interface FreshDatabase {
  /** postgres://… on a schema of its own (search_path), or '' for SQLite. */
  readonly databaseUrl: string;
  /** A new folder: SQLite's database lives in it; PostgreSQL servers make their own folders. */
  readonly dataDir: string;
  /** A new data folder (a second machine's). */
  newDataDir(): string;
  drop(): Promise<void>;
}

export async function freshDatabase(dialect: Dialect): Promise<FreshDatabase> {
  const dirs = [mkdtempSync(join(tmpdir(), 'ftai-fresh-'))];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftai-fresh-'));
    dirs.push(dir);
    return dir;
  };
  const removeDirs = () => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  if (dialect === 'sqlite') return { databaseUrl: '', dataDir: dirs[0] as string, newDataDir, drop: async () => removeDirs() };
  if (!HAS_POSTGRES) throw new Error('PostgreSQL tests need FTAI_TEST_DATABASE_URL or DATABASE_URL');
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const sep = TEST_PG_URL.includes('?') ? '&' : '?';
  return {
    databaseUrl: `${TEST_PG_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    dataDir: dirs[0] as string,
    newDataDir,
    async drop() {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      // The queue's schema, if the server made one beside it (<schema>_boss), goes too.
      const rows = await c.query<{ nspname: string }>('select nspname from pg_namespace where nspname = $1 or nspname like $2', [
        schema,
        `${schema}\\_%`,
      ]);
      for (const { nspname } of rows.rows) await c.query(`drop schema "${nspname}" cascade`);
      await c.end();
      removeDirs();
    },
  };
}
