// Benchmark of `ftai match`: `npm run bench:match` (builds first).
//
// 1. Generates a registry of BENCH_ROWS (default 1,000,000) enterprise-year rows as CSV: Chinese
//    headers, numbered list columns, history and other policies' awards as JSON cells (so many
//    rows are quoted), a few names with commas, quotes and line breaks; deterministic (BENCH_SEED).
// 2. Checks on a sample of 1,000 rows that `ftai match` answers exactly as `ftai calc --jsonl`
//    answers the same requests, with and without explanations.
// 3. Runs the real `ftai match` process on the whole registry, JSON Lines to a file, with
//    --workers 1 and --workers 2 (--no-explain), then with explanations (2 workers), timing wall
//    time and peak RSS (bench/max-rss.mjs: process.resourceUsage().maxRSS, worker threads
//    included), and prints rows/s, the 1 → 2 worker speed-up and PASS/MISS against the targets.
//
// Environment: BENCH_ROWS, BENCH_SEED (default 20251030), BENCH_EXPLAIN=0 to skip the run with
// explanations, BENCH_XLSX=1 to add a run writing the summary workbook, BENCH_KEEP=1 to keep files.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, createWriteStream, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatCsvRecord, registryHeader, requestToCells } from '@ftai/match';
import { creditCodeCheckCharacter } from '@ftai/policy-fengtai';
import { generateRequests } from './generate-requests.mjs';

