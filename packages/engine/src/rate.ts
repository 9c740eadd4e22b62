import type { Fen, Yuan } from './money.js';

/** An exact rate num/den (20% is 20/100). Never a binary float. */
export interface Rate {
  readonly num: number;
  readonly den: number;
}

const PERCENT = /^(-?\d{1,6})(?:\.(\d{1,6}))?%$/;
const DECIMAL = /^(-?\d{1,6})(?:\.(\d{1,6}))?$/;

/**
 * Parses "20%", "2.5%", "0.15" or the number 0.15 into an exact rate; null if it is none.
 *
 * @example parseRate('20%') // { num: 20, den: 100 }
 * @example parseRate(0.15)  // { num: 15, den: 100 }
 */
export function parseRate(input: unknown): Rate | null {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    text = String(input);
  } else if (typeof input === 'string') {
    text = input;
  } else {
    return null;
  }
  const pct = PERCENT.exec(text);
  const m = pct ?? DECIMAL.exec(text);
  if (!m) return null;
  const digits = m[2] ?? '';
  const scale = 10 ** digits.length;
  const sign = (m[1] as string).startsWith('-') ? -1 : 1;
  const whole = Math.abs(Number(m[1]));
  const num = sign * (whole * scale + (digits ? Number(digits) : 0));
  return { num, den: pct ? scale * 100 : scale };
}

/** Exact floor(a / b) for non-negative safe integers a and positive b. */
function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  // The float quotient can round up across an integer; mend it with exact products.
  if (q * b > a) q -= 1;
  else if ((q + 1) * b <= a) q += 1;
  return q;
}

/**
 * floor(base × rate) in whole yuan, computed exactly in integers.
 *
 * @example applyRate(123456789 as Fen, { num: 20, den: 100 }) // 246913 (1,234,567.89 × 20%)
 */
export function applyRate(base: Fen, rate: Rate): Yuan {
  if (rate.num <= 0 || base <= 0) return 0 as Yuan;
  const product = base * rate.num;
  const divisor = rate.den * 100;
  if (Number.isSafeInteger(product) && Number.isSafeInteger(divisor)) {
    return floorDiv(product, divisor) as Yuan;
  }
  return Number((BigInt(base) * BigInt(rate.num)) / BigInt(divisor)) as Yuan;
}

/**
 * True when base × rate is exactly `result` whole yuan (nothing was floored away).
 *
 * @example isExactYuan(500000000 as Fen, { num: 20, den: 100 }, 1000000 as Yuan) // true
 */
export function isExactYuan(base: Fen, rate: Rate, result: Yuan): boolean {
  const left = base * rate.num;
  const right = result * rate.den * 100;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left === right;
  return BigInt(base) * BigInt(rate.num) === BigInt(result) * BigInt(rate.den) * 100n;
}

/** Sign of (a/b − c/d) for integers, b and d positive: -1, 0 or 1, exactly. */
export function compareFractions(a: number, b: number, c: number, d: number): -1 | 0 | 1 {
  const left = a * d;
  const right = c * b;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) {
    return left < right ? -1 : left > right ? 1 : 0;
  }
  const l = BigInt(a) * BigInt(d);
  const r = BigInt(c) * BigInt(b);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** { num: 25, den: 1000 } → "2.5%". */
export function formatRate(rate: Rate): string {
  // Percent = num * 100 / den, written exactly with up to 6 decimals.
  const scaled = rate.num * 100;
  const whole = Math.trunc(scaled / rate.den);
  let rest = Math.abs(scaled - whole * rate.den);
  if (rest === 0) return `${whole}%`;
  let digits = '';
  for (let i = 0; i < 6 && rest !== 0; i++) {
    rest *= 10;
    const d = Math.floor(rest / rate.den);
    digits += String(d);
    rest -= d * rate.den;
  }
  const sign = rate.num < 0 && whole === 0 ? '-' : '';
  return `${sign}${whole}.${digits}%`;
}
