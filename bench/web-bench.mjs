#!/usr/bin/env node
// Web app benchmark (npm run bench:web; bench/README.md): cold loads of the built web app in
// Chromium with DevTools throttling. Starts `ftai serve` on a fresh SQLite data folder filled by
// `ftai db seed-demo` (or measures --base), then for each network profile and each run opens the
// home page and the officer's dashboard, each in a new browser context (an empty cache), and
// records the first contentful paint, when the dashboard's figures are shown, and the bytes
// transferred. Prints medians (min–max) and the issue's targets as PASS or MISS; a MISS is a
// finding, not an error: the exit code is 1 only when a load fails.
//
//   node bench/web-bench.mjs [--runs 5] [--profiles slow-4g,10mbps] [--out samples.json]
//                            [--base http://127.0.0.1:8080 --user officer --password …] [--timeout 120]
//
// It needs the web app built (apps/web/dist) and Chromium at /usr/bin/chromium (or FTAI_CHROMIUM).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { freePort } from './free-port.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/bin/ftai.js');

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    profiles: { type: 'string', default: 'slow-4g,10mbps' },
    out: { type: 'string' },
    // Measure a server that is already running instead of starting one; the officer's account.
    base: { type: 'string' },
    user: { type: 'string', default: 'officer' },
    password: { type: 'string' },
    // Seconds one page may take to load and show what is waited for.
    timeout: { type: 'string', default: '120' },
  },
});

/** DevTools throttling: Mbit/s down and up, round-trip latency in ms, CPU slowdown. */
const PROFILES = {
  'slow-4g': { down: 1.6, up: 0.75, latency: 150, cpu: 4 },
  '10mbps': { down: 10, up: 5, latency: 40, cpu: 1 },
};
/** The officer's dashboard, and the caption of its last figure: shown only once the call's figures have loaded. */
const DASHBOARD = '/officer/dashboard';
const USABLE_TEXTS = ['剩余可分配', 'Left to allocate'];
/** The issue's targets (KB = 1,000 bytes, as Vite prints sizes). */
const TARGETS = { homeJsBytes: 250_000, fcpMs: 3000, usableMs: 5000 };

