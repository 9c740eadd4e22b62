// Benchmark of the calculator: `npm run bench` (builds first).
//
// (a) calculate() alone on requests already parsed and validated, with and without explanations;
// (b) validateRequest() alone on requests already JSON-parsed;
// (c) the whole `ftai calc --jsonl FILE` process, with and without --no-explain, next to the I/O
//     floor (bench/io-floor.mjs: one thread reading the lines, each only parsed and re-written).
//     The command spreads the lines over a worker thread per core; target: at most
//     TARGET_CLI_RATIO times the floor's time without explanations, on 2 cores.
//
// Environment: BENCH_REQUESTS (default 100000), BENCH_SEED (default 20251030),
// BENCH_ROUNDS (timed passes per part; default 3). Rates and targets use the fastest pass (the
// least disturbed by other work on the machine); the median is shown beside it.
// BENCH_INPUT: a JSON Lines file of requests to measure instead of generated ones (to compare two
// revisions on the same requests); its coverage is then reported, not required.
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { calculate, describeIssues, MEASURE_IDS, MILESTONE_TIERS, measures, requestSchema, validateRequest } from '@ftai/policy-fengtai';
import { generateRequests } from './generate-requests.mjs';

const INPUT = process.env.BENCH_INPUT;
let N = Number(process.env.BENCH_REQUESTS ?? 100_000);
const SEED = Number(process.env.BENCH_SEED ?? 20251030);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SAMPLE_EVERY = Math.max(1, Math.floor(N / 1000));
const TARGET_NO_EXPLAIN = 100_000;
const TARGET_EXPLAIN = 20_000;
const TARGET_CLI_RATIO = 2;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'packages', 'cli', 'bin', 'ftai.js');
const IO_FLOOR = join(root, 'bench', 'io-floor.mjs');
const MAX_RSS = join(root, 'bench', 'max-rss.mjs');

setFlagsFromString('--expose-gc');
/** A full collection between parts, so that one part's garbage is not timed in the next. */
const gc = runInNewContext('gc');

const MB = 1024 * 1024;
const fmtInt = (n) => Math.round(n).toLocaleString('en-US');
const fmtMB = (bytes) => (bytes === undefined ? '—' : `${(bytes / MB).toFixed(0)} MB`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (text) => process.stdout.write(`${text}\n`);
/** A gap in what the requests cover: fatal for generated requests, a note for given ones. */
const coverage = (text) => (INPUT ? log(`note: ${text}`) : fail(text));
const fail = (text) => {
  process.stderr.write(`bench: ${text}\n`);
  process.exit(1);
};

/** Peaks of RSS and used heap, sampled inside the timed loops (a timer would not fire there). */
class MemoryPeaks {
  rss = 0;
  heap = 0;
  sample() {
    const m = process.memoryUsage();
    if (m.rss > this.rss) this.rss = m.rss;
    if (m.heapUsed > this.heap) this.heap = m.heapUsed;
  }
}

/** Times `rounds` passes of fn(items, peaks); the seconds of each, and the memory peaks. */
function timeInProcess(rounds, items, fn) {
  const seconds = [];
  const cpu = [];
  const peaks = new MemoryPeaks();
  for (let r = 0; r < rounds; r++) {
    gc();
    peaks.sample();
    const start = performance.now();
    const startCpu = process.cpuUsage();
    fn(items, peaks);
    const used = process.cpuUsage(startCpu);
    seconds.push((performance.now() - start) / 1000);
    cpu.push((used.user + used.system) / 1e6);
    peaks.sample();
  }
  return { all: seconds, cpu, rss: peaks.rss, heap: peaks.heap };
}

/** Runs a Node child with the max-RSS preload, stdout to `outFile`; wall time, CPU time, peak RSS. */
function timeChild(args, outFile, rssFile) {
  const out = openSync(outFile, 'w');
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', MAX_RSS, ...args], {
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, BENCH_MAX_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 16 * MB,
  });
  const seconds = (performance.now() - start) / 1000;
  closeSync(out);
  if (run.error) fail(`${args.join(' ')}: ${run.error.message}`);
  if (run.status !== 0) fail(`${args.join(' ')} exited ${run.status}: ${run.stderr.slice(-2000)}`);
  const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
  return { seconds, cpu: usage.cpu / 1e6, rss: usage.maxRSS * 1024 };
}

