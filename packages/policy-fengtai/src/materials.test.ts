import { describe, expect, it } from 'vitest';
import { claimedMeasures, GENERAL_MATERIALS, MATERIALS, materialsOf, missingMaterials } from './materials.js';
import { MEASURE_IDS, measures } from './policy.js';

const HAN = '\\u4e00-\\u9fff';
/** The rules of CHINESE.md a machine can see (as chinese-texts.test.ts and check-chinese.mjs hold them). */
const RULES: readonly (readonly [string, RegExp])[] = [
  ['half-width punctuation next to Chinese', new RegExp(`[${HAN}][,:;()]|[,:;()][${HAN}]`)],
  ['space between Chinese and a figure or Latin letter', new RegExp(`[${HAN}] +[0-9A-Za-z]|[0-9A-Za-z%] +[${HAN}]`)],
  ['an internal measure id', /第\s*\d+\.\d+[a-c]?\s*项|(?<![\d.])\d{1,2}\.\d[a-c]?(?![\w])/],
  ['「」 quotation marks', /[「」"]/],
];

/** Measures that grant no money: services (listed for every enterprise), asking for nothing. */
const SERVICES = new Set(measures.filter((m) => m.rule.kind === 'service').map((m) => m.id));

describe('the materials of the measures (申报材料清单)', () => {
  const all = [...Object.entries(MATERIALS), ['general', GENERAL_MATERIALS] as const];

  it('has a list for every measure of the catalogue, and none for anything else', () => {
    expect(Object.keys(MATERIALS).sort()).toEqual([...MEASURE_IDS].sort());
  });

  it('asks at least one required material of every measure that grants money, none of a service', () => {
    for (const [id, list] of Object.entries(MATERIALS)) {
      expect(
        list.some((m) => m.required),
        id,
      ).toBe(!SERVICES.has(id));
    }
    expect([...SERVICES].sort()).toEqual(['10.1', '10.3', '9.1', '9.2']);
  });

  it('rests money spent on its contracts, invoices and payment vouchers (第一条 as the example)', () => {
    expect(
      materialsOf('1')
        .filter((m) => m.required)
        .map((m) => m.key),
    ).toEqual(['contract', 'invoice', 'payment']);
    expect(
      materialsOf('2.1')
        .filter((m) => m.required)
        .map((m) => m.name.zh),
    ).toEqual(['大模型备案证明']);
    for (const id of ['5.1', '5.2']) expect(materialsOf(id).find((m) => m.required)?.name.zh, id).toBe('年度财务审计报告');
  });

  it('keys each material once in its list, as a stable lower-case word; names it in Chinese and English; hints in one Chinese line', () => {
    for (const [id, list] of all) {
      expect(new Set(list.map((m) => m.key)).size, id).toBe(list.length);
      for (const m of list) {
        expect(m.key, id).toMatch(/^[a-z]{2,20}$/);
        expect(m.name.zh, `${id}/${m.key}`).toMatch(new RegExp(`^[${HAN}（）“”、]+$`));
        expect(m.name.en, `${id}/${m.key}`).toMatch(/^[A-Z][A-Za-z &'-]+$/);
        expect(m.hint, `${id}/${m.key}`).toMatch(new RegExp(`[${HAN}]`));
        expect(m.hint, `${id}/${m.key}`).not.toMatch(/[\n。]$/);
        for (const [rule, re] of RULES) {
          expect(re.test(m.name.zh), `${id}/${m.key} name: ${rule}`).toBe(false);
          expect(re.test(m.hint), `${id}/${m.key} hint: ${rule}`).toBe(false);
        }
      }
    }
  });

  it('gives the general list for null, nothing for a measure without a list', () => {
    expect(materialsOf(null)).toBe(GENERAL_MATERIALS);
    expect(materialsOf('99')).toEqual([]);
  });
});

describe('claimed measures and missing materials', () => {
  it('claims every measure the answer gives a result for, whatever its status, but a service or one not applying', () => {
    const results = [
      { measure: '1', status: 'ineligible' },
      { measure: '2.1', status: 'granted' },
      { measure: '2.1', status: 'excluded' },
      { measure: '5.2', status: 'incomplete' },
      { measure: '4.1', status: 'pending' },
      { measure: '5.4', status: 'in-kind' },
      { measure: '9.1', status: 'service' },
      { measure: '6.1', status: 'not-applicable' },
    ];
    expect(claimedMeasures(results)).toEqual(['1', '2.1', '5.2', '4.1', '5.4']);
    expect(claimedMeasures([])).toEqual([]);
  });

  it('names each required material without a file, measure by measure; a file of another measure or of 其他材料 counts for none', () => {
    const attached = [
      { measure: '1', material: 'contract' },
      { measure: '2.1', material: 'invoice' },
      { measure: null, material: null },
      { measure: null, material: 'licence' },
    ];
    const missing = missingMaterials(['1', '2.1', '1'], attached);
    expect(missing.map((x) => `${x.measure}/${x.material.key}`)).toEqual(['1/invoice', '1/payment', '2.1/certificate']);
    expect(missingMaterials(['9.1'], [])).toEqual([]);
    expect(missingMaterials([], [])).toEqual([]);
    const all = materialsOf('1')
      .filter((m) => m.required)
      .map((m) => ({ measure: '1', material: m.key }));
    expect(missingMaterials(['1'], all)).toEqual([]);
  });
});
