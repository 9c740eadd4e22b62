import type { ParametersAt } from '../parameter.js';
import type { Step } from '../step.js';

/**
 * One "假设：…" line for a parameter that stands for an assumption (a reading, or a figure the text
 * does not give); for a figure a later parameter version fixed, the line naming its basis.
 */
export function pushAssumed(steps: Step[] | null, params: ParametersAt, id: string): void {
  if (!steps) return;
  const p = params.get(id);
  const def = p.definition;
  const text = p.value === false ? (def.assumedIfFalse ?? def.assumed) : def.assumed;
  if (text) steps.push({ k: 'assumed', text });
  else if (def.basis) steps.push({ k: 'text', text: def.basis });
}
