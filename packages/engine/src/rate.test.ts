import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Fen, MAX_YUAN, type Yuan } from './money.js';
import { applyRate, compareFractions, formatRate, isExactYuan, parseRate, type Rate } from './rate.js';

const MAX_FEN = MAX_YUAN * 100 + 99;

/** The exact answer, in BigInt: floor(base fen × num / den / 100) yuan, and 0 for no base or no rate. */
function referenceApply(base: number, rate: Rate): number {
  if (base <= 0 || rate.num <= 0) return 0;
  return Number((BigInt(base) * BigInt(rate.num)) / (BigInt(rate.den) * 100n));
}

describe('parseRate', () => {
  it.each([
    { input: '20%', rate: { num: 20, den: 100 } },
    { input: '30%', rate: { num: 30, den: 100 } },
    { input: '2.5%', rate: { num: 25, den: 1000 } },
    { input: '2.50%', rate: { num: 250, den: 10000 } },
    { input: '100%', rate: { num: 100, den: 100 } },
    { input: '0%', rate: { num: 0, den: 100 } },
    { input: '0.000001%', rate: { num: 1, den: 100000000 } },
    { input: '-2.5%', rate: { num: -25, den: 1000 } },
    { input: '0.15', rate: { num: 15, den: 100 } },
    { input: '1', rate: { num: 1, den: 1 } },
    { input: '-0.05', rate: { num: -5, den: 100 } },
    { input: 0.15, rate: { num: 15, den: 100 } },
    { input: 0.3, rate: { num: 3, den: 10 } },
    { input: 2, rate: { num: 2, den: 1 } },
    { input: -0.05, rate: { num: -5, den: 100 } },
    { input: 0.000001, rate: { num: 1, den: 1000000 } },
  ])('$input → $rate.num/$rate.den', ({ input, rate }) => {
    expect(parseRate(input)).toEqual(rate);
  });

  it.each([
    'junk',
    '',
    '%',
    '20 %',
    ' 20%',
    '20%%',
    '20‰',
    '1/5',
    '1e-3',
    '0.1234567', // seven decimals
    '1234567', // seven whole digits
    '.5',
    '5.',
    '+5%',
    1e-7, // prints as "1e-7"
    1e21,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    null,
    undefined,
    {},
    [0.2],
  ])('refuses %o', (input) => {
    expect(parseRate(input)).toBeNull();
  });
});

