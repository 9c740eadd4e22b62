import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchFile } from '@ftai/match';
import { POLICY_VERSION } from '@ftai/policy-fengtai';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRequests } from '../../../bench/generate-requests.mjs';

/**
 * `ftai calc --parameters FILE` through the real binary (needs `npx tsc -b` first): the answers
 * of a parameter version, as the platform exports it (GET /api/v1/policy/versions/N/parameters.json).
 */
const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'ftai.js');
const dir = mkdtempSync(join(tmpdir(), 'ftai-calc-parameters-'));
const temp = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const ftai = (args: string[], input?: string) => {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 60_000, maxBuffer: 64 << 20 });
  if (run.error) throw run.error;
  return run;
};

/** R&D spend up by 3,000,000: version 1 pays 200,000 (第四条第（3）项), the two bands below 150,000. */
const REQUEST = {
  year: 2026,
  enterprise: { registeredInFengtai: true, taxResidentInFengtai: true, seriousDishonesty: false, creditCode: '91110106MA0000K01C' },
  facts: { rdSpend: 12_000_000, previousRdSpend: 9_000_000 },
};
const TWO_BANDS = [
  { min: 1_000_000, amount: 150_000, label: { zh: '100万元（含）至500万元', en: '1,000,000 (incl.) to 5,000,000' } },
  { min: 5_000_000, amount: 450_000, label: { zh: '500万元（含）以上', en: '5,000,000 or more' } },
];
const FILE = {
  policy: 'fengtai-ai-2025',
  number: 2,
  version: `${POLICY_VERSION}+p2`,
  effectiveOn: '2027-04-01',
  authority: '2027年度丰台区人工智能产业政策申报指南',
  changes: [{ parameter: '4.3.tiers', value: TWO_BANDS }],
};

interface Answer {
  policy: { version: string };
  results: { measure: string; status: string; amount: number; explanation?: string[] }[];
}
const amount43 = (a: Answer) => a.results.find((r) => r.measure === '4.3')?.amount;

describe('ftai calc --parameters', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const parameters = temp('p2.json', JSON.stringify(FILE));

  it('computes one request under the version and cites it', () => {
    const request = temp('request.json', JSON.stringify(REQUEST));
    const plain = ftai(['calc', request]);
    expect(plain.status, plain.stderr).toBe(0);
    expect(amount43(JSON.parse(plain.stdout) as Answer)).toBe(200_000);

    const run = ftai(['calc', request, '--parameters', parameters]);
    expect(run.status, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as Answer;
    expect(answer.policy.version).toBe(`${POLICY_VERSION}+p2`);
    expect(amount43(answer)).toBe(150_000);
    expect(answer.results.find((r) => r.measure === '4.3')?.explanation?.join('')).toContain('《2027年度丰台区人工智能产业政策申报指南》');
  });

  it('computes JSON Lines under the version, every line citing it', () => {
    const lines = temp('requests.jsonl', `${JSON.stringify(REQUEST)}\n${JSON.stringify({ ...REQUEST, year: 2027 })}\n`);
    const run = ftai(['calc', '--jsonl', lines, '--parameters', parameters]);
    expect(run.status, run.stderr).toBe(0);
    const answers = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Answer);
    expect(answers.map((a) => [a.policy.version, amount43(a)])).toEqual([
      [`${POLICY_VERSION}+p2`, 150_000],
      [`${POLICY_VERSION}+p2`, 150_000],
    ]);
  });

  it('refuses a bad parameter file, naming the parameter in Chinese and English', () => {
    const request = temp('request.json', JSON.stringify(REQUEST));
    const bad = temp('bad.json', JSON.stringify({ ...FILE, changes: [{ parameter: '1.rate', value: 'a lot' }] }));
    const run = ftai(['calc', request, '--parameters', bad]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const error = JSON.parse(run.stderr);
    expect(error.code).toBe('FTAI_ERR_PARAMETERS');
    expect(error.error).toContain('1.rate: expected a rate such as "25%"');
    expect(error.message).toContain('“算力支持比例”（1.rate）：应为百分比，如“25%”');
    const jsonl = ftai(['calc', '--jsonl', request, '--parameters', bad]);
    expect(jsonl.status).toBe(2);
    expect(ftai(['calc', request, '--parameters', join(dir, 'missing.json')]).status).toBe(1);
    expect(ftai(['calc', request, '--parameters', temp('junk.json', '{')]).status).toBe(2);
  });

  it('gives, line by line, what a simulation of the same rows sums (政策模拟 = ftai calc under each version)', async () => {
    const rows = generateRequests(400, 20261204) as unknown[];
    const lines = temp('registry.jsonl', `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const v2 = { ...FILE, changes: [...FILE.changes, { parameter: '1.rate', value: '25%' }] };
    const { comparison } = await matchFile({
      input: lines,
      outputs: {},
      workers: 0,
      compare: { a: { number: 1, changes: [] }, b: { number: 2, changes: v2.changes, authority: v2.authority } },
    });
    const answersOf = (args: string[]) => {
      const run = ftai(['calc', '--jsonl', lines, '--no-explain', ...args]);
      expect(run.status, run.stderr).toBe(0);
      return run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Answer & { total: number });
    };
    const a = answersOf([]);
    const b = answersOf(['--parameters', temp('p2-rate.json', JSON.stringify(v2))]);
    const sum = (answers: (Answer & { total: number })[], measure?: string) =>
      answers.reduce(
        (s, x) =>
          s +
          (measure === undefined
            ? x.total
            : x.results.reduce((t, r) => t + (r.measure === measure && r.status === 'granted' ? r.amount : 0), 0)),
        0,
      );
    expect(comparison?.rows).toBe(400);
    expect(comparison?.total).toEqual({ a: sum(a), b: sum(b), difference: sum(b) - sum(a) });
    expect(comparison?.total.difference).not.toBe(0);
    for (const m of comparison?.measures ?? []) {
      expect([m.measure, m.a.amount, m.b.amount]).toEqual([m.measure, sum(a, m.measure), sum(b, m.measure)]);
    }
    const moves = a.map((x, i) => Math.sign((b[i]?.total ?? 0) - x.total));
    expect(comparison?.enterprises).toMatchObject({
      gain: moves.filter((d) => d > 0).length,
      lose: moves.filter((d) => d < 0).length,
      unchanged: moves.filter((d) => d === 0).length,
    });
  });

  it('says so in its help', () => {
    expect(ftai(['calc', '--help']).stdout).toContain('--parameters <file>');
  });
});
