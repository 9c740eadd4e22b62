import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRequests } from '../../../bench/generate-requests.mjs';
import { loadConfig } from './config.js';
import { createContext } from './context.js';
import { openDatabase } from './db/database.js';
import { insertApplication, insertCall } from './review/test-fixtures.js';
import { type FreshDatabase, freshDatabase, HAS_POSTGRES } from './test/fresh-database.js';
import { CODE_A, CODE_B, PASSWORD } from './test/harness.js';
import { HttpClient } from './test/http-client.js';

/**
 * Two `ftai serve` processes on one PostgreSQL database (a schema of its own), each with its own
 * data folder and port, as two machines behind a load balancer: what one does, the other sees.
 * They share only the database and what the operator configures alike (FTAI_AUDIT_KEY); the CSRF
 * key comes from the database. Runs the built command (`npm run build`, as `npm test` does).
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'ftai.js');
const AUDIT_KEY = 'c3'.repeat(32);

/** A real, minimal PDF: header, one empty page, cross-reference table, trailer. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 10 10]>> endobj\n' +
    'xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000056 00000 n \n0000000111 00000 n \n' +
    'trailer <</Size 4 /Root 1 0 R>>\nstartxref\n178\n%%EOF\n',
);

/** A registry big enough to be running while a server restarts (one worker thread per server: some 20 s here). */
const ROWS = 8_000;
const bigRegistry = `${generateRequests(ROWS, 11)
  .map((r) => JSON.stringify(r))
  .join('\n')}\n`;

interface JobView {
  id: string;
  status: string;
  rowsDone: number;
  rowsTotal: number | null;
}

/** One `ftai serve` process. */
class Serve {
  output = '';
  private readonly exited: Promise<number | null>;
  private constructor(
    readonly child: ChildProcess,
    readonly address: string,
    exited: Promise<number | null>,
  ) {
    this.exited = exited;
  }

