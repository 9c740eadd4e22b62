import { describe, expect, it } from 'vitest';
import { diffJson, flatten, showValue } from './audit-diff.js';

describe('the audit entry diff', () => {
  it('flattens objects and arrays to leaf paths', () => {
    expect([...flatten({ a: 1, b: { c: [1, { d: 'x' }] }, e: [], f: {} })]).toEqual([
      ['a', 1],
      ['b.c[0]', 1],
      ['b.c[1].d', 'x'],
      ['e', []],
      ['f', {}],
    ]);
  });

  it('lists changed, removed and added leaves, unchanged ones left out', () => {
    expect(diffJson({ status: 'under_review', note: null, x: 1 }, { status: 'approved', note: null, y: 2 })).toEqual([
      { path: 'status', kind: 'changed', before: 'under_review', after: 'approved' },
      { path: 'x', kind: 'removed', before: 1 },
      { path: 'y', kind: 'added', after: 2 },
    ]);
  });

  it('treats a missing side as empty: a creation adds everything', () => {
    expect(diffJson(null, { title: 'T', articleBudgets: { '1': 5 } })).toEqual([
      { path: 'title', kind: 'added', after: 'T' },
      { path: 'articleBudgets.1', kind: 'added', after: 5 },
    ]);
    expect(diffJson({ a: 1 }, null)).toEqual([{ path: 'a', kind: 'removed', before: 1 }]);
  });

  it('shows strings plainly and everything else as JSON', () => {
    expect(showValue('x')).toBe('x');
    expect(showValue(null)).toBe('null');
    expect(showValue(12)).toBe('12');
    expect(showValue(undefined)).toBe('');
  });
});
