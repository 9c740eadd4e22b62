#!/usr/bin/env node
// City-scale benchmark (npm run bench:scale; bench/README.md): for each database and each N, seeds
// one call of N applications with the bulk seeder (apps/server/src/demo/seed-scale.ts), starts
// `ftai serve` in its own process on that database, signs in as the officer over HTTP and times the
// officer's operations (median and p95 of --reps calls after three untimed ones; the state changes
// once; each operation starts with the database at rest), then reads the
// server's peak RSS (VmHWM) and the database's size. Prints a table, the growth ratios and the
// targets of issue 13 as PASS or MISS.
//
//   node bench/scale-bench.mjs [--sizes 1000,10000,100000] [--dialects sqlite,postgres] [--reps 20]
//                              [--xlsx-reps 5] [--op-budget 180] [--out results.json] [--keep] [--server-log file]
//                              [--seed-cache dir]
//
// PostgreSQL: a fresh database per run, made and dropped through FTAI_BENCH_DATABASE_URL (or
// FTAI_TEST_DATABASE_URL; default postgres://postgres@127.0.0.1:5432/postgres).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createContext, loadConfig, migrateToLatest, openAuditLog, openDatabase } from '@ftai/server';
import pg from 'pg';
import { freePort } from './free-port.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/bin/ftai.js');
const { seedScale } = await import(join(root, 'apps/server/dist/demo/seed-scale.js'));

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    dialects: { type: 'string', default: 'sqlite,postgres' },
    reps: { type: 'string', default: '20' },
    'xlsx-reps': { type: 'string', default: '5' },
    // Stop repeating an operation once its calls have taken this long (at least 3 calls).
    'op-budget': { type: 'string', default: '180' },
    timeout: { type: 'string', default: '900' },
    out: { type: 'string' },
    // The server's own log (FTAI_LOG=1), appended here: to see why an answer was a 500.
    'server-log': { type: 'string' },
    keep: { type: 'boolean', default: false },
    // Seed each (database, N) once and start every later run from a copy: a PostgreSQL template
    // database and a copy of the data folder and its audit key, with the seeding's answer, kept in
    // this folder. The server migrates the copy at start. For working on the operations, not for
    // the figures you quote: the first run seeds and prints the seeding time.
    'seed-cache': { type: 'string' },
  },
});
const sizes = args.sizes.split(',').map((s) => Number(s.replace(/[_k]/g, (c) => (c === 'k' ? '000' : ''))));
const dialects = args.dialects.split(',');
const reps = Number(args.reps);
const xlsxReps = Math.min(reps, Number(args['xlsx-reps']));
const opBudgetMs = Number(args['op-budget']) * 1000;
const timeoutMs = Number(args.timeout) * 1000;
for (const n of sizes)
  if (!Number.isInteger(n) || n < 20) throw new Error(`--sizes: expected whole numbers of at least 20, got ${args.sizes}`);
for (const d of dialects) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`--dialects: expected sqlite and/or postgres, got ${d}`);
const PG_BASE = process.env.FTAI_BENCH_DATABASE_URL || process.env.FTAI_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const PAGE = 50;

/**
 * The officer's operations, in the order they run (those that change state run once, and the
 * ones after them read what they wrote). The one place to adapt when a route changes.
 * - kind: 'paged' (a page or one record: p95 < 200 ms, grows ≤ 1.5× from 10k to 100k) or 'whole'
 *   (works on the whole call: grows ≤ 12×);
 * - page: the query takes the paging contract (limit/after); a route that refuses it (400, not
 *   paged yet) is timed without, and the table says "unpaged";
 * - times: how many calls (default --reps).
 */
