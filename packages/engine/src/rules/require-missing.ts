import type { Measure, MissingFact } from '../measure.js';

/** The fact a rule cannot do without: a measure that leaves its figure out must say which field it is. */
export function requireMissing<R>(m: Measure<R>, missing: readonly MissingFact[] | undefined): readonly MissingFact[] {
  if (!missing || missing.length === 0) throw new Error(`measure ${m.id}: a candidate without its figure must name the missing field`);
  return missing;
}
