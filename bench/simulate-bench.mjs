#!/usr/bin/env node
// 政策模拟 benchmark (npm run bench:simulate; bench/README.md): N enterprise-years calculated under
// two parameter versions by matchFile's comparison mode, as the server runs a simulation.
//
//   node bench/simulate-bench.mjs [ROWS] [--format jsonl|csv] [--workers N] [--seed S] [--keep]
//
// 1. Generates ROWS (default 100,000) requests with bench/generate-requests.mjs, 50,000 at a time,
//    each with its own credit code, as JSON Lines (or a CSV registry with --format csv).
// 2. Runs matchFile in compare mode — version 1 against a version B that changes 4.3's tiers and
//    第一条's rate — in a process of its own (node --import bench/match-usage.mjs: peak RSS and CPU
//    time, worker threads included), with a worker thread per core, as the server does.
// 3. Prints rows, seconds, rows per second, peak RSS, CPU, the load average, the totals under A and
//    B, and PASS/MISS against issue 15's target: 100,000 rows in 60 s or less on 2 cores (scaled
//    to ROWS).
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatCsvRecord, matchFile, registryHeader, requestToCells } from '@ftai/match';
import { creditCodeCheckCharacter } from '@ftai/policy-fengtai';
import { generateRequests } from './generate-requests.mjs';

const here = fileURLToPath(import.meta.url);
const USAGE = join(dirname(here), 'match-usage.mjs');
const TARGET_SECONDS = 60;
const TARGET_ROWS = 100_000;
const CHUNK = 50_000;
const MB = 1024 * 1024;

/** Version 1 (the package's parameters) against a draft: 4.3 in two tiers, 第一条 at 25%. */
const VERSION_A = { number: 1, changes: [] };
const VERSION_B = {
  number: 2,
  changes: [
    {
      parameter: '4.3.tiers',
      value: [
        { min: 1000000, amount: 150000, label: { zh: '100万元（含）至500万元', en: '1,000,000 (incl.) to 5,000,000' } },
        { min: 5000000, amount: 450000, label: { zh: '500万元（含）以上', en: '5,000,000 or more' } },
      ],
    },
    { parameter: '1.rate', value: '25%' },
  ],
};

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: 'string', default: 'jsonl' },
    workers: { type: 'string' },
    seed: { type: 'string', default: '20261204' },
    keep: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});
const workers = args.workers === undefined ? availableParallelism() : Number(args.workers);

if (args.child !== undefined) {
  // The timed part, in its own process: matchFile alone, its result as JSON on stdout.
  const started = performance.now();
  const summary = await matchFile({ input: args.child, outputs: {}, compare: { a: VERSION_A, b: VERSION_B }, workers });
  const seconds = (performance.now() - started) / 1000;
  const { comparison: c } = summary;
  process.stdout.write(
    JSON.stringify({
      seconds,
      workers: summary.workers,
      rows: c.rows,
      bad: c.bad,
      total: c.total,
      enterprises: c.enterprises,
      largest: c.largest.slice(0, 3).map(({ row, a, b, difference, items }) => ({ row, a, b, difference, items: items.length })),
    }),
  );
  process.exit(0);
}

