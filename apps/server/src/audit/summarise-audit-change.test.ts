import { describe, expect, it } from 'vitest';
import { summariseAuditChange } from './summarise-audit-change.js';

describe('the short summary of an audit entry’s change (the workbook’s 变更内容)', () => {
  it.each([
    [
      'a status moves, by its name; an empty note is left out',
      { status: 'submitted' },
      { status: 'formal_check', note: null },
      'status：已提交→形式审查',
    ],
    ['a yes/no field', { aiPartnerProgram: false }, { aiPartnerProgram: true }, 'aiPartnerProgram：否→是'],
    ['a record created lists its fields', null, { title: 'T', articleBudgets: { '1': 5 } }, 'title：T\narticleBudgets.1：5'],
    ['a record removed lists what it held', { a: 1 }, null, 'a：1'],
    ['a field added and one removed', { x: 1, y: 'old' }, { x: 1, z: [1, 2] }, 'y：old（删除）\nz[0]：（新增）1\nz[1]：（新增）2'],
    ['a value emptied', { note: 'n' }, { note: null }, 'note：n→（空）'],
    ['nothing changed', { a: 1 }, { a: 1 }, '无字段变化'],
    ['nothing on either side', null, null, '无字段变化'],
  ])('%s', (_name, before, after, expected) => {
    expect(summariseAuditChange(before, after)).toBe(expected);
  });

  it('cuts a long value and names how many fields changed beyond the first twelve', () => {
    const long = 'x'.repeat(100);
    expect(summariseAuditChange({ a: 1 }, { a: long })).toBe(`a：1→${'x'.repeat(80)}…`);
    const after = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`f${i}`, i]));
    const lines = summariseAuditChange(null, after).split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[11]).toBe('f11：11');
    expect(lines[12]).toBe('……共15项变化');
  });
});
