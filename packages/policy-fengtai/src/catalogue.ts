import { describeMeasure, type Lang, type Localised, type MeasureDescription } from '@ftai/engine';
import { type Edition, SHIPPED_EDITION } from './editions.js';
import { clauseOf } from './measures/common.js';
import { measures } from './policy.js';

/** How the catalogue names the variants of a parameter. */
const VARIANT_LABELS = {
  industrial: { zh: '工业', en: 'industrial' },
  national: { zh: '国家级', en: 'national' },
  municipal: { zh: '北京市级', en: 'Beijing' },
  international: { zh: '国际标准', en: 'international' },
  industry: { zh: '行业标准', en: 'industry' },
};

/** The catalogue of every measure with the parameters in force for `year` under `edition` (version 1 by default). */
export function catalogue(year: number, lang: Lang, edition: Edition = SHIPPED_EDITION): MeasureDescription[] {
  const policy = edition.policy;
  const params = policy.parameters.at(year);
  return policy.measures.map((m) => describeMeasure(m, params, lang, VARIANT_LABELS, policy.measures));
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
export function policyReadings(year: number, lang: Lang, edition: Edition = SHIPPED_EDITION): PolicyReading[] {
  const policy = edition.policy;
  const params = policy.parameters.at(year);
  const ids = [policy.generalConditionsReading, policy.firstYearInFull].filter((id): id is string => id !== undefined);
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

/**
 * Each article's heading as the text gives it (第一条 加大人工智能算力供给), and a short name for
 * tables and charts. The articles themselves are those the measures name.
 */
const ARTICLE_HEADINGS: Readonly<Record<number, { readonly title: Localised; readonly shortName: Localised }>> = {
  1: { title: { zh: '加大人工智能算力供给', en: 'More AI compute' }, shortName: { zh: '算力供给', en: 'Compute' } },
  2: { title: { zh: '支持人工智能大模型研发', en: 'Large-model R&D' }, shortName: { zh: '大模型研发', en: 'Large models' } },
  3: { title: { zh: '推动数据开发利用', en: 'Data development and use' }, shortName: { zh: '数据开发利用', en: 'Data' } },
  4: {
    title: { zh: '促进技术攻关、成果转化和产业化', en: 'Breakthroughs, commercialisation and industrialisation' },
    shortName: { zh: '技术攻关与成果转化', en: 'R&D and commercialisation' },
  },
  5: {
    title: { zh: '构建企业梯次培育体系', en: 'A ladder for growing enterprises' },
    shortName: { zh: '企业梯次培育', en: 'Enterprise growth' },
  },
  6: {
    title: { zh: '加快行业应用示范', en: 'Industry application demonstrations' },
    shortName: { zh: '行业应用示范', en: 'Applications' },
  },
  7: {
    title: { zh: '支持建设产业创新服务平台', en: 'Innovation service platforms' },
    shortName: { zh: '产业创新服务平台', en: 'Service platforms' },
  },
  8: {
    title: { zh: '打造高品质产业承载空间', en: 'High-quality industrial space' },
    shortName: { zh: '产业承载空间', en: 'Incubators and parks' },
  },
  9: { title: { zh: '强化多元化投融资服务', en: 'Investment and financing services' }, shortName: { zh: '投融资服务', en: 'Investment' } },
  10: {
    title: { zh: '深化教育科技人才一体化发展', en: 'Education, science and talent' },
    shortName: { zh: '教育科技人才', en: 'Talent and events' },
  },
};

/** An article (条) of the policy: its number, citation, heading and measures. */
export interface Article {
  /** 1 for 第一条. */
  readonly article: number;
  /** 第一条, Article 1. */
  readonly citation: Localised;
  /** The heading as the text gives it: 加大人工智能算力供给. */
  readonly title: Localised;
  /** For tables and charts: 算力供给. */
  readonly shortName: Localised;
  /** Its measures' ids, in catalogue order. */
  readonly measures: readonly string[];
}

/**
 * The policy's articles, in order, from its measures: every list of articles (call budgets,
 * allocation, dashboards, the policy browser) is this one.
 */
export const ARTICLES: readonly Article[] = (() => {
  const numbers = [...new Set(measures.map((m) => m.article))].sort((a, b) => a - b);
  const headless = numbers.filter((n) => ARTICLE_HEADINGS[n] === undefined);
  const unused = Object.keys(ARTICLE_HEADINGS)
    .map(Number)
    .filter((n) => !numbers.includes(n));
  if (headless.length > 0 || unused.length > 0) {
    throw new Error(
      `the articles of the Fengtai policy are not well defined: ${[
        ...headless.map((n) => `article ${n} has measures but no heading`),
        ...unused.map((n) => `article ${n} has a heading but no measure`),
      ].join('; ')}`,
    );
  }
  return numbers.map((article) => {
    const heading = ARTICLE_HEADINGS[article] as { title: Localised; shortName: Localised };
    return {
      article,
      citation: clauseOf(article),
      title: heading.title,
      shortName: heading.shortName,
      measures: measures.filter((m) => m.article === article).map((m) => m.id),
    };
  });
})();

/** The article numbers, in order: 1 … 10. */
export const ARTICLE_NUMBERS: readonly number[] = ARTICLES.map((a) => a.article);

/** An article's number as a key of budgets by article ("1" … "10"). */
export const ARTICLE_KEY = new RegExp(`^(${ARTICLE_NUMBERS.join('|')})$`);

/** Whether `value` is the number of an article of the policy. */
export function isArticle(value: unknown): value is number {
  return typeof value === 'number' && ARTICLE_NUMBERS.includes(value);
}

/** An article in one language, as the catalogue serves it. */
export interface ArticleDescription {
  readonly article: number;
  readonly citation: string;
  readonly title: string;
  readonly shortName: string;
  readonly measures: readonly string[];
}

/** The articles in `lang`, for the catalogue (GET /api/v1/measures). */
export function articleCatalogue(lang: Lang): ArticleDescription[] {
  return ARTICLES.map((a) => ({
    article: a.article,
    citation: a.citation[lang],
    title: a.title[lang],
    shortName: a.shortName[lang],
    measures: a.measures,
  }));
}
