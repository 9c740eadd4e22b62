import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerLine, MAIN_THREAD_BELOW_BYTES } from '@ftai/match';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRequests } from '../../../bench/generate-requests.mjs';

/**
 * `ftai calc --jsonl` on inputs large enough for the matcher's worker threads: the same answer
 * lines as the one line answerer (answerLine) gives, in order, bad lines in their places; Ctrl-C
 * and a closed pipe stop it with every written line whole. Through the real binary (`npx tsc -b` first).
 */
const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '..', 'bin', 'ftai.js');
const dir = mkdtempSync(join(tmpdir(), 'ftai-calc-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);
const ftai = (args: readonly string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 120_000, maxBuffer: 1 << 29 });

const requests = generateRequests(3000, 31337).map((r) => JSON.stringify(r));
/** Bad lines among good ones, at known line numbers (1-based): not JSON, 5,000 deep, U+0000, off the contract. */
const BAD: ReadonlyMap<number, string> = new Map([
  [2, '{"year": 2026, "enterprise": '],
  [1500, `${'['.repeat(5000)}${']'.repeat(5000)}`],
  [2222, JSON.stringify({ year: 2026, enterprise: { name: 'a\u0000b' } })],
  [2999, JSON.stringify({ year: 'next', enterprise: {} })],
]);
const lines = requests.map((r, i) => BAD.get(i + 1) ?? r);
// CRLF line ends and a blank line in the middle: numbered as they stand.
const text = `${lines.slice(0, 1000).join('\r\n')}\r\n\r\n${lines.slice(1000).join('\n')}\n`;
/** The line number of lines[k] in `text` (the blank line after the 1,000th shifts the rest). */
const lineNo = (k: number) => (k < 1000 ? k + 1 : k + 2);

describe('ftai calc --jsonl: the matcher pipeline, the one line answerer', () => {
  it('the input is under the size where workers join by default', () => {
    expect(Buffer.byteLength(text)).toBeLessThan(MAIN_THREAD_BELOW_BYTES);
  });

  it.each([
    ['a file, on the main thread', ['--no-explain'], false],
    ['standard input, on the main thread', ['--no-explain'], true],
    ['a file, on two worker threads', ['--no-explain', '--workers', '2'], false],
    ['standard input, on a worker thread', ['--no-explain', '--workers', '1'], true],
    ['a file, explained in English, on two worker threads', ['--lang', 'en', '--workers', '2'], false],
  ])('from %s (%j): each line answered as answerLine answers it, in order, exit 2', { timeout: 180_000 }, (_name, flags, stdin) => {
    writeFileSync(file('mixed.jsonl'), text);
    const run = stdin ? ftai(['calc', '--jsonl', ...flags, '-'], text) : ftai(['calc', '--jsonl', ...flags, file('mixed.jsonl')]);
    expect(run.status, run.stderr).toBe(2);
    const options = { lang: flags.includes('en') ? ('en' as const) : ('zh' as const), explain: !flags.includes('--no-explain') };
    const want = lines.map((l, k) => `${answerLine(l, lineNo(k), options).text}\n`).join('');
    expect(run.stdout === want).toBe(true);
    expect(run.stderr).toBe(`ftai calc: ${BAD.size} of ${lines.length + 1} lines refused (see the error lines)\n`);
    const out = run.stdout.split('\n');
    expect(JSON.parse(out[1] as string)).toMatchObject({ code: 'FTAI_ERR_NOT_JSON', line: 2 });
    expect(JSON.parse(out[1499] as string)).toMatchObject({
      code: 'FTAI_ERR_VALIDATION',
      line: 1501,
      issues: [{ code: 'FTAI_ERR_TOO_DEEP' }],
    });
    expect(JSON.parse(out[2221] as string)).toMatchObject({
      line: 2223,
      issues: [{ path: 'enterprise.name', code: 'FTAI_ERR_INVALID_TEXT' }],
    });
    expect(JSON.parse(out[2998] as string)).toMatchObject({ line: 3000, issues: [{ path: 'year' }] });
  });

  it('answers a first line after a byte order mark', () => {
    const run = ftai(['calc', '--jsonl', '--no-explain', '-'], `\uFEFF${requests[0]}\n${requests[1]}\n`);
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toBe(
      `${answerLine(requests[0] as string, 1, { explain: false }).text}\n${answerLine(requests[1] as string, 2, { explain: false }).text}\n`,
    );
  });

  // 34 MB: past MAIN_THREAD_BELOW_BYTES, so the main thread and a worker per other core match it.
  const many = generateRequests(40_000, 99).map((r) => JSON.stringify(r));
  writeFileSync(file('many.jsonl'), `${many.join('\n')}\n`);

  it('stops cleanly on Ctrl-C: exit 130, every written line whole, and says how far it got', async () => {
    const out = file('many.out.jsonl');
    // Standard output to a file, as a shell's `> out` gives it.
    const fd = openSync(out, 'w');
    const child = spawn(process.execPath, [BIN, 'calc', '--jsonl', file('many.jsonl')], { stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    for (let waited = 0; waited < 60_000; waited += 20) {
      if (statSync(out).size > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const written = readFileSync(out, 'utf8');
    expect(written.endsWith('\n')).toBe(true);
    const answers = written.split('\n').slice(0, -1);
    expect(answers.length).toBeLessThan(many.length);
    answers.forEach((a, k) => {
      expect(a).toBe(answerLine(many[k] as string, k + 1, {}).text);
    });
    expect(stderr).toBe(`ftai calc: stopped after line ${answers.length}: ${answers.length} lines answered, every line whole\n`);
  });

  it('stops without a word when the reader closes the pipe (`| head`): exit 141', async () => {
    const child = spawn(process.execPath, [BIN, 'calc', '--jsonl', '--no-explain', file('many.jsonl')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    child.stdout.destroy();
    expect(await exited).toBe(141);
    expect(stderr).toBe('');
    expect(JSON.parse(first.slice(0, first.indexOf('\n')))).toEqual(JSON.parse(answerLine(many[0] as string, 1, { explain: false }).text));
  });
});
