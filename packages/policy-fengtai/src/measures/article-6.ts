import { citation, events, type FengtaiMeasure, objectVariant } from './common.js';

const INDUSTRIAL_PROJECT = { zh: '工业智能项目', en: 'industrial AI project' };
const CLAUSE_6_2 =
  '实施重大应用场景开放计划,对符合条件的应用场景建设项目,按照不超过项目总投入的30%给予场景建设方最高100万元支持,工业智能项目最高支持200万元;获得市级应用场景建设项目补贴的场景建设方,按照不超过市级补贴资金的30%给予最高100万元支持;对国家和市级部门评定为行业应用标杆案例的大模型研发企业,一次性给予最高30万元支持。';
const CLAUSE_6_3 =
  '支持人工智能技术和产品首试首用,对入选北京市首台(套)重大技术装备目录的企业,一次性给予最高30万元支持;对获得市级首台(套)项目补贴的企业,按照不超过市级补贴资金的30%给予最高100万元支持,工业智能项目最高支持200万元。';

/** 第六条(1): agent competition prizes (以赛代评), once per prize. */
export const measure6_1: FengtaiMeasure = {
  id: '6.1',
  article: 6,
  citation: citation('第六条(1)', 'Article 6(1)'),
  clause: '支持智能体建设推广,通过“以赛代评”举办智能体创新创业大赛,对获奖企业给予最高200万元支持;工业智能体获奖企业最高支持300万元。',
  summary: {
    zh: '智能体创新创业大赛获奖,按大赛设定奖金,最高200万元;工业智能体300万元',
    en: 'agent competition prize winners: the prize set, up to 2,000,000; industrial agents 3,000,000',
  },
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'prize', cap: { default: '6.1.cap', industrial: '6.1.cap.industrial' } },
  candidates: (r) =>
    (r.facts?.agentCompetitionPrizes ?? []).map((p) => ({
      subject: p.id,
      base: p.prize,
      baseLabel: { zh: '奖金', en: 'prize' },
      ...objectVariant(p.industrial, { zh: '工业智能体', en: 'industrial agent' }),
    })),
};

/** 第六条(2): application-scenario projects, 30% of investment; alternative to 6.2b. */
export const measure6_2a: FengtaiMeasure = {
  id: '6.2a',
  article: 6,
  citation: citation('第六条(2)', 'Article 6(2)'),
  clause: CLAUSE_6_2,
  summary: {
    zh: '应用场景建设项目总投入的30%,最高100万元;工业智能项目200万元;与6.2b择一',
    en: "30% of a scenario project's total investment, up to 1,000,000; industrial projects 2,000,000; alternative to 6.2b",
  },
  review: false,
  perSubject: true,
  // 第六条(2): 6.2a and 6.2b are alternatives; a grant of either rules out both for the project.
  scope: { kind: 'one-time', per: 'subject', shared: ['6.2a', '6.2b'] },
  alternativeGroup: '6.2',
  rule: { kind: 'percent', rate: '6.2a.rate', cap: { default: '6.2a.cap', industrial: '6.2a.cap.industrial' } },
  candidates: (r) =>
    (r.facts?.scenarioProjects ?? [])
      .filter((p) => p.totalInvestment !== undefined)
      .map((p) => ({
        subject: p.id,
        base: p.totalInvestment,
        baseLabel: { zh: '项目总投入', en: 'total project investment' },
        ...objectVariant(p.industrial, INDUSTRIAL_PROJECT),
      })),
};

/** 第六条(2): 30% of a Beijing scenario subsidy; alternative to 6.2a. */
export const measure6_2b: FengtaiMeasure = {
  id: '6.2b',
  article: 6,
  citation: citation('第六条(2)', 'Article 6(2)'),
  clause: CLAUSE_6_2,
  summary: {
    zh: '获得市级应用场景补贴的,按市级补贴的30%,最高100万元;与6.2a择一',
    en: '30% of a Beijing scenario subsidy, up to 1,000,000; alternative to 6.2a',
  },
  review: false,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject', shared: ['6.2a', '6.2b'] },
  alternativeGroup: '6.2',
  rule: { kind: 'percent', rate: '6.2b.rate', cap: '6.2b.cap' },
  candidates: (r) =>
    (r.facts?.scenarioProjects ?? [])
      .filter((p) => p.municipalSubsidy !== undefined)
      .map((p) => ({ subject: p.id, base: p.municipalSubsidy, baseLabel: { zh: '市级补贴资金', en: 'Beijing subsidy' } })),
};