describe('applyRate', () => {
  it.each([
    { base: 123456789, rate: '20%', yuan: 246913 }, // 1,234,567.89 × 20% = 246,913.578
    { base: 500000000, rate: '20%', yuan: 1000000 },
    { base: 500000000, rate: '30%', yuan: 1500000 },
    { base: 1000, rate: '2.5%', yuan: 0 }, // 10 × 2.5% = 0.25
    { base: 4000, rate: '2.5%', yuan: 1 }, // exactly 1
    { base: 3999, rate: '2.5%', yuan: 0 }, // one fen below 1
    { base: 499, rate: '20%', yuan: 0 }, // 4.99 × 20% = 0.998
    { base: 500, rate: '20%', yuan: 1 },
    { base: 29, rate: '100%', yuan: 0 },
    { base: 100, rate: '0.15', yuan: 0 },
    { base: 10000, rate: 0.15, yuan: 15 },
    { base: 0, rate: '20%', yuan: 0 },
    { base: 123456789, rate: '0%', yuan: 0 },
    { base: 123456789, rate: '-5%', yuan: 0 },
    // A product just below a multiple of the divisor, at the top of the safe range:
    // 999,999,999,991,111 fen × 9 = 8,999,999,999,919,999 < 2^53, quotient 899,999,999,991.9999.
    { base: 999999999991111, rate: '9%', yuan: 899999999991 },
    // Products above 2^53 go through BigInt; the plain float formula gets each of these one too high.
    { base: 926250905650337, rate: '89%', yuan: 8243633060287 },
    { base: 334119836362093, rate: '43%', yuan: 1436715296356 },
    { base: 821134645742967, rate: '91%', yuan: 7472325276260 },
    { base: MAX_FEN, rate: '30%', yuan: 2999999999999 },
    { base: MAX_FEN, rate: '100%', yuan: MAX_YUAN },
    { base: MAX_FEN, rate: '0.000001%', yuan: 99999 }, // 9,999,999,999,999.99 × 10⁻⁸
  ])('$base fen × $rate → $yuan yuan', ({ base, rate, yuan }) => {
    const r = parseRate(rate);
    expect(r).not.toBeNull();
    expect(applyRate(base as Fen, r as Rate)).toBe(yuan);
    expect(referenceApply(base, r as Rate)).toBe(yuan);
  });

  it('the BigInt cases above are ones where the float formula would be wrong', () => {
    const base = 926250905650337;
    expect(Number.isSafeInteger(base * 89)).toBe(false);
    expect(Math.floor((base * 89) / 10000)).toBe(8243633060288);
  });

  const anyRate = fc
    .tuple(fc.integer({ min: -999999, max: 999999 }), fc.integer({ min: 0, max: 6 }), fc.boolean())
    .map(([num, decimals, percent]) => {
      const den = 10 ** decimals;
      return percent ? { num, den: den * 100 } : { num, den };
    });

  it('equals the BigInt reference for any base up to the largest amount and any rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), anyRate, (base, rate) => {
        expect(applyRate(base as Fen, rate)).toBe(referenceApply(base, rate));
      }),
      { numRuns: 20000 },
    );
  });

  it('is exact for safe products one below a multiple of the divisor, the closest a float quotient comes to rounding up', () => {
    // base × num = q × den × 100 + (den × 100 − 1): the exact quotient is q + 0.99…, whose floor is q,
    // with q as large as a safe product allows.
    const near = fc
      .integer({ min: 1, max: 100_000_000 })
      .chain((den) => fc.tuple(fc.constant(den), fc.integer({ min: 0, max: Math.floor(Number.MAX_SAFE_INTEGER / (den * 100)) - 1 })));
    fc.assert(
      fc.property(near, ([den, q]) => {
        const divisor = den * 100;
        const base = q * divisor + divisor - 1;
        expect(Number.isSafeInteger(base)).toBe(true);
        const rate = { num: 1, den };
        expect(applyRate(base as Fen, rate)).toBe(q);
        expect(referenceApply(base, rate)).toBe(q);
      }),
      { numRuns: 20000 },
    );
  });

  it('equals the BigInt reference on parsed percentages with fen bases near multiples of 100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_YUAN }),
        fc.integer({ min: -2, max: 2 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 99 }),
        (yuan, offset, whole, frac) => {
          const base = Math.min(Math.max(yuan * 100 + offset, 0), MAX_FEN);
          const rate = parseRate(`${whole}.${frac}%`) as Rate;
          expect(applyRate(base as Fen, rate)).toBe(referenceApply(base, rate));
        },
      ),
      { numRuns: 20000 },
    );
  });
});

