import { fail, type Work } from '../evaluation/work.js';
import type { Fen } from '../money.js';
import type { Tier } from '../parameter.js';

function lowestMin(tiers: readonly Tier[]): number {
  let lowest = Number.POSITIVE_INFINITY;
  for (const t of tiers) if (t.min !== undefined && t.min < lowest) lowest = t.min;
  return lowest;
}

/** No tier reached: ineligible, saying the figure and the lowest tier's minimum. */
export function noTierReached<R>(w: Work<R>, tiers: readonly Tier[]): false {
  const c = w.candidate;
  return fail(w, 'ineligible', { k: 'tier-none', value: c.value ?? (0 as Fen), label: c.valueLabel, lowest: lowestMin(tiers) });
}
