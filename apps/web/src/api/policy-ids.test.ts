import { measures, ENTERPRISE_MEASURE_IDS as POLICY_ENTERPRISE, MILESTONE_TIERS as POLICY_TIERS, parameters } from '@ftai/policy-fengtai';
import { describe, expect, it } from 'vitest';
import { measureLabel } from './measure-label';
import { ENTERPRISE_MEASURE_IDS, IN_KIND_MEASURE_IDS, MILESTONE_TIERS, REVENUE_TIERS, tierLabel } from './policy-ids';

describe('the policy ids the forms offer', () => {
  it('are the tiers of 5.1, in the policy’s order, with its labels', () => {
    expect([...MILESTONE_TIERS.keys()]).toEqual([...POLICY_TIERS.keys()]);
    expect(REVENUE_TIERS.map((t) => t.id)).toEqual(POLICY_TIERS.get('5.1'));
    const data = parameters.definitions().find((d) => d.id === '5.1.tiers');
    const tiers = (data?.values[0]?.value ?? []) as { id: string; label: { zh: string } }[];
    const policyLabels = tiers.map((t) => [t.id, t.label.zh]);
    expect(policyLabels).toHaveLength(5);
    expect(REVENUE_TIERS.map((t) => [t.id, t.label.zh])).toEqual(policyLabels);
  });
  it('are the enterprise-level measures another policy’s award may name', () => {
    expect(ENTERPRISE_MEASURE_IDS).toEqual(POLICY_ENTERPRISE);
  });
  it('name the in-kind measures (history amount 0)', () => {
    expect(IN_KIND_MEASURE_IDS).toEqual(measures.filter((m) => m.rule.kind === 'in-kind').map((m) => m.id));
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
