import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { show } from './request-schema.js';
import { validateRequest } from './validate-request.js';

/** JSON.stringify cut as show cuts it: what show must say, for values JSON.stringify can write. */
const cut = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

const nested = (depth: number, leaf: unknown, wrap: (v: unknown) => unknown) => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
};

describe('show: a value in a message, bounded', () => {
  it('says what JSON.stringify says, cut to 60 characters', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(show(v)).toBe(cut(JSON.stringify(v)));
      }),
      { numRuns: 2000 },
    );
    expect(show(undefined)).toBe('nothing');
    expect(show(Number.NaN)).toBe('null');
    expect(show({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
    expect(show('x'.repeat(100))).toBe(`"${'x'.repeat(56)}…`);
  });

  it('shows a list nested 100,000 deep without overflowing the stack (JSON.stringify cannot)', () => {
    const deep = nested(100_000, 1, (v) => [v]);
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(show(deep)).toBe(`${'['.repeat(57)}…`);
    expect(show(nested(100_000, 1, (v) => ({ a: v })))).toBe(`${'{"a":'.repeat(11)}{"…`);
  });

  it('reads only the start of a huge text', () => {
    expect(show('y'.repeat(50_000_000))).toBe(`"${'y'.repeat(56)}…`);
  });
});

describe('validateRequest: deeply nested input is refused with issues, not a stack overflow', () => {
  it.each([
    ['the request itself', nested(5_000, 1, (v) => [v])],
    ['enterprise', { year: 2026, enterprise: nested(5_000, 1, (v) => [v]) }],
    ['a money field', { year: 2026, enterprise: {}, facts: { computeSpend: nested(5_000, 1, (v) => ({ x: v })) } }],
  ])('%s nested 5,000 deep', (_name, input) => {
    const v = validateRequest(input);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues[0]?.message).toMatch(/got [[{]/);
  });
});
