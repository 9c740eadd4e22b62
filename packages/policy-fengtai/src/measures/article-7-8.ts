import { clauseOf, type FengtaiMeasure, type Localised, missingFact, named } from './common.js';

/** 第七条(1): new common-technology service platforms, per platform for 2 consecutive years. */
export const measure7_1: FengtaiMeasure = {
  id: '7.1',
  article: 7,
  citation: clauseOf(7, 1),
  name: named('共性技术服务平台', 'service platform'),
  clause:
    '支持新建人工智能软硬件概念验证、小试中试、小批量组装制造等共性技术服务平台，对符合条件的建设方，按照不超过平台建设投入的30%给予最高500万元支持，连续支持不超过2年。',
  summary: {
    zh: '新建人工智能软硬件概念验证、小试中试、小批量组装制造等共性技术服务平台的，按不超过平台建设投入的30%给予建设方最高500万元支持，连续支持不超过2年。',
    en: "30% of a new common-technology service platform's construction, up to 5,000,000, 2 consecutive years at most, after review",
  },
  review: true,
  perSubject: true,
  scope: { kind: 'consecutive', per: 'subject', years: '7.1.years', capPerYear: '7.1.cap-per-year' },
  rule: { kind: 'percent', rate: '7.1.rate', cap: '7.1.cap' },
  candidates: (r) =>
    (r.facts?.servicePlatforms ?? []).map((p) => ({
      subject: p.id,
      base: p.investment,
      baseLabel: { zh: '平台建设投入', en: 'platform construction investment' },
    })),
};

export const PLATFORM_TYPES = [
  'key-lab',
  'engineering-research-center',
  'technology-innovation-center',
  'enterprise-technology-center',
  'proof-of-concept-platform',
  'pilot-base',
  'future-industry-base',
] as const;

const LEVEL: Record<'national' | 'municipal', Localised> = {
  national: { zh: '国家级', en: 'national' },
  municipal: { zh: '市级', en: 'Beijing' },
};

/** 第七条(2): newly rated national / Beijing innovation platforms, once per recognition. */
export const measure7_2: FengtaiMeasure = {
  id: '7.2',
  article: 7,
  citation: clauseOf(7, 2),
  name: named('新获评创新平台', 'innovation platform rating'),
  clause:
    '对新获评人工智能领域国家和市级重点实验室、工程研究中心、技术创新中心、企业技术中心、概念验证平台、中试基地、未来产业育新基地等的企业，分别一次性给予最高100万元、50万元支持。',
  summary: {
    zh: '新获评人工智能领域国家和市级重点实验室、工程研究中心、技术创新中心、企业技术中心、概念验证平台、中试基地、未来产业育新基地等的企业，分别一次性给予最高100万元、50万元支持。',
    en: 'newly rated national / Beijing key lab or other innovation platform: up to 1,000,000 / 500,000 once',
  },
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'maximum', amount: { national: '7.2.amount.national', municipal: '7.2.amount.municipal' } },
  candidates: (r) =>
    (r.facts?.recognitions ?? [])
      .filter((x) => (PLATFORM_TYPES as readonly string[]).includes(x.type))
      .map((x) => {
        const level = x.level ?? 'municipal';
        return x.renewal === true
          ? { subject: x.id, unmet: [{ zh: '复审（重新认定）不属于新获评', en: 'a renewal is not a new rating' }] }
          : { subject: x.id, events: [{ id: x.id, date: x.date }], variant: level, variantLabel: LEVEL[level] };
      }),
};

const NO_INCUBATOR_INVESTMENT = [missingFact('facts.incubator.investment', '孵化器建设投入', 'incubator construction investment')];