const OPERATIONS = [
  { id: 'applications', label: 'applications, a page', kind: 'paged', page: true, path: (s) => `/api/v1/applications?callId=${s.callId}` },
  {
    id: 'applicationsFiltered',
    label: 'applications, a page, status filter',
    kind: 'paged',
    page: true,
    path: (s) => `/api/v1/applications?callId=${s.callId}&status=under_review`,
  },
  { id: 'application', label: 'one application', kind: 'paged', path: (s, i) => `/api/v1/applications/${s.ids[i % s.ids.length]}` },
  { id: 'audit', label: 'audit log, a page', kind: 'paged', page: true, path: () => '/api/v1/audit' },
  { id: 'dashboard', label: 'dashboard', kind: 'whole', path: (s) => `/api/v1/calls/${s.callId}/dashboard` },
  {
    id: 'preview',
    label: 'allocation preview',
    kind: 'whole',
    method: 'POST',
    body: { method: 'proportional' },
    path: (s) => `/api/v1/calls/${s.callId}/allocation/preview`,
  },
  {
    id: 'commit',
    label: 'allocation commit (once)',
    kind: 'whole',
    method: 'POST',
    times: 1,
    body: { method: 'proportional' },
    idempotencyKey: true,
    path: (s) => `/api/v1/calls/${s.callId}/allocation/commit`,
  },
  { id: 'ledger', label: 'ledger, a page', kind: 'paged', page: true, path: (s) => `/api/v1/ledger?callId=${s.callId}` },
  // Again once the call's awards exist: the dashboard then sums them too.
  { id: 'dashboardAfter', label: 'dashboard, after the commit', kind: 'whole', path: (s) => `/api/v1/calls/${s.callId}/dashboard` },
  {
    id: 'publish',
    label: 'notice publish (once)',
    kind: 'whole',
    method: 'POST',
    times: 1,
    body: { objectionDays: 5 },
    idempotencyKey: true,
    path: (s) => `/api/v1/calls/${s.callId}/notice`,
    after: (s, json) => {
      s.noticeId = json.id;
    },
  },
  { id: 'notice', label: 'notice, a page (JSON)', kind: 'paged', page: true, path: (s) => `/api/v1/notices/${s.noticeId}` },
  { id: 'noticeHtml', label: 'notice, a page (HTML)', kind: 'paged', page: true, public: true, path: (s) => `/notices/${s.noticeId}` },
  {
    id: 'xlsx',
    label: 'notice .xlsx, whole',
    kind: 'whole',
    public: true,
    times: xlsxReps,
    rssBefore: true,
    path: (s) => `/api/v1/notices/${s.noticeId}/export.xlsx`,
  },
];

/** The targets of issue 13 (PostgreSQL, N = 100,000, this 2-core machine). */
const TARGETS = [
  {
    label: 'paged lists and one application p95 < 200 ms',
    ops: ['applications', 'applicationsFiltered', 'application', 'audit', 'ledger'],
    p95: 200,
  },
  { label: 'dashboard p95 < 500 ms', ops: ['dashboard', 'dashboardAfter'], p95: 500 },
  { label: 'allocation preview < 3 s', ops: ['preview'], p95: 3000 },
  { label: 'allocation commit < 20 s', ops: ['commit'], p95: 20_000 },
  { label: 'notice publish < 20 s', ops: ['publish'], p95: 20_000 },
  { label: 'one page of the notice < 200 ms', ops: ['notice', 'noticeHtml'], p95: 200 },
];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const ms = (x) =>
  x === undefined ? '–' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`;
const mib = (bytes) => `${Math.round(bytes / 1048576)} MiB`;
const fmtN = (n) => n.toLocaleString('en-US');
const log = (...a) => process.stderr.write(`${a.join(' ')}\n`);

/** The server's peak resident set (VmHWM) and current one (VmRSS), in bytes. */
function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
}

/** Starts the process's peak resident set (VmHWM) again from its resident set now (Linux: clear_refs 5); false where not allowed. */
function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** A fresh PostgreSQL database for one run, empty or a copy of `template`; dropped by `drop`. */
async function freshPostgres(n, template) {
  const name = `ftai_scale_${n}_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(PG_BASE);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    size: async () => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      const { rows } = await c.query('select pg_database_size(current_database()) as size');
      await c.end();
      return Number(rows[0].size);
    },
    /** Waits until no VACUUM or ANALYZE runs on this database (up to 5 min); the ms waited. */
    atRest: async () => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      const t0 = performance.now();
      try {
        for (;;) {
          const { rows } = await c.query(
            `select count(*)::int as n from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid() and state = 'active'
                and (query ilike 'vacuum%' or query ilike 'analyze%' or backend_type = 'autovacuum worker')`,
          );
          if (rows[0].n === 0 || performance.now() - t0 > 300_000) break;
          await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        await c.end();
      }
      return performance.now() - t0;
    },
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_BASE });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Seeds N applications into a fresh database in this process, then closes it. */
async function seed(dataDir, databaseUrl, n) {
  const config = loadConfig({ dataDir, databaseUrl });
  const handle = openDatabase({ databaseUrl, dataDir });
  try {
    const ctx = createContext(handle.db, handle.dialect, config);
    await migrateToLatest(handle.db, handle.dialect);
    await openAuditLog(handle.db, ctx.now());
    let shown = 0;
    return await seedScale(ctx, {
      applications: n,
      onProgress: (done, total) => {
        if (done === total || performance.now() - shown > 5000) {
          shown = performance.now();
          log(`  seeded ${fmtN(done)} / ${fmtN(total)}`);
        }
      },
    });
  } finally {
    await handle.close();
  }
}

