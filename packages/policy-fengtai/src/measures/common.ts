import type { Candidate, Condition, DatedEvent, Localized, Measure } from '@ftai/engine';
import type { FengtaiRequest } from '../request/request-schema.js';

export type FengtaiMeasure = Measure<FengtaiRequest>;
export type { Candidate, Localized };

export const citation = (zh: string, en: string): Localized => ({ zh, en });

/**
 * A text made when first read. Notes show only in explanations, and formatting their figures
 * up front cost a tenth of calculate()'s time when explanations are left out. (A class: an
 * object literal with getters is several times slower to create.)
 */
class LazyText implements Localized {
  readonly #make: () => Localized;
  #text: Localized | undefined;
  constructor(make: () => Localized) {
    this.#make = make;
  }
  get zh(): string {
    this.#text ??= this.#make();
    return this.#text.zh;
  }
  get en(): string {
    this.#text ??= this.#make();
    return this.#text.en;
  }
  toJSON(): Localized {
    return { zh: this.zh, en: this.en };
  }
}

export const lazyText = (make: () => Localized): Localized => new LazyText(make);

export const INDUSTRIAL_ENTERPRISE: Localized = { zh: '工业智能企业', en: 'industrial AI enterprise' };

/** The variant for measures whose industrial uplift depends on the enterprise (1, 5.1, 5.2). */
export function enterpriseVariant(request: FengtaiRequest): Pick<Candidate, 'variant' | 'variantLabel'> {
  return request.enterprise.industrialAI === true ? { variant: 'industrial', variantLabel: INDUSTRIAL_ENTERPRISE } : {};
}

/** The variant for measures whose uplift depends on the object (2.1, 3.4, 6.1, 6.2a, 6.3b). */
export function objectVariant(isIndustrial: boolean | undefined, label: Localized): Pick<Candidate, 'variant' | 'variantLabel'> {
  return isIndustrial === true ? { variant: 'industrial', variantLabel: label } : {};
}

export const events = (items: readonly { id: string; date: string }[]): DatedEvent[] => items.map((e) => ({ id: e.id, date: e.date }));

export const isAiPartner: Condition<FengtaiRequest> = {
  id: 'ai-partner-program',
  holds: (r) => r.enterprise.aiPartnerProgram === true,
  unmet: { zh: '不是人工智能伙伴计划企业', en: 'not an AI partner-program enterprise (人工智能伙伴计划企业)' },
};

const GENERAL_ASSUMED: Localized = {
  zh: '基本条件(在丰台注册、在丰台纳税、无严重失信记录)为区级政策通行要求,原文未写明',
  en: 'the general conditions (registered and tax resident in Fengtai, no serious dishonesty record) are what every district scheme requires; the text does not state them',
};

/** General conditions (assumed, MEASURES.md): failing one makes every measure ineligible. */
export const generalConditions: Condition<FengtaiRequest>[] = [
  {
    id: 'registered-in-fengtai',
    holds: (r) => r.enterprise.registeredInFengtai === true,
    unmet: { zh: '未在丰台区注册(或未说明)', en: 'not registered in Fengtai (or not stated)' },
    assumed: GENERAL_ASSUMED,
  },
  {
    id: 'tax-resident-in-fengtai',
    holds: (r) => r.enterprise.taxResidentInFengtai === true,
    unmet: { zh: '不是丰台区纳税企业(或未说明)', en: 'not tax resident in Fengtai (or not stated)' },
    assumed: GENERAL_ASSUMED,
  },
  {
    id: 'no-serious-dishonesty',
    holds: (r) => r.enterprise.seriousDishonesty !== true,
    unmet: { zh: '有严重失信记录', en: 'has a serious dishonesty record (严重失信)' },
    assumed: GENERAL_ASSUMED,
  },
];

export const GENERAL_CONDITIONS_MET: Localized = {
  zh: '基本条件已满足(在丰台注册、在丰台纳税、无严重失信记录)',
  en: 'the general conditions hold (registered and tax resident in Fengtai, no serious dishonesty record)',
};

export const FIRST_YEAR_IN_FULL: Localized = {
  zh: '2025 年度的年度数据全额计算(措施自 2025-10-30 起施行)',
  en: 'annual figures of 2025 count in full (the policy took effect on 2025-10-30)',
};
