import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { MEASURE_IDS } from '@ftai/policy-fengtai';
import { ComparisonTotals, type MatchComparison } from './comparison-totals.js';
import { type EditionPair, type EditionSpec, editionOf } from './edition-spec.js';
import { type BatchJob, BatchMatcher, type BatchResult, type InputFormat, type MatchSettings, type TextEncoding } from './match-batch.js';
import { type ArticleTotals, MatchTotals, type MeasureTotals } from './match-totals.js';
import { OutputFile } from './output-file.js';
import { formatOfPath, MatchInputError, type OpenRegistry, openRegistry, type ReadBatch } from './read-registry.js';
import { compileHeader } from './registry-mapping.js';
import { writeSummaryWorkbook } from './summary-workbook.js';
import { WorkerPool } from './worker-pool.js';

export interface MatchOutputs {
  /** The answers as JSON Lines, one line per row in input order (a bad row: its error line). */
  readonly jsonl?: string | Writable;
  /** The summary workbook (.xlsx). */
  readonly xlsx?: string;
  /** The error lines alone (JSON Lines). */
  readonly errors?: string;
  /** One JSON line per row granted anything: the enterprises to notify. */
  readonly notify?: string;
}

export interface MatchFileOptions {
  /** A file path, or a stream of the file's bytes (give `format` then). */
  readonly input: string | Readable;
  /** By default from the file name: .csv, .xlsx, anything else JSON Lines. */
  readonly format?: InputFormat;
  /** The name the summary workbook shows for the input; by default the file's name. */
  readonly inputName?: string;
  readonly outputs: MatchOutputs;
  /**
   * Worker threads, the calling thread only reading and writing (as a server wants); 0: the
   * calling thread matches alone. By default the calling thread matches, and past
   * `mainThreadBelowBytes` of input a worker per other core joins it; a workbook, whose reading
   * keeps the calling thread busy, gets a worker per core.
   */
  readonly workers?: number;
  /** By default, how much input the calling thread matches alone (MAIN_THREAD_BELOW_BYTES). */
  readonly mainThreadBelowBytes?: number;
  /** How the bytes are decoded; by default UTF-8, or GB18030 when the input is not valid UTF-8. */
  readonly encoding?: TextEncoding;
  readonly lang?: 'zh' | 'en';
  /** Explanations in the answers (true by default). */
  readonly explain?: boolean;
  /** Leave unknown columns out instead of refusing the file. */
  readonly ignoreUnknownColumns?: boolean;
  /** Records per batch handed to a worker. */
  readonly batchRows?: number;
  /** Where the summary workbook's rows wait until the end (the system's temporary folder by default). */
  readonly tempDir?: string;
  /**
   * The parameter version every row is answered under (its answers cite its version string,
   * `2025.10.30-2+p3`); version 1, the package's own, by default.
   */
  readonly edition?: EditionSpec;
  /**
   * 政策模拟: every valid row calculated under version `a` and version `b` instead of answered;
   * the summary's `comparison` holds the sums and the largest changes (their explanations and the
   * citations in `lang`, Chinese by default; `explain` is not used). Only `outputs.errors` is
   * written (the other outputs are refused); the summary's usual figures (measures, articles,
   * granted rows and total, progress included) are version B's. Not with `edition`.
   */
  readonly compare?: EditionPair;
}

export interface MatchProgress {
  readonly phase: 'matching' | 'workbook' | 'done';
  /** Rows answered or refused, in order: every one of them is written. */
  readonly rowsDone: number;
  readonly rowsBad: number;
  /** The row number (or line) of the last record written. */
  readonly lastRow: number;
  /** Share of the input read and matched, 0 to 1, when the input's size is known. */
  readonly fraction: number | null;
  readonly seconds: number;
  /** Rows matched per second (the workbook's writing, after, is not counted). */
  readonly rowsPerSecond: number;
  readonly secondsLeft: number | null;
  readonly grantedRows: number;
  readonly grantedTotal: number;
}

export interface MatchSummary extends MatchProgress {
  /** Stopped by the signal: the outputs hold the rows up to `lastRow`, every line whole. */
  readonly aborted: boolean;
  /** Worker threads that matched. */
  readonly workers: number;
  /** The calling thread matched too (by default, when the input is not a workbook). */
  readonly mainThread: boolean;
  readonly ignoredColumns: readonly string[];
  readonly measures: readonly MeasureTotals[];
  readonly articles: readonly ArticleTotals[];
  /** With `compare`: version A against version B, shaped as the HTTP contract's simulation result. */
  readonly comparison?: MatchComparison;
}

