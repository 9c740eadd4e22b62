import { measures, ENTERPRISE_MEASURE_IDS as POLICY_ENTERPRISE } from '@ftai/policy-fengtai';
import { describe, expect, it } from 'vitest';
import { ENTERPRISE_MEASURE_IDS, IN_KIND_MEASURE_IDS } from './policy-ids';

describe('the policy ids the forms offer', () => {
  it('are the enterprise-level measures another policy’s award may name', () => {
    expect(ENTERPRISE_MEASURE_IDS).toEqual(POLICY_ENTERPRISE);
  });
  it('name the in-kind measures (history amount 0)', () => {
    expect(IN_KIND_MEASURE_IDS).toEqual(measures.filter((m) => m.rule.kind === 'in-kind').map((m) => m.id));
  });
});
