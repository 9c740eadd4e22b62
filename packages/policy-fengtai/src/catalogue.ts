import { describeMeasure, type Lang, type MeasureDescription } from '@ftai/engine';
import { fengtaiPolicy } from './policy.js';

/** How the catalogue names the variants of a parameter. */
const VARIANT_LABELS = {
  industrial: { zh: '工业', en: 'industrial' },
  national: { zh: '国家级', en: 'national' },
  municipal: { zh: '北京市级', en: 'Beijing' },
  international: { zh: '国际标准', en: 'international' },
  industry: { zh: '行业标准', en: 'industry' },
};

/** The catalogue of every measure with the parameters in force for `year`. */
export function catalogue(year: number, lang: Lang): MeasureDescription[] {
  const params = fengtaiPolicy.parameters.at(year);
  return fengtaiPolicy.measures.map((m) => describeMeasure(m, params, lang, VARIANT_LABELS, fengtaiPolicy.measures));
}
