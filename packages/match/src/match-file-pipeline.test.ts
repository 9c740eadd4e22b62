import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 * matchFile as `ftai calc --jsonl` uses it: the calling thread matches, joined by a worker per
 * other core past a size (at once for a file that large, once that much of a stream has come),
 * or the workers asked for; the same answers in every case; an abort stops even a read that
 * waits. Worker threads run the build: `npx tsc -b` first.
 */
const dir = mkdtempSync(join(tmpdir(), 'ftai-match-pipeline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

const requests = generateRequests(1500, 8080).map((r) => JSON.stringify(r));
const text = `${requests.join('\n')}\n`;
/** The size past which the tests' workers join: the input is 1.3 MB, a batch (500 lines) 430 kB. */
const BELOW = 600_000;
const answersOf = (lines: readonly string[]) => lines.map((l, k) => `${answerLine(l, k + 1, { explain: false }).text}\n`).join('');
const want = answersOf(requests);
const run = (
  input: string | Readable,
  out: string,
  options: { workers?: number; mainThreadBelowBytes?: number; batchRows?: number } = {},
) => matchFile({ input, format: 'jsonl', outputs: { jsonl: out }, explain: false, ...options });

describe('matchFile: who matches', () => {
  writeFileSync(file('in.jsonl'), text);
  const others = availableParallelism() - 1;

  it("the default size is above the tests' input, and a batch below it", () => {
    expect(Buffer.byteLength(text)).toBeLessThan(MAIN_THREAD_BELOW_BYTES);
    expect(Buffer.byteLength(text)).toBeGreaterThan(BELOW * 2);
  });

  it.each([
    ['a file under the size: the calling thread alone', () => file('in.jsonl'), {}, 0, true],
    ['a stream under the size: the calling thread alone', () => Readable.from([Buffer.from(text)]), {}, 0, true],
    [
      'a file over the size: the calling thread and a worker per other core',
      () => file('in.jsonl'),
      { mainThreadBelowBytes: BELOW },
      others,
      true,
    ],
    [
      'a stream that grows past the size: workers join',
      () => Readable.from([Buffer.from(text)]),
      { mainThreadBelowBytes: BELOW },
      others,
      true,
    ],
    ['workers: 2: two workers, the calling thread only reads and writes', () => file('in.jsonl'), { workers: 2 }, 2, false],
    ['workers: 0: the calling thread alone', () => file('in.jsonl'), { workers: 0 }, 0, true],
  ] as const)('%s; the same answers', async (_name, input, options, workers, mainThread) => {
    const summary = await run(input(), file('out.jsonl'), options);
    expect(summary).toMatchObject({ workers, mainThread, rowsDone: requests.length, rowsBad: 0, aborted: false });
    expect(readFileSync(file('out.jsonl'), 'utf8') === want).toBe(true);
  });

  it('a stream that comes slowly: the calling thread and a worker share it, the answers in order', async () => {
    const input = new PassThrough();
    // Workers from the start, and small batches: the calling thread matches while the worker loads
    // the policy, then the worker takes the batches as they come, and the calling thread some.
    const done = run(input, file('slow.jsonl'), { mainThreadBelowBytes: 0, batchRows: 50 });
    for (let k = 0; k < requests.length; k += 50) {
      input.write(`${requests.slice(k, k + 50).join('\n')}\n`);
      await new Promise((r) => setTimeout(r, 60));
    }
    input.end();
    expect(await done).toMatchObject({ workers: others, mainThread: true, rowsDone: requests.length });
    expect(readFileSync(file('slow.jsonl'), 'utf8') === want).toBe(true);
  });

  it('an abort stops a read that waits for more input: the batches read are answered, the rest left out, no line cut', async () => {
    const input = new PassThrough();
    // Two batches of 500 lines, then 100 lines and half a line that wait for more, which never comes.
    input.write(`${requests.slice(0, 1100).join('\n')}\n${requests[1100]?.slice(0, 100)}`);
    const out = file('stalled.jsonl');
    const controller = new AbortController();
    const done = matchFile({ input, format: 'jsonl', outputs: { jsonl: out }, explain: false }, undefined, controller.signal);
    for (let waited = 0; waited < 60_000; waited += 20) {
      if (existsSync(out) && readFileSync(out, 'utf8').split('\n').length > 1000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    controller.abort();
    const summary = await done;
    expect(summary).toMatchObject({ aborted: true, rowsDone: 1000, lastRow: 1000 });
    expect(readFileSync(out, 'utf8')).toBe(answersOf(requests.slice(0, 1000)));
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
