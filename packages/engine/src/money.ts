/**
 * Exact money. Amounts are integer fen (分) or integer yuan (元) in branded types that only
 * the constructors here can make. Decimal input is parsed as text, never through
 * `Math.round(x * 100)`, so 1234567.89 is exactly 123456789 fen.
 */

export type Fen = number & { readonly __brand: 'Fen' };
export type Yuan = number & { readonly __brand: 'Yuan' };

/** Largest accepted amount: 9,999,999,999,999.99 yuan, so that every fen figure is a safe integer. */
export const MAX_YUAN = 9_999_999_999_999;

const DECIMAL = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * Parses a non-negative yuan amount with at most two decimals, given as a JSON number or a
 * decimal string. Returns null when the input is not such an amount.
 *
 * @example parseYuanToFen('1234567.89') // 123456789
 * @example parseYuanToFen(0.1)          // 10
 */
export function parseYuanToFen(input: unknown): Fen | null {
  if (typeof input === 'number') {
    if (Number.isInteger(input)) {
      return input >= 0 && input <= MAX_YUAN ? ((input * 100 + 0) as Fen) /* + 0 turns -0 into 0 */ : null;
    }
    if (!Number.isFinite(input) || input < 0) return null;
    // The shortest round-trip text of a double is the decimal the writer meant whenever that
    // decimal has at most 15 significant digits, which every accepted amount has.
    return parseDecimalText(String(input));
  }
  if (typeof input === 'string') return parseDecimalText(input);
  return null;
}

function parseDecimalText(text: string): Fen | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const whole = Number(m[1]);
  const frac = m[2] === undefined ? 0 : Number(m[2].length === 1 ? `${m[2]}0` : m[2]);
  return (whole * 100 + frac) as Fen;
}

/** Makes fen from a whole number of yuan (a parameter, a cap). */
export function yuan(amount: number): Yuan {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_YUAN) {
    throw new RangeError(`expected a whole, non-negative number of yuan, got ${amount}`);
  }
  return amount as Yuan;
}

export function fenOf(amount: Yuan): Fen {
  return (amount * 100) as Fen;
}

/** Floors fen to whole yuan: the text says 不超过 / 最高, so an amount never rounds up. */
export function floorToYuan(amount: Fen): Yuan {
  return Math.floor(amount / 100) as Yuan;
}

export function minYuan(a: Yuan, b: Yuan): Yuan {
  return (a < b ? a : b) as Yuan;
}

/** 1234567 → "1,234,567". (By hand, not a regular expression: every explanation formats many figures.) */
export function formatYuan(amount: number): string {
  const digits = String(amount);
  const sign = digits.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const n = digits.length - sign;
  if (n <= 3) return digits;
  const head = (n % 3 || 3) + sign;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** 123456789 fen → "1,234,567.89"; whole yuan print without decimals. */
export function formatFen(amount: Fen): string {
  const whole = Math.floor(amount / 100);
  const cents = amount - whole * 100;
  const head = formatYuan(whole);
  return cents === 0 ? head : `${head}.${cents < 10 ? '0' : ''}${cents}`;
}
