import { describe, expect, it } from 'vitest';
import {
  amountWords,
  articleOfParameter,
  formatParameterValue,
  growthText,
  labelTiers,
  rateText,
  sameValue,
  type Tier,
  tierStyleOf,
  valueAtVersion,
} from './parameter-values';

/** 第四条第（3）项 as version 1 has it (the first and last two bands). */
const BANDS: Tier[] = [
  { min: 1_000_000, amount: 100_000, label: { zh: '100万元（含）至300万元', en: '1,000,000 (incl.) to 3,000,000' } },
  { min: 10_000_000, amount: 400_000, label: { zh: '1000万元（含）至2000万元', en: '10,000,000 (incl.) to 20,000,000' } },
  { min: 20_000_000, amount: 500_000, label: { zh: '2000万元（含）以上', en: '20,000,000 or more' } },
];
/** 第五条第（2）项. */
const THRESHOLDS: Tier[] = [
  { min: 500_000_000, amount: 2_000_000, label: { zh: '5亿元', en: 'growth of 500,000,000' } },
  { min: 50_000_000, amount: 500_000, label: { zh: '5000万元', en: 'growth of 50,000,000' } },
];
/** 第五条第（1）项 (two of its milestones). */
const MILESTONES: Tier[] = [
  { id: 'revenue-1b', min: 1_000_000_000, amount: 1_000_000, label: { zh: '10亿元', en: '1,000,000,000' } },
  {
    id: 'above-designated-size',
    flag: 'above-designated-size',
    amount: 100_000,
    label: { zh: '首次达规', en: 'first above designated size' },
  },
];

describe('a parameter value as people read it', () => {
  it.each([
    ['yuan', 2_000_000, '2,000,000元', '2,000,000 yuan'],
    ['rate', '25%', '25%', '25%'],
    ['years', 2, '2年', '2 years'],
    ['years', 1, '1年', '1 year'],
    ['switch', true, '是', 'Yes'],
    ['switch', false, '否', 'No'],
    ['tiers', BANDS, '3档', '3 tiers'],
    ['yuan', undefined, '—', '—'],
  ] as const)('%s %j reads %s / %s', (unit, value, zh, en) => {
    expect(formatParameterValue(unit, value, 'zh')).toBe(zh);
    expect(formatParameterValue(unit, value, 'en')).toBe(en);
  });
});

describe('a rate typed as a percent', () => {
  it.each([
    ['25', '25%'],
    [25, '25%'],
    ['12.50', '12.5%'],
    ['08', '8%'],
    ['0', '0%'],
    ['100', '100%'],
    ['25%', '25%'],
  ] as const)('%j → %s', (input, text) => expect(rateText(input)).toBe(text));
  it.each(['', 'abc', '101', '100.5', '1.234', '-5', null, undefined])('%j is no rate', (input) => expect(rateText(input)).toBeUndefined());
});

describe('a growth rate typed for the budget estimate', () => {
  it.each([
    ['8', '8%'],
    ['8%', '8%'],
    ['＋8％', '8%'],
    ['-5', '-5%'],
    ['−5', '-5%'],
    [' 2.50 ', '2.5%'],
    ['-0', '0%'],
    [12, '12%'],
  ] as const)('%j → %s', (input, text) => expect(growthText(input)).toBe(text));
  it.each(['', '8 %', '1000', '1.234', 'eight', '--5', null])('%j is refused', (input) => expect(growthText(input)).toBeUndefined());
});

describe('tier labels made from the thresholds, in the style of the base version', () => {
  it('writes amounts with the text’s own 万元 and 亿元', () => {
    expect([amountWords(1_000_000), amountWords(50_000_000), amountWords(1_000_000_000), amountWords(1_234_567)]).toEqual([
      '100万元',
      '5000万元',
      '10亿元',
      '1,234,567元',
    ]);
  });

  it('tells bands, thresholds and milestones apart', () => {
    expect(tierStyleOf(BANDS)).toEqual({ kind: 'bands' });
    expect(tierStyleOf(THRESHOLDS)).toEqual({ kind: 'thresholds', enPrefix: 'growth of ' });
    expect(tierStyleOf(MILESTONES)).toEqual({ kind: 'milestones' });
  });

  it('labels bands from one threshold to the next, the last “以上”, lowest first', () => {
    expect(
      labelTiers(
        [
          { min: 5_000_000, amount: 450_000 },
          { min: 1_000_000, amount: 150_000 },
        ],
        { kind: 'bands' },
      ),
    ).toEqual([
      { min: 1_000_000, amount: 150_000, label: { zh: '100万元（含）至500万元', en: '1,000,000 (incl.) to 5,000,000' } },
      { min: 5_000_000, amount: 450_000, label: { zh: '500万元（含）以上', en: '5,000,000 or more' } },
    ]);
  });

  it('gives the labels version 1 has when the thresholds are version 1’s', () => {
    expect(labelTiers(BANDS, tierStyleOf(BANDS)).map((t) => t.label)).toEqual([
      { zh: '100万元（含）至1000万元', en: '1,000,000 (incl.) to 10,000,000' },
      BANDS[1]?.label,
      BANDS[2]?.label,
    ]);
    expect(labelTiers(THRESHOLDS, tierStyleOf(THRESHOLDS))).toEqual(THRESHOLDS);
  });

  it('keeps milestones’ ids, flags and labels; a moved threshold is named anew', () => {
    const moved = labelTiers(
      [{ ...MILESTONES[0], min: 800_000_000, amount: 900_000 } as Tier, { ...MILESTONES[1], amount: 150_000 } as Tier],
      { kind: 'milestones' },
      MILESTONES,
    );
    expect(moved).toEqual([
      { id: 'revenue-1b', min: 800_000_000, amount: 900_000, label: { zh: '8亿元', en: '800,000,000' } },
      { id: 'above-designated-size', flag: 'above-designated-size', amount: 150_000, label: MILESTONES[1]?.label },
    ]);
  });
});

describe('small helpers', () => {
  it('compares values by content, keys in any order', () => {
    expect(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameValue(BANDS, BANDS.slice(1))).toBe(false);
  });
  it('finds the article of a parameter', () => {
    expect(articleOfParameter('4.3.tiers')).toBe(4);
    expect(articleOfParameter('10.2.amount')).toBe(10);
    expect(articleOfParameter('general.conditions')).toBeNull();
  });
  it('reads a parameter’s value in a version from its history', () => {
    const history = [
      { number: 1, value: '20%' },
      { number: 3, value: '25%' },
    ];
    expect([valueAtVersion(history, 1), valueAtVersion(history, 2), valueAtVersion(history, 5)]).toEqual(['20%', '20%', '25%']);
  });
});
