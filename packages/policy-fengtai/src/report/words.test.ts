import { describe, expect, it } from 'vitest';
import { RESULT_STATUSES } from '../answer-schema.js';
import { MILESTONE_TIERS, parameters } from '../policy.js';
import {
  formatYuan,
  measureLabel,
  REVENUE_TIERS,
  resultCause,
  resultStatusWord,
  statusWithCause,
  TIERS_OF_MEASURE,
  tierLabel,
} from './words.js';

describe('a status with its cause', () => {
  it('follows the word with the reasons', () => {
    expect(statusWithCause('不予支持', ['已于2025年度享受“1亿元”档支持（一次性）'], 'zh')).toBe(
      '不予支持：已于2025年度享受“1亿元”档支持（一次性）',
    );
    expect(statusWithCause('不予支持', ['甲', '乙'], 'zh')).toBe('不予支持：甲；乙');
    expect(statusWithCause('Excluded', ['a', 'b'], 'en')).toBe('Excluded: a; b');
  });
  it('does not say the word twice', () => {
    expect(statusWithCause('服务事项', ['服务事项：纳入区级“服务包”'], 'zh')).toBe('服务事项：纳入区级“服务包”');
    expect(resultCause('服务事项', ['服务事项：纳入区级“服务包”'], 'zh')).toBe('纳入区级“服务包”');
  });
  it('is the word alone without reasons', () => {
    expect(statusWithCause('予以支持', [], 'zh')).toBe('予以支持');
  });
});

describe('the tiers a report names', () => {
  it('are 5.1.tiers of the parameters, in their order, with their words', () => {
    expect([...TIERS_OF_MEASURE.keys()]).toEqual([...MILESTONE_TIERS.keys()]);
    const data = parameters.definitions().find((d) => d.id === '5.1.tiers');
    const tiers = (data?.values[0]?.value ?? []) as { id: string; label: { zh: string } }[];
    expect(tiers).toHaveLength(5);
    expect(REVENUE_TIERS.map((t) => [t.id, t.label.zh])).toEqual(tiers.map((t) => [t.id, t.label.zh]));
  });
  it('label a tier, and leave what is no tier as it is', () => {
    expect(tierLabel('revenue-100m', 'zh')).toBe('1亿元');
    expect(tierLabel('above-designated-size', 'en')).toBe('first above designated size');
    expect(tierLabel('SC-1', 'zh')).toBe('SC-1');
  });
});

describe('a measure as people cite it', () => {
  it('is its clause and its name, never the internal id', () => {
    const m = { citation: '第五条第（3）项', name: '首次认定国家专精特新“小巨人”企业' };
    expect(measureLabel(m, 'zh')).toBe('第五条第（3）项（首次认定国家专精特新“小巨人”企业）');
    expect(measureLabel({ citation: 'Article 5(3)', name: 'first "little giant" recognition' }, 'en')).toBe(
      'Article 5(3) (first "little giant" recognition)',
    );
    expect(measureLabel(undefined, 'zh', '第五条第（3）项')).toBe('第五条第（3）项');
  });
});

describe('the result statuses', () => {
  it('have a word in each language for every status the answer may carry', () => {
    for (const s of RESULT_STATUSES) {
      expect(resultStatusWord(s, 'zh')).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(resultStatusWord(s, 'en')).toMatch(/^[A-Z][a-z ]+$/);
    }
    expect(resultStatusWord('granted', 'zh')).toBe('予以支持');
  });
});

describe('whole yuan', () => {
  it('reads with separators, and nothing as a dash', () => {
    expect(formatYuan(1234567)).toBe('1,234,567');
    expect(formatYuan(0)).toBe('0');
    expect(formatYuan(null)).toBe('—');
  });
});