/** Small enough that the batches out at once hold little, large enough that handing one over costs nothing. */
const DEFAULT_BATCH_ROWS = 500;
/**
 * Up to this much input (JSON Lines or CSV) the calling thread matches alone, by default. A worker
 * first loads the policy (half a second) and then runs it slowly until V8 has compiled it, and
 * while two threads keep both cores busy the compiler and the collector wait: measured with
 * `ftai calc --jsonl` on 2 idle cores and bench/generate-requests.mjs requests (860 bytes each),
 * the calling thread alone is as fast up to about 35 MB without explanations and 12 MB with
 * them, and the two threads 20% faster at 86 MB. A file of this size or more gets its workers
 * from the start; a stream, once this much of it has been read.
 */
export const MAIN_THREAD_BELOW_BYTES = 16 << 20;
/** Batches a worker holds (one matched, the others waiting) before the calling thread takes one itself. */
const WORKER_BACKLOG = 2;
const PROGRESS_EVERY_MS = 200;

/**
 * Matches a whole registry (CSV, XLSX, or JSON Lines of requests) against every measure: reads it
 * as a stream, spreads batches over worker threads (a small input is matched on the calling
 * thread, done before workers would have started), and writes the answers in input order, with
 * the errors, the enterprises to notify and a summary workbook as asked. At most three batches
 * per worker are out at once, and a slow output holds the reading back, so memory stays flat
 * whatever the size. When `signal` aborts, reading stops at once (even a read waiting for input),
 * the batches already out are finished and written, and the files are closed whole. Bad rows
 * never stop the run. `ftai calc --jsonl` and `ftai match` both run through here.
 *
 * @example await matchFile({ input: 'registry.csv', outputs: { jsonl: 'answers.jsonl', errors: 'errors.jsonl' } })
 */
