import { readFileSync } from 'node:fs';
import { checkRequest, type EditionSpec, type MatchSummary, matchFile } from '@ftai/match';
import { calculate, type Edition, EditionError, editionFromFile, parameters } from '@ftai/policy-fengtai';

export interface CalcOptions {
  readonly jsonl: boolean;
  readonly lang: 'zh' | 'en';
  readonly explain: boolean;
  /** --jsonl: worker threads (the main thread only reads and writes); by default as matchFile chooses. */
  readonly workers?: number | undefined;
  /**
   * --parameters FILE: a parameter version's file (GET /api/v1/policy/versions/:number/parameters.json,
   * or a whole parameters.json): the answers use it and cite its version (2025.10.30-2+pN).
   */
  readonly parameters?: string | undefined;
}

/** A parameter as people name it: “研发费用增量分档”（4.3.tiers）. */
function labelOf(id: string): string {
  const def = parameters.definitions().find((d) => d.id === id);
  return def ? `“${def.label.zh}”（${id}）` : `参数${id}`;
}

/**
 * The edition a parameter file describes, or the exit code after saying, in Chinese and English,
 * which parameter is wrong: 1 the file could not be read, 2 it is not JSON or not a valid version.
 */
function readEdition(file: string): { edition: Edition; spec: EditionSpec } | number {
  const say = (body: object) => process.stderr.write(`${JSON.stringify(body, null, 2)}\n`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    say({
      error: `--parameters: cannot read ${file}: ${(error as Error).message}`,
      message: `无法读取参数文件${file}`,
      code: 'FTAI_ERR_PARAMETERS',
    });
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    say({
      error: `--parameters: ${file} is not JSON: ${(error as Error).message}`,
      message: `参数文件${file}不是有效的JSON`,
      code: 'FTAI_ERR_PARAMETERS',
    });
    return 2;
  }
  try {
    // A file without its number (a whole parameters.json) is cited as version 0: 2025.10.30-2+p0, not any version of the platform.
    const edition = editionFromFile(json, 0);
    const authority = (json as { authority?: unknown }).authority;
    // The matcher's worker threads make the edition again from plain data.
    const spec: EditionSpec = { number: edition.number, changes: edition.changes, ...(typeof authority === 'string' && { authority }) };
    return { edition, spec };
  } catch (error) {
    if (!(error instanceof EditionError)) throw error;
    say({
      error: `--parameters: ${file}: ${error.issues.map((i) => (i.parameter ? `${i.parameter}: ${i.en}` : i.en)).join('; ')}`,
      message: `参数文件${file}有误：${error.issues.map((i) => (i.parameter ? `${labelOf(i.parameter)}：${i.zh}` : i.zh)).join('；')}`,
      code: 'FTAI_ERR_PARAMETERS',
      issues: error.issues,
    });
    return 2;
  }
}

/**
 * Exit codes: 0 all answered, 2 some input was refused (not JSON, too deep, U+0000, or off the
 * contract), 1 the input could not be read, 130 stopped by Ctrl-C (--jsonl: every line written is
 * whole), 141 the reader of the output went away (a closed pipe: `| head`).
 */
export async function calcCommand(file: string, options: CalcOptions): Promise<number> {
  let read: { edition: Edition; spec: EditionSpec } | undefined;
  if (options.parameters !== undefined) {
    const got = readEdition(options.parameters);
    if (typeof got === 'number') return got;
    read = got;
  }
  return options.jsonl ? calcLines(file, options, read?.spec) : calcOne(file, options, read?.edition);
}

function calcOne(file: string, options: CalcOptions, edition: Edition | undefined): number {
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
  const answer = calculate(v.request, { lang: options.lang, explain: options.explain, ...(edition && { edition }) });
  process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
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
async function calcLines(file: string, options: CalcOptions, edition: EditionSpec | undefined): Promise<number> {
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
        ...(edition && { edition }),
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
