import { describeMeasure, type Lang, type MeasureDescription } from '@ftai/engine';
import { fengtaiPolicy } from './policy.js';

/** The catalogue of every measure with the parameters in force for `year`. */
export function catalogue(year: number, lang: Lang): MeasureDescription[] {
  const params = fengtaiPolicy.parameters.at(year);
  return fengtaiPolicy.measures.map((m) => describeMeasure(m, params, lang));
}