export async function matchFile(
  options: MatchFileOptions,
  onProgress?: (progress: MatchProgress) => void,
  signal?: AbortSignal,
): Promise<MatchSummary> {
  const { outputs } = options;
  if (options.compare) {
    if (options.edition) throw new Error('matchFile: give edition or compare, not both');
    if (outputs.jsonl !== undefined || outputs.xlsx !== undefined || outputs.notify !== undefined)
      throw new Error('matchFile: a comparison writes the errors output only');
  }
  // Bad versions are refused here, before any input is read or a worker started (EditionError).
  for (const spec of options.compare ? [options.compare.a, options.compare.b] : options.edition ? [options.edition] : []) editionOf(spec);
  const format = options.format ?? (typeof options.input === 'string' ? formatOfPath(options.input) : 'jsonl');
  const lang = options.lang ?? 'zh';
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const registry = await openRegistry(options.input, format, batchRows, options.encoding);
  let ignoredColumns: readonly string[] = [];
  if (registry.headers) {
    const mapping = compileHeader(registry.headers, { ignoreUnknownColumns: options.ignoreUnknownColumns });
    if (mapping.problems.length > 0) {
      registry.close();
      throw new MatchInputError(`the header row cannot be matched: ${mapping.problems.join('; ')}`);
    }
    ignoredColumns = mapping.ignored;
  }

  const settings: MatchSettings = {
    format,
    headers: registry.headers,
    ignoreUnknownColumns: options.ignoreUnknownColumns,
    encoding: registry.encoding,
    lang,
    explain: options.explain ?? true,
    want: { answers: outputs.jsonl !== undefined, granted: outputs.xlsx !== undefined, notify: outputs.notify !== undefined },
    ...(options.edition ? { edition: options.edition } : {}),
    ...(options.compare ? { compare: options.compare } : {}),
  };
  const open = (target: string | Writable | undefined) =>
    target === undefined ? undefined : typeof target === 'string' ? OutputFile.create(target) : OutputFile.over(target);
  const jsonl = open(outputs.jsonl);
  const errors = open(outputs.errors);
  const notify = open(outputs.notify);
  const spoolDir = outputs.xlsx !== undefined ? mkdtempSync(join(options.tempDir ?? tmpdir(), 'ftai-match-')) : undefined;
  const spools = new Map<number, OutputFile>();
  const spoolPath = (m: number) => join(spoolDir as string, `measure-${m}.jsonl`);

  const totals = new MatchTotals();
  const comparison = options.compare ? new ComparisonTotals() : undefined;
  const started = performance.now();
  let fraction: number | null = registry.totalBytes === undefined ? null : 0;
  let lastReport = 0;
  /** When the last row was written: the rate is of matching, not of writing the workbook after. */
  let matchedSeconds: number | undefined;
  const progress = (phase: MatchProgress['phase']): MatchProgress => {
    const seconds = (performance.now() - started) / 1000;
    const rateSeconds = matchedSeconds ?? seconds;
    const rowsPerSecond = rateSeconds > 0 ? totals.rows / rateSeconds : 0;
    return {
      phase,
      rowsDone: totals.rows,
      rowsBad: totals.bad,
      lastRow: totals.lastRow,
      fraction,
      seconds,
      rowsPerSecond,
      secondsLeft: phase === 'matching' && fraction !== null && fraction > 0 ? (seconds * (1 - fraction)) / fraction : null,
      grantedRows: totals.grantedRows,
      grantedTotal: totals.grantedTotal,
    };
  };

  const write = async (r: BatchResult, endOffset: number) => {
    totals.add(r);
    if (comparison && r.comparison) comparison.add(r.comparison);
    if (jsonl && r.answers) await jsonl.write(r.answers);
    if (errors && r.errors) await errors.write(r.errors);
    if (notify && r.notify) await notify.write(r.notify);
    if (r.granted) {
      for (let m = 0; m < r.granted.length; m++) {
        const text = r.granted[m] as string;
        if (text === '') continue;
        let spool = spools.get(m);
        if (!spool) {
          spool = OutputFile.create(spoolPath(m));
          spools.set(m, spool);
        }
        await spool.write(text);
      }
    }
    if (registry.totalBytes !== undefined) fraction = registry.totalBytes === 0 ? 1 : Math.min(1, endOffset / registry.totalBytes);
    const now = performance.now();
    if (onProgress && now - lastReport >= PROGRESS_EVERY_MS) {
      lastReport = now;
      onProgress(progress('matching'));
    }
  };

  // An abort stops the reading at once, even while it waits for input (a terminal, a slow pipe).
  const stopReading = () => registry.close();
  signal?.addEventListener('abort', stopReading, { once: true });
  if (signal?.aborted) stopReading();
  let runner: BatchRunner | undefined;
  let aborted = false;
  try {
    runner = chooseRunner(settings, registry, options);
    const { maxInFlight } = runner;
    const queue: { result: Promise<BatchResult>; endOffset: number; settled: boolean }[] = [];
    const writeNext = async () => {
      const next = queue.shift();
      if (next) await write(await next.result, next.endOffset);
    };
    let index = 0;
    for await (const batch of untilAborted(registry.batches, signal)) {
      // Once aborted, no batch more is handed out: those out are finished and written.
      if (signal?.aborted) break;
      const result = runner.run({
        index: index++,
        firstRow: batch.firstRow,
        bytes: batch.bytes,
        rows: batch.rows,
        rowNumbers: batch.rowNumbers,
      });
      const entry = { result, endOffset: batch.endOffset, settled: false };
      // Awaited in order below; a failure of a later batch must not go unhandled meanwhile.
      result.then(
        () => {
          entry.settled = true;
        },
        () => {},
      );
      queue.push(entry);
      // Written as soon as they are answered in order, and waited for when too many are out.
      while (queue.length >= maxInFlight || queue[0]?.settled) await writeNext();
    }
    while (queue.length > 0) await writeNext();
    if (signal?.aborted) aborted = true;
  } catch (error) {
    await Promise.allSettled([jsonl?.close(), errors?.close(), notify?.close(), ...[...spools.values()].map((s) => s.close())]);
    if (spoolDir) rmSync(spoolDir, { recursive: true, force: true });
    throw error;
  } finally {
    signal?.removeEventListener('abort', stopReading);
    registry.close();
    await runner?.close();
  }

  await Promise.all([jsonl?.close(), errors?.close(), notify?.close(), ...[...spools.values()].map((s) => s.close())]);
  matchedSeconds = (performance.now() - started) / 1000;
  if (!aborted) fraction = registry.totalBytes === undefined ? null : 1;
  const measures = totals.measures(lang);
  const articles = totals.articles();
  if (outputs.xlsx !== undefined) {
    onProgress?.(progress('workbook'));
    try {
      await writeSummaryWorkbook({
        file: outputs.xlsx,
        lang,
        inputName: options.inputName ?? (typeof options.input === 'string' ? basename(options.input) : '-'),
        rows: totals.rows,
        bad: totals.bad,
        grantedRows: totals.grantedRows,
        grantedTotal: totals.grantedTotal,
        stoppedAfterRow: aborted ? totals.lastRow : undefined,
        measures,
        articles,
        spoolOf: (measure) => {
          const m = MEASURE_IDS.indexOf(measure);
          return spools.has(m) ? spoolPath(m) : undefined;
        },
      });
    } finally {
      if (spoolDir) rmSync(spoolDir, { recursive: true, force: true });
    }
  }
  const final = progress('done');
  onProgress?.(final);
  const { workers, mainThread } = runner;
  return {
    ...final,
    aborted,
    workers,
    mainThread,
    ignoredColumns,
    measures,
    articles,
    ...(comparison ? { comparison: comparison.result(totals.rows, totals.bad, lang) } : {}),
  };
}

