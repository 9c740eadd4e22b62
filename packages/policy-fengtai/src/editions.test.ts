import { describe, expect, it } from 'vitest';
import { calculate } from './calculate.js';
import { checkChanges, EditionError, editionFromFile, editionNumberOf, editionVersion, makeEdition, SHIPPED_EDITION } from './editions.js';
import { POLICY_VERSION, parameters } from './policy.js';
import { calc, result, textOf } from './test-helpers.js';

/** 4.3 in two bands instead of five: what a year's 申报指南 might fix. */
const TWO_BANDS = [
  { min: 1000000, amount: 150000, label: { zh: '100万元（含）至500万元', en: '1,000,000 (incl.) to 5,000,000' } },
  { min: 5000000, amount: 450000, label: { zh: '500万元（含）以上', en: '5,000,000 or more' } },
];

describe('editions: the parameters a calculation runs under', () => {
  it('version 1 is the package itself, and answers cite it', () => {
    expect(SHIPPED_EDITION.version).toBe(POLICY_VERSION);
    expect(calc({}).policy.version).toBe(POLICY_VERSION);
    expect(editionVersion(1)).toBe(POLICY_VERSION);
    expect(editionNumberOf(POLICY_VERSION)).toBe(1);
  });

  it('a later version changes the figures, and its answers cite it', () => {
    const edition = makeEdition(2, [{ parameter: '4.3.tiers', value: TWO_BANDS }], '2027年度申报指南');
    expect(edition.version).toBe(`${POLICY_VERSION}+p2`);
    expect(editionNumberOf(edition.version)).toBe(2);
    expect(editionNumberOf('2020.01.01-1+p2')).toBeNull();
    const facts = { rdSpend: 9000000, previousRdSpend: 5000000 };
    expect(result({ facts }, '4.3').amount).toBe(200000); // version 1: [3M, 5M) pays 200,000
    const under2 = result({ facts }, '4.3', null, { edition });
    expect(under2.amount).toBe(150000);
    expect(textOf(under2)).toContain('2027年度申报指南');
    expect(calc({ facts }, { edition }).policy.version).toBe(`${POLICY_VERSION}+p2`);
    // Version 1 is untouched by making version 2.
    expect(result({ facts }, '4.3').amount).toBe(200000);
  });

  it('refuses changes off their unit, naming the parameter in both languages', () => {
    expect(checkChanges([{ parameter: '1.rate', value: 'a lot' }])).toEqual([
      { parameter: '1.rate', index: 0, zh: '应为百分比，如“25%”', en: 'expected a rate such as "25%"' },
    ]);
    expect(checkChanges([{ parameter: 'no.such', value: 1 }])[0]?.zh).toBe('本政策没有该参数');
    expect(
      checkChanges([
        { parameter: '1.cap', value: 1 },
        { parameter: '1.cap', value: 2 },
      ])[0]?.zh,
    ).toBe('同一参数只能修改一次');
    expect(checkChanges([{ parameter: '4.3.tiers', value: [{ min: 1, amount: 1, label: { zh: '一档' } }] }])[0]?.en).toBe(
      'every tier needs a label in both languages',
    );
    expect(() => makeEdition(2, [{ parameter: '1.cap', value: -1 }])).toThrow(EditionError);
  });

  it('keeps the ids of milestone tiers, which the ledger names', () => {
    const tiers = parameters.definitions().find((d) => d.id === '5.1.tiers')?.values[0]?.value as { id: string; amount: number }[];
    const renamed = tiers.map((t, i) => (i === 0 ? { ...t, id: 'revenue-2b' } : t));
    expect(checkChanges([{ parameter: '5.1.tiers', value: renamed }])[0]?.zh).toContain('只可修改起点和金额');
    const richer = tiers.map((t) => ({ ...t, amount: t.amount * 2 }));
    expect(checkChanges([{ parameter: '5.1.tiers', value: richer }])).toEqual([]);
  });

  it('refuses a reading the engine does not implement', () => {
    expect(checkChanges([{ parameter: 'general.first-year-in-full', value: false }])[0]?.zh).toContain('该取值尚未实现');
  });

  it('reads a parameter file: a version exported from the platform, or a whole parameters.json', () => {
    const exported = editionFromFile({
      policy: 'fengtai-ai-2025',
      number: 3,
      authority: '指南',
      changes: [{ parameter: '1.rate', value: '25%' }],
    });
    expect(exported.version).toBe(`${POLICY_VERSION}+p3`);
    const request = {
      year: 2026,
      enterprise: { registeredInFengtai: true, taxResidentInFengtai: true, seriousDishonesty: false },
      facts: {},
    };
    expect(calculate(request as never, { edition: exported }).policy.version).toBe(`${POLICY_VERSION}+p3`);
    const whole = {
      policy: 'fengtai-ai-2025',
      parameters: parameters.definitions().map((d) => (d.id === '1.cap' ? { ...d, values: [{ from: '2025-10-30', value: 2500000 }] } : d)),
    };
    expect(editionFromFile(whole).changes).toEqual([{ parameter: '1.cap', value: 2500000 }]);
    expect(editionFromFile({ policy: 'fengtai-ai-2025', parameters: parameters.definitions() })).toBe(SHIPPED_EDITION);
    expect(() => editionFromFile({ policy: 'another' })).toThrow(EditionError);
    expect(() => editionFromFile({ policy: 'fengtai-ai-2025' })).toThrow(/changes or a parameters list/);
  });
});
