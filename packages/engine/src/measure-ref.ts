import type { Localised } from './localised.js';
import type { Measure } from './measure.js';

/** The cited name of each measure, made once (measures are policy constants). */
const refs = new Map<object, Localised>();

/**
 * How a sentence cites another measure: the clause as the text numbers it, with the measure's
 * name (第六条第（2）项（获得市级应用场景建设项目补贴）); English adds the id.
 *
 * @example measureRef(measure62b).en // "Article 6(2), Beijing scenario subsidy (6.2b)"
 */
export function measureRef<R>(m: Measure<R>): Localised {
  let ref = refs.get(m);
  if (!ref) {
    ref = { zh: `${m.citation.zh}（${m.name.zh}）`, en: `${m.citation.en}, ${m.name.en} (${m.id})` };
    refs.set(m, ref);
  }
  return ref;
}
