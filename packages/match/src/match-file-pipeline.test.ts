import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRequests } from '../../../bench/generate-requests.mjs';
import { answerLine } from './answer-line.js';
import { MAIN_THREAD_BELOW_BYTES, matchFile } from './match-file.js';
import { formatCsvRecord } from './parse-csv.js';
import { registryHeader, requestToCells } from './registry-header.js';

/**
 * matchFile as `ftai calc --jsonl` uses it: a small input on the calling thread, a large one on
 * worker threads (a stream's size found by reading ahead), the same answers either way; an abort
 * stops even a read that waits. Worker threads run the build: `npx tsc -b` first.
 */
const dir = mkdtempSync(join(tmpdir(), 'ftai-match-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

const requests = generateRequests(3000, 8080).map((r) => JSON.stringify(r));
const big = `${requests.join('\n')}\n`;
const small = `${requests.slice(0, 200).join('\n')}\n`;
const answersOf = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, k) => `${answerLine(l, k + 1, { explain: false }).text}\n`)
    .join('');
const run = async (input: string | Readable, out: string, workers?: number) =>
  matchFile({ input, format: 'jsonl', outputs: { jsonl: out }, explain: false, workers });

describe('matchFile: the calling thread for a small input, worker threads for a large one', () => {
  it('the inputs are on either side of the threshold', () => {
    expect(Buffer.byteLength(small)).toBeLessThan(MAIN_THREAD_BELOW_BYTES);
    expect(Buffer.byteLength(big)).toBeGreaterThan(MAIN_THREAD_BELOW_BYTES);
  });

  it.each([
    ['a small file', small, 'file', 0],
    ['a small stream', small, 'stream', 0],
    ['a large file', big, 'file', availableParallelism()],
    ['a large stream (read ahead until it proves large)', big, 'stream', availableParallelism()],
  ])('%s: the same answers, with the workers chosen for its size', async (_name, text, kind, workers) => {
    writeFileSync(file('in.jsonl'), text);
    const input = kind === 'file' ? file('in.jsonl') : Readable.from([Buffer.from(text)]);
    const summary = await run(input, file('out.jsonl'));
    expect(summary.workers).toBe(workers);
    expect(summary).toMatchObject({ rowsBad: 0, aborted: false });
    expect(readFileSync(file('out.jsonl'), 'utf8') === answersOf(text)).toBe(true);
  });

  it('keeps the number of workers asked for, 0 meaning the calling thread', async () => {
    writeFileSync(file('in.jsonl'), big);
    expect((await run(file('in.jsonl'), file('out0.jsonl'), 0)).workers).toBe(0);
    expect((await run(file('in.jsonl'), file('out1.jsonl'), 1)).workers).toBe(1);
    expect(readFileSync(file('out0.jsonl'), 'utf8')).toBe(readFileSync(file('out1.jsonl'), 'utf8'));
  });

  it('an abort stops a read that waits for more input: what came whole is answered or left out, never cut', async () => {
    const input = new PassThrough();
    input.write(small);
    // Half a line: never answered.
    input.write(requests[300]?.slice(0, 100));
    const controller = new AbortController();
    const done = matchFile(
      { input, format: 'jsonl', outputs: { jsonl: file('stalled.jsonl') }, explain: false },
      undefined,
      controller.signal,
    );
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    const summary = await done;
    expect(summary.aborted).toBe(true);
    const written = readFileSync(file('stalled.jsonl'), 'utf8');
    expect(answersOf(small).startsWith(written)).toBe(true);
    expect(summary.rowsDone).toBe(written.split('\n').length - 1);
  });
});

describe('matchFile on a registry: the input limits before the contract', () => {
  it('refuses a row whose JSON cell nests 100,000 deep, naming the column, and goes on', async () => {
    const header = registryHeader({ lang: 'zh', items: 1, json: ['history', 'otherPolicyAwards'] });
    const good = JSON.parse(requests[0] as string) as Record<string, unknown>;
    const cells = requestToCells(good, header);
    const historyColumn = header.findIndex((h) => h.includes('往年支持'));
    expect(historyColumn).toBeGreaterThanOrEqual(0);
    const deep = [...cells];
    deep[historyColumn] = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    writeFileSync(file('deep.csv'), `${[header, deep, cells].map((r) => formatCsvRecord(r)).join('\r\n')}\r\n`);
    const summary = await matchFile({ input: file('deep.csv'), outputs: { jsonl: file('deep.jsonl') }, explain: false, workers: 1 });
    expect(summary).toMatchObject({ rowsDone: 2, rowsBad: 1 });
    const [refused, answered] = readFileSync(file('deep.jsonl'), 'utf8').split('\n');
    expect(JSON.parse(refused as string)).toMatchObject({
      code: 'FTAI_ERR_VALIDATION',
      row: 2,
      issues: [{ code: 'FTAI_ERR_TOO_DEEP', column: header[historyColumn] }],
    });
    expect(answered).toBe(answerLine(requests[0] as string, 1, { explain: false }).text);
  });
});
