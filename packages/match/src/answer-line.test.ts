import { calculate, validateRequest } from '@ftai/policy-fengtai';
import { describe, expect, it } from 'vitest';
import { generateRequests } from '../../../bench/generate-requests.mjs';
import { answerLine, answerRequest, checkRequest } from './answer-line.js';
import { BatchMatcher, type MatchSettings } from './match-batch.js';

/** The one line answerer of `ftai calc --jsonl` and `ftai match`: what each kind of line answers. */
const requests = generateRequests(40, 515);
const valid = (r: unknown) => {
  const v = validateRequest(r);
  if (!v.ok) throw new Error('the generated requests validate');
  return v.request;
};
const deepList = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('answerLine', () => {
  it.each([[{ explain: false }], [{ lang: 'en' as const }], [{}]])(
    'answers a valid request with calculate()’s answer as one line (%j)',
    (options) => {
      for (const [k, r] of requests.entries()) {
        const a = answerLine(JSON.stringify(r), k + 1, options);
        expect(a.ok).toBe(true);
        expect(a.text).toBe(JSON.stringify(calculate(valid(r), options)));
      }
    },
  );

  it('answers a line that is not JSON with FTAI_ERR_NOT_JSON and its line number', () => {
    const a = answerLine('{"year": 2026, "enterprise": ', 7, {});
    expect(a.ok).toBe(false);
    expect(JSON.parse(a.text)).toEqual({ error: expect.stringMatching(/^not JSON: /), code: 'FTAI_ERR_NOT_JSON', line: 7 });
    expect(Object.keys(JSON.parse(a.text))).toEqual(['error', 'code', 'line']);
  });

  it.each([
    ['nested 5,000 deep', deepList(5000), '', 'FTAI_ERR_TOO_DEEP'],
    [
      'nested 100,000 deep in a field',
      `{"year":2026,"enterprise":{},"facts":{"computeSpend":${deepList(100_000)}}}`,
      'facts.computeSpend',
      'FTAI_ERR_TOO_DEEP',
    ],
    ['U+0000 in a text', JSON.stringify({ year: 2026, enterprise: { name: 'a\u0000b' } }), 'enterprise.name', 'FTAI_ERR_INVALID_TEXT'],
  ])('refuses a request past the input limits (%s) before the contract, naming the field', (_name, line, path, code) => {
    const a = answerLine(line, 3, {});
    expect(a.ok).toBe(false);
    const refusal = JSON.parse(a.text) as {
      error: string;
      code: string;
      issues: { path: string; code: string; message: string }[];
      line: number;
    };
    expect(Object.keys(refusal)).toEqual(['error', 'code', 'issues', 'line']);
    expect(refusal).toMatchObject({ code: 'FTAI_ERR_VALIDATION', line: 3 });
    expect(refusal.issues).toHaveLength(1);
    expect(refusal.issues[0]?.code).toBe(code);
    expect(refusal.issues[0]?.path.startsWith(path)).toBe(true);
    expect(refusal.error).toBe(`${refusal.issues[0]?.path}: ${refusal.issues[0]?.message}`);
  });

  it('refuses a request off the contract with every issue of validateRequest', () => {
    const line = JSON.stringify({ ...requests[0], facts: { computeSpend: -5 }, colour: 'red' });
    const v = validateRequest(JSON.parse(line));
    expect(v.ok).toBe(false);
    const refusal = JSON.parse(answerLine(line, 12, {}).text) as { issues: unknown[]; line: number; code: string };
    expect(refusal).toMatchObject({ code: 'FTAI_ERR_VALIDATION', line: 12 });
    expect(refusal.issues).toEqual(v.ok ? [] : v.issues);
  });
});

describe('checkRequest', () => {
  it('checks the limits first: a deep value is refused even where the contract would refuse it otherwise', () => {
    const v = checkRequest({ colour: JSON.parse(deepList(80)) });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues.map((i) => i.code)).toEqual(['FTAI_ERR_TOO_DEEP']);
  });

  it('gives the validated request when all is well', () => {
    const v = checkRequest(requests[0]);
    expect(v).toEqual({ ok: true, request: valid(requests[0]) });
  });
});

describe('answerRequest', () => {
  it('turns a calculation that throws (a defect) into an error line naming the row, and the run goes on', () => {
    const broken = { ...valid(requests[0]), history: 'not a list' } as unknown as ReturnType<typeof valid>;
    const a = answerRequest(broken, { row: 9 }, {});
    expect(a.ok).toBe(false);
    expect(JSON.parse(a.text)).toMatchObject({ code: 'FTAI_ERR_INTERNAL', row: 9, error: expect.stringMatching(/^internal error: /) });
  });
});

describe('BatchMatcher on JSON Lines: the same answerer, line by line', () => {
  const settings: MatchSettings = {
    format: 'jsonl',
    encoding: 'utf-8',
    lang: 'zh',
    explain: false,
    want: { answers: true, granted: false, notify: false },
  };
  const matcher = new BatchMatcher(settings);
  /** The settings as answerLine takes them (MatchSettings names an edition by its spec, not the edition). */
  const options = { lang: settings.lang, explain: settings.explain };
  const decode = (bytes: Uint8Array | null) => new TextDecoder().decode(bytes ?? new Uint8Array());

  it('answers each line as answerLine does: CRLF ends, blank lines skipped but numbered, a last line without newline', () => {
    const lines = [JSON.stringify(requests[0]), 'nonsense', '', '  ', deepList(5000), JSON.stringify(requests[1])];
    const text = `${lines.slice(0, 3).join('\r\n')}\r\n${lines.slice(3).join('\n')}`;
    const r = matcher.match({ index: 0, firstRow: 1, bytes: new TextEncoder().encode(text) });
    const want = [0, 1, 4, 5].map((k) => `${answerLine(lines[k] as string, k + 1, options).text}\n`).join('');
    expect(decode(r.answers)).toBe(want);
    expect(r).toMatchObject({ rows: 4, bad: 2, lastRow: 6 });
    expect(r.errors).toBe([1, 4].map((k) => `${answerLine(lines[k] as string, k + 1, options).text}\n`).join(''));
  });

  it('takes a byte order mark at the start of the input, and nowhere else', () => {
    const line = `\uFEFF${JSON.stringify(requests[2])}`;
    const first = matcher.match({ index: 0, firstRow: 1, bytes: new TextEncoder().encode(line) });
    expect(decode(first.answers)).toBe(`${answerLine(line.slice(1), 1, options).text}\n`);
    const later = matcher.match({ index: 1, firstRow: 501, bytes: new TextEncoder().encode(line) });
    expect(JSON.parse(decode(later.answers))).toMatchObject({ code: 'FTAI_ERR_NOT_JSON', line: 501 });
  });
});
