import { optionalParamFor } from '../evaluation/param-for.js';
import type { RequestContext } from '../evaluation/request-context.js';
import type { Work } from '../evaluation/work.js';
import type { EngineRequest, ParamRef } from '../measure.js';

/** The tier's amount plus the bonus of the candidate's variant, if the rule and the variant have one. */
export function addBonus<R extends EngineRequest>(
  ctx: RequestContext<R>,
  w: Work<R>,
  bonusRef: ParamRef | undefined,
  amount: number,
): number {
  if (!bonusRef) return amount;
  const c = w.candidate;
  const bonusId = optionalParamFor(bonusRef, c.variant);
  if (bonusId === undefined) return amount;
  const bonus = ctx.params.yuan(bonusId);
  w.steps?.push({ k: 'bonus', bonus, label: c.variantLabel, result: amount + bonus, upTo: w.measure.review });
  return amount + bonus;
}