describe('compareFractions', () => {
  it.each([
    { a: 1, b: 2, c: 2, d: 4, sign: 0 },
    { a: 1, b: 3, c: 333333, d: 1000000, sign: 1 },
    { a: 333333, b: 1000000, c: 1, d: 3, sign: -1 },
    { a: 15, b: 100, c: 3, d: 20, sign: 0 },
    { a: -5, b: 100, c: 0, d: 1, sign: -1 },
    { a: 0, b: 1, c: -5, d: 100, sign: 1 },
    { a: -5, b: 100, c: -1, d: 20, sign: 0 },
    // Products beyond 2^53: 1 + 1/(2^53 − 2) < 1 + 1/(2^53 − 3), which floats cannot see.
    { a: 2 ** 53 - 1, b: 2 ** 53 - 2, c: 2 ** 53 - 2, d: 2 ** 53 - 3, sign: -1 },
    { a: 2 ** 53 - 2, b: 2 ** 53 - 3, c: 2 ** 53 - 1, d: 2 ** 53 - 2, sign: 1 },
    { a: 2 ** 53 - 1, b: 2 ** 53 - 2, c: 2 ** 53 - 1, d: 2 ** 53 - 2, sign: 0 },
  ])('sign($a/$b − $c/$d) = $sign', ({ a, b, c, d, sign }) => {
    expect(compareFractions(a, b, c, d)).toBe(sign);
  });

  it('agrees with a BigInt cross-multiplication', () => {
    const int = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    const pos = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(int, pos, int, pos, (a, b, c, d) => {
        const l = BigInt(a) * BigInt(d);
        const r = BigInt(c) * BigInt(b);
        expect(compareFractions(a, b, c, d)).toBe(l < r ? -1 : l > r ? 1 : 0);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('formatRate', () => {
  it.each([
    { rate: { num: 20, den: 100 }, text: '20%' },
    { rate: { num: 25, den: 1000 }, text: '2.5%' },
    { rate: { num: 250, den: 10000 }, text: '2.5%' },
    { rate: { num: 15, den: 100 }, text: '15%' },
    { rate: { num: 3, den: 10 }, text: '30%' },
    { rate: { num: 2, den: 1 }, text: '200%' },
    { rate: { num: 0, den: 100 }, text: '0%' },
    { rate: { num: 1, den: 100000000 }, text: '0.000001%' },
    { rate: { num: 1, den: 3 }, text: '33.333333%' },
    { rate: { num: -5, den: 100 }, text: '-5%' },
    { rate: { num: -5, den: 1000 }, text: '-0.5%' },
    { rate: { num: -155, den: 1000 }, text: '-15.5%' },
  ])('$rate.num/$rate.den → "$text"', ({ rate, text }) => {
    expect(formatRate(rate)).toBe(text);
  });

  it('reads back through parseRate to the same value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999999, max: 999999 }), fc.integer({ min: 0, max: 6 }), (num, decimals) => {
        const rate = { num, den: 10 ** decimals * 100 };
        const back = parseRate(formatRate(rate));
        expect(back).not.toBeNull();
        const r = back as Rate;
        expect(compareFractions(r.num, r.den, rate.num, rate.den)).toBe(0);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('isExactYuan: base × rate is exactly the whole yuan given (nothing floored away)', () => {
  it.each([
    { base: 500000000, rate: '20%', yuan: 1000000, exact: true }, // 5,000,000 × 20%
    { base: 123456789, rate: '20%', yuan: 246913, exact: false }, // 246,913.578
    { base: 4000, rate: '2.5%', yuan: 1, exact: true },
    { base: 3999, rate: '2.5%', yuan: 0, exact: false }, // 0.99975
    { base: 500, rate: '20%', yuan: 1, exact: true },
    { base: 499, rate: '20%', yuan: 0, exact: false },
    { base: 0, rate: '20%', yuan: 0, exact: true },
    { base: 100, rate: '0.15', yuan: 0, exact: false }, // 0.15 yuan
    { base: 10000, rate: 0.15, yuan: 15, exact: true },
    { base: 500000000, rate: '20%', yuan: 999999, exact: false }, // a wrong result is not exact either
    // Products above 2^53 go through BigInt.
    { base: 500000000000000, rate: '30%', yuan: 1500000000000, exact: true },
    { base: 999999999990000, rate: '43%', yuan: 4299999999957, exact: true },
    { base: MAX_FEN, rate: '100%', yuan: MAX_YUAN, exact: false }, // the .99 fen is floored away
    { base: MAX_YUAN * 100, rate: '100%', yuan: MAX_YUAN, exact: true },
    // base × 43 is result × 10,000 + 1: binary floating point rounds both products to one double.
    { base: 999999999767907, rate: '43%', yuan: 4299999999002, exact: false },
    { base: 999999998655618, rate: '89%', yuan: 8899999988035, exact: false }, // 2 fen apart
  ])('$base fen × $rate = $yuan yuan exactly: $exact', ({ base, rate, yuan, exact }) => {
    const r = parseRate(rate) as Rate;
    expect(isExactYuan(base as Fen, r, yuan as Yuan)).toBe(exact);
    expect(BigInt(base) * BigInt(r.num) === BigInt(yuan) * BigInt(r.den) * 100n).toBe(exact);
  });

  it('the last two cases are ones the float products get wrong', () => {
    expect(Number.isSafeInteger(999999999767907 * 43)).toBe(false);
    expect(999999999767907 * 43 === 4299999999002 * 100 * 100).toBe(true);
    expect(999999998655618 * 89 === 8899999988035 * 100 * 100).toBe(true);
  });

  const rateUpTo100 = fc
    .integer({ min: 0, max: 6 })
    .chain((d) => fc.integer({ min: 1, max: 10 ** d * 100 }).map((num) => ({ num, den: 10 ** d * 100 })));

  it('agrees with applyRate: exact exactly when nothing was floored', () => {
    fc.assert(
      // Rates up to 100% with up to six decimals of a percent: the results stay safe integers.
      fc.property(fc.integer({ min: 0, max: MAX_FEN }), rateUpTo100, (base, rate) => {
        const num = rate.num;
        const floored = applyRate(base as Fen, rate);
        const exact = (BigInt(base) * BigInt(num)) % (BigInt(rate.den) * 100n) === 0n;
        expect(isExactYuan(base as Fen, rate, floored)).toBe(exact);
        if (exact && floored > 0) expect(isExactYuan(base as Fen, rate, (floored - 1) as Yuan)).toBe(false);
      }),
      { numRuns: 20000 },
    );
  });
});