/** An HTTP client with the officer's cookies and CSRF token. */
class Officer {
  cookies = new Map();
  csrf = '';
  statuses = [];
  constructor(base) {
    this.base = base;
  }
  async request(method, path, { body, idempotencyKey, anonymous } = {}) {
    const headers = {};
    if (!anonymous && this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (!anonymous && this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const t0 = performance.now();
    const res = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const buf = Buffer.from(await res.arrayBuffer());
    const elapsed = performance.now() - t0;
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    this.statuses.push(res.status);
    return { status: res.status, elapsed, bytes: buf.length, text: () => buf.toString('utf8') };
  }
  async login(username, password) {
    const res = await this.request('POST', '/api/v1/auth/login', { body: { username, password } });
    if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status} ${res.text().slice(0, 300)}`);
    this.csrf = JSON.parse(res.text()).csrfToken;
  }
}

async function startServer(dataDir, databaseUrl) {
  const port = await freePort();
  const env = { ...process.env, FTAI_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  if (args['server-log']) env.FTAI_LOG = '1';
  const out = args['server-log'] ? openSync(args['server-log'], 'a') : 'ignore';
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port)], { env, stdio: ['ignore', out, 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`ftai serve exited ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    if (i > 600) throw new Error(`ftai serve did not answer /healthz in 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    pid: child.pid,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Times every operation against a running server; returns { [op.id]: { samples, bytes, status, unpaged } }. */
async function measure(server, seeded, atRest = async () => 0) {
  const officer = new Officer(server.base);
  await officer.login(seeded.officer.username, seeded.officer.password);
  // Twenty approved applications from across the call, to read one by one.
  const state = { callId: seeded.callId, ids: seeded.sampleIds };
  const results = {};
  let rssBeforeExport;
  let wrote = false;
  let exportPeakRss;
  for (const op of OPERATIONS) {
    const times = op.times ?? reps;
    const r = { samples: [], bytes: 0, status: 0, unpaged: false, errors: [] };
    results[op.id] = r;
    if (op.rssBefore) {
      rssBeforeExport = memoryOf(server.pid).hwm;
      // The export's own peak: the kernel starts the peak (VmHWM) again from the resident set now.
      exportPeakRss = resetPeak(server.pid) ? null : undefined;
    }
    let spent = 0;
    // Each operation starts with the database at rest: after a commit or a publication the server
    // starts a VACUUM of the tables it wrote (docs/PLATFORM.md), which would otherwise share the two
    // cores with whatever is timed next. How long it ran is printed.
    if (wrote) {
      r.waitedMs = await atRest();
      wrote = false;
      if (r.waitedMs >= 100) log(`  (waited ${ms(r.waitedMs)} for the server's VACUUM to end)`);
    }
    // Reads repeated many times get three calls first that are not timed (code paths compiled, caches warm).
    if (times >= 5 && !op.method && !op.rssBefore) {
      const path = op.path(state, 0);
      for (let w = 0; w < 3; w++) {
        const warm = await officer.request('GET', op.page ? `${path}${path.includes('?') ? '&' : '?'}limit=${PAGE}` : path, {
          anonymous: op.public,
        });
        r.unpaged = op.page === true && warm.status === 400;
      }
    }
    for (let i = 0; i < times; i++) {
      let path = op.path(state, i);
      if (op.page && !r.unpaged) path += `${path.includes('?') ? '&' : '?'}limit=${PAGE}`;
      const res = await officer.request(op.method ?? 'GET', path, {
        body: op.body,
        anonymous: op.public,
        idempotencyKey: op.idempotencyKey ? `bench-${op.id}-${seeded.callId}` : undefined,
      });
      if (i === 0 && op.page && !r.unpaged && res.status === 400) {
        // Not paged yet (a strict query refuses `limit`): time the whole list instead, and say so.
        r.unpaged = true;
        i--;
        continue;
      }
      r.status = res.status;
      if (res.status >= 300) {
        r.errors.push(`${res.status} ${res.text().slice(0, 200)}`);
        log(`  ${op.label}: ${res.status} ${res.text().slice(0, 200)}`);
        break;
      }
      r.samples.push(res.elapsed);
      r.bytes = res.bytes;
      if (op.after) op.after(state, JSON.parse(res.text()));
      spent += res.elapsed;
      if (spent > opBudgetMs && r.samples.length >= 3) break;
    }
    if (op.rssBefore && exportPeakRss === null) exportPeakRss = memoryOf(server.pid).hwm;
    const med = r.samples.length ? quantile(r.samples, 0.5) : undefined;
    log(`  ${op.label}: median ${ms(med)} p95 ${ms(r.samples.length ? quantile(r.samples, 0.95) : undefined)} (${r.samples.length} calls)`);
    if (op.id !== 'publish' && op.id !== 'commit') continue;
    wrote = true;
    if (r.samples.length === 0) break; // what follows needs it
  }
  const memory = memoryOf(server.pid);
  // The whole run's peak: the one before the export's start, or the export's own, whichever is higher.
  return { results, rssBeforeExport, exportPeakRss, peakRss: Math.max(memory.hwm, rssBeforeExport ?? 0), statuses: officer.statuses };
}

/** Where --seed-cache keeps the seeding of one (database, N), and its PostgreSQL template's name. */
function cacheOf(dialect, n) {
  if (!args['seed-cache']) return undefined;
  const dir = join(args['seed-cache'], `${dialect}-${n}`);
  return { dir, data: join(dir, 'data'), answer: join(dir, 'seeded.json'), template: `ftai_seed_cache_${n}` };
}

/** The data folder and its audit key's folder (`<data>-audit`), copied. */
function copyData(from, to) {
  rmSync(to, { recursive: true, force: true });
  rmSync(`${to}-audit`, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  if (existsSync(`${from}-audit`)) cpSync(`${from}-audit`, `${to}-audit`, { recursive: true });
}

/** Saves a fresh seeding to the cache: the data folder, the answer, and on PostgreSQL a template copy. */
async function saveSeed(cache, dataDir, database, seeded) {
  mkdirSync(cache.dir, { recursive: true });
  copyData(dataDir, cache.data);
  if (database) {
    const admin = new pg.Client({ connectionString: PG_BASE });
    await admin.connect();
    await admin.query(`drop database if exists ${cache.template}`);
    await admin.query(`create database ${cache.template} template ${new URL(database.url).pathname.slice(1)}`);
    await admin.end();
  }
  writeFileSync(cache.answer, JSON.stringify(seeded));
}

async function runOne(dialect, n) {
  log(`\n${dialect}, N = ${fmtN(n)}`);
  const dataDir = mkdtempSync(join(tmpdir(), `ftai-scale-${dialect}-${n}-`));
  const cache = cacheOf(dialect, n);
  const cached = cache && existsSync(cache.answer);
  const database = dialect === 'postgres' ? await freshPostgres(n, cached ? cache.template : undefined) : undefined;
  let server;
  try {
    let seeded;
    if (cached) {
      copyData(cache.data, dataDir);
      seeded = JSON.parse(readFileSync(cache.answer, 'utf8'));
      log(`  copied the seeding kept in ${cache.dir}`);
    } else {
      seeded = await seed(dataDir, database?.url, n);
      if (cache) await saveSeed(cache, dataDir, database, seeded);
    }
    log(
      `  seeded in ${ms(seeded.ms)}: ${fmtN(seeded.applications)} applications, ${fmtN(seeded.items)} items, ${fmtN(seeded.approved)} approved ` +
        `(${fmtN(seeded.approvedTotal)} yuan for a budget of ${fmtN(seeded.totalBudget)}), ${fmtN(seeded.auditEntries)} audit entries`,
    );
    server = await startServer(dataDir, database?.url);
    const run = await measure(server, seeded, database?.atRest);
    await server.stop();
    const file = join(dataDir, 'ftai.sqlite');
    const dbBytes = database
      ? await database.size()
      : [file, `${file}-wal`].filter((f) => existsSync(f)).reduce((s, f) => s + statSync(f).size, 0);
    return { dialect, n, seeded, ...run, dbBytes };
  } catch (error) {
    if (server) log(`  server stderr: ${server.stderr()}`);
    throw error;
  } finally {
    await server?.stop();
    if (!args.keep) {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}-audit`, { recursive: true, force: true });
    } else log(`  kept: ${dataDir}${database ? ` and ${database.url}` : ''}`);
  }
}

function report(runs) {
  const p = (s = '') => console.log(s);
  const cell = (r) => {
    if (!r || r.samples.length === 0) return r?.errors.length ? `ERR ${r.errors[0].slice(0, 3)}` : '–';
    const med = quantile(r.samples, 0.5);
    const p95 = quantile(r.samples, 0.95);
    return `${ms(med)} / ${ms(p95)}${r.unpaged ? ' unpaged' : ''}`;
  };
  p(`ftai city-scale benchmark — one call, N applications; median / p95 of up to ${reps} calls (state changes once), over HTTP`);
  for (const dialect of dialects) {
    const mine = runs.filter((r) => r.dialect === dialect);
    if (mine.length === 0) continue;
    p();
    p(`${dialect}`);
    const rows = {};
    for (const op of OPERATIONS) {
      const row = {};
      for (const r of mine) {
        row[`N=${fmtN(r.n)}`] = cell(r.results[op.id]);
        const res = r.results[op.id];
        if (res?.bytes) row[`KB ${fmtN(r.n)}`] = Math.round(res.bytes / 1024);
      }
      rows[op.label] = row;
    }
    rows['server peak RSS (VmHWM)'] = Object.fromEntries(mine.map((r) => [`N=${fmtN(r.n)}`, mib(r.peakRss)]));
    rows['  before the export'] = Object.fromEntries(mine.map((r) => [`N=${fmtN(r.n)}`, r.rssBeforeExport ? mib(r.rssBeforeExport) : '–']));
    rows['  during the export'] = Object.fromEntries(mine.map((r) => [`N=${fmtN(r.n)}`, r.exportPeakRss ? mib(r.exportPeakRss) : '–']));
    rows['database size'] = Object.fromEntries(mine.map((r) => [`N=${fmtN(r.n)}`, mib(r.dbBytes)]));
    rows['answers ≥ 500'] = Object.fromEntries(mine.map((r) => [`N=${fmtN(r.n)}`, String(r.statuses.filter((s) => s >= 500).length)]));
    rows['seeding (not timed over HTTP)'] = Object.fromEntries(mine.map((r) => [`N=${fmtN(r.n)}`, ms(r.seeded.ms)]));
    console.table(rows);
    // Growth of the median from each N to the next.
    if (mine.length > 1) {
      const growth = {};
      for (const op of OPERATIONS) {
        const row = { kind: op.kind };
        for (let i = 1; i < mine.length; i++) {
          const a = mine[i - 1].results[op.id];
          const b = mine[i].results[op.id];
          row[`${fmtN(mine[i - 1].n)}→${fmtN(mine[i].n)}`] =
            a?.samples.length && b?.samples.length ? `×${(quantile(b.samples, 0.5) / quantile(a.samples, 0.5)).toFixed(2)}` : '–';
        }
        growth[op.label] = row;
      }
      growth['server peak RSS'] = Object.fromEntries(
        mine.slice(1).map((r, i) => [`${fmtN(mine[i].n)}→${fmtN(r.n)}`, `×${(r.peakRss / mine[i].peakRss).toFixed(2)}`]),
      );
      growth['database size'] = Object.fromEntries(
        mine.slice(1).map((r, i) => [`${fmtN(mine[i].n)}→${fmtN(r.n)}`, `×${(r.dbBytes / mine[i].dbBytes).toFixed(2)}`]),
      );
      p(`${dialect}: growth of the median`);
      console.table(growth);
    }
  }
  console.log();
  console.log('Targets of issue 13 (PostgreSQL, N = 100,000); each judged on every database at its largest N measured:');
  for (const dialect of dialects) {
    const mine = runs.filter((r) => r.dialect === dialect);
    const big = mine.at(-1);
    if (!big) continue;
    const official = dialect === 'postgres' && big.n === 100_000;
    const where = `${dialect}, N = ${fmtN(big.n)}${official ? '' : ' — indicative only'}`;
    console.log(`\n  ${where}`);
    const verdict = (ok, label, detail) => console.log(`  ${ok ? 'PASS' : 'MISS'}  ${label.padEnd(52)} ${detail}`);
    for (const t of TARGETS) {
      const worst = t.ops
        .map((id) => ({ id, r: big.results[id] }))
        .map(({ id, r }) => ({ id, p95: r?.samples.length ? quantile(r.samples, 0.95) : Number.POSITIVE_INFINITY, unpaged: r?.unpaged }))
        .sort((a, b) => b.p95 - a.p95)[0];
      const label = OPERATIONS.find((o) => o.id === worst.id)?.label;
      verdict(
        worst.p95 < t.p95,
        t.label,
        `worst ${ms(Number.isFinite(worst.p95) ? worst.p95 : undefined)} (${label}${worst.unpaged ? ', unpaged' : ''})`,
      );
    }
    const xlsx = big.results.xlsx;
    // The peak while the exports ran (VmHWM started again before them) where the kernel allows it,
    // else the whole run's; the whole run's is printed beside it either way.
    const exportPeak = big.exportPeakRss ?? big.peakRss;
    verdict(
      xlsx?.samples.length > 0 && exportPeak < 512 * 1048576,
      '.xlsx export of the whole notice, peak RSS < 512 MiB',
      `peak ${mib(exportPeak)} ${big.exportPeakRss ? 'during the export' : 'of the whole run'} (whole run ${mib(big.peakRss)})${
        xlsx?.samples.length ? `, export ${ms(quantile(xlsx.samples, 0.5))}` : ', export failed'
      }`,
    );
    const bad = mine.flatMap((r) => r.statuses.filter((s) => s >= 500));
    verdict(bad.length === 0, 'no answer ≥ 500 in the run', `${bad.length} of ${mine.reduce((s, r) => s + r.statuses.length, 0)} answers`);
    const at10 = mine.find((r) => r.n === 10_000);
    const at100 = mine.find((r) => r.n === 100_000);
    if (!at10 || !at100) {
      console.log(`  ----  ${'growth 10k → 100k: paged ≤ 1.5×, whole-call ≤ 12×'.padEnd(52)} not judged: needs N = 10,000 and 100,000`);
      continue;
    }
    for (const [kind, limit] of [
      ['paged', 1.5],
      ['whole', 12],
    ]) {
      const ratios = OPERATIONS.filter((o) => o.kind === kind).map((o) => {
        const a = at10.results[o.id];
        const b = at100.results[o.id];
        const ratio =
          a?.samples.length && b?.samples.length ? quantile(b.samples, 0.5) / quantile(a.samples, 0.5) : Number.POSITIVE_INFINITY;
        return { label: o.label, ratio };
      });
      const worst = ratios.sort((x, y) => y.ratio - x.ratio)[0];
      verdict(
        worst.ratio <= limit,
        `${kind === 'paged' ? 'paged operations' : 'whole-call operations'} grow ≤ ${limit}× from 10k to 100k`,
        `worst ×${Number.isFinite(worst.ratio) ? worst.ratio.toFixed(2) : '∞'} (${worst.label})`,
      );
    }
  }
}

const runs = [];
for (const dialect of dialects) {
  for (const n of sizes) {
    try {
      runs.push(await runOne(dialect, n));
    } catch (error) {
      log(`  ${dialect} N = ${fmtN(n)} failed: ${error instanceof Error ? error.stack : error}`);
    }
  }
}
if (args.out) writeFileSync(args.out, JSON.stringify({ reps, sizes, dialects, runs }, null, 1));
report(runs);