/** 第六条(2): benchmark case rated by a national or Beijing department, once per enterprise. */
export const measure6_2c: FengtaiMeasure = {
  id: '6.2c',
  article: 6,
  citation: citation('第六条(2)', 'Article 6(2)'),
  clause: CLAUSE_6_2,
  summary: {
    zh: '大模型研发企业案例被评为国家或市级行业应用标杆案例,一次性30万元',
    en: 'LLM developer whose case is rated a national or Beijing benchmark case: 300,000 once',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'one-time', per: 'enterprise' },
  rule: { kind: 'fixed', amount: '6.2c.amount' },
  candidates: (r) => {
    const cases = r.facts?.benchmarkCases ?? [];
    return cases.length === 0 ? [] : [{ subject: null, events: events(cases) }];
  },
};

/** 第六条(3): entering the Beijing first-set (首台套) catalogue, once per enterprise. */
export const measure6_3a: FengtaiMeasure = {
  id: '6.3a',
  article: 6,
  citation: citation('第六条(3)', 'Article 6(3)'),
  clause: CLAUSE_6_3,
  summary: {
    zh: '入选北京市首台(套)重大技术装备目录,一次性30万元',
    en: 'entering the Beijing first-set major equipment catalogue: 300,000 once',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'one-time', per: 'enterprise' },
  rule: { kind: 'fixed', amount: '6.3a.amount' },
  candidates: (r) => {
    const products = (r.facts?.firstSetProducts ?? []).filter((p) => p.inBeijingCatalogue !== undefined);
    if (products.length === 0) return [];
    return products.some((p) => p.inBeijingCatalogue === true)
      ? [{ subject: null }]
      : [{ subject: null, unmet: [{ zh: '没有产品入选北京市首台(套)目录', en: 'no product is in the Beijing first-set catalogue' }] }];
  },
};

/** 第六条(3): 30% of a Beijing first-set subsidy, once per product. */
export const measure6_3b: FengtaiMeasure = {
  id: '6.3b',
  article: 6,
  citation: citation('第六条(3)', 'Article 6(3)'),
  clause: CLAUSE_6_3,
  summary: {
    zh: '获得市级首台(套)补贴的,按补贴的30%,最高100万元;工业智能项目200万元',
    en: '30% of a Beijing first-set subsidy, up to 1,000,000; industrial projects 2,000,000',
  },
  review: false,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'percent', rate: '6.3b.rate', cap: { default: '6.3b.cap', industrial: '6.3b.cap.industrial' } },
  candidates: (r) =>
    (r.facts?.firstSetProducts ?? [])
      .filter((p) => p.municipalSubsidy !== undefined)
      .map((p) => ({
        subject: p.id,
        base: p.municipalSubsidy,
        baseLabel: { zh: '市级补贴资金', en: 'Beijing subsidy' },
        ...objectVariant(p.industrial, INDUSTRIAL_PROJECT),
      })),
};

const STANDARD_LEVEL = {
  international: { zh: '国际标准', en: 'international standard' },
  national: { zh: '国家标准', en: 'national standard' },
  industry: { zh: '行业标准', en: 'industry standard' },
};

/** 第六条(4): lead author of a published standard, once per standard. */
export const measure6_4: FengtaiMeasure = {
  id: '6.4',
  article: 6,
  citation: citation('第六条(4)', 'Article 6(4)'),
  clause: '对牵头制定并按规定发布人工智能领域国际、国家、行业标准的企业,分别给予最高30万元、20万元、10万元支持。',
  summary: {
    zh: '牵头制定并发布国际、国家、行业标准,30万、20万、10万元',
    en: 'lead author of a published international / national / industry standard: 300,000 / 200,000 / 100,000',
  },
  review: false,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: {
    kind: 'fixed',
    amount: { international: '6.4.amount.international', national: '6.4.amount.national', industry: '6.4.amount.industry' },
  },
  candidates: (r) =>
    (r.facts?.standards ?? []).map((s) => ({
      subject: s.id,
      events: events([s]),
      variant: s.level,
      variantLabel: STANDARD_LEVEL[s.level],
    })),
};
