/**
 * Exact ratios of an allocation, for display: a budget over the sum it scales, an item's allocated
 * over approved. Whole numbers in, BigInt inside, so no product of two amounts is ever rounded.
 */

/**
 * numerator / denominator as a percentage with `decimals` decimals, rounded half up (exactly);
 * null when the denominator is 0.
 *
 * @example
 * percentText(9, 10); // '90.00'
 * percentText(2, 3); // '66.67'
 * percentText(72_000, 100_000); // '72.00'
 */
export function percentText(numerator: number | bigint, denominator: number | bigint, decimals = 2): string | null {
  const d = BigInt(denominator);
  if (d === 0n) return null;
  const scale = 10n ** BigInt(decimals);
  // round(n × 100 × scale / d), half up: floor((2 × n × 100 × scale + d) / (2 × d)).
  const scaled = (2n * BigInt(numerator) * 100n * scale + d) / (2n * d);
  const whole = scaled / scale;
  if (decimals === 0) return whole.toString();
  const fraction = (scaled % scale).toString().padStart(decimals, '0');
  return `${whole}.${fraction}`;
}

/** The fraction in lowest terms (both whole, the denominator above 0): reduced(4_000_000, 5_000_000) → 4/5. */
export function reduced(numerator: number, denominator: number): { numerator: number; denominator: number } {
  let a = numerator;
  let b = denominator;
  while (b !== 0) [a, b] = [b, a % b];
  return a === 0 ? { numerator, denominator } : { numerator: numerator / a, denominator: denominator / a };
}
