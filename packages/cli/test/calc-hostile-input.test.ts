import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `ftai calc` refuses hostile requests with exit code 2 and a field path, as the server answers
 * 400: JSON nested thousands deep (it used to overflow the stack and exit 1) and the NUL
 * character. Through the real binary (bin/ftai.js over dist/: `npx tsc -b` first).
 */
const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '..', 'bin', 'ftai.js');
const EXAMPLE = readFileSync(join(here, '..', '..', '..', 'examples', 'request.json'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'ftai-calc-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ftai = (args: readonly string[], input?: string): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 30_000, maxBuffer: 1 << 26 });
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const deepList = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

interface Refusal {
  error: string;
  code: string;
  issues: { path: string; code: string; message: string }[];
  line?: number;
}

const HOSTILE: readonly [string, string, string, string][] = [
  ['a request that is a list nested 4,100 deep', deepList(4100), '', 'FTAI_ERR_TOO_DEEP'],
  ['enterprise as a list nested 4,100 deep', `{"year":2026,"enterprise":${deepList(4100)}}`, 'enterprise', 'FTAI_ERR_TOO_DEEP'],
  ['an unknown field nested 100,000 deep', `{"year":2026,"enterprise":{},"x":${deepObject(100_000)}}`, 'x.a', 'FTAI_ERR_TOO_DEEP'],
  [
    'a money field nested 4,100 deep',
    `{"year":2026,"enterprise":{},"facts":{"computeSpend":${deepList(4100)}}}`,
    'facts.computeSpend',
    'FTAI_ERR_TOO_DEEP',
  ],
  [
    'U+0000 in the enterprise name',
    JSON.stringify({ year: 2026, enterprise: { name: 'a\u0000b' } }),
    'enterprise.name',
    'FTAI_ERR_INVALID_TEXT',
  ],
  ['U+0000 in a field name', '{"year":2026,"enterprise":{},"fa\\u0000cts":{}}', 'fa\\u0000cts', 'FTAI_ERR_INVALID_TEXT'],
];

describe('ftai calc: hostile requests exit 2 with a field path, never a crash', () => {
  it.each(HOSTILE)('%s', (_name, text, path, code) => {
    const run = ftai(['calc', file('hostile.json', text)]);
    expect(run.stderr).not.toMatch(/call stack/);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const refusal = JSON.parse(run.stderr) as Refusal;
    expect(refusal.code).toBe('FTAI_ERR_VALIDATION');
    expect(refusal.issues).toHaveLength(1);
    expect(refusal.issues[0]?.code).toBe(code);
    expect(refusal.issues[0]?.path.startsWith(path)).toBe(true);
    expect(refusal.error).toContain(refusal.issues[0]?.message);
  });

  it('--jsonl answers each hostile line with an error line in its place, goes on, exits 2', () => {
    const example = JSON.stringify(JSON.parse(EXAMPLE));
    const lines = [example, ...HOSTILE.map(([, text]) => text), example];
    const run = ftai(['calc', '--jsonl', '--no-explain', '-'], `${lines.join('\n')}\n`);
    expect(run.status).toBe(2);
    const out = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Refusal & { total?: number });
    expect(out).toHaveLength(lines.length);
    expect(out[0]?.total).toBeTypeOf('number');
    expect(out.at(-1)).toEqual(out[0]);
    HOSTILE.forEach(([, , path, code], i) => {
      const answer = out[i + 1] as Refusal;
      expect(answer).toMatchObject({ code: 'FTAI_ERR_VALIDATION', line: i + 2 });
      expect(answer.issues[0]?.code).toBe(code);
      expect(answer.issues[0]?.path.startsWith(path)).toBe(true);
    });
    expect(run.stderr).toContain(`${HOSTILE.length} of ${lines.length} lines refused`);
  });

  it('still answers a request nested as deep as the contract goes (exit 0)', () => {
    const run = ftai(['calc', '--no-explain', file('example.json', EXAMPLE)]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
