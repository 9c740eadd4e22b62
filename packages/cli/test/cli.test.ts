import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTERPRISE_MEASURE_IDS, MILESTONE_TIERS, parameters } from '@ftai/policy-fengtai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The `ftai` command through its real binary (bin/ftai.js over dist/), as a user runs it:
 * arguments, files, standard input, standard output and error, exit codes.
 * Needs a build first (`npx tsc -b`; `npm test` does it).
 */
const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '..', 'bin', 'ftai.js');
const CASES_DIR = join(here, '..', '..', 'policy-fengtai', 'cases');

/** Every measure id of the catalogue (shared/spec/MEASURES.md), in catalogue order. */
const CATALOGUE_IDS = [
  '1',
  '2.1',
  '2.2',
  '3.1',
  '3.2',
  '3.3',
  '3.4',
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '5.1',
  '5.2',
  '5.3a',
  '5.3b',
  '5.4',
  '6.1',
  '6.2a',
  '6.2b',
  '6.2c',
  '6.3a',
  '6.3b',
  '6.4',
  '7.1',
  '7.2',
  '8.1',
  '8.2',
  '8.3',
  '8.4',
  '9.1',
  '9.2',
  '9.3',
  '10.1',
  '10.2',
  '10.3',
  '10.4',
];

interface ExpectedResult {
  measure: string;
  subject: string | null;
  status: string;
  amount: number;
}
interface PolicyCase {
  file: string;
  name: string;
  request: { year: number; enterprise: { creditCode?: string }; [key: string]: unknown };
  expect: { results: ExpectedResult[]; total: number };
}
interface Result {
  measure: string;
  subject: string | null;
  status: string;
  amount: number;
  review?: boolean;
  citation?: string;
  explanation?: string[];
  reasons?: string[];
  missing?: string[];
}
interface Answer {
  policy: { id: string; version: string };
  year: number;
  creditCode: string | null;
  results: Result[];
  total: number;
}

const cases: PolicyCase[] = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as Omit<PolicyCase, 'file'>) }));

function caseStartingWith(prefix: string): PolicyCase {
  const c = cases.find((x) => x.file.startsWith(prefix));
  if (!c) throw new Error(`no case ${prefix}-… in ${CASES_DIR}`);
  return c;
}

/** Case 01: 20% of 5,000,000 compute spend, measure 1 granted 1,000,000. */
const COMPUTE = caseStartingWith('01');
/** Case 08: two model filings, 500,000 and 600,000. */
const FILINGS = caseStartingWith('08');
/** Case 14: 6.2a stands, 6.2b excluded on the same project. */
const SCENARIO = caseStartingWith('14');

function ftai(args: readonly string[], input?: string): SpawnSyncReturns<string> {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 30_000 });
  if (run.error) throw run.error;
  return run;
}

function result(answer: Answer, measure: string, subject: string | null = null): Result {
  const r = answer.results.find((x) => x.measure === measure && x.subject === subject);
  if (!r) throw new Error(`no result ${measure}/${subject} in ${JSON.stringify(answer.results.map((x) => x.measure))}`);
  return r;
}

/** Checks every expected result (status and amount, to the yuan) and the total of a case. */
function expectMatches(answer: Answer, c: PolicyCase): void {
  for (const want of c.expect.results) {
    const got = answer.results.find((r) => r.measure === want.measure && r.subject === want.subject);
    expect(got, `${c.file}: ${want.measure}/${want.subject}`).toBeDefined();
    expect({ status: got?.status, amount: got?.amount }, `${c.file}: ${want.measure}/${want.subject}`).toEqual({
      status: want.status,
      amount: want.amount,
    });
  }
  expect(answer.total, `${c.file}: total`).toBe(c.expect.total);
}

/** The lines of standard output, the trailing newline removed. */
function outputLines(stdout: string): string[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout.slice(0, -1).split('\n');
}

const HAN = /\p{Script=Han}/u;

let dir: string;
const temp = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const jsonl = (requests: readonly unknown[]): string => `${requests.map((r) => JSON.stringify(r)).join('\n')}\n`;