const runs = Number(args.runs);
const timeoutMs = Number(args.timeout) * 1000;
const profiles = args.profiles.split(',');
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a whole number of at least 1, got ${args.runs}`);
for (const p of profiles) if (!PROFILES[p]) throw new Error(`--profiles: expected some of ${Object.keys(PROFILES).join(', ')}, got ${p}`);

const log = (...a) => process.stderr.write(`${a.join(' ')}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => (x === undefined ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

/** `ftai db seed-demo` into a fresh data folder, then `ftai serve` on it; resolves once /healthz answers. */
async function startServer() {
  if (!existsSync(join(root, 'apps/web/dist/index.html'))) throw new Error('build the web app first: npm run build -w @ftai/web');
  const dataDir = mkdtempSync(join(tmpdir(), 'ftai-web-bench-'));
  // SQLite whatever the shell says; cheaper password hashes, as in the end-to-end tests (sign-in is not timed).
  const env = { ...process.env, FTAI_DATA_DIR: dataDir, DATABASE_URL: '', FTAI_SCRYPT_LOG_N: '12' };
  const cleanUp = () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}-audit`, { recursive: true, force: true });
  };
  const seeded = spawnSync(process.execPath, [bin, 'db', 'seed-demo', '--data', dataDir], { env, encoding: 'utf8' });
  if (seeded.status !== 0) {
    cleanUp();
    throw new Error(`ftai db seed-demo exited ${seeded.status}: ${seeded.stderr}`);
  }
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    cleanUp();
  };
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null || i > 300) {
      await stop();
      throw new Error(`ftai serve did not answer /healthz (exit ${child.exitCode}): ${stderr}`);
    }
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, stop };
}

/**
 * Signs in over HTTP, as the web app does, and returns the session's cookies for a browser
 * context. A cold context with these cookies loads the dashboard signed in: the app asks
 * /api/v1/auth/me on every load, which answers the user and a fresh CSRF token, and no page of
 * the app has been in its cache.
 */
async function signIn(base, username, password) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${username}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res.headers.getSetCookie().map((c) => {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    return { name: pair.slice(0, i), value: pair.slice(i + 1), url: base, httpOnly: true, sameSite: 'Strict' };
  });
}

/**
 * One cold load of `path` in a new context with `profile`'s throttling: the first contentful
 * paint, when `usable` (a function run in the page) first gives a time, when `charts` does, and
 * the bytes transferred once the network has been quiet for half a second.
 */
async function load(browser, base, path, profile, { cookies, usable, charts } = {}) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  try {
    if (cookies) await context.addCookies(cookies);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests = new Map();
    let lastActivity = performance.now();
    const sample = { jsBytes: 0, jsFiles: 0, totalBytes: 0, files: 0, jsEncodings: new Set(), scripts: [] };
    cdp.on('Network.requestWillBeSent', (e) => {
      requests.set(e.requestId, { done: false, url: e.request.url });
      lastActivity = performance.now();
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = requests.get(e.requestId);
      if (!r) return;
      const encoding = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'];
      // The response's encodedDataLength so far is its headers' size.
      Object.assign(r, { type: e.type, encoding, headerBytes: e.response.encodedDataLength });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      lastActivity = performance.now();
      if (!r) return;
      r.done = true;
      // What came over the wire: in total with the headers (as DevTools counts "transferred"), and
      // for scripts the bodies as sent, compressed or not (the size of a .br or .gz file served).
      sample.totalBytes += e.encodedDataLength;
      sample.files++;
      if (r.type === 'Script') {
        const bytes = Math.max(0, e.encodedDataLength - (r.headerBytes ?? 0));
        sample.jsBytes += bytes;
        sample.jsFiles++;
        sample.jsEncodings.add(r.encoding ?? 'none');
        sample.scripts.push({ path: new URL(r.url).pathname, bytes, encoding: r.encoding ?? 'none' });
      }
    });
    cdp.on('Network.loadingFailed', (e) => {
      const r = requests.get(e.requestId);
      if (r) r.done = true;
      lastActivity = performance.now();
    });
    await cdp.send('Network.enable');
    const p = PROFILES[profile];
    if (p) {
      const bytesPerSecond = (mbps) => (mbps * 1e6) / 8;
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: p.latency,
        downloadThroughput: bytesPerSecond(p.down),
        uploadThroughput: bytesPerSecond(p.up),
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: p.cpu });
    }
    // From the answer's start on, the page is watched: the times below are on its clock, which
    // starts at the navigation's start.
    await page.goto(base + path, { waitUntil: 'commit', timeout: timeoutMs });
    const at = async (fn, arg) => (await page.waitForFunction(fn, arg, { timeout: timeoutMs, polling: 'raf' })).jsonValue();
    sample.fcp = await at(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
    if (usable) {
      sample.usable = await at(usable.fn, usable.arg);
      if (sample.usable < 0) throw new Error(`${path}: not signed in (the app went to ${page.url()})`);
    }
    if (charts) sample.charts = await at(charts);
    await page.waitForLoadState('load', { timeout: timeoutMs });
    for (const t0 = performance.now(); performance.now() - t0 < timeoutMs; ) {
      if ([...requests.values()].every((r) => r.done) && performance.now() - lastActivity > 500) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return { ...sample, jsEncodings: [...sample.jsEncodings].join(','), url: page.url() };
  } finally {
    await context.close();
  }
}

/** The time (from navigation start) at which one of `texts` is shown as an element's own text; -1 on the sign-in page. */
function figuresShown(texts) {
  if (location.pathname.startsWith('/login')) return -1;
  const xpath = `//*[${texts.map((t) => `normalize-space(text())='${t}'`).join(' or ')}]`;
  const hit = document.evaluate(xpath, document.body, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
  return hit?.checkVisibility() ? performance.now() : 0;
}

/** The time at which every chart of the page holds its drawing (the ECharts chunk loaded and run). */
function chartsDrawn() {
  const boxes = [...document.querySelectorAll('[data-testid^="chart-"]')];
  return boxes.length > 0 && boxes.every((b) => b.querySelector('svg, canvas')) ? performance.now() : 0;
}

function report(samples) {
  const cell = (xs, fmt) => {
    const v = xs.filter((x) => x !== undefined);
    if (v.length === 0) return '–';
    const [lo, hi] = [Math.min(...v), Math.max(...v)];
    return lo === hi ? fmt(lo) : `${fmt(median(v))} (${fmt(lo)}–${fmt(hi)})`;
  };
  const rows = {};
  for (const profile of profiles) {
    for (const page of ['home', 'dashboard']) {
      const mine = samples.filter((s) => s.profile === profile && s.page === page);
      if (mine.length === 0) continue;
      const of = (k) => mine.map((s) => s[k]);
      rows[`${profile}, ${page}`] = {
        FCP: cell(of('fcp'), ms),
        usable: page === 'dashboard' ? cell(of('usable'), ms) : '',
        'charts drawn': page === 'dashboard' ? cell(of('charts'), ms) : '',
        'JS compressed': cell(of('jsBytes'), kb),
        'JS files': cell(of('jsFiles'), String),
        'JS encoding': [...new Set(of('jsEncodings'))].join(' '),
        total: cell(of('totalBytes'), kb),
        requests: cell(of('files'), String),
      };
    }
  }
  console.log(`ftai web app benchmark — cold loads in Chromium with DevTools throttling; median (min–max) of ${runs} runs`);
  console.table(rows);
  console.log('\nTargets of the issue (medians):');
  // The bytes do not depend on the throttling: the home page's loads of every profile together.
  for (const [label, profile, page, key, limit, fmt] of [
    ['home page JavaScript ≤ 250 KB compressed', undefined, 'home', 'jsBytes', TARGETS.homeJsBytes, kb],
    ['first contentful paint ≤ 3 s on slow 4G', 'slow-4g', 'home', 'fcp', TARGETS.fcpMs, ms],
    ['officer dashboard usable ≤ 5 s on slow 4G', 'slow-4g', 'dashboard', 'usable', TARGETS.usableMs, ms],
  ]) {
    const xs = samples.filter((s) => (!profile || s.profile === profile) && s.page === page).map((s) => s[key]);
    const verdict = xs.length === 0 ? '----' : median(xs) <= limit ? 'PASS' : 'MISS';
    console.log(
      `  ${verdict}  ${label.padEnd(44)} ${xs.length ? `${fmt(median(xs))} (${xs.length} load${xs.length === 1 ? '' : 's'})` : `not judged: needs ${profile ?? 'a home page load'}`}`,
    );
  }
}

const server = args.base ? undefined : await startServer();
const base = args.base?.replace(/\/$/, '') ?? server.base;
const samples = [];
let failed = 0;
let browser;
try {
  // The demo's password, from the built seeder (apps/server/src/demo/seed-demo.ts), unless told.
  const password = args.password ?? (await import(join(root, 'apps/server/dist/demo/seed-demo.js'))).DEMO_PASSWORD;
  const cookies = await signIn(base, args.user, password);
  browser = await chromium.launch({
    executablePath: process.env.FTAI_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  const dashboard = { cookies, usable: { fn: figuresShown, arg: USABLE_TEXTS }, charts: chartsDrawn };
  // One load of each page without throttling first, not recorded: the server's first answers
  // (files read, code compiled) are not the browser's cold start.
  log(`${base}: warming the server up`);
  await load(browser, base, '/', undefined);
  await load(browser, base, DASHBOARD, undefined, dashboard);
  for (const profile of profiles) {
    for (let run = 1; run <= runs; run++) {
      for (const [page, path, options] of [
        ['home', '/', {}],
        ['dashboard', DASHBOARD, dashboard],
      ]) {
        try {
          const s = { profile, page, run, ...(await load(browser, base, path, profile, options)) };
          samples.push(s);
          log(
            `  ${profile} run ${run} ${page}: FCP ${ms(s.fcp)}${s.usable ? `, usable ${ms(s.usable)}, charts ${ms(s.charts)}` : ''}, ` +
              `JS ${kb(s.jsBytes)} in ${s.jsFiles} files, total ${kb(s.totalBytes)}`,
          );
        } catch (error) {
          failed++;
          log(`  ${profile} run ${run} ${page} failed: ${error instanceof Error ? error.message : error}`);
        }
      }
    }
  }
} finally {
  await browser?.close();
  await server?.stop();
}
if (args.out)
  writeFileSync(
    args.out,
    JSON.stringify({ base, runs, profiles: profiles.map((name) => ({ name, ...PROFILES[name] })), samples }, null, 1),
  );
report(samples);
if (failed) {
  log(`${failed} load(s) failed`);
  process.exitCode = 1;
}
