#!/usr/bin/env node
// Load benchmark of the HTTP API (npm run bench:api): the server runs in its own process on a
// fresh SQLite database with the demo data; autocannon drives it from this process.
// Targets: p99 under 50 ms at 500 requests/s, for POST /api/v1/calculate and application reads.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/bin/ftai.js');
const dataDir = mkdtempSync(join(tmpdir(), 'ftai-bench-api-'));
const port = 18_000 + Math.floor(Math.random() * 1000);
const base = `http://127.0.0.1:${port}`;
const seconds = Number(process.env.BENCH_SECONDS || 15);

const run = (args) =>
  new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, FTAI_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`ftai ${args.join(' ')} exited ${code}`))));
  });

await run(['db', 'seed-demo']);
const server = spawn(process.execPath, [bin, 'serve', '--port', String(port)], {
  env: { ...process.env, FTAI_DATA_DIR: dataDir },
  stdio: 'ignore',
});
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    if (i > 100) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer', password: 'ftai-demo-2026' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const list = await (await fetch(`${base}/api/v1/applications`, { headers: { cookie } })).json();
  const appId = list.applications.find((a) => a.status !== 'draft').id;
  const request = readFileSync(join(root, 'examples/request.json'), 'utf8');

  const scenarios = [
    {
      name: 'POST /api/v1/calculate',
      method: 'POST',
      path: '/api/v1/calculate',
      headers: { 'content-type': 'application/json' },
      body: request,
    },
    { name: 'GET /api/v1/applications/:id', method: 'GET', path: `/api/v1/applications/${appId}`, headers: { cookie } },
    { name: 'GET /api/v1/applications (list)', method: 'GET', path: '/api/v1/applications', headers: { cookie } },
  ];
  const rows = [];
  for (const s of scenarios) {
    // Warm up (JIT, caches) before measuring: the target is about steady service, not start-up.
    await autocannon({ url: base + s.path, method: s.method, headers: s.headers, body: s.body, connections: 10, duration: 3 });
    for (const rate of [500, undefined]) {
      const r = await autocannon({
        url: base + s.path,
        method: s.method,
        headers: s.headers,
        body: s.body,
        connections: rate ? 20 : 32,
        duration: seconds,
        ...(rate && { overallRate: rate }),
      });
      const bad = r.non2xx + r.errors + r.timeouts;
      rows.push({
        scenario: s.name,
        load: rate ? `${rate} req/s` : 'max',
        'req/s': Math.round(r.requests.average),
        'p50 ms': r.latency.p50,
        'p99 ms': r.latency.p99,
        errors: bad,
        target: rate ? (r.latency.p99 < 50 && bad === 0 ? 'PASS (p99 < 50 ms)' : 'MISS (p99 < 50 ms)') : '',
      });
    }
  }
  console.log(`ftai API load benchmark — ${seconds} s per run, server in its own process, SQLite, demo data`);
  console.table(rows);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
