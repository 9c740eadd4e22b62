import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { ConfigOptions } from '../config.js';
import { type AppContext, createContext } from '../context.js';
import { openDatabase } from '../db/database.js';
import { InjectClient } from '../http/inject-client.js';
import { sha256 } from '../ids.js';
import { CODE_A, createTestApp, DIALECTS, PASSWORD, type TestApp } from '../test/harness.js';
import { CSRF_KEY_SECRET, csrfKey } from './csrf-key.js';
import { sweepSessions } from './sessions.js';
import { countHit, sweepRateLimits } from './shared-rate-limits.js';

/** Another server on the database of `t`: on PostgreSQL with a data folder of its own, as a second machine has. */
interface Instance {
  readonly app: FastifyInstance;
  readonly ctx: AppContext;
  close(): Promise<void>;
}

async function secondInstance(t: TestApp, config: ConfigOptions = {}): Promise<Instance> {
  const isPostgres = t.dialect === 'postgres';
  // SQLite's database is a file in the data folder: servers on one SQLite database share the folder.
  const dataDir = isPostgres ? mkdtempSync(join(tmpdir(), 'ftai-second-')) : t.ctx.config.dataDir;
  const handle = openDatabase({ databaseUrl: t.ctx.config.databaseUrl || undefined, dataDir });
  const ctx = createContext(handle.db, handle.dialect, { ...t.ctx.config, dataDir, ...config });
  const app = await buildApp(ctx);
  return {
    app,
    ctx,
    async close() {
      await app.close();
      await handle.close();
      if (isPostgres) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function attempt(app: FastifyInstance, username: string, password: string, address = '203.0.113.1') {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: address, payload: { username, password } });
}

describe.each(DIALECTS)('limits and sessions shared by the instances on one database (%s)', (dialect) => {
  let t: TestApp | undefined;
  let other: Instance | undefined;
  afterEach(async () => {
    await other?.close();
    await t?.close();
    other = undefined;
    t = undefined;
  });

  it('two instances count sign-in attempts together: the limit holds for both, and a new window opens after it ends', async () => {
    t = await createTestApp(dialect, { config: { loginAttemptsPerAddressPerMinute: 5 } });
    other = await secondInstance(t);
    const apps = [t.app, other.app];
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await attempt(apps[i % 2] as FastifyInstance, `name${i}`, 'wrong-password')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const refused = await attempt(other.app, 'officer', PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('FTAI_ERR_RATE_LIMIT');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Both instances run on the one clock of the test: a minute later the address may try again, on either.
    t.clock.set('2027-03-15T02:01:01Z');
    expect((await attempt(other.app, 'officer', PASSWORD)).statusCode).toBe(200);
    expect((await attempt(t.app, 'officer', PASSWORD)).statusCode).toBe(200);
  });

  it('counts with one atomic upsert: concurrent hits through two instances each get a count of their own', async () => {
    t = await createTestApp(dialect);
    other = await secondInstance(t);
    const dbs = [t.ctx.db, other.ctx.db];
    const at = new Date('2027-03-15T02:00:00Z');
    const counts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => countHit(dbs[i % 2] as AppContext['db'], 'address|198.51.100.9', 60_000, at)),
    );
    expect(counts.map((c) => c.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(counts.every((c) => c.ttlMs === 60_000)).toBe(true);
    // Only the key's hash is kept: what was typed as a user name is not in the database.
    const rows = await t.ctx.db.selectFrom('rate_limits').selectAll().execute();
    expect(rows.map((r) => r.key)).toContain(sha256('address|198.51.100.9'));
    expect(JSON.stringify(rows)).not.toContain('198.51.100.9');
  });

  it('sweeps the counters whose window has ended, and keeps the others', async () => {
    t = await createTestApp(dialect);
    const db = t.ctx.db;
    const t0 = Date.parse('2027-03-15T02:00:00Z');
    await countHit(db, 'a', 60_000, new Date(t0));
    await countHit(db, 'b', 60_000, new Date(t0));
    await countHit(db, 'c', 60_000, new Date(t0 + 30_000));
    // A hit on an ended window starts a new one at 1.
    expect((await countHit(db, 'a', 60_000, new Date(t0 + 60_000))).hits).toBe(1);
    expect(await sweepRateLimits(db, new Date(t0 + 61_000))).toBe(1);
    const left = await db.selectFrom('rate_limits').select('key').orderBy('key').execute();
    expect(left.map((r) => r.key).sort()).toEqual([sha256('a'), sha256('c')].sort());
  });

  it('a session and its CSRF token from one instance work at the other, and signing out there ends it', async () => {
    t = await createTestApp(dialect);
    other = await secondInstance(t);
    const there = await t.login('officer');
    const here = new InjectClient(other.app);
    here.cookies = { ...there.cookies };
    here.csrf = there.csrf;
    expect((await here.get('/api/v1/auth/me')).json().user).toMatchObject({ username: 'officer' });
    const change = await here.post(`/api/v1/users/${t.users.reviewer1}/links`, { creditCode: CODE_A, relation: '曾任顾问' });
    expect(change.statusCode, change.body).toBe(201);
    // A token from another session is still refused at the other instance.
    const stranger = await t.login('officer');
    const crossed = await here.post(
      `/api/v1/users/${t.users.reviewer1}/links`,
      { creditCode: CODE_A, relation: '曾任顾问' },
      { headers: { 'x-csrf-token': stranger.csrf }, noCsrf: true },
    );
    expect(crossed.statusCode).toBe(403);
    expect((await here.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await there.get('/api/v1/auth/me')).json().user).toBeNull();
  });

  it('deletes the sessions that have ended, and only those', async () => {
    t = await createTestApp(dialect);
    const live = await t.login('officer');
    await t.ctx.db
      .insertInto('sessions')
      .values({ id: 'ended', user_id: t.users.officer, created_at: '2020-03-14T00:00:00.000Z', expires_at: '2020-03-14T08:00:00.000Z' })
      .execute();
    expect(await sweepSessions(t.ctx.db, t.ctx.dialect, t.clock.now(), true)).toBe(1);
    expect(await t.ctx.db.selectFrom('sessions').where('id', '=', 'ended').select('id').executeTakeFirst()).toBeUndefined();
    expect((await live.get('/api/v1/auth/me')).json().user).toMatchObject({ username: 'officer' });
  });
});

describe.runIf(DIALECTS.includes('postgres'))('the CSRF key of servers on one PostgreSQL database', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('is kept in the database; the first server takes over the key of its data folder, so that earlier tokens stay good', async () => {
    t = await createTestApp('postgres');
    const row = () => t?.ctx.db.selectFrom('shared_secrets').select('value').where('name', '=', CSRF_KEY_SECRET).executeTakeFirst();
    const first = await row();
    expect(first?.value.length).toBeGreaterThanOrEqual(32);
    // Another data folder, another key file: the database's key wins.
    const dir = mkdtempSync(join(tmpdir(), 'ftai-csrf-'));
    try {
      writeFileSync(join(dir, 'csrf.key'), 'a-key-of-an-older-data-folder-0123456789\n');
      const source = { db: t.ctx.db, dialect: t.dialect, config: { ...t.ctx.config, dataDir: dir } };
      expect(await csrfKey(source)).toBe(first?.value);
      // Before the database held one (an upgrade), the data folder's key becomes the database's.
      await t.ctx.db.deleteFrom('shared_secrets').execute();
      expect(await csrfKey(source)).toBe('a-key-of-an-older-data-folder-0123456789');
      expect((await row())?.value).toBe('a-key-of-an-older-data-folder-0123456789');
      // FTAI_CSRF_KEY, when set, is the key.
      expect(await csrfKey({ ...source, config: { ...source.config, csrfKey: 'set-by-the-operator-0123' } })).toBe(
        'set-by-the-operator-0123',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
