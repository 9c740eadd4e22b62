import { basename, extname, join } from 'node:path';
import { type InputFormat, MatchInputError, type MatchProgress, type MatchSummary, matchFile, writeTemplate } from '@ftai/match';
import cliProgress from 'cli-progress';

export interface MatchCommandOptions {
  readonly out?: string;
  readonly format?: 'jsonl' | 'xlsx';
  readonly errors?: string;
  readonly notify?: string;
  readonly workers?: number;
  readonly lang: 'zh' | 'en';
  readonly explain: boolean;
  readonly quiet: boolean;
  readonly template?: string;
  readonly inputFormat?: InputFormat;
  readonly allowExtraColumns: boolean;
}

/** Plain progress lines (not a terminal) come this often. */
const PLAIN_EVERY_MS = 2000;

const int = (n: number) => Math.round(n).toLocaleString('en-US');
/** Who matched: "2 workers", "the main thread and 1 worker", "the main thread". */
function threads(s: MatchSummary): string {
  const workers = s.workers === 1 ? '1 worker' : `${s.workers} workers`;
  if (!s.mainThread) return workers;
  return s.workers === 0 ? 'the main thread' : `the main thread and ${workers}`;
}
const say = (text: string) => process.stderr.write(`ftai match: ${text}\n`);

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.ceil(seconds - m * 60)} s`;
}

/** `registry.csv` → `registry.errors.jsonl` beside `--out`, or in the current folder. */
function errorsFileFor(input: string, out: string | undefined): string {
  if (out !== undefined) return `${out.slice(0, out.length - extname(out).length)}.errors.jsonl`;
  const name = input === '-' ? 'stdin' : basename(input);
  return join('.', `${name.slice(0, name.length - extname(name).length)}.errors.jsonl`);
}

/** Rows per second over the last few seconds (the run's average starts low with the workers' start-up). */
function recentRate(): (p: MatchProgress) => number {
  const samples: { at: number; rows: number }[] = [];
  return (p) => {
    samples.push({ at: p.seconds, rows: p.rowsDone });
    while (samples.length > 2 && (samples[0] as { at: number }).at < p.seconds - 5) samples.shift();
    const first = samples[0] as { at: number; rows: number };
    return p.seconds > first.at ? (p.rowsDone - first.rows) / (p.seconds - first.at) : p.rowsPerSecond;
  };
}

/** How progress is shown on standard error: a bar on a terminal, a line every 2 s otherwise, or nothing. */
function progressReporter(quiet: boolean): { update(p: MatchProgress): void; stop(): void } {
  if (quiet) return { update() {}, stop() {} };
  const rate = recentRate();
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: 'ftai match {bar} {percentage}% | {rows} rows | {rate} rows/s | {bad} bad | {left}',
        hideCursor: true,
        clearOnComplete: true,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(100, 0, { rows: '0', rate: '0', bad: '0', left: '' });
    return {
      update(p) {
        const left = p.phase === 'workbook' ? 'writing the workbook' : p.secondsLeft !== null ? `${duration(p.secondsLeft)} left` : '';
        bar.update(p.fraction === null ? 0 : Math.floor(p.fraction * 100), {
          rows: int(p.rowsDone),
          rate: int(rate(p)),
          bad: int(p.rowsBad),
          left,
        });
      },
      stop: () => bar.stop(),
    };
  }
  let last = performance.now();
  return {
    update(p) {
      const now = performance.now();
      const perSecond = rate(p);
      if (p.phase === 'done' || now - last < PLAIN_EVERY_MS) return;
      last = now;
      if (p.phase === 'workbook') {
        say(`${int(p.rowsDone)} rows matched; writing the workbook`);
        return;
      }
      const share = p.fraction === null ? '' : ` (${Math.floor(p.fraction * 100)}%)`;
      const left = p.secondsLeft === null ? '' : `, about ${duration(p.secondsLeft)} left`;
      say(`${int(p.rowsDone)} rows${share}, ${int(perSecond)} rows/s, ${int(p.rowsBad)} bad${left}`);
    },
    stop() {},
  };
}

/**
 * `ftai match INPUT`: matches a whole registry against every measure (政策找人, 免申即享).
 * Exit codes: 0 every row answered, 2 some rows refused (see the errors file), 1 the run failed,
 * 130 stopped by Ctrl-C (what was written is whole).
 */
export async function matchCommand(input: string | undefined, options: MatchCommandOptions): Promise<number> {
  if (options.template !== undefined) {
    try {
      await writeTemplate(options.template, { lang: options.lang });
    } catch (error) {
      say((error as Error).message);
      return 1;
    }
    if (!options.quiet) say(`wrote the registry template ${options.template}: fill one row per enterprise and year`);
    return 0;
  }
  if (input === undefined) {
    say('expected a registry file (.csv, .xlsx, or JSON Lines), or --template FILE');
    return 1;
  }
  const format = options.format ?? (options.out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'jsonl');
  if (format === 'xlsx' && options.out === undefined) {
    say('--format xlsx writes a workbook: give its file name with --out FILE.xlsx');
    return 1;
  }
  const errors = options.errors ?? errorsFileFor(input, options.out);
  const target = options.out ?? process.stdout;

  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    controller.abort();
    if (!options.quiet) say('stopping: finishing the rows in flight (Ctrl-C again to quit at once)');
  };
  process.on('SIGINT', onInterrupt);
  const reporter = progressReporter(options.quiet);
  let summary: MatchSummary;
  try {
    summary = await matchFile(
      {
        input: input === '-' ? process.stdin : input,
        format: options.inputFormat ?? (input === '-' ? 'jsonl' : undefined),
        outputs: { ...(format === 'xlsx' ? { xlsx: options.out } : { jsonl: target }), errors, notify: options.notify },
        workers: options.workers,
        lang: options.lang,
        explain: options.explain,
        ignoreUnknownColumns: options.allowExtraColumns,
      },
      (p) => reporter.update(p),
      controller.signal,
    );
  } catch (error) {
    reporter.stop();
    if (error instanceof MatchInputError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
      say((error as Error).message);
      return 1;
    }
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  reporter.stop();

  const written = options.out ?? 'standard output';
  if (!options.quiet) {
    if (summary.ignoredColumns.length > 0) say(`ignored columns: ${summary.ignoredColumns.join(', ')}`);
    say(
      `${int(summary.rowsDone)} rows in ${summary.seconds.toFixed(1)} s (${int(summary.rowsPerSecond)} rows/s, ${threads(summary)}): ` +
        `${int(summary.grantedRows)} enterprise-years granted ${int(summary.grantedTotal)} yuan → ${written}`,
    );
    if (summary.rowsBad > 0) say(`${int(summary.rowsBad)} rows refused: see ${errors}`);
  }
  if (summary.aborted) {
    say(`stopped after row ${summary.lastRow}: ${int(summary.rowsDone)} rows written to ${written}, every line whole`);
    return 130;
  }
  return summary.rowsBad > 0 ? 2 : 0;
}
