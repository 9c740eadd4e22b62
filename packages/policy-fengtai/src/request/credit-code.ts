/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-letter
 * alphabet (no I, O, S, V, Z); the last is a check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;

/** The check character for the first 17 characters. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i] as string) * (WEIGHTS[i] as number);
  return ALPHABET[(31 - (sum % 31)) % 31] as string;
}

/**
 * Why a credit code is not valid, or null when it is.
 *
 * @example creditCodeProblem('91110106MA0000K01C') // null
 */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `expected 18 characters, got ${code.length}`;
  if (!SHAPE.test(code)) return 'expected digits and capital letters other than I, O, S, V, Z, with digits 3–8 an area code';
  const check = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== check) return `check character is ${code[17]}, expected ${check}`;
  return null;
}