/** Matches batches: worker threads, the calling thread, or both. */
interface BatchRunner {
  run(job: BatchJob): Promise<BatchResult>;
  close(): Promise<void>;
  /** Worker threads started. */
  readonly workers: number;
  /** The calling thread matches too. */
  readonly mainThread: boolean;
  /** Batches out at once, at most: matched or waiting their turn to be written. */
  readonly maxInFlight: number;
}

/** The worker threads asked for (or for a workbook) match everything. */
class PoolRunner implements BatchRunner {
  readonly mainThread = false;
  readonly maxInFlight: number;
  private readonly pool: WorkerPool;

  constructor(
    settings: MatchSettings,
    readonly workers: number,
  ) {
    this.pool = new WorkerPool(settings, workers);
    this.maxInFlight = workers * 3;
  }

  run(job: BatchJob): Promise<BatchResult> {
    return this.pool.run(job);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/**
 * The calling thread matches, and once `startAfterBytes` of input have come, up to `maxWorkers`
 * worker threads join it: a batch goes to a worker that is ready and holds fewer than
 * WORKER_BACKLOG, else the calling thread matches it. So the calling thread never waits idle for
 * workers loading the policy, and the workers' backlog covers its own reading and writing.
 */
class SharedRunner implements BatchRunner {
  readonly mainThread = true;
  readonly maxInFlight: number;
  private readonly here: BatchMatcher;
  private pool: WorkerPool | undefined;
  private bytesSeen = 0;

  constructor(
    private readonly settings: MatchSettings,
    private readonly maxWorkers: number,
    private readonly startAfterBytes: number,
  ) {
    this.here = new BatchMatcher(settings);
    this.maxInFlight = maxWorkers * WORKER_BACKLOG + 2;
  }

  get workers(): number {
    return this.pool ? this.maxWorkers : 0;
  }

  run(job: BatchJob): Promise<BatchResult> {
    this.bytesSeen += job.bytes?.length ?? 0;
    if (!this.pool && this.maxWorkers > 0 && this.bytesSeen > this.startAfterBytes)
      this.pool = new WorkerPool(this.settings, this.maxWorkers);
    const sent = this.pool?.runIfFree(job, WORKER_BACKLOG);
    if (sent) return sent;
    try {
      return Promise.resolve(this.here.match(job));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}

/**
 * Who matches: the worker threads asked for, the calling thread only reading and writing; the
 * calling thread alone (0); by default the calling thread, joined by a worker per other core
 * past `mainThreadBelowBytes` of input (from the start for a file that size or larger), and for
 * a workbook a worker per core.
 */
function chooseRunner(settings: MatchSettings, registry: OpenRegistry, options: MatchFileOptions): BatchRunner {
  const asked = options.workers;
  if (asked !== undefined && asked >= 1) return new PoolRunner(settings, Math.floor(asked));
  if (asked !== undefined) return new SharedRunner(settings, 0, Number.POSITIVE_INFINITY);
  const cores = availableParallelism();
  if (registry.format === 'xlsx') return new PoolRunner(settings, cores);
  const below = options.mainThreadBelowBytes ?? MAIN_THREAD_BELOW_BYTES;
  const total = registry.totalBytes;
  return new SharedRunner(settings, cores - 1, total === undefined ? below : total >= below ? -1 : Number.POSITIVE_INFINITY);
}

/** The batches until the signal aborts: the input closed by the abort ends them, not as a failure. */
async function* untilAborted(batches: AsyncIterable<ReadBatch>, signal: AbortSignal | undefined): AsyncGenerator<ReadBatch> {
  try {
    yield* batches;
  } catch (error) {
    if (!signal?.aborted) throw error;
  }
}