async function readLines(file) {
  const lines = [];
  const input = createInterface({ input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of input) lines.push(line);
  return lines;
}

/** Newlines in a file, read in chunks (the outputs run to hundreds of megabytes). */
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

// ---------------------------------------------------------------------------------------------
const benchStart = performance.now();
const cpu = cpus();
log(`ftai benchmark — node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}`);
log(`requests: ${fmtInt(N)}, seed ${SEED}, ${ROUNDS} timed passes per part; load average ${loadavg()[0].toFixed(1)}\n`);

const dir = mkdtempSync(join(tmpdir(), 'ftai-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const requestsFile = join(dir, 'requests.jsonl');

// 1. Generate and write the requests (or take the given ones).
let t = performance.now();
if (INPUT) {
  writeFileSync(requestsFile, readFileSync(INPUT));
  N = readFileSync(requestsFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim()).length;
} else {
  const generated = generateRequests(N, SEED);
  let text = '';
  const chunks = [];
  for (const r of generated) {
    text += `${JSON.stringify(r)}\n`;
    if (text.length > 1 << 22) {
      chunks.push(text);
      text = '';
    }
  }
  chunks.push(text);
  writeFileSync(requestsFile, chunks.join(''));
}
log(`${INPUT ? `took ${INPUT}:` : 'generated'} ${fmtInt(N)} requests in ${((performance.now() - t) / 1000).toFixed(1)} s: ${requestsFile}`);
log(`  ${(statSync(requestsFile).size / MB).toFixed(1)} MB of JSON Lines, ${fmtInt(statSync(requestsFile).size / N)} bytes a request`);

// 2. Parse every line (not timed as a part: the I/O floor covers parsing).
t = performance.now();
const lines = await readLines(requestsFile);
const parsed = lines.map((l) => JSON.parse(l));
log(`read and parsed in ${((performance.now() - t) / 1000).toFixed(1)} s`);

// Every field of the contract occurs somewhere, down to the fields of list items (a prize's
// date, a product's catalogue date, an other award's measure beside its subject); 5.1's history
// names each of its tiers; the history of support in kind (5.4) carries amount 0.
{
  /** The field paths of a zod schema, lists as `[]`: `facts.agentCompetitionPrizes[].date`. */
  const schemaPaths = (schema, prefix) => {
    const def = schema._zod.def;
    if (def.type === 'optional' || def.type === 'nullable') return schemaPaths(def.innerType, prefix);
    if (def.type === 'array') return schemaPaths(def.element, `${prefix}[]`);
    if (def.type === 'object') return Object.entries(def.shape).flatMap(([k, s]) => schemaPaths(s, prefix ? `${prefix}.${k}` : k));
    return [prefix];
  };
  const seen = new Set();
  const walk = (value, prefix) => {
    if (Array.isArray(value)) for (const v of value) walk(v, `${prefix}[]`);
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, prefix ? `${prefix}.${k}` : k);
    else seen.add(prefix);
  };
  const tiersSeen = new Set();
  const inKind = new Set(measures.filter((m) => m.rule.kind === 'in-kind').map((m) => m.id));
  const inKindSeen = new Set();
  for (const r of parsed) {
    walk(r, '');
    for (const h of r.history ?? []) {
      if (MILESTONE_TIERS.has(h.measure)) tiersSeen.add(`${h.measure} ${h.subject}`);
      if (inKind.has(h.measure) && h.amount === 0) inKindSeen.add(h.measure);
    }
  }
  const fields = schemaPaths(requestSchema, '');
  const missing = fields.filter((f) => !seen.has(f));
  if (missing.length > 0) coverage(`no request gives ${missing.join(', ')}`);
  const tiers = [...MILESTONE_TIERS].flatMap(([m, ids]) => ids.map((id) => `${m} ${id}`));
  const tiersMissing = tiers.filter((t) => !tiersSeen.has(t));
  if (tiersMissing.length > 0) coverage(`no history names the tier(s) ${tiersMissing.join(', ')}`);
  const inKindMissing = [...inKind].filter((m) => !inKindSeen.has(m));
  if (inKindMissing.length > 0) coverage(`no history of ${inKindMissing.join(', ')} (in kind, amount 0)`);
  if (missing.length + tiersMissing.length + inKindMissing.length === 0) {
    log(
      `every field of the contract occurs (${fields.length} checked, with the fields of list items), ` +
        `history of every tier (${tiers.length}) and of support in kind`,
    );
  }
}

// 3. Every request must validate (this pass also warms validation up).
t = performance.now();
const requests = new Array(N);
let invalid = 0;
for (let i = 0; i < N; i++) {
  const v = validateRequest(parsed[i]);
  if (v.ok) requests[i] = v.request;
  else if (invalid++ < 5) process.stderr.write(`line ${i + 1}: ${describeIssues(v.issues)}\n`);
}
if (invalid > 0) fail(`${invalid} of ${N} generated requests do not validate: fix bench/generate-requests.mjs`);
log(`validated all ${fmtInt(N)}: 0 refused (${((performance.now() - t) / 1000).toFixed(1)} s, warm-up)`);

// 4. Together the requests touch every measure (this pass also warms calculate up).
t = performance.now();
const touched = new Map(MEASURE_IDS.map((id) => [id, new Map()]));
let granted = 0;
for (const r of requests) {
  const answer = calculate(r, { explain: false });
  for (const x of answer.results) {
    const statuses = touched.get(x.measure);
    statuses.set(x.status, (statuses.get(x.status) ?? 0) + 1);
  }
  granted += answer.total;
}
const untouched = MEASURE_IDS.filter((id) => touched.get(id).size === 0);
if (untouched.length > 0) coverage(`no request touches measure(s) ${untouched.join(', ')}`);
const neverGranted = MEASURE_IDS.filter((id) => {
  const s = touched.get(id);
  return !s.has('granted') && !s.has('pending') && !s.has('in-kind') && !s.has('service');
});
if (neverGranted.length > 0) coverage(`measure(s) ${neverGranted.join(', ')} never granted`);
const statusTotals = new Map();
for (const s of touched.values()) for (const [k, n] of s) statusTotals.set(k, (statusTotals.get(k) ?? 0) + n);
// Facts left out where a rule needs them answer incomplete (never read as 0): some requests must.
if (!statusTotals.has('incomplete')) coverage('no result is incomplete: the requests leave out no fact a rule needs');
log(
  `${untouched.length === 0 ? `every one of ${MEASURE_IDS.length}` : `${MEASURE_IDS.length - untouched.length} of ${MEASURE_IDS.length}`} measures touched (${((performance.now() - t) / 1000).toFixed(1)} s, warm-up); results by status:`,
);
log(`  ${[...statusTotals].map(([k, n]) => `${k} ${fmtInt(n)}`).join(', ')}; ${fmtInt(granted)} yuan granted in all`);

// 5. The command line answers as calculate() does, on a sample, in every mode.
t = performance.now();
{
  const sample = [];
  for (let i = 0; i < N; i += SAMPLE_EVERY) sample.push(i);
  const sampleFile = join(dir, 'sample.jsonl');
  writeFileSync(sampleFile, `${sample.map((i) => lines[i]).join('\n')}\n`);
  const modes = [
    { args: [], options: {} },
    { args: ['--no-explain'], options: { explain: false } },
    { args: ['--lang', 'en'], options: { lang: 'en' } },
  ];
  for (const mode of modes) {
    const run = spawnSync(process.execPath, [BIN, 'calc', '--jsonl', ...mode.args, sampleFile], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (run.status !== 0) fail(`ftai calc --jsonl ${mode.args.join(' ')} on the sample exited ${run.status}: ${run.stderr}`);
    const got = run.stdout.split('\n');
    if (got.length !== sample.length + 1 || got[sample.length] !== '')
      fail(`sample: ${got.length - 1} answers for ${sample.length} requests`);
    sample.forEach((i, k) => {
      const want = JSON.stringify(calculate(requests[i], mode.options));
      if (got[k] !== want) fail(`sample: the CLI (${mode.args.join(' ') || 'default'}) and calculate() differ on request ${i + 1}`);
    });
  }
  log(
    `ftai calc --jsonl equals calculate() on a sample of ${fmtInt(sample.length)} requests in 3 modes (${((performance.now() - t) / 1000).toFixed(1)} s)\n`,
  );
}

// (b) Validation alone, over already parsed objects.
const rows = [];
{
  for (let i = 0; i < 20_000; i++) validateRequest(parsed[i % N]);
  const m = timeInProcess(ROUNDS, parsed, (items, peaks) => {
    let ok = 0;
    for (let i = 0; i < items.length; i++) {
      if (validateRequest(items[i]).ok) ok++;
      if ((i & 1023) === 0) peaks.sample();
    }
    if (ok !== items.length) fail('validation changed its mind');
  });
  rows.push({ part: '(b) validateRequest (parsed objects)', ...m });
}

// (a) The engine alone, over validated requests.
for (const explain of [true, false]) {
  const options = { explain };
  for (let i = 0; i < 20_000; i++) calculate(requests[i % N], options);
  const m = timeInProcess(ROUNDS, requests, (items, peaks) => {
    let total = 0;
    for (let i = 0; i < items.length; i++) {
      total += calculate(items[i], options).total;
      if ((i & 1023) === 0) peaks.sample();
    }
    if (total !== granted) fail('calculate changed its mind');
  });
  rows.push({ part: `(a) calculate, ${explain ? 'with explanations' : 'no explanations'}`, explain, ...m });
}
const inProcessRss = process.memoryUsage().rss;
parsed.length = 0;
requests.length = 0;
lines.length = 0;
gc();

// (c) Whole processes, stdout to a file; the three interleaved in each round, after a warm-up
// round on the sample (code and the output files into the page cache; the input is there already).
{
  const parts = [
    { part: '(c) I/O floor: parse + write back', args: [IO_FLOOR, requestsFile], out: 'floor.out' },
    {
      part: '(c) ftai calc --jsonl --no-explain',
      args: [BIN, 'calc', '--jsonl', '--no-explain', requestsFile],
      out: 'calc-no-explain.out',
    },
    { part: '(c) ftai calc --jsonl', args: [BIN, 'calc', '--jsonl', requestsFile], out: 'calc.out' },
  ];
  const rssFile = join(dir, 'max-rss');
  for (const p of parts) p.runs = [];
  for (let round = 0; round <= ROUNDS; round++) {
    for (const p of parts) {
      const run = timeChild(
        round === 0 ? p.args.map((a) => (a === requestsFile ? join(dir, 'sample.jsonl') : a)) : p.args,
        join(dir, p.out),
        rssFile,
      );
      if (round > 0) p.runs.push(run);
    }
  }
  for (const p of parts) {
    const answered = countLines(join(dir, p.out));
    if (answered !== N) fail(`${p.part}: ${answered} lines written for ${N} requests`);
    rows.push({
      part: p.part,
      all: p.runs.map((r) => r.seconds),
      cpu: p.runs.map((r) => r.cpu),
      rss: Math.max(...p.runs.map((r) => r.rss)),
      heap: undefined,
    });
  }
}

// The table and the targets.
for (const r of rows) {
  r.best = Math.min(...r.all);
  r.median = median(r.all);
  r.bestCpu = Math.min(...r.cpu);
}
const header = ['part', 'requests', 'best s', 'median s', 'runs s', 'req/s', 'median req/s', 'CPU s', 'peak RSS', 'peak heap'];
const body = rows.map((r) => [
  r.part,
  fmtInt(N),
  r.best.toFixed(3),
  r.median.toFixed(3),
  r.all.map((s) => s.toFixed(2)).join(' '),
  fmtInt(N / r.best),
  fmtInt(N / r.median),
  r.bestCpu.toFixed(2),
  fmtMB(r.rss),
  fmtMB(r.heap),
]);
const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
log(line(header));
log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const b of body) log(line(b));
log('');
log('req/s from the fastest pass (the least disturbed by other work on the machine), median beside it;');
log(`in-process peaks include the ${fmtInt(N)} parsed and validated requests held in memory (RSS ${fmtMB(inProcessRss)} after (a));`);
log('child processes: wall time from spawn to exit (Node start-up included), peak RSS from process.resourceUsage().maxRSS;');
log('CPU s: the least CPU time (user + system, all threads, GC helpers included) of the passes: less disturbed by a busy machine.');
const load = loadavg()[0];
if (load > cpu.length)
  log(`note: load average ${load.toFixed(1)} on ${cpu.length} CPUs at the end: other work shared the machine, figures are noisy.`);
log('');

const row = (part) => rows.find((r) => r.part === part);
const verdict = (ok) => (ok ? 'PASS' : 'MISS');
const noExplain = row('(a) calculate, no explanations');
const withExplain = row('(a) calculate, with explanations');
const cli = row('(c) ftai calc --jsonl --no-explain');
const floor = row('(c) I/O floor: parse + write back');
const ratio = cli.best / floor.best;
log('targets');
log(
  `  (a) calculate, no explanations     ≥ ${fmtInt(TARGET_NO_EXPLAIN)} req/s: ${fmtInt(N / noExplain.best)} req/s (median ${fmtInt(N / noExplain.median)})  ${verdict(N / noExplain.best >= TARGET_NO_EXPLAIN)}`,
);
log(
  `  (a) calculate, explanations        ≥ ${fmtInt(TARGET_EXPLAIN)} req/s: ${fmtInt(N / withExplain.best)} req/s (median ${fmtInt(N / withExplain.median)})  ${verdict(N / withExplain.best >= TARGET_EXPLAIN)}`,
);
log(
  `  (c) ftai calc --jsonl --no-explain ≤ ${TARGET_CLI_RATIO}× the I/O floor's time: ${ratio.toFixed(2)}× (${cli.best.toFixed(2)} s / ${floor.best.toFixed(2)} s; medians ${(cli.median / floor.median).toFixed(2)}×)  ${verdict(ratio <= TARGET_CLI_RATIO)}`,
);
log(`\nbench took ${((performance.now() - benchStart) / 1000).toFixed(0)} s`);
