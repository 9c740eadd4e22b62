import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatCsvRecord, MAIN_THREAD_BELOW_BYTES, registryHeader, requestToCells } from '@ftai/match';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRequests } from '../../../bench/generate-requests.mjs';
import { locateWebApp } from '../src/locate-web-app.js';

/**
 * The command line as an app: calc, measures and match need only the engine, the policy and the
 * matcher; the platform's commands load @ftai/server (an optional peer) when run, and say how to
 * install it when it is missing; `ftai serve` finds the web app as @ftai/web exports it.
 * Through the real binary (bin/ftai.js over dist/: `npx tsc -b` first) with a preload
 * (fixtures/module-probe.mjs) that records every module resolved, worker threads included, and
 * can hide a package as if it were not installed.
 */
const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '..', 'bin', 'ftai.js');
const PROBE = join(here, 'fixtures', 'module-probe.mjs');
const WEB_DIST = join(here, '..', '..', '..', 'apps', 'web', 'dist');
const dir = mkdtempSync(join(tmpdir(), 'ftai-optional-platform-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

/** What the platform loads: the server package, its HTTP framework and its database drivers. */
const PLATFORM_MODULE = /@ftai\/server|\/apps\/server\/|\/node_modules\/(fastify|@fastify|pg|pg-pool|better-sqlite3|kysely)\//;
const PLATFORM_SPECIFIERS = new Set(['@ftai/server', 'fastify', 'pg', 'better-sqlite3', 'kysely']);

let runs = 0;
/** Runs `ftai …` under the probe; the modules it resolved (ESM specifiers and URLs, CommonJS files). */
function probe(args: readonly string[], options: { hide?: readonly string[]; input?: string } = {}) {
  const log = file(`modules-${++runs}.log`);
  writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(PROBE).href, BIN, ...args], {
    encoding: 'utf8',
    input: options.input,
    cwd: dir,
    timeout: 60_000,
    maxBuffer: 1 << 28,
    env: { ...process.env, DATABASE_URL: '', FTAI_PROBE_LOG: log, FTAI_PROBE_HIDE: (options.hide ?? []).join(',') },
  });
  const entries = readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
  const platform = entries.filter(([kind, a, b]) =>
    kind === 'esm' ? PLATFORM_SPECIFIERS.has(a as string) || PLATFORM_MODULE.test(b as string) : PLATFORM_MODULE.test(a as string),
  );
  const resolved = (specifier: string) => entries.some(([kind, a]) => kind === 'esm' && a === specifier);
  const resolvedUrl = (end: string) => entries.some(([kind, , url]) => kind === 'esm' && url?.endsWith(end));
  return { ...run, entries, platform: platform.map((e) => e.join(' ')), resolved, resolvedUrl };
}

const requests = generateRequests(3200, 777);
const jsonl = `${requests.map((r) => JSON.stringify(r)).join('\n')}\n`;
writeFileSync(file('requests.jsonl'), jsonl);
/** Past the size where a worker per other core joins the main thread by default. */
const bigJsonl = jsonl.repeat(Math.ceil((MAIN_THREAD_BELOW_BYTES + 1) / Buffer.byteLength(jsonl)));
writeFileSync(file('big.jsonl'), bigJsonl);
writeFileSync(file('request.json'), JSON.stringify(requests[0]));
const header = registryHeader({ lang: 'zh', items: 3, json: ['history', 'otherPolicyAwards'] });
writeFileSync(
  file('registry.csv'),
  `${[header, ...requests.slice(0, 50).map((r) => requestToCells(r, header))].map((r) => formatCsvRecord(r)).join('\n')}\n`,
);

describe('ftai calc, measures and match: no server, no Fastify, no database driver', () => {
  it('the large input is past the size where workers join by default', () => {
    expect(Buffer.byteLength(bigJsonl)).toBeGreaterThan(MAIN_THREAD_BELOW_BYTES);
  });

  it.each([
    ['calc FILE', ['calc', '--no-explain', 'request.json'], false],
    ['calc --jsonl FILE (the main thread)', ['calc', '--jsonl', '--no-explain', 'requests.jsonl'], false],
    ['calc --jsonl FILE past 16 MiB (the main thread and workers)', ['calc', '--jsonl', '--no-explain', 'big.jsonl'], true],
    ['calc --jsonl --workers 1 - (a worker thread)', ['calc', '--jsonl', '--workers', '1', '-'], true],
    ['measures', ['measures', '--json'], false],
    ['match --workers 1 (a worker thread)', ['match', 'registry.csv', '--out', 'answers.jsonl', '--workers', '1', '--quiet'], true],
  ])('%s', { timeout: 180_000 }, (_name, args, throughWorkers) => {
    const run = probe(args, { input: args.includes('-') ? jsonl : undefined });
    expect(run.status, run.stderr).toBe(0);
    // The probe saw the process load the policy (and the workers load the matcher's worker) …
    expect(run.resolved('@ftai/policy-fengtai')).toBe(true);
    expect(run.resolvedUrl('/match-worker.js')).toBe(throughWorkers);
    // … and nothing of the platform.
    expect(run.platform).toEqual([]);
  });

  it('the probe sees the platform when a platform command loads it (db migrate)', () => {
    const run = probe(['db', 'migrate', '--data', file('data-migrate')]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.resolved('@ftai/server')).toBe(true);
    expect(run.platform.some((m) => m.includes('fastify'))).toBe(true);
    rmSync(`${file('data-migrate')}-audit`, { recursive: true, force: true });
  });
});

