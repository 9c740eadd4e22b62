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

/** A reading of the whole policy where the text is silent (general conditions, 2025 in full). */
export interface PolicyReading {
  readonly id: string;
  readonly label: string;
  readonly value: boolean;
  readonly from: string;
  readonly reference: string;
  /** What is assumed, for the value in force. */
  readonly assumed: string;
}

/** The policy-wide readings in force for `year`: they touch every measure, so the catalogue lists them once. */
export function policyReadings(year: number, lang: Lang): PolicyReading[] {
  const params = fengtaiPolicy.parameters.at(year);
  const ids = [fengtaiPolicy.generalConditionsReading, fengtaiPolicy.firstYearInFull].filter((id): id is string => id !== undefined);
  return ids.map((id) => {
    const p = params.get(id);
    const def = p.definition;
    const text = p.value === false ? (def.assumedIfFalse ?? def.assumed) : def.assumed;
    return {
      id,
      label: def.label[lang],
      value: p.value as boolean,
      from: p.from,
      reference: def.reference,
      assumed: text?.[lang] ?? '',
    };
  });
}