/** 第八条(1): ministry "excellent" or Beijing "benchmark" incubators, 2 consecutive years. */
export const measure8_1: FengtaiMeasure = {
  id: '8.1',
  article: 8,
  citation: clauseOf(8, 1),
  name: named('部级卓越孵化器、市级标杆孵化器', 'rated incubator'),
  clause:
    '支持创建人工智能领域部级卓越孵化器、市级标杆孵化器，对符合条件的建设方，根据孵化人工智能企业成效，按照建设投入的30%给予最高500万元支持，连续支持不超过2年。',
  summary: {
    zh: '创建人工智能领域部级卓越孵化器、市级标杆孵化器的，根据孵化人工智能企业成效，按建设投入的30%给予建设方最高500万元支持，连续支持不超过2年。',
    en: '30% of construction for a ministry "excellent" or Beijing "benchmark" incubator, up to 5,000,000, 2 consecutive years at most, after review',
  },
  review: true,
  perSubject: false,
  scope: { kind: 'consecutive', per: 'enterprise', years: '8.1.years', capPerYear: '8.1.cap-per-year' },
  rule: { kind: 'percent', rate: '8.1.rate', cap: '8.1.cap' },
  candidates: (r) => {
    const inc = r.facts?.incubator;
    if (!inc || (inc.rating === undefined && inc.investment === undefined)) return [];
    const baseLabel = { zh: '建设投入', en: 'construction investment' };
    if (inc.rating === undefined) {
      return [
        {
          subject: null,
          unmet: [
            {
              zh: '孵化器未获评部级卓越孵化器或市级标杆孵化器',
              en: 'the incubator is not rated ministry "excellent" or Beijing "benchmark"',
            },
          ],
        },
      ];
    }
    const variantLabel =
      inc.rating === 'ministry-excellent'
        ? { zh: '部级卓越孵化器', en: 'ministry "excellent" incubator' }
        : { zh: '市级标杆孵化器', en: 'Beijing "benchmark" incubator' };
    return [
      {
        subject: null,
        base: inc.investment,
        baseLabel,
        baseMissing: NO_INCUBATOR_INVESTMENT,
        variantLabel,
      },
    ];
  },
};

/** 第八条(2): 50,000 per AI enterprise incubated, at most 500,000 a year. */
export const measure8_2: FengtaiMeasure = {
  id: '8.2',
  article: 8,
  citation: clauseOf(8, 2),
  name: named('孵化器培育人工智能企业', 'incubation'),
  clause: '支持孵化器培育人工智能企业，根据培育符合条件企业的数量，按照每培育1家给予孵化器5万元支持，每年累计最高支持50万元。',
  summary: {
    zh: '孵化器按每培育1家符合条件的人工智能企业给予5万元支持，每年累计最高50万元。',
    en: '50,000 per AI enterprise incubated, up to 500,000 a year',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'per-year' },
  rule: { kind: 'per-unit', unit: '8.2.unit', cap: '8.2.cap' },
  candidates: (r) => {
    const n = r.facts?.incubator?.incubatedAIEnterprises;
    return n === undefined
      ? []
      : [
          {
            subject: null,
            count: n,
            countLabel: { zh: '培育符合条件的人工智能企业', en: 'AI enterprises incubated' },
            countUnit: { zh: '家', en: '' },
          },
        ];
  },
};

/** 第八条(3): 50,000 per AI incubatee invested in, at most 500,000 a year. */
export const measure8_3: FengtaiMeasure = {
  id: '8.3',
  article: 8,
  citation: clauseOf(8, 3),
  name: named('孵化器投资在孵企业', 'incubator investment'),
  clause:
    '支持开展投资孵化联动，对使用自有基金（资金）或以服务换股权方式投资在孵人工智能企业的孵化器，根据投资符合条件企业的数量，按照每投资1家给予孵化器5万元支持，每年累计最高支持50万元。',
  summary: {
    zh: '孵化器按每投资1家符合条件的在孵人工智能企业给予5万元支持，每年累计最高50万元。',
    en: '50,000 per AI incubatee invested in, up to 500,000 a year',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'per-year' },
  rule: { kind: 'per-unit', unit: '8.3.unit', cap: '8.3.cap' },
  candidates: (r) => {
    const n = r.facts?.incubator?.investedAIEnterprises;
    return n === undefined
      ? []
      : [
          {
            subject: null,
            count: n,
            countLabel: { zh: '投资在孵人工智能企业', en: 'AI incubatees invested in' },
            countUnit: { zh: '家', en: '' },
          },
        ];
  },
};

/** 第八条(4): AI industrial parks, 30% of construction, per park for 2 consecutive years. */
export const measure8_4: FengtaiMeasure = {
  id: '8.4',
  article: 8,
  citation: clauseOf(8, 4),
  name: named('人工智能特色产业园区', 'industrial park'),
  clause: '支持打造人工智能高品质特色产业园区，对符合条件的项目，按照建设投入的30%给予建设方最高1000万元支持，连续支持不超过2年。',
  summary: {
    zh: '打造人工智能高品质特色产业园区的，按建设投入的30%给予建设方最高1000万元支持，连续支持不超过2年。',
    en: "30% of an AI industrial park's construction, up to 10,000,000, 2 consecutive years at most",
  },
  review: false,
  perSubject: true,
  scope: { kind: 'consecutive', per: 'subject', years: '8.4.years', capPerYear: '8.4.cap-per-year' },
  rule: { kind: 'percent', rate: '8.4.rate', cap: '8.4.cap' },
  candidates: (r) =>
    (r.facts?.industrialParks ?? []).map((p) => ({
      subject: p.id,
      base: p.investment,
      baseLabel: { zh: '建设投入', en: 'construction investment' },
    })),
};
