import type { Candidate, Condition, DatedEvent, Localised, Measure, MissingFact } from '@ftai/engine';
import type { FengtaiRequest } from '../request/request-schema.js';

export type FengtaiMeasure = Measure<FengtaiRequest>;
export type { Candidate, Localised, MissingFact };

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** An article's number as the text writes it: 1 → 一, 10 → 十, 11 → 十一, 20 → 二十 (1 to 99). */
function numeral(n: number): string {
  const tens = Math.floor(n / 10);
  return tens === 0 ? (DIGITS[n] ?? '') : `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

/**
 * The clause as the text numbers it: 第五条, 第五条第（3）项; Article 5, Article 5(3).
 *
 * @example clauseOf(6, 2).zh // "第六条第（2）项"
 */
export function clauseOf(article: number, item?: number): Localised {
  const zh = `第${numeral(article)}条`;
  return item === undefined ? { zh, en: `Article ${article}` } : { zh: `${zh}第（${item}）项`, en: `Article ${article}(${item})` };
}

export const named = (zh: string, en: string): Localised => ({ zh, en });

/**
 * A text made when first read. Notes show only in explanations, and formatting their figures
 * up front cost a tenth of calculate()'s time when explanations are left out. (A class: an
 * object literal with getters is several times slower to create.)
 */
class LazyText implements Localised {
  readonly #make: () => Localised;
  #text: Localised | undefined;
  constructor(make: () => Localised) {
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
  toJSON(): Localised {
    return { zh: this.zh, en: this.en };
  }
}

export const lazyText = (make: () => Localised): Localised => new LazyText(make);

/** A fact the request left out, named as the form labels it. */
export const missingFact = (path: string, zh: string, en: string): MissingFact => ({ path, label: { zh, en } });

export const INDUSTRIAL_ENTERPRISE: Localised = { zh: '工业智能企业', en: 'industrial AI enterprise' };

/** The variant for measures whose industrial uplift depends on the enterprise (1, 5.1, 5.2). */
export function enterpriseVariant(request: FengtaiRequest): Pick<Candidate, 'variant' | 'variantLabel'> {
  return request.enterprise.industrialAI === true ? { variant: 'industrial', variantLabel: INDUSTRIAL_ENTERPRISE } : {};
}

/** The variant for measures whose uplift depends on the object (2.1, 3.4, 6.1, 6.2a, 6.3b). */
export function objectVariant(isIndustrial: boolean | undefined, label: Localised): Pick<Candidate, 'variant' | 'variantLabel'> {
  return isIndustrial === true ? { variant: 'industrial', variantLabel: label } : {};
}

export const events = (items: readonly { id: string; date: string }[]): DatedEvent[] => items.map((e) => ({ id: e.id, date: e.date }));

export const isAiPartner: Condition<FengtaiRequest> = {
  id: 'ai-partner-program',
  holds: (r) => r.enterprise.aiPartnerProgram === true,
  unmet: { zh: '未纳入人工智能伙伴计划', en: 'not an AI partner-program enterprise (人工智能伙伴计划企业)' },
};

/** General conditions (assumed, MEASURES.md): failing one makes every measure ineligible. */
export const generalConditions: Condition<FengtaiRequest>[] = [
  {
    id: 'registered-in-fengtai',
    holds: (r) => r.enterprise.registeredInFengtai === true,
    unmet: { zh: '未在丰台区注册（或未申报）', en: 'not registered in Fengtai (or not stated)' },
  },
  {
    id: 'tax-resident-in-fengtai',
    holds: (r) => r.enterprise.taxResidentInFengtai === true,
    unmet: { zh: '未在丰台区纳税（或未申报）', en: 'not tax resident in Fengtai (or not stated)' },
  },
  {
    id: 'no-serious-dishonesty',
    holds: (r) => r.enterprise.seriousDishonesty !== true,
    unmet: { zh: '有严重失信记录', en: 'has a serious dishonesty record (严重失信)' },
  },
];

/** Said first in every result that passed them: what was checked, and against what. */
export const GENERAL_CONDITIONS_CHECKED: Localised = {
  zh: '基本条件核验：依申报信息，在丰台区注册、在丰台区纳税、无严重失信记录（原文未列明，参照区级惠企政策通行要求）',
  en: 'general conditions checked against the declaration: registered and tax resident in Fengtai, no serious dishonesty record (not stated in the text; what district schemes require)',
};

export const GENERAL_CONDITIONS_SOURCE: Localised = {
  zh: '基本条件原文未列明，参照区级惠企政策通行要求',
  en: 'the text does not state the general conditions; they are what district schemes require',
};