describe('without @ftai/server installed', () => {
  it('calc, measures and match still run', () => {
    const hide = ['@ftai/server'];
    const calc = probe(['calc', '--jsonl', '--no-explain', '--workers', '1', 'requests.jsonl'], { hide });
    expect(calc.status, calc.stderr).toBe(0);
    expect(calc.stdout.split('\n')).toHaveLength(requests.length + 1);
    expect(probe(['measures'], { hide }).status).toBe(0);
    expect(probe(['match', 'registry.csv', '--out', 'answers.jsonl', '--quiet'], { hide }).status).toBe(0);
  });

  it.each([
    ['serve', ['serve', '--port', '0']],
    ['db migrate', ['db', 'migrate']],
    ['db seed-demo', ['db', 'seed-demo']],
    ['users add', ['users', 'add', '--username', 'clerk', '--role', 'officer', '--password', 'a long pass phrase 2025']],
    ['audit verify', ['audit', 'verify']],
  ])('%s exits 1, saying in English and Chinese to install @ftai/server', (command, args) => {
    const run = probe([...args, '--data', file('data-missing')], { hide: ['@ftai/server'] });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`ftai ${command}: this command runs the platform, which is not installed: npm install @ftai/server`);
    expect(run.stderr).toContain('此命令需要平台组件 @ftai/server，当前未安装');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.platform).toEqual([]);
  });
});

interface Serving {
  readonly child: ChildProcessWithoutNullStreams;
  readonly address: string;
  readonly stdout: () => string;
}

/** `ftai serve --port 0` under the probe, once it says where it listens. */
async function serve(hide: readonly string[]): Promise<Serving> {
  const data = mkdtempSync(join(dir, 'serve-'));
  const child = spawn(process.execPath, ['--import', pathToFileURL(PROBE).href, BIN, 'serve', '--port', '0', '--data', data], {
    env: { ...process.env, DATABASE_URL: '', FTAI_PROBE_HIDE: hide.join(','), FTAI_PROBE_LOG: '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ftai serve did not start: ${stdout}${stderr}`)), 30_000);
    const look = () => {
      const m = /serving on (http:\/\/\S+)/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        // The line after it (web app absent) comes in the same write or the next: give it a moment.
        setTimeout(() => resolve(m[1] as string), 100);
      }
    };
    child.stdout.on('data', look);
    child.on('exit', (code) => reject(new Error(`ftai serve exited ${code}: ${stdout}${stderr}`)));
  });
  return { child, address, stdout: () => stdout };
}

async function stop(s: Serving): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => s.child.once('exit', (code) => resolve(code)));
  s.child.kill('SIGTERM');
  return exited;
}

describe('ftai serve: the web app as @ftai/web exports it', () => {
  it('without @ftai/web, serves the API and says the web app is absent', async () => {
    const s = await serve(['@ftai/web']);
    try {
      expect(s.stdout()).toContain('the web app (@ftai/web) is not installed: serving the API only / 未安装网页端 @ftai/web，仅提供 API');
      expect((await fetch(`${s.address}/healthz`)).status).toBe(200);
      const page = await fetch(`${s.address}/portal`);
      expect(page.status).toBe(404);
      expect(await page.json()).toMatchObject({ code: 'FTAI_ERR_NOT_FOUND' });
    } finally {
      expect(await stop(s)).toBe(0);
    }
  });

  it.skipIf(locateWebApp().dir === undefined)('with @ftai/web built, serves its pages at / beside the API', async () => {
    const s = await serve([]);
    try {
      expect(s.stdout()).not.toContain('web app');
      const page = await fetch(`${s.address}/portal`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toBe(readFileSync(join(WEB_DIST, 'index.html'), 'utf8'));
      expect((await fetch(`${s.address}/healthz`)).status).toBe(200);
    } finally {
      expect(await stop(s)).toBe(0);
    }
  });
});

describe('locateWebApp', () => {
  it.skipIf(locateWebApp().dir === undefined)("finds this repository's build through the package's export", () => {
    expect(realpathSync(locateWebApp().dir as string)).toBe(realpathSync(WEB_DIST));
  });

  it('says "not installed" where no @ftai/web can be resolved', () => {
    const lonely = mkdtempSync(join(dir, 'lonely-'));
    expect(locateWebApp(join(lonely, 'x.js'))).toMatchObject({ dir: undefined, absent: 'not installed' });
  });

  it('says "not built" for an @ftai/web without dist/index.html, and finds it once built', () => {
    const app = mkdtempSync(join(dir, 'app-'));
    const web = join(app, 'node_modules', '@ftai', 'web');
    mkdirSync(web, { recursive: true });
    writeFileSync(join(web, 'package.json'), readFileSync(join(here, '..', '..', '..', 'apps', 'web', 'package.json')));
    expect(locateWebApp(join(app, 'x.js'))).toMatchObject({ dir: undefined, absent: 'not built' });
    mkdirSync(join(web, 'dist'));
    writeFileSync(join(web, 'dist', 'index.html'), '<!doctype html>');
    expect(locateWebApp(join(app, 'x.js'))).toEqual({ dir: join(web, 'dist') });
  });
});
