import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { type ConfigOptions, loadConfig } from '../config.js';
import { type AppContext, createContext } from '../context.js';
import { type Dialect, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Role } from '../db/schema.js';
import { InjectClient as Client } from '../http/inject-client.js';
import { createUser } from '../users/create-user.js';

/**
 * Storage tests run once per database the product supports: SQLite always, PostgreSQL when
 * FTAI_TEST_DATABASE_URL or DATABASE_URL names one (each test app gets its own schema).
 */
const PG_URL = process.env.FTAI_TEST_DATABASE_URL || process.env.DATABASE_URL || '';
export const DIALECTS: readonly Dialect[] = PG_URL.startsWith('postgres') ? ['sqlite', 'postgres'] : ['sqlite'];

export const PASSWORD = 'correct-horse-battery';
/** Two valid credit codes (check characters verified). */
export const CODE_A = '91110106MA0000K01C';
export const CODE_B = '91110106MA0000K03J';

export class TestClock {
  private at: number;
  constructor(iso: string) {
    this.at = Date.parse(iso);
  }
  set(iso: string): void {
    this.at = Date.parse(iso);
  }
  readonly now = (): Date => new Date(this.at);
}

/** A signed-in (or anonymous) caller: keeps the cookies and sends the CSRF token. */
export { InjectClient as Client, type InjectOptions } from '../http/inject-client.js';

export interface TestUsers {
  admin: string;
  officer: string;
  reviewer1: string;
  reviewer2: string;
  applicantA: string;
  applicantB: string;
}

export interface TestApp {
  readonly app: FastifyInstance;
  readonly ctx: AppContext;
  readonly clock: TestClock;
  readonly dialect: Dialect;
  readonly users: TestUsers;
  /** A client signed in as `username` (password PASSWORD). */
  login(username: keyof TestUsers | string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

/** A fresh app on a fresh, migrated database, with one user of every role. */
export async function createTestApp(
  dialect: Dialect,
  options: {
    now?: string;
    loginAttemptsPerMinute?: number /** Migrate only up to this one (a migration's own test). */;
    migrateUpTo?: string;
    /** Any other setting (the security tests': hashing cost, limits, proxies, API docs). */
    config?: ConfigOptions;
  } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ftai-test-'));
  let databaseUrl: string | undefined;
  let dropSchema = async () => {};
  if (dialect === 'postgres') {
    const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const sep = PG_URL.includes('?') ? '&' : '?';
    databaseUrl = `${PG_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    dropSchema = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      // The job queue's tables (pg-boss), in a schema named after the app's (jobs/open-job-queue.ts).
      await c.query(`drop schema if exists ${schema}_boss cascade`);
      await c.end();
    };
  }
  const clock = new TestClock(options.now ?? '2027-03-15T02:00:00Z');
  const config = loadConfig({
    dataDir,
    databaseUrl: databaseUrl ?? '',
    scryptLogN: 10,
    now: clock.now,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 1000,
    // The audit key and anchors, in the test's own folder (in production: beside the data, not in it).
    auditKeyFile: join(dataDir, 'audit', 'audit.key'),
    auditAnchorFile: join(dataDir, 'audit', 'audit-anchors.jsonl'),
    // Every test signs in from the same address, many times a minute.
    loginAttemptsPerAddressPerMinute: 100_000,
    loginAttemptsTotalPerMinute: 100_000,
    apiDocs: true,
    // A schema stopped before 0013 has no shared_secrets (the CSRF key) nor rate_limits table.
    ...(options.migrateUpTo !== undefined && { csrfKey: 'a-test-csrf-key-for-old-schemas', sharedRateLimits: false }),
    ...options.config,
  });
  const handle = openDatabase({ databaseUrl, dataDir });
  // The context first: it attaches the audit key, so that entries written by migrations are keyed.
  const ctx = createContext(handle.db, handle.dialect, config);
  await migrateToLatest(handle.db, handle.dialect, options.migrateUpTo === undefined ? {} : { upTo: options.migrateUpTo });
  // As server.ts: the background work starts on the migrated schema; a test awaits a match job with ctx.matchJobs.whenSettled(id).
  // Not on a schema migrated part way (a migration's own test): the runner needs the job queue's columns (0011).
  if (options.migrateUpTo === undefined) await ctx.matchJobs.start();
  const app = await buildApp(ctx);
  const mk = async (username: string, role: Role, creditCode?: string, enterpriseName?: string) =>
    (await createUser(ctx, { username, displayName: username, role, creditCode, enterpriseName, password: PASSWORD, actorId: null })).id;
  const users: TestUsers = {
    admin: await mk('admin', 'admin'),
    officer: await mk('officer', 'officer'),
    reviewer1: await mk('reviewer1', 'reviewer'),
    reviewer2: await mk('reviewer2', 'reviewer'),
    applicantA: await mk('applicantA', 'applicant', CODE_A, '北京测试甲智能科技有限公司'),
    applicantB: await mk('applicantB', 'applicant', CODE_B, '北京测试乙智能科技有限公司'),
  };
  // Both enterprises have given their bank account (收款账户), as an enterprise paid must; a test of
  // a payment without one clears it. Not on a schema migrated part way: the column is 0023's.
  if (options.migrateUpTo === undefined) {
    for (const [code, name, accountNo] of [
      [CODE_A, '北京测试甲智能科技有限公司', '0109000000000001'],
      [CODE_B, '北京测试乙智能科技有限公司', '0109000000000002'],
    ] as const)
      await ctx.db
        .updateTable('enterprises')
        .set({ bank_account_json: JSON.stringify({ accountName: name, bankName: '北京银行丰台支行', accountNo }) })
        .where('credit_code', '=', code)
        .execute();
  }
  return {
    app,
    ctx,
    clock,
    dialect,
    users,
    anonymous: () => new Client(app),
    async login(username) {
      return new Client(app).login(username, PASSWORD);
    },
    async close() {
      await app.close();
      await ctx.matchJobs.close();
      await ctx.blobs.close();
      await handle.close();
      await dropSchema();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
