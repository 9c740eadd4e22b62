import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { MEASURE_IDS } from '@ftai/policy-fengtai';
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
   * Worker threads, or 0 to match on the calling thread. By default one per core, or none for a
   * small input (under MAIN_THREAD_BELOW_BYTES), which is matched before workers would have started.
   */
  readonly workers?: number;
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
  /** Worker threads that matched; 0 when the calling thread did. */
  readonly workers: number;
  readonly ignoredColumns: readonly string[];
  readonly measures: readonly MeasureTotals[];
  readonly articles: readonly ArticleTotals[];
}

/** Small enough that the batches out at once hold little, large enough that handing one over costs nothing. */
const DEFAULT_BATCH_ROWS = 500;
/**
 * Below this size an input (JSON Lines or CSV) is matched on the calling thread: a worker spends
 * about half a second loading the policy before its first row, in which the calling thread
 * matches some thousands of rows (measured with `ftai calc --jsonl` on 2 cores: see matchFile).
 */
export const MAIN_THREAD_BELOW_BYTES = 2 << 20;
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

  const { outputs } = options;
  const settings: MatchSettings = {
    format,
    headers: registry.headers,
    ignoreUnknownColumns: options.ignoreUnknownColumns,
    encoding: registry.encoding,
    lang,
    explain: options.explain ?? true,
    want: { answers: outputs.jsonl !== undefined, granted: outputs.xlsx !== undefined, notify: outputs.notify !== undefined },
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
  let summaryWorkers = 0;
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
    const { workers, batches } = await chooseWorkers(registry, untilAborted(registry.batches, signal), options.workers);
    runner = workers === 0 ? new MainThreadRunner(settings) : new WorkerPool(settings, workers);
    const maxInFlight = workers === 0 ? 1 : workers * 3;
    const queue: { result: Promise<BatchResult>; endOffset: number }[] = [];
    const writeNext = async () => {
      const next = queue.shift();
      if (next) await write(await next.result, next.endOffset);
    };
    let index = 0;
    for await (const batch of batches) {
      // Once aborted, no batch more is handed out: those out are finished and written.
      if (signal?.aborted) break;
      const result = runner.run({
        index: index++,
        firstRow: batch.firstRow,
        bytes: batch.bytes,
        rows: batch.rows,
        rowNumbers: batch.rowNumbers,
      });
      // Awaited in order below; a failure of a later batch must not go unhandled meanwhile.
      result.catch(() => {});
      queue.push({ result, endOffset: batch.endOffset });
      while (queue.length >= maxInFlight) await writeNext();
    }
    while (queue.length > 0) await writeNext();
    if (signal?.aborted) aborted = true;
    summaryWorkers = workers;
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
  return { ...final, aborted, workers: summaryWorkers, ignoredColumns, measures, articles };
}

/** Matches batches: worker threads (WorkerPool), or the calling thread. */
interface BatchRunner {
  run(job: BatchJob): Promise<BatchResult>;
  close(): Promise<void>;
}

/** The calling thread as the only worker: each batch matched as it is handed over. */
class MainThreadRunner implements BatchRunner {
  private readonly matcher: BatchMatcher;

  constructor(settings: MatchSettings) {
    this.matcher = new BatchMatcher(settings);
  }

  async run(job: BatchJob): Promise<BatchResult> {
    return this.matcher.match(job);
  }

  async close(): Promise<void> {}
}

/**
 * How many worker threads: as asked, else none for a small input and one per core otherwise. A
 * stream's size is not known: its first batches are read ahead (at most MAIN_THREAD_BELOW_BYTES)
 * until it proves large or ends. A workbook's rows are not sized: workers, unless asked otherwise.
 */
async function chooseWorkers(
  registry: OpenRegistry,
  source: AsyncGenerator<ReadBatch>,
  asked: number | undefined,
): Promise<{ workers: number; batches: AsyncIterable<ReadBatch> }> {
  if (asked !== undefined) return { workers: Math.max(0, Math.floor(asked)), batches: source };
  const cores = availableParallelism();
  if (registry.format === 'xlsx') return { workers: cores, batches: source };
  if (registry.totalBytes !== undefined) {
    return { workers: registry.totalBytes < MAIN_THREAD_BELOW_BYTES ? 0 : cores, batches: source };
  }
  const ahead: ReadBatch[] = [];
  let bytes = 0;
  let ended = false;
  while (bytes < MAIN_THREAD_BELOW_BYTES) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    ahead.push(next.value);
    bytes += next.value.bytes?.length ?? 0;
  }
  async function* batches(): AsyncGenerator<ReadBatch> {
    yield* ahead.splice(0);
    if (!ended) yield* source;
  }
  return { workers: ended ? 0 : cores, batches: batches() };
}

/** The batches until the signal aborts: the input closed by the abort ends them, not as a failure. */
async function* untilAborted(batches: AsyncIterable<ReadBatch>, signal: AbortSignal | undefined): AsyncGenerator<ReadBatch> {
  try {
    yield* batches;
  } catch (error) {
    if (!signal?.aborted) throw error;
  }
}
