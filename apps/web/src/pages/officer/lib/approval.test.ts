import type { ApplicationItem } from '@ftai/api';
import { describe, expect, it } from 'vitest';
import { amountProblem, approvalBody, approvalTotals, defaultApproval } from './approval';

const item = (measure: string, subject: string | null, engineAmount: number, over: Partial<ApplicationItem> = {}): ApplicationItem => ({
  measure,
  subject,
  article: Number(measure.split('.')[0]),
  review: false,
  engineAmount,
  approvedAmount: null,
  allocatedAmount: null,
  ...over,
});

describe('approval with amounts', () => {
  const items = [item('2.2', null, 182_340, { review: true }), item('3.4', 'TDS-29', 1_002_750, { approvedAmount: 900_000 })];

  it('starts from the engine figure, or from an earlier approval', () => {
    expect(defaultApproval(items)).toEqual([
      { measure: '2.2', subject: null, amount: 182_340 },
      { measure: '3.4', subject: 'TDS-29', amount: 900_000 },
    ]);
  });

  it('refuses what the server refuses: missing, fractional, negative, above the engine figure', () => {
    expect(amountProblem(undefined, 100)).toBe('required');
    expect(amountProblem(null, 100)).toBe('required');
    expect(amountProblem(10.5, 100)).toBe('whole');
    expect(amountProblem(-1, 100)).toBe('negative');
    expect(amountProblem(101, 100)).toBe('over');
    expect(amountProblem(100, 100)).toBeNull();
    expect(amountProblem(0, 100)).toBeNull();
  });

  it('builds the body with every item and a trimmed note (left out when blank)', () => {
    expect(approvalBody([{ measure: '2.2', subject: null, amount: 150_000 }], '  经评审调减 ')).toEqual({
      items: [{ measure: '2.2', subject: null, amount: 150_000 }],
      note: '经评审调减',
    });
    expect(approvalBody([{ measure: '2.2', subject: null, amount: 0 }], '   ')).toEqual({
      items: [{ measure: '2.2', subject: null, amount: 0 }],
    });
  });

  it('sums the engine figures and the approved amounts', () => {
    expect(
      approvalTotals(items, [
        { measure: '2.2', subject: null, amount: 150_000 },
        { measure: '3.4', subject: 'TDS-29', amount: undefined },
      ]),
    ).toEqual({ engine: 1_185_090, approved: 150_000, reduced: 1_035_090 });
  });
});
