import type { Candidate } from '../measure.js';
import type { Tier } from '../parameter.js';

/** A flag tier is reached by its flag; a figure tier by a value at or above its minimum (yuan, the value in fen). */
export function isTierReached(t: Tier, c: Candidate): boolean {
  if (t.flag !== undefined) return c.flags?.includes(t.flag) ?? false;
  return c.value !== undefined && c.value >= (t.min as number) * 100;
}