  /** Starts `ftai serve` on a free port; resolves once it says where it listens. */
  static async start(env: NodeJS.ProcessEnv): Promise<Serve> {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`ftai serve did not start within 60 s:\n${output}`)), 60_000);
      const read = (d: Buffer) => {
        output += d;
        const m = /serving on (http:\/\/\S+)/.exec(output);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`ftai serve exited (${code}) before listening:\n${output}`));
      });
    });
    const serve = new Serve(child, address, exited);
    serve.output = output;
    child.stdout?.on('data', (d) => (serve.output += d));
    child.stderr?.on('data', (d) => (serve.output += d));
    return serve;
  }

  /** SIGTERM, and the exit code once it has drained. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}

describe.runIf(HAS_POSTGRES)('two `ftai serve` processes on one PostgreSQL database', () => {
  let db: FreshDatabase;
  const env: Record<'a' | 'b', NodeJS.ProcessEnv> = { a: {}, b: {} };
  const servers: Record<'a' | 'b', Serve | undefined> = { a: undefined, b: undefined };
  let officer: HttpClient;
  const at = (which: 'a' | 'b') => {
    const s = servers[which];
    if (!s) throw new Error(`server ${which} is not running`);
    return s.address;
  };
  const ftai = (...args: string[]) =>
    execFileSync(process.execPath, [BIN, ...args], { env: { ...env.a, FTAI_PASSWORD: PASSWORD }, encoding: 'utf8' });
  const restart = async (which: 'a' | 'b') => {
    const code = await servers[which]?.stop();
    expect(code, servers[which]?.output).toBe(0);
    servers[which] = await Serve.start(env[which]);
  };

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'packages', 'cli', 'dist', 'main.js'))) throw new Error('build first: npx tsc -b');
    db = await freshDatabase('postgres');
    const base: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.databaseUrl, FTAI_AUDIT_KEY: AUDIT_KEY };
    // Nothing shared but the database and the audit key: the CSRF key is the database's.
    for (const name of ['FTAI_CSRF_KEY', 'FTAI_BLOB_URL', 'FTAI_AUDIT_KEY_FILE', 'FTAI_AUDIT_ANCHOR_FILE', 'PORT', 'FTAI_LOG'])
      delete base[name];
    const common = { FTAI_SCRYPT_LOG_N: '10', FTAI_MATCH_WORKERS: '1', FTAI_DRAIN_SECONDS: '20' };
    env.a = { ...base, ...common, FTAI_DATA_DIR: db.dataDir };
    env.b = { ...base, ...common, FTAI_DATA_DIR: db.newDataDir() };
    servers.a = await Serve.start(env.a);
    servers.b = await Serve.start(env.b);
    ftai('users', 'add', '--username', 'officer', '--role', 'officer', '--name', '经办人');
    ftai(
      'users',
      'add',
      '--username',
      'applicantA',
      '--role',
      'applicant',
      '--credit-code',
      CODE_A,
      '--enterprise',
      '北京测试甲智能科技有限公司',
    );
    ftai(
      'users',
      'add',
      '--username',
      'applicantB',
      '--role',
      'applicant',
      '--credit-code',
      CODE_B,
      '--enterprise',
      '北京测试乙智能科技有限公司',
    );
    officer = await new HttpClient(at('a')).login('officer', PASSWORD);
  }, 180_000);

  afterAll(async () => {
    const codes = await Promise.all([servers.a?.stop(), servers.b?.stop()]);
    await db?.drop();
    expect(codes.filter((c) => c !== undefined && c !== 0)).toEqual([]);
  }, 120_000);

  it('both answer /readyz 200', async () => {
    for (const which of ['a', 'b'] as const) {
      const res = await fetch(`${at(which)}/readyz`);
      expect(res.status, await res.clone().text()).toBe(200);
      expect(((await res.json()) as { database: string }).database).toBe('postgres');
    }
  });

  it('a session begun at one works at the other, with its CSRF token', async () => {
    const there = officer.at(at('b'));
    const me = (await (await there.get('/api/v1/auth/me')).json()) as { user: { username: string } | null };
    expect(me.user?.username).toBe('officer');
    const created = await there.post('/api/v1/calls', {
      year: 2026,
      title: '2027年度人工智能措施申报',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 5_000_000,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    // Without the token the other instance refuses, as the first would.
    const bare = officer.at(at('b'));
    bare.csrf = '';
    expect(
      (await bare.post('/api/v1/calls', { year: 2026, title: '无令牌', opensOn: '2027-03-01', closesOn: '2027-04-30', totalBudget: 1 }))
        .status,
    ).toBe(403);
  });

  it('the sign-in limits are counted together', async () => {
    // 10 attempts a minute per address and user name, wherever they arrive.
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${at(i % 2 ? 'b' : 'a')}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nobody-at-all', password: 'wrong-password' }),
      });
      codes.push(res.status);
    }
    expect(codes).toEqual([...Array(10).fill(401), 429, 429]);
  });

  it('a file uploaded to one downloads from the other byte for byte', async () => {
    const applicant = await new HttpClient(at('a')).login('applicantA', PASSWORD);
    const draft = await applicant.post('/api/v1/applications', {
      callId: await openCallId(),
      facts: { computeSpend: 1_000_000 },
      enterprise: { registeredInFengtai: true, taxResidentInFengtai: true, aiPartnerProgram: true },
    });
    expect(draft.status, await draft.clone().text()).toBe(201);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), '营业执照.pdf');
    const uploaded = await applicant.request('POST', `/api/v1/applications/${((await draft.json()) as { id: string }).id}/attachments`, {
      body: form,
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const { url } = (await uploaded.json()) as { url: string };
    const download = await applicant.at(at('b')).get(url);
    expect(download.status, await download.clone().text()).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('a cancel sent to the other instance stops a running match job', async () => {
    const job = await startJob('a');
    await until(async () => (await jobAt('a', job)).status === 'running', 'the job runs');
    const cancel = await officer.at(at('b')).post(`/api/v1/match-jobs/${job}/cancel`);
    expect([200, 202], await cancel.clone().text()).toContain(cancel.status);
    await until(async () => (await jobAt('a', job)).status === 'cancelled', 'the job is cancelled');
    const seen = await jobAt('b', job);
    expect(seen.status).toBe('cancelled');
    expect(seen.rowsDone).toBeLessThan(ROWS);
    const actions = await auditActions(job);
    expect(actions.filter((a) => a === 'match-job.cancel')).toHaveLength(1);
    expect(actions.filter((a) => a === 'match-job.finish')).toHaveLength(1);
  }, 300_000);

  it('a match job survives the restart of the other instance (and of its own: it is handed back)', async () => {
    const job = await startJob('b');
    await until(async () => (await jobAt('a', job)).status === 'running', 'the job runs');
    // Whichever runs it, one of the restarts is the other's, and one its own.
    await restart('a');
    expect((await jobAt('b', job)).status).not.toMatch(/failed|cancelled/);
    await restart('b');
    await until(async () => (await jobAt('a', job)).status === 'done', 'the job is done', 600_000);
    const done = await jobAt('b', job);
    expect(done).toMatchObject({ status: 'done', rowsDone: ROWS });
    // Run again from the start after a hand-back, not resumed twice: one answer per row.
    const results = await officer.at(at('a')).get(`/api/v1/match-jobs/${job}/results.jsonl`);
    expect(results.status).toBe(200);
    expect((await results.text()).split('\n').length - 1).toBe(ROWS);
    const actions = await auditActions(job);
    expect(actions.filter((a) => a === 'match-job.finish')).toHaveLength(1);
    officer = officer.at(at('a'));
  }, 900_000);

  it('the same allocation committed to both with one Idempotency-Key happens once', async () => {
    const callId = await approvedCall();
    const key = `commit-${callId}`;
    const commit = (which: 'a' | 'b') =>
      officer.at(at(which)).request('POST', `/api/v1/calls/${callId}/allocation/commit`, {
        json: { method: 'proportional' },
        headers: { 'idempotency-key': key },
      });
    const answers = await Promise.all([commit('a'), commit('b')]);
    const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, body: (await r.json()) as { allocationId?: string } })));
    expect(bodies.map((b) => b.status)).toEqual([201, 201]);
    expect(bodies[0]?.body.allocationId).toBeTruthy();
    expect(bodies[1]?.body.allocationId).toBe(bodies[0]?.body.allocationId);
    const rows = await withDb((d) => d.selectFrom('allocations').select('id').where('call_id', '=', callId).execute());
    expect(rows).toHaveLength(1);
    // One audit entry, of the one allocation (the only commit on this fresh database).
    const entries = await withDb((d) => d.selectFrom('audit_log').select('entity_id').where('action', '=', 'allocation.commit').execute());
    expect(entries.map((e) => e.entity_id)).toEqual([rows[0]?.id]);
    // Once more, at either: the same answer, nothing new.
    const again = await commit('b');
    expect(again.status).toBe(201);
    expect(((await again.json()) as { allocationId: string }).allocationId).toBe(bodies[0]?.body.allocationId);
  });

  it('the audit log both wrote verifies with the one key', () => {
    const report = ftai('audit', 'verify', '--json');
    expect(JSON.parse(report)).toMatchObject({ ok: true });
  });

  // —— helpers ——

  async function withDb<T>(work: (d: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
    const handle = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    try {
      return await work(handle.db);
    } finally {
      await handle.close();
    }
  }

  async function openCallId(): Promise<string> {
    const row = await withDb((d) =>
      d.selectFrom('calls').select('id').where('title', '=', '2027年度人工智能措施申报').executeTakeFirstOrThrow(),
    );
    return row.id;
  }

  /** A call with two approved applications, written straight to the database (the review is not under test here). */
  async function approvedCall(): Promise<string> {
    const handle = openDatabase({ databaseUrl: db.databaseUrl, dataDir: db.dataDir });
    try {
      const ctx = createContext(
        handle.db,
        handle.dialect,
        loadConfig({ databaseUrl: db.databaseUrl, dataDir: db.dataDir, auditKey: AUDIT_KEY }),
      );
      const users = await handle.db.selectFrom('users').select(['id', 'username']).execute();
      const id = (name: string) => users.find((u) => u.username === name)?.id ?? '';
      const callId = await insertCall(ctx, {
        year: 2025,
        totalBudget: 1_000_000,
        articleBudgets: { 1: 300_000 },
        createdBy: id('officer'),
      });
      for (const [code, by, amount] of [
        [CODE_A, 'applicantA', 400_000],
        [CODE_B, 'applicantB', 900_000],
      ] as const) {
        await insertApplication(ctx, {
          callId,
          creditCode: code,
          status: 'approved',
          items: [{ measure: '1', subject: null, engineAmount: amount, approvedAmount: amount }],
          createdBy: id(by),
        });
      }
      return callId;
    } finally {
      await handle.close();
    }
  }

  async function startJob(which: 'a' | 'b'): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([bigRegistry]), 'registry.jsonl');
    const res = await officer.at(at(which)).request('POST', '/api/v1/match-jobs', { body: form });
    expect(res.status, await res.clone().text()).toBe(202);
    return ((await res.json()) as JobView).id;
  }

  async function jobAt(which: 'a' | 'b', id: string): Promise<JobView> {
    const res = await officer.at(at(which)).get(`/api/v1/match-jobs/${id}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as JobView;
  }

  async function auditActions(id: string): Promise<string[]> {
    const rows = await withDb((d) => d.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('seq').execute());
    return rows.map((r) => r.action);
  }
});

/** Polls `check` until it holds; fails naming `what` after `limitMs`. */
async function until(check: () => Promise<boolean>, what: string, limitMs = 120_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not within ${limitMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
