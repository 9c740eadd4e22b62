import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Fen, fenOf, floorToYuan, formatFen, formatYuan, MAX_YUAN, minYuan, parseYuanToFen, type Yuan, yuan } from './money.js';

/** The largest fen figure the parser accepts: 9,999,999,999,999.99 yuan. */
const MAX_FEN = MAX_YUAN * 100 + 99;

/** n fen as the decimal text a writer would give: "1234567.89", "0.05", "12.00". */
function decimalText(n: number): string {
  const whole = Math.floor(n / 100);
  const cents = n - whole * 100;
  return `${whole}.${String(cents).padStart(2, '0')}`;
}

describe('parseYuanToFen', () => {
  it.each([
    // JSON numbers: the float's shortest text is parsed, never x * 100.
    { input: 0, fen: 0 },
    { input: 1, fen: 100 },
    { input: 0.1, fen: 10 },
    { input: 0.29, fen: 29 }, // 0.29 * 100 is 28.999999999999996 in binary floating point
    { input: 0.57, fen: 57 }, // 0.57 * 100 is 56.99999999999999
    { input: 1.005, fen: null }, // three decimals
    { input: 12.3, fen: 1230 },
    { input: 1234567.89, fen: 123456789 },
    { input: MAX_YUAN, fen: MAX_YUAN * 100 },
    { input: 9999999999999.99, fen: MAX_FEN },
    { input: MAX_YUAN + 1, fen: null },
    { input: 10000000000000.5, fen: null },
    { input: Number.MAX_SAFE_INTEGER, fen: null },
    { input: 1e21, fen: null },
    { input: 1e-7, fen: null }, // prints as "1e-7"
    { input: 0.001, fen: null },
    { input: 0.1 + 0.2, fen: null }, // 0.30000000000000004
    { input: -1, fen: null },
    { input: -0.5, fen: null },
    { input: Number.NaN, fen: null },
    { input: Number.POSITIVE_INFINITY, fen: null },
    { input: Number.NEGATIVE_INFINITY, fen: null },
  ])('number $input → $fen', ({ input, fen }) => {
    expect(parseYuanToFen(input)).toBe(fen);
  });

  it.each([
    { input: '0', fen: 0 },
    { input: '0.00', fen: 0 },
    { input: '12.3', fen: 1230 },
    { input: '12.30', fen: 1230 },
    { input: '0.05', fen: 5 },
    { input: '1234567.89', fen: 123456789 },
    { input: '9999999999999', fen: MAX_YUAN * 100 },
    { input: '9999999999999.99', fen: MAX_FEN },
    // Leading zeros are unambiguous in text and accepted (JSON numbers cannot carry them).
    { input: '01.5', fen: 150 },
    { input: '10000000000000', fen: null },
    { input: '1.234', fen: null },
    { input: '1,000', fen: null },
    { input: '1 000', fen: null },
    { input: '1e3', fen: null },
    { input: '-1', fen: null },
    { input: '+1', fen: null },
    { input: ' 1', fen: null },
    { input: '1 ', fen: null },
    { input: '1.', fen: null },
    { input: '.5', fen: null },
    { input: '', fen: null },
    { input: '¥5', fen: null },
    { input: '0x10', fen: null },
    { input: 'NaN', fen: null },
    { input: 'Infinity', fen: null },
  ])('string "$input" → $fen', ({ input, fen }) => {
    expect(parseYuanToFen(input)).toBe(fen);
  });

  it.each([null, undefined, true, {}, [], [5], 5n])('refuses the non-amount %o', (input) => {
    expect(parseYuanToFen(input)).toBeNull();
  });

  it('round-trips every fen figure through its decimal text and through the JSON number of that text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), (n) => {
        const text = decimalText(n);
        expect(parseYuanToFen(text)).toBe(n);
        expect(parseYuanToFen(Number(text))).toBe(n);
        expect(parseYuanToFen(JSON.parse(text))).toBe(n);
      }),
      { numRuns: 5000 },
    );
  });

  it('round-trips the fen figures near the edges', () => {
    for (const n of [0, 1, 9, 10, 99, 100, 101, 199, MAX_YUAN * 100, MAX_FEN - 1, MAX_FEN]) {
      expect(parseYuanToFen(decimalText(n))).toBe(n);
      expect(parseYuanToFen(Number(decimalText(n)))).toBe(n);
    }
  });
});

describe('yuan, fenOf, minYuan', () => {
  it.each([0, 1, 2_000_000, MAX_YUAN])('yuan(%d) is that many yuan', (n) => {
    expect(yuan(n)).toBe(n);
    expect(fenOf(yuan(n))).toBe(n * 100);
  });

  it.each([-1, 1.5, MAX_YUAN + 1, Number.NaN, Number.POSITIVE_INFINITY])('yuan(%d) throws', (n) => {
    expect(() => yuan(n)).toThrow(RangeError);
  });

  it('minYuan picks the smaller', () => {
    expect(minYuan(yuan(3), yuan(2))).toBe(2);
    expect(minYuan(yuan(2), yuan(3))).toBe(2);
    expect(minYuan(yuan(7), yuan(7))).toBe(7);
  });
});

describe('floorToYuan', () => {
  it.each([
    { fen: 0, yuan: 0 },
    { fen: 1, yuan: 0 },
    { fen: 99, yuan: 0 },
    { fen: 100, yuan: 1 },
    { fen: 199, yuan: 1 },
    { fen: 123456789, yuan: 1234567 },
    { fen: MAX_FEN, yuan: MAX_YUAN },
  ])('$fen fen → $yuan yuan (never rounds up)', ({ fen, yuan: expected }) => {
    expect(floorToYuan(fen as Fen)).toBe(expected);
  });
});

describe('formatYuan', () => {
  it.each([
    { amount: 0, text: '0' },
    { amount: 7, text: '7' },
    { amount: 999, text: '999' },
    { amount: 1000, text: '1,000' },
    { amount: 100000, text: '100,000' },
    { amount: 1234567, text: '1,234,567' },
    { amount: 2_000_000, text: '2,000,000' },
    { amount: MAX_YUAN, text: '9,999,999,999,999' },
    { amount: -1234567, text: '-1,234,567' },
  ])('$amount → "$text"', ({ amount, text }) => {
    expect(formatYuan(amount as Yuan)).toBe(text);
  });
});

describe('formatFen', () => {
  it.each([
    { fen: 0, text: '0' },
    { fen: 5, text: '0.05' },
    { fen: 50, text: '0.50' },
    { fen: 100, text: '1' },
    { fen: 105, text: '1.05' },
    { fen: 150, text: '1.50' },
    { fen: 123456789, text: '1,234,567.89' },
    { fen: 500000000, text: '5,000,000' },
    { fen: MAX_FEN, text: '9,999,999,999,999.99' },
  ])('$fen fen → "$text"', ({ fen, text }) => {
    expect(formatFen(fen as Fen)).toBe(text);
  });

  it('reads back through parseYuanToFen once the grouping commas are removed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), (n) => {
        expect(parseYuanToFen(formatFen(n as Fen).replaceAll(',', ''))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});