const N = Number(positionals[0] ?? TARGET_ROWS);
const SEED = Number(args.seed);
if (!Number.isSafeInteger(N) || N < 1) throw new Error(`ROWS must be a whole number of rows, not ${positionals[0]}`);
if (args.format !== 'jsonl' && args.format !== 'csv') throw new Error('--format is jsonl or csv');
const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const yuan = (n) => `${n.toLocaleString('en-US')} 元`;
const log = (text = '') => process.stdout.write(`${text}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const cpu = cpus();
log(`ftai 政策模拟 benchmark — node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, load average ${load()}`);
log(`rows: ${fmtInt(N)} (${args.format}), seed ${SEED}, workers ${workers}`);
log(`versions: A = 1 (the package's parameters), B = 2 (${VERSION_B.changes.map((c) => c.parameter).join(', ')})\n`);

const dir = mkdtempSync(join(tmpdir(), 'ftai-simulate-bench-'));
if (!args.keep) process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const input = join(dir, `population.${args.format}`);

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A distinct, valid credit code per row. */
function creditCode(i) {
  let body = '';
  for (let n = i, k = 0; k < 8; k++, n = Math.floor(n / 31)) body = CODE_ALPHABET[n % 31] + body;
  const first17 = `91110106T${body}`;
  return first17 + creditCodeCheckCharacter(first17);
}

// 1. The population.
let t = performance.now();
{
  const header = args.format === 'csv' ? registryHeader({ lang: 'zh', items: 2, json: ['history', 'otherPolicyAwards'] }) : undefined;
  const out = createWriteStream(input);
  if (header) out.write(`\uFEFF${formatCsvRecord(header)}\r\n`);
  for (let start = 0, chunk = 0; start < N; start += CHUNK, chunk++) {
    const requests = generateRequests(Math.min(CHUNK, N - start), SEED + chunk);
    let text = '';
    for (let k = 0; k < requests.length; k++) {
      const request = requests[k];
      request.enterprise.creditCode = creditCode(start + k);
      text += header ? `${formatCsvRecord(requestToCells(request, header))}\r\n` : `${JSON.stringify(request)}\n`;
    }
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
const bytes = statSync(input).size;
log(
  `generated ${fmtInt(N)} rows in ${((performance.now() - t) / 1000).toFixed(1)} s: ${(bytes / MB).toFixed(1)} MB, ${fmtInt(bytes / N)} bytes a row\n`,
);

// 2. The comparison, in a process of its own.
const usageFile = join(dir, 'usage.json');
const loadBefore = load();
t = performance.now();
const run = spawnSync(
  process.execPath,
  ['--import', USAGE, here, '--child', input, '--workers', String(workers), '--format', args.format],
  { env: { ...process.env, BENCH_USAGE_FILE: usageFile }, encoding: 'utf8', maxBuffer: 16 * MB },
);
const wall = (performance.now() - t) / 1000;
if (run.status !== 0) {
  process.stderr.write(`bench: the comparison exited ${run.status}: ${run.stderr.slice(-2000)}\n`);
  process.exit(1);
}
const result = JSON.parse(run.stdout);
const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
const cpuSeconds = (usage.user + usage.system) / 1e6;
if (result.rows !== N || result.bad !== 0) {
  process.stderr.write(`bench: ${result.rows} rows (${result.bad} bad) compared for ${N} generated\n`);
  process.exit(1);
}

// 3. The figures.
const budget = (TARGET_SECONDS * N) / TARGET_ROWS;
log('matchFile, compare mode (version 1 vs version 2), no answers written:');
log(`  rows             ${fmtInt(result.rows)} (${result.bad} bad)`);
log(`  seconds          ${result.seconds.toFixed(1)} (matchFile); ${wall.toFixed(1)} from spawn to exit, Node start-up included`);
log(`  rows per second  ${fmtInt(result.rows / result.seconds)}`);
log(`  peak RSS         ${(usage.maxRSS / 1024).toFixed(0)} MB (the process, worker threads included)`);
log(`  CPU              ${cpuSeconds.toFixed(1)} s (${(cpuSeconds / wall).toFixed(2)} cores on average), ${result.workers} worker threads`);
log(`  load average     ${loadBefore} before, ${load()} after`);
log(`  total A          ${yuan(result.total.a)}`);
log(`  total B          ${yuan(result.total.b)}`);
log(`  difference       ${yuan(result.total.difference)}`);
log(
  `  enterprise-years ${fmtInt(result.enterprises.gain)} gain, ${fmtInt(result.enterprises.lose)} lose, ${fmtInt(result.enterprises.unchanged)} unchanged; granted ${fmtInt(result.enterprises.grantedA)} under A, ${fmtInt(result.enterprises.grantedB)} under B`,
);
log(
  `  largest changes  ${result.largest.map((l) => `row ${l.row}: ${l.difference > 0 ? '+' : ''}${l.difference.toLocaleString('en-US')} (${l.items} items)`).join('; ')}`,
);
log();
// Below the target's size the workers' start-up (loading the policy, V8 compiling it) is a larger
// share of the run: a figure scaled down is indicative only, as in bench:scale.
const scaled =
  N === TARGET_ROWS ? '' : ` (scaled to ${fmtInt(N)} rows: ${budget.toFixed(1)} s${N < TARGET_ROWS ? ', indicative only' : ''})`;
log(`target: ${fmtInt(TARGET_ROWS)} rows under two versions in ${TARGET_SECONDS} s or less on 2 cores${scaled}`);
log(`  ${result.seconds.toFixed(1)} s  ${result.seconds <= budget ? 'PASS' : 'MISS'}`);
if (cpuSeconds / wall < Math.min(workers, cpu.length) * 0.85) {
  log(
    `\nnote: the run had ${(cpuSeconds / wall).toFixed(2)} cores of CPU on average for ${workers} workers: other processes were running ` +
      '(see the load averages), so its time understates what idle cores give.',
  );
}