const N = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SEED = Number(process.env.BENCH_SEED ?? 20251030);
const WITH_EXPLAIN = process.env.BENCH_EXPLAIN !== '0';
const WITH_XLSX = process.env.BENCH_XLSX === '1';
const SAMPLE = Math.min(1000, N);
const CHUNK = 50_000;
const TARGET_SECONDS = 60;
const TARGET_RSS_MB = 400;
const TARGET_SPEEDUP = [1.5, 2.5];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'packages', 'cli', 'bin', 'ftai.js');
const USAGE = join(root, 'bench', 'match-usage.mjs');
const MB = 1024 * 1024;
const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const log = (text) => process.stdout.write(`${text}\n`);
const fail = (text) => {
  process.stderr.write(`bench: ${text}\n`);
  process.exit(1);
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const benchStart = performance.now();
const cpu = cpus();
log(`ftai match benchmark — node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, load average ${load()}`);
log(`rows: ${fmtInt(N)}, seed ${SEED}\n`);

const dir = mkdtempSync(join(tmpdir(), 'ftai-match-bench-'));
if (process.env.BENCH_KEEP !== '1') process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const registryFile = join(dir, 'registry.csv');

// 1. The registry. Lists as numbered columns up to the generator's longest; ledger lists as JSON.
const header = registryHeader({
  lang: 'zh',
  items: {
    modelFilings: 3,
    openDatasets: 2,
    trustedDataSpaces: 2,
    challengeProjects: 2,
    keyProjects: 2,
    recognitions: 3,
    agentCompetitionPrizes: 2,
    scenarioProjects: 3,
    benchmarkCases: 2,
    firstSetProducts: 2,
    standards: 3,
    servicePlatforms: 2,
    industrialParks: 2,
    events: 3,
  },
  json: ['history', 'otherPolicyAwards'],
});
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A distinct, valid credit code per row of the registry. */
function creditCode(i) {
  let body = '';
  for (let n = i, k = 0; k < 8; k++, n = Math.floor(n / 31)) body = CODE_ALPHABET[n % 31] + body;
  const first17 = `91110106M${body}`;
  return first17 + creditCodeCheckCharacter(first17);
}
const sampleEvery = Math.max(1, Math.floor(N / SAMPLE));
const sampleRequests = [];
const sampleRows = [];
let t = performance.now();
{
  const out = createWriteStream(registryFile);
  out.write(`\uFEFF${formatCsvRecord(header)}\r\n`);
  for (let start = 0, chunk = 0; start < N; start += CHUNK, chunk++) {
    const requests = generateRequests(Math.min(CHUNK, N - start), SEED + chunk);
    let text = '';
    for (let k = 0; k < requests.length; k++) {
      const i = start + k;
      const request = requests[k];
      request.enterprise.creditCode = creditCode(i);
      // Now and then a name a CSV writer must quote: a comma, quotes, a line break.
      if (i % 997 === 0) request.enterprise.name = `北京"星河",智能\n科技有限公司${i}`;
      const row = `${formatCsvRecord(requestToCells(request, header))}\r\n`;
      text += row;
      if (i % sampleEvery === 0 && sampleRequests.length < SAMPLE) {
        sampleRequests.push(request);
        sampleRows.push(row);
      }
    }
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
const registryBytes = statSync(registryFile).size;
log(`generated ${fmtInt(N)} rows in ${((performance.now() - t) / 1000).toFixed(1)} s: ${registryFile}`);
log(`  ${(registryBytes / MB).toFixed(1)} MB of CSV, ${header.length} columns, ${fmtInt(registryBytes / N)} bytes a row\n`);

/** Newlines in a file, read in chunks. */
function countLines(file) {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 22);
  let count = 0;
  for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
    for (let i = buffer.indexOf(10); i !== -1 && i < n; i = buffer.indexOf(10, i + 1)) count++;
  }
  closeSync(fd);
  return count;
}

// 2. The sample: `ftai match` on its rows answers as `ftai calc --jsonl` on its requests.
t = performance.now();
{
  const sampleCsv = join(dir, 'sample.csv');
  const sampleJsonl = join(dir, 'sample.jsonl');
  writeFileSync(sampleCsv, `\uFEFF${formatCsvRecord(header)}\r\n${sampleRows.join('')}`);
  writeFileSync(sampleJsonl, `${sampleRequests.map((r) => JSON.stringify(r)).join('\n')}\n`);
  for (const flags of [[], ['--no-explain']]) {
    const calc = spawnSync(process.execPath, [BIN, 'calc', '--jsonl', sampleJsonl, ...flags], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (calc.status !== 0) fail(`ftai calc --jsonl on the sample exited ${calc.status}: ${calc.stderr}`);
    const out = join(dir, 'sample.out.jsonl');
    const match = spawnSync(process.execPath, [BIN, 'match', sampleCsv, '--out', out, '--quiet', ...flags], { encoding: 'utf8' });
    if (match.status !== 0) fail(`ftai match on the sample exited ${match.status}: ${match.stderr}`);
    const got = readFileSync(out, 'utf8');
    if (got !== calc.stdout) {
      const a = got.split('\n');
      const b = calc.stdout.split('\n');
      const at = a.findIndex((line, i) => line !== b[i]);
      fail(`sample (${flags.join(' ') || 'explanations'}): ftai match and ftai calc differ at sample line ${at + 1}`);
    }
  }
  log(
    `ftai match equals ftai calc --jsonl on a sample of ${fmtInt(sampleRequests.length)} rows, with and without explanations (${((performance.now() - t) / 1000).toFixed(1)} s)\n`,
  );
}

// 3. The whole registry, as a user runs it.
function timeMatch(label, args, outFile) {
  const usageFile = join(dir, 'usage.json');
  rmSync(usageFile, { force: true });
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', USAGE, BIN, 'match', registryFile, '--out', outFile, '--quiet', ...args], {
    env: { ...process.env, BENCH_USAGE_FILE: usageFile },
    encoding: 'utf8',
    maxBuffer: 16 * MB,
  });
  const seconds = (performance.now() - start) / 1000;
  if (run.error) fail(`${label}: ${run.error.message}`);
  if (run.status !== 0) fail(`${label} exited ${run.status}: ${run.stderr.slice(-2000)}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  const cpuSeconds = (usage.user + usage.system) / 1e6;
  const result = {
    label,
    seconds,
    rss: usage.maxRSS * 1024,
    cpuSeconds,
    cores: cpuSeconds / seconds,
    rate: N / seconds,
    outBytes: statSync(outFile).size,
  };
  if (outFile.endsWith('.jsonl')) {
    const lines = countLines(outFile);
    if (lines !== N) fail(`${label}: ${lines} lines written for ${N} rows`);
  }
  rmSync(outFile, { force: true });
  log(
    `  ${label}: ${seconds.toFixed(1)} s, ${fmtInt(result.rate)} rows/s, peak RSS ${(result.rss / MB).toFixed(0)} MB, ` +
      `${cpuSeconds.toFixed(0)} CPU s (${result.cores.toFixed(2)} cores; load average ${load()})`,
  );
  return result;
}

log('ftai match on the whole registry (wall time from spawn to exit, Node start-up included):');
const runs = [];
const two = timeMatch('--workers 2 --no-explain', ['--workers', '2', '--no-explain'], join(dir, 'out.jsonl'));
const one = timeMatch('--workers 1 --no-explain', ['--workers', '1', '--no-explain'], join(dir, 'out.jsonl'));
runs.push(one, two);
if (WITH_EXPLAIN) runs.push(timeMatch('--workers 2 (explanations, zh)', ['--workers', '2'], join(dir, 'out.jsonl')));
if (WITH_XLSX) runs.push(timeMatch('--workers 2 --out summary.xlsx (explanations)', ['--workers', '2'], join(dir, 'summary.xlsx')));
log('');

const header2 = ['run', 'rows', 'wall s', 'rows/s', 'peak RSS', 'CPU s', 'cores', 'µs CPU/row', 'output'];
const body = runs.map((r) => [
  r.label,
  fmtInt(N),
  r.seconds.toFixed(1),
  fmtInt(r.rate),
  `${(r.rss / MB).toFixed(0)} MB`,
  r.cpuSeconds.toFixed(1),
  r.cores.toFixed(2),
  ((r.cpuSeconds * 1e6) / N).toFixed(1),
  `${(r.outBytes / MB).toFixed(0)} MB`,
]);
const widths = header2.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
log(line(header2));
log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const b of body) log(line(b));
log('');

const speedup = two.rate / one.rate;
const peak = Math.max(...runs.filter((r) => !r.label.includes('xlsx')).map((r) => r.rss)) / MB;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const scaled = N === 1_000_000 ? '' : ` (scaled: ${fmtInt(N)} rows, so ${((TARGET_SECONDS * N) / 1_000_000).toFixed(1)} s)`;
const budget = (TARGET_SECONDS * N) / 1_000_000;
log('targets (2-core machine)');
log(`  1,000,000 rows in under ${TARGET_SECONDS} s with 2 workers${scaled}: ${two.seconds.toFixed(1)} s  ${verdict(two.seconds < budget)}`);
log(`  peak memory under ${TARGET_RSS_MB} MB (JSON Lines runs): ${peak.toFixed(0)} MB  ${verdict(peak < TARGET_RSS_MB)}`);
log(
  `  throughput doubles (±25%) from 1 to 2 workers: ${fmtInt(one.rate)} → ${fmtInt(two.rate)} rows/s, ×${speedup.toFixed(2)}  ${verdict(speedup >= TARGET_SPEEDUP[0] && speedup <= TARGET_SPEEDUP[1])}`,
);
if (two.cores < 1.7) {
  log(
    `\nnote: the 2-worker run had ${two.cores.toFixed(2)} cores of CPU on average, not 2: other processes were running ` +
      '(see the load averages), so its time and the speed-up understate what two idle cores give.',
  );
}
log(`\nbench took ${((performance.now() - benchStart) / 1000).toFixed(0)} s; load average at the end ${load()}`);
