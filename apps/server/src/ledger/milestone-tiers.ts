import type { Localised, ParamRef } from '@ftai/engine';
import { MILESTONE_TIERS, measures, parameters } from '@ftai/policy-fengtai';

/**
 * One tier of a milestone measure (第五条第（1）项: revenue first reaching 5000万元 …, or first above
 * designated size), as the policy's parameters in force for a year set it.
 */
export interface MilestoneTier {
  /** The subject of the measure's results and history (`revenue-50m`). */
  readonly id: string;
  /** The revenue (yuan) that reaches it; absent for a tier reached by a flag (首次达规). */
  readonly min: number | undefined;
  /** The fact flag that reaches it (`above-designated-size`). */
  readonly flag: string | undefined;
  readonly label: Localised;
  /** The most the tier grants (the text's 最高), whole yuan. */
  readonly maximum: { readonly standard: number; readonly industrial: number };
}

/** Is `measure` paid by milestone tiers, its subject the tier (5.1)? */
export const isMilestoneMeasure = (measure: string): boolean => MILESTONE_TIERS.has(measure);

/**
 * The tiers of milestone measure `measure` for assessment year `year`, highest maximum first.
 * Read from the policy's parameters (the tier list and the industrial bonus the measure's rule
 * names), never written down here: the server only tells tiers apart, the engine grants money.
 *
 * @example milestoneTiers('5.1', 2026)[3] // { id: 'revenue-50m', min: 50000000, maximum: { standard: 200000, industrial: 300000 } … }
 */
export function milestoneTiers(measure: string, year: number): readonly MilestoneTier[] {
  const m = measures.find((x) => x.id === measure);
  if (m?.rule.kind !== 'tiers' || !m.rule.milestones) throw new Error(`measure ${measure} is not paid by milestone tiers`);
  const at = parameters.at(year);
  // As the engine picks a parameter: a plain id for everyone, or one per variant (the
  // enterprise's variant is 'industrial' for 工业智能企业) with an optional default.
  const pick = (ref: ParamRef | undefined, variant: 'industrial' | undefined) =>
    ref === undefined || typeof ref === 'string' ? ref : ((variant && ref[variant]) ?? ref.default);
  const tiersId = pick(m.rule.tiers, undefined);
  if (tiersId === undefined || tiersId !== pick(m.rule.tiers, 'industrial')) {
    throw new Error(`measure ${measure}: its tiers depend on a variant`);
  }
  const bonusOf = (variant: 'industrial' | undefined) => {
    const id = pick(m.rule.kind === 'tiers' ? m.rule.bonus : undefined, variant);
    return id === undefined ? 0 : Number(at.yuan(id));
  };
  const standard = bonusOf(undefined);
  const industrial = bonusOf('industrial');
  return at
    .tiers(tiersId)
    .filter((t) => t.id !== undefined)
    .map((t) => ({
      id: t.id as string,
      min: t.min,
      flag: t.flag,
      label: t.label,
      maximum: { standard: t.amount + standard, industrial: t.amount + industrial },
    }));
}

/**
 * How a subject reads in Chinese beside its measure: a milestone tier by its label, as the
 * engine's explanations name it (“5000万元”档, “首次达规”档); any other subject is its own id.
 */
export function subjectText(measure: string, subject: string, year: number): string {
  if (subject === '' || !isMilestoneMeasure(measure)) return subject;
  const tier = milestoneTiers(measure, year).find((t) => t.id === subject);
  return tier ? `“${tier.label.zh}”档` : subject;
}
