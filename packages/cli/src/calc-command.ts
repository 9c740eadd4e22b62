import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { calculate, describeIssues, findInputProblem, validateRequest } from '@ftai/policy-fengtai';

export interface CalcOptions {
  readonly jsonl: boolean;
  readonly lang: 'zh' | 'en';
  readonly explain: boolean;
}

/**
 * The contract's verdict, after the limits every request obeys (no U+0000, at most 64 levels
 * deep), so that a hostile request is refused as the server refuses it, never a crash.
 */
function validate(input: unknown) {
  const problem = findInputProblem(input);
  if (problem) return { ok: false, error: `${problem.path}: ${problem.message}`, issues: [problem] } as const;
  const v = validateRequest(input);
  return v.ok ? v : ({ ok: false, error: describeIssues(v.issues), issues: v.issues } as const);
}

/** Exit codes: 0 all answered, 2 some input was refused (not JSON, too deep, U+0000, or off the contract). */
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
  const v = validate(input);
  if (!v.ok) {
    process.stderr.write(`${JSON.stringify({ error: v.error, code: 'FTAI_ERR_VALIDATION', issues: v.issues }, null, 2)}\n`);
    return 2;
  }
  process.stdout.write(`${JSON.stringify(calculate(v.request, options), null, 2)}\n`);
  return 0;
}

/** One line in, one line out, in order; a bad line answers with an error and the run goes on. */
export function answerLine(line: string, lineNo: number, options: CalcOptions): { text: string; ok: boolean } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (error) {
    return {
      text: JSON.stringify({ error: `not JSON: ${(error as Error).message}`, code: 'FTAI_ERR_NOT_JSON', line: lineNo }),
      ok: false,
    };
  }
  const v = validate(input);
  if (!v.ok) {
    return {
      text: JSON.stringify({ error: v.error, code: 'FTAI_ERR_VALIDATION', issues: v.issues, line: lineNo }),
      ok: false,
    };
  }
  return { text: JSON.stringify(calculate(v.request, options)), ok: true };
}

async function calcLines(file: string, options: CalcOptions): Promise<number> {
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const out = process.stdout;
  let buffer = '';
  let lineNo = 0;
  let bad = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    const answer = answerLine(line, lineNo, options);
    if (!answer.ok) bad++;
    buffer += `${answer.text}\n`;
    if (buffer.length >= 1 << 16) {
      const flushed = out.write(buffer);
      buffer = '';
      if (!flushed) await new Promise<void>((resolve) => out.once('drain', resolve));
    }
  }
  if (buffer) out.write(buffer);
  if (bad > 0) process.stderr.write(`ftai calc: ${bad} of ${lineNo} lines refused (see the error lines)\n`);
  return bad > 0 ? 2 : 0;
}