beforeAll(() => {
  if (!existsSync(join(here, '..', 'dist', 'main.js'))) throw new Error('packages/cli/dist is missing: run `npx tsc -b` first');
  dir = mkdtempSync(join(tmpdir(), 'ftai-cli-test-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('ftai calc FILE', () => {
  it('prints the answer JSON of the request, exit 0', () => {
    const run = ftai(['calc', temp('compute.json', JSON.stringify(COMPUTE.request))]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const answer = JSON.parse(run.stdout) as Answer;
    expect(answer.policy.id).toBe('fengtai-ai-2025');
    expect(answer.year).toBe(2026);
    expect(answer.creditCode).toBe(COMPUTE.request.enterprise.creditCode);
    expect(answer.total).toBe(1_000_000);
    expect(result(answer, '1')).toMatchObject({ status: 'granted', amount: 1_000_000, cap: 2_000_000, citation: '第一条' });
    expectMatches(answer, COMPUTE);
  });

  it.each([FILINGS, SCENARIO])('matches the expected results of $file', (c) => {
    const run = ftai(['calc', temp(`${c.file}`, JSON.stringify(c.request, null, 2))]);
    expect(run.status).toBe(0);
    expectMatches(JSON.parse(run.stdout) as Answer, c);
  });

  it("reads the request from standard input with '-'", () => {
    const run = ftai(['calc', '-'], JSON.stringify(COMPUTE.request));
    expect(run.status).toBe(0);
    expectMatches(JSON.parse(run.stdout) as Answer, COMPUTE);
  });

  it('explains in Chinese by default and in English with --lang en', () => {
    const file = temp('lang.json', JSON.stringify(COMPUTE.request));
    const zh = JSON.parse(ftai(['calc', file]).stdout) as Answer;
    const en = JSON.parse(ftai(['calc', '--lang', 'en', file]).stdout) as Answer;
    const zhSteps = result(zh, '1').explanation ?? [];
    const enSteps = result(en, '1').explanation ?? [];
    // Official Chinese (CHINESE.md): full-width punctuation, no space between Chinese and figures.
    expect(zhSteps).toContain('算力实际投入5,000,000元×20%＝1,000,000元');
    expect(zhSteps).toContain('未超过最高支持额度2,000,000元');
    expect(zhSteps).toContain('连续支持第1年，最多2年（首次支持2026年度）');
    expect(enSteps).toContain('compute spend 5,000,000 × 20% = 1,000,000');
    expect(enSteps).toContain('cap 2,000,000 not reached');
    expect(zhSteps.every((s) => HAN.test(s))).toBe(true);
    for (const text of [...zhSteps, ...(result(zh, '9.1').reasons ?? [])]) {
      expect(text, text).not.toMatch(/[(),:;](?!\d{3})|\p{Script=Han} +[\d\p{Script=Latin}]|[\d\p{Script=Latin}] +\p{Script=Han}/u);
    }
    expect(enSteps.some((s) => HAN.test(s))).toBe(false);
    // Reasons follow the language too; the figures do not.
    expect(result(en, '9.1').reasons?.[0]).toMatch(/^a service/);
    expect(result(zh, '9.1').reasons?.[0]).toMatch(HAN);
    expect({ ...en, results: en.results.map((r) => ({ ...r, explanation: [], reasons: [] })) }).toEqual({
      ...zh,
      results: zh.results.map((r) => ({ ...r, explanation: [], reasons: [] })),
    });
  });

  it('refuses a language it does not have, exit 2', () => {
    const run = ftai(['calc', '--lang', 'fr', temp('fr.json', JSON.stringify(COMPUTE.request))]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/fr/);
  });

  it('--no-explain leaves every explanation key out, keeps reasons and amounts', () => {
    const file = temp('no-explain.json', JSON.stringify(SCENARIO.request));
    const run = ftai(['calc', '--no-explain', file]);
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout) as Answer;
    expect(answer.results.length).toBeGreaterThan(0);
    for (const r of answer.results) expect(Object.keys(r)).not.toContain('explanation');
    expect(run.stdout).not.toContain('"explanation"');
    expect(result(answer, '6.2b', 'SC-1').reasons?.length).toBeGreaterThan(0);
    expectMatches(answer, SCENARIO);
    const explained = JSON.parse(ftai(['calc', file]).stdout) as Answer;
    expect(explained.results.every((r) => Array.isArray(r.explanation))).toBe(true);
    expect(answer.results).toEqual(explained.results.map(({ explanation: _, ...rest }) => rest));
  });

  it('refuses a bad request with exit 2, naming the field path on stderr', () => {
    const bad = structuredClone(FILINGS.request) as unknown as { facts: { modelFilings: { date: string }[] } };
    (bad.facts.modelFilings[1] as { date: string }).date = '2026-02-30';
    const run = ftai(['calc', temp('bad.json', JSON.stringify(bad))]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const error = JSON.parse(run.stderr) as { error: string; code: string; issues: { path: string; code: string }[] };
    expect(error.code).toBe('FTAI_ERR_VALIDATION');
    expect(error.error).toContain('facts.modelFilings[1].date');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'facts.modelFilings[1].date', code: 'FTAI_ERR_INVALID_FIELD' })]);
  });

  it('refuses an unknown field with exit 2, naming it', () => {
    const run = ftai(['calc', temp('unknown.json', JSON.stringify({ ...COMPUTE.request, facts: { computeSpending: 1 } }))]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('facts.computeSpending');
    expect(run.stderr).toContain('FTAI_ERR_UNKNOWN_FIELD');
  });

  it('refuses a file that is not JSON with exit 2', () => {
    const run = ftai(['calc', temp('not-json.json', '{"year": 2026,')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('FTAI_ERR_NOT_JSON');
  });

  it.each([[[]], [['--jsonl']]])('a missing file exits non-zero with a message naming it (%j)', (flags) => {
    const missing = join(dir, 'no-such-file.json');
    const run = ftai(['calc', ...flags, missing]);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(missing);
    expect(run.stderr).toMatch(/no such file/i);
  });
});

describe('ftai calc --jsonl', () => {
  const requests = [COMPUTE.request, FILINGS.request, SCENARIO.request];

  it('answers one line per request, in order, from a file and from standard input', () => {
    const text = jsonl(requests);
    const fromFile = ftai(['calc', '--jsonl', temp('three.jsonl', text)]);
    const fromStdin = ftai(['calc', '--jsonl', '-'], text);
    for (const run of [fromFile, fromStdin]) {
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
      const answers = outputLines(run.stdout).map((l) => JSON.parse(l) as Answer);
      expect(answers.map((a) => a.creditCode)).toEqual(requests.map((r) => r.enterprise.creditCode));
      expectMatches(answers[0] as Answer, COMPUTE);
      expectMatches(answers[1] as Answer, FILINGS);
      expectMatches(answers[2] as Answer, SCENARIO);
    }
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('takes --lang and --no-explain like the single request', () => {
    const run = ftai(['calc', '--jsonl', '--lang', 'en', '--no-explain', temp('opts.jsonl', jsonl(requests))]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('"explanation"');
    const first = JSON.parse(outputLines(run.stdout)[0] as string) as Answer;
    expect(result(first, '9.1').reasons?.[0]).toMatch(/^a service/);
  });

  it('answers a bad line with {"error", "line"} on its own line, goes on, and exits 2 at the end', () => {
    const badField = { ...FILINGS.request, facts: { computeSpend: -5 } };
    const text = [
      JSON.stringify(COMPUTE.request),
      '{"year": 2026, "enterprise": ', // not JSON
      JSON.stringify(badField), // invalid field
      JSON.stringify(SCENARIO.request),
    ].join('\n');
    const run = ftai(['calc', '--jsonl', temp('bad-lines.jsonl', `${text}\n`)]);
    expect(run.status).toBe(2);
    const lines = outputLines(run.stdout);
    expect(lines).toHaveLength(4);
    const [first, notJson, invalid, last] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expectMatches(first as unknown as Answer, COMPUTE);
    expect(notJson).toMatchObject({ code: 'FTAI_ERR_NOT_JSON', line: 2 });
    expect(notJson?.error).toMatch(/not JSON/);
    expect(invalid).toMatchObject({ code: 'FTAI_ERR_VALIDATION', line: 3 });
    expect(invalid?.error).toContain('facts.computeSpend');
    expect(invalid?.issues).toEqual([expect.objectContaining({ path: 'facts.computeSpend' })]);
    expectMatches(last as unknown as Answer, SCENARIO);
    expect(run.stderr).toContain('2 of 4 lines refused');
  });

  it('skips blank lines, but numbers lines as they stand in the file', () => {
    const text = ['', JSON.stringify(COMPUTE.request), '   ', '\t', 'nonsense', '', JSON.stringify(SCENARIO.request), ''].join('\n');
    const run = ftai(['calc', '--jsonl', '-'], text);
    expect(run.status).toBe(2);
    const lines = outputLines(run.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expectMatches(lines[0] as unknown as Answer, COMPUTE);
    expect(lines[1]).toMatchObject({ code: 'FTAI_ERR_NOT_JSON', line: 5 });
    expectMatches(lines[2] as unknown as Answer, SCENARIO);
  });

  it('reads CRLF line ends and a last line without a newline', () => {
    const text = `${JSON.stringify(COMPUTE.request)}\r\n\r\n${JSON.stringify(FILINGS.request)}`;
    const run = ftai(['calc', '--jsonl', temp('crlf.jsonl', text)]);
    expect(run.status).toBe(0);
    const answers = outputLines(run.stdout).map((l) => JSON.parse(l) as Answer);
    expect(answers).toHaveLength(2);
    expectMatches(answers[1] as Answer, FILINGS);
  });

  it('an empty input answers nothing, exit 0', () => {
    const run = ftai(['calc', '--jsonl', '-'], '');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('answers every shared case in one call, each expected result to the yuan', () => {
    expect(cases.length).toBeGreaterThanOrEqual(17);
    const run = ftai(['calc', '--jsonl', temp('cases.jsonl', jsonl(cases.map((c) => c.request)))]);
    expect(run.status, run.stderr).toBe(0);
    const lines = outputLines(run.stdout);
    expect(lines).toHaveLength(cases.length);
    cases.forEach((c, i) => {
      expectMatches(JSON.parse(lines[i] as string) as Answer, c);
    });
  });
});

describe('ftai: commands and options', () => {
  it.each([
    ['an unknown command', ['frobnicate']],
    ['an unknown option', ['calc', '--bogus', 'x.json']],
    ['an unknown option of measures', ['measures', '--csv']],
    ['a missing file argument', ['calc']],
  ])('%s exits 2 with usage on stderr', (_, args) => {
    const run = ftai(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/error:/);
    expect(run.stderr).toMatch(/Usage: ftai/);
  });

  it('--help exits 0', () => {
    const run = ftai(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('calc');
    expect(run.stdout).toContain('measures');
  });
});

describe('ftai measures', () => {
  /** The first cell of every row of the table. */
  const firstCells = (table: string): string[] =>
    table
      .split('\n')
      .filter((l) => l.startsWith('│'))
      .map((l) => (l.split('│')[1] ?? '').trim())
      .filter((cell) => cell !== '');

  it('prints a table with every measure id of the catalogue, in order', () => {
    const run = ftai(['measures']);
    expect(run.status).toBe(0);
    const cells = firstCells(run.stdout);
    expect(cells[0]).toBe('编号');
    expect(cells.slice(1)).toEqual(CATALOGUE_IDS);
    expect(run.stdout).toContain('第一条');
    // Clauses cited as the text numbers them.
    expect(run.stdout).toContain('第十条第（4）项');
    expect(run.stdout).not.toContain('第十条(4)');
  });

  it('--json gives parseable JSON with the 36 measures', () => {
    const run = ftai(['measures', '--json', '--year', '2026']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as {
      policy: { id: string; version: string };
      year: number;
      measures: { id: string; citation: string; name: string }[];
    };
    expect(json.policy).toEqual({ id: 'fengtai-ai-2025', version: '2025.10.30-2' });
    expect(json.year).toBe(2026);
    expect(json.measures).toHaveLength(36);
    expect(json.measures.map((m) => m.id)).toEqual(CATALOGUE_IDS);
    expect(json.measures[0]).toMatchObject({ citation: '第一条', name: '智能算力支持' });
    expect(json.measures.find((m) => m.id === '6.2b')).toMatchObject({ citation: '第六条第（2）项', name: '获得市级应用场景建设项目补贴' });
  });

  it('--lang en prints English headers and citations', () => {
    const table = ftai(['measures', '--lang', 'en']);
    expect(table.status).toBe(0);
    const cells = firstCells(table.stdout);
    expect(cells[0]).toBe('id');
    expect(cells.slice(1)).toEqual(CATALOGUE_IDS);
    expect(table.stdout).toContain('Article 1');
    expect(table.stdout).not.toContain('第一条');
    const json = JSON.parse(ftai(['measures', '--json', '--lang', 'en']).stdout) as { measures: { citation: string }[] };
    expect(json.measures[0]?.citation).toBe('Article 1');
  });

  it('refuses a --year outside 2000–2100 with exit 2', () => {
    const run = ftai(['measures', '--year', '1999']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--year');
  });
});

describe('ftai calc: refuses what the contract does not allow, naming the field and the values allowed', () => {
  const enterpriseMeasures = ENTERPRISE_MEASURE_IDS.join(', ');
  const tiers = (MILESTONE_TIERS.get('5.1') ?? []).join(', ');
  const award = { policy: '丰台区某项措施', amount: 450_000 };
  const refused = [
    {
      what: 'an other award naming both subject and measure',
      change: { otherPolicyAwards: [{ ...award, subject: 'SC-1', measure: '5.3a' }] },
      path: 'otherPolicyAwards[0]',
      says: [`measure (one of ${enterpriseMeasures}`, 'not both'],
    },
    {
      what: 'an other award naming neither subject nor measure',
      change: { otherPolicyAwards: [award] },
      path: 'otherPolicyAwards[0]',
      says: [`measure (one of ${enterpriseMeasures}`, 'got neither'],
    },
    {
      what: 'an other award naming a measure that is not enterprise-level',
      change: { otherPolicyAwards: [{ ...award, measure: '6.2a' }] },
      path: 'otherPolicyAwards[0].measure',
      says: [`expected one of ${enterpriseMeasures}, got "6.2a"`],
    },
    {
      what: 'a 5.1 history entry without a tier',
      change: { history: [{ measure: '5.1', year: 2025, subject: null, amount: 200_000 }] },
      path: 'history[0].subject',
      says: [`one of ${tiers}, got null`],
    },
    {
      what: 'a 5.1 history entry naming something that is not a tier',
      change: { history: [{ measure: '5.1', year: 2025, subject: 'SC-1', amount: 200_000 }] },
      path: 'history[0].subject',
      says: [`one of ${tiers}, got "SC-1"`],
    },
  ];

  it.each(refused)('refuses $what with exit 2', ({ change, path, says }) => {
    const run = ftai(['calc', temp('refused.json', JSON.stringify({ ...COMPUTE.request, ...change }))]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const error = JSON.parse(run.stderr) as { error: string; code: string; issues: { path: string; code: string; message: string }[] };
    expect(error.code).toBe('FTAI_ERR_VALIDATION');
    expect(error.issues).toEqual([{ path, code: 'FTAI_ERR_INVALID_FIELD', message: expect.any(String) }]);
    expect(error.error.startsWith(`${path}: `)).toBe(true);
    for (const s of says) expect(error.error).toContain(s);
  });

  it('in --jsonl mode answers each with its error line, goes on, and exits 2 at the end', () => {
    const text = jsonl([COMPUTE.request, ...refused.map((r) => ({ ...COMPUTE.request, ...r.change })), SCENARIO.request]);
    const run = ftai(['calc', '--jsonl', temp('refused.jsonl', text)]);
    expect(run.status).toBe(2);
    const lines = outputLines(run.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(refused.length + 2);
    expectMatches(lines[0] as unknown as Answer, COMPUTE);
    refused.forEach((r, i) => {
      const line = lines[i + 1] as { error: string; code: string; line: number; issues: { path: string }[] };
      expect(line).toMatchObject({ code: 'FTAI_ERR_VALIDATION', line: i + 2, issues: [{ path: r.path }] });
      expect(line.error.startsWith(`${r.path}: `)).toBe(true);
      for (const s of r.says) expect(line.error).toContain(s);
    });
    expectMatches(lines.at(-1) as unknown as Answer, SCENARIO);
    expect(run.stderr).toContain(`${refused.length} of ${refused.length + 2} lines refused`);
  });

  it('takes the same awards and history when they are well formed: a subject, or an enterprise-level measure, and a tier', () => {
    const good = {
      ...COMPUTE.request,
      history: [{ measure: '5.1', year: 2025, subject: 'revenue-50m', amount: 200_000 }],
      otherPolicyAwards: [
        { ...award, subject: 'SC-1' },
        { ...award, measure: '5.3a' },
      ],
    };
    const run = ftai(['calc', temp('well-formed.json', JSON.stringify(good))]);
    expect(run.status, run.stderr).toBe(0);
    expectMatches(JSON.parse(run.stdout) as Answer, COMPUTE);
  });
});

describe('ftai calc: a fact left out is never read as 0', () => {
  const enterprise = {
    creditCode: COMPUTE.request.enterprise.creditCode,
    registeredInFengtai: true,
    taxResidentInFengtai: true,
    seriousDishonesty: false,
  };

  it('--lang zh: without previousRevenue, 5.2 is incomplete, missing ["facts.previousRevenue"], amount 0', () => {
    const facts = { revenue: 120_000_000, priorMaxRevenue: 60_000_000, industryAverageGrowthRate: 0.15 };
    const run = ftai(['calc', '--lang', 'zh', temp('no-previous-revenue.json', JSON.stringify({ year: 2026, enterprise, facts }))]);
    expect(run.status, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as Answer;
    expect(result(answer, '5.2')).toMatchObject({
      status: 'incomplete',
      amount: 0,
      missing: ['facts.previousRevenue'],
      reasons: ['缺少“上年度主营业务收入”，无法测算'],
    });
    // 5.1 needs the previous revenue only when the highest of earlier years is not given.
    expect(result(answer, '5.1', 'revenue-100m')).toMatchObject({ status: 'granted', amount: 300_000 });
    expect(answer.total).toBe(300_000);
    // Given, the same figures are computed: the growth of 60,000,000 reaches the 5000万元 band.
    const given = ftai([
      'calc',
      temp('previous-revenue.json', JSON.stringify({ year: 2026, enterprise, facts: { ...facts, previousRevenue: 60_000_000 } })),
    ]);
    const full = JSON.parse(given.stdout) as Answer;
    expect(result(full, '5.2')).toMatchObject({ status: 'granted', amount: 500_000 });
    expect(result(full, '5.2').missing).toBeUndefined();
  });

  it('--lang zh: without any earlier revenue, 5.1 is incomplete with no tier, missing both fields either of which would do', () => {
    const run = ftai([
      'calc',
      '--lang',
      'zh',
      temp('no-earlier-revenue.json', JSON.stringify({ year: 2026, enterprise, facts: { revenue: 120_000_000 } })),
    ]);
    expect(run.status, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as Answer;
    expect(result(answer, '5.1', null)).toMatchObject({
      status: 'incomplete',
      amount: 0,
      missing: ['facts.priorMaxRevenue', 'facts.previousRevenue'],
    });
    expect(result(answer, '5.1', null).reasons?.[0]).toContain('填写其一即可');
    expect(answer.total).toBe(0);
  });
});

/** The cells of each row of a cli-table3 table, each cell's wrapped lines joined, by the row's first cell. */
function tableRows(table: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  let lines: string[][] = [];
  for (const line of table.split('\n')) {
    if (line.startsWith('│')) lines.push(line.split('│').slice(1, -1));
    else if (/^[├└]/.test(line) && lines.length > 0) {
      const cells = (lines[0] as string[]).map((_, c) => lines.map((l) => l[c] ?? '').join('\n'));
      rows.set(flat(cells[0] as string), cells);
      lines = [];
    }
  }
  return rows;
}
/** Text with every space and line break taken out, to compare text a table wrapped. */
const flat = (text: string) => text.replace(/\s+/g, '');

describe('ftai measures: maxima the text gives as 最高, and the readings assumed', () => {
  interface Measure {
    id: string;
    rule: string;
    review: boolean;
    assumptions: string[];
    parameters: { id: string; assumed: boolean }[];
  }
  interface Catalogue {
    readings: { id: string; assumed: string }[];
    measures: Measure[];
  }
  const catalogueOf = (lang: 'zh' | 'en') => {
    const run = ftai(['measures', '--json', '--lang', lang, '--year', '2026']);
    expect(run.status).toBe(0);
    return JSON.parse(run.stdout) as Catalogue;
  };
  /** 2.1, 5.3a and 6.4 give amounts as 最高 without a formula: a reviewed maximum, never a fixed amount. */
  const MAXIMA = {
    zh: {
      '2.1': ['最高500,000元', '工业：最高600,000元'],
      '5.3a': ['最高500,000元'],
      '6.4': ['国际标准：最高300,000元', '行业标准：最高100,000元'],
    },
    en: {
      '2.1': ['up to 500,000', 'industrial: up to 600,000'],
      '5.3a': ['up to 500,000'],
      '6.4': ['international standard: up to 300,000', 'industry standard: up to 100,000'],
    },
  };
  const REVIEW = { zh: '（经评审认定）', en: '(after review)' };
  const FIXED = /定额|fixed/;

  it.each(['zh', 'en'] as const)('--json --lang %s: review and the maxima for 2.1, 5.3a and 6.4', (lang) => {
    const json = catalogueOf(lang);
    for (const [id, maxima] of Object.entries(MAXIMA[lang])) {
      const m = json.measures.find((x) => x.id === id);
      expect(m?.review, id).toBe(true);
      for (const text of maxima) expect(m?.rule, id).toContain(text);
      expect(m?.rule, id).not.toMatch(FIXED);
    }
  });

  it.each(['zh', 'en'] as const)('the table (--lang %s) shows them as maxima after review', (lang) => {
    const run = ftai(['measures', '--lang', lang, '--year', '2026']);
    expect(run.status).toBe(0);
    const rows = tableRows(run.stdout);
    for (const [id, maxima] of Object.entries(MAXIMA[lang])) {
      const rule = flat(rows.get(id)?.[2] ?? '');
      for (const text of maxima) expect(rule, id).toContain(flat(text));
      expect(rule, id).toContain(flat(REVIEW[lang]));
      expect(rule, id).not.toMatch(FIXED);
    }
  });

  it('--json lists every switch reading with assumed: true, the policy-wide ones with their text', () => {
    const switches = parameters
      .definitions()
      .filter((d) => d.unit === 'switch')
      .map((d) => d.id);
    expect(switches).toEqual(expect.arrayContaining(['1.cap-per-year', '5.1.highest-only', '6.2.tie']));
    const json = catalogueOf('zh');
    const listed = new Map<string, unknown>();
    for (const m of json.measures) for (const p of m.parameters) listed.set(p.id, p.assumed);
    for (const r of json.readings) listed.set(r.id, r.assumed);
    for (const id of switches) {
      const assumed = listed.get(id);
      expect(assumed === true || (typeof assumed === 'string' && assumed.length > 0), id).toBe(true);
    }
    expect(json.readings.map((r) => r.id)).toEqual(expect.arrayContaining(['general.conditions', 'general.first-year-in-full']));
    // A measure with an assumed reading says what is assumed.
    for (const m of json.measures) {
      if (m.parameters.some((p) => p.assumed)) expect(m.assumptions.length, m.id).toBeGreaterThan(0);
    }
  });

  it.each(['zh', 'en'] as const)(
    'the table (--lang %s) shows every assumption of a measure, and the policy-wide readings under it',
    (lang) => {
      const json = catalogueOf(lang);
      const run = ftai(['measures', '--lang', lang, '--year', '2026']);
      expect(run.status).toBe(0);
      const rows = tableRows(run.stdout);
      for (const m of json.measures) {
        const cell = flat(rows.get(m.id)?.[5] ?? '');
        for (const a of m.assumptions) expect(cell, m.id).toContain(flat(a));
        if (m.assumptions.length === 0) expect(cell, m.id).toBe('—');
      }
      const lines = run.stdout.split('\n');
      for (const r of json.readings) expect(lines).toContain(`${lang === 'zh' ? '假设：' : 'assumed: '}${r.assumed}`);
    },
  );
});
