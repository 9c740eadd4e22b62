import { readFileSync } from 'node:fs';
import { checkRequest, type MatchSummary, matchFile } from '@ftai/match';
import { calculate } from '@ftai/policy-fengtai';

export interface CalcOptions {
  readonly jsonl: boolean;
  readonly lang: 'zh' | 'en';
  readonly explain: boolean;
  /** --jsonl: worker threads (the main thread only reads and writes); by default as matchFile chooses. */
  readonly workers?: number | undefined;
}

/**
 * Exit codes: 0 all answered, 2 some input was refused (not JSON, too deep, U+0000, or off the
 * contract), 1 the input could not be read, 130 stopped by Ctrl-C (--jsonl: every line written is
 * whole), 141 the reader of the output went away (a closed pipe: `| head`).
 */
export async function calcCommand(file: string, options: CalcOptions): Promise<number> {
  return options.jsonl ? calcLines(file, options) : calcOne(file, options);
}

function calcOne(file: string, options: CalcOptions): number {
  const text = readFileSync(file === '-' ? 0 : file, 'utf8');
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    process.stderr.write(`${JSON.stringify({ error: `${file} is not JSON: ${(error as Error).message}`, code: 'FTAI_ERR_NOT_JSON' })}\n`);
    return 2;
  }
  const v = checkRequest(input);
  if (!v.ok) {
    process.stderr.write(`${JSON.stringify({ error: v.error, code: 'FTAI_ERR_VALIDATION', issues: v.issues }, null, 2)}\n`);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(calculate(v.request, options), null, 2)}\n`);
  return 0;
}

/** 128 + SIGPIPE, as a command killed by a closed pipe ends. */
const CLOSED_PIPE = 141;
const INTERRUPTED = 130;

/**
 * One line in, one line out, in order; a bad line answers with an error line and the run goes on.
 * The matcher's pipeline (`ftai match` on JSON Lines) with its line answerer: batches of whole
 * lines, matched by this thread and, past MAIN_THREAD_BELOW_BYTES of input, by a worker thread
 * per other core too, written back in order with a few batches out at most, so memory stays flat.
 * JSON is UTF-8 (RFC 8259): the input is never read as another encoding.
 */
async function calcLines(file: string, options: CalcOptions): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts++;
    if (interrupts > 1) process.exit(INTERRUPTED);
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  let summary: MatchSummary;
  try {
    summary = await matchFile(
      {
        input: file === '-' ? process.stdin : file,
        format: 'jsonl',
        encoding: 'utf-8',
        outputs: { jsonl: process.stdout },
        lang: options.lang,
        explain: options.explain,
        workers: options.workers,
      },
      undefined,
      controller.signal,
    );
  } catch (error) {
    // Nobody reads the answers any more: stop without a word, as `yes | head` does.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return CLOSED_PIPE;
    throw error;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  const say = (text: string) => process.stderr.write(`ftai calc: ${text}\n`);
  if (summary.rowsBad > 0) say(`${summary.rowsBad} of ${summary.lastRow} lines refused (see the error lines)`);
  if (summary.aborted) {
    say(`stopped after line ${summary.lastRow}: ${summary.rowsDone} lines answered, every line whole`);
    return INTERRUPTED;
  }
  return summary.rowsBad > 0 ? 2 : 0;
}
