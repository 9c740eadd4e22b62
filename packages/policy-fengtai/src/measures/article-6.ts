import { clauseOf, events, type FengtaiMeasure, missingFact, named, objectVariant } from './common.js';

const INDUSTRIAL_PROJECT = { zh: '工业智能项目', en: 'industrial AI project' };
const CLAUSE_6_2 =
  '实施重大应用场景开放计划，对符合条件的应用场景建设项目，按照不超过项目总投入的30%给予场景建设方最高100万元支持，工业智能项目最高支持200万元；获得市级应用场景建设项目补贴的场景建设方，按照不超过市级补贴资金的30%给予最高100万元支持；对国家和市级部门评定为行业应用标杆案例的大模型研发企业，一次性给予最高30万元支持。';
const CLAUSE_6_3 =
  '支持人工智能技术和产品首试首用，对入选北京市首台（套）重大技术装备目录的企业，一次性给予最高30万元支持；对获得市级首台（套）项目补贴的企业，按照不超过市级补贴资金的30%给予最高100万元支持，工业智能项目最高支持200万元。';

/** 第六条(1): agent competition prizes (以赛代评), once per prize; an award date, when given, must be in force and in Y. */
export const measure6_1: FengtaiMeasure = {
  id: '6.1',
  article: 6,
  citation: clauseOf(6, 1),
  name: named('智能体创新创业大赛获奖', 'agent competition'),
  clause: '支持智能体建设推广，通过“以赛代评”举办智能体创新创业大赛，对获奖企业给予最高200万元支持；工业智能体获奖企业最高支持300万元。',
  summary: {
    zh: '通过“以赛代评”举办智能体创新创业大赛，对获奖企业给予最高200万元支持；工业智能体获奖企业最高300万元。',
    en: 'agent competition prize winners: the prize set, up to 2,000,000; industrial agents 3,000,000',
  },
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'prize', cap: { default: '6.1.cap', industrial: '6.1.cap.industrial' }, noPrizeCap: '6.1.no-prize-cap' },
  candidates: (r) =>
    (r.facts?.agentCompetitionPrizes ?? []).map((p, i) => ({
      subject: p.id,
      base: p.prize,
      baseLabel: { zh: '大赛设定的奖金', en: 'prize' },
      // Named only where it can be missing (the path has the item's index).
      baseMissing:
        p.prize === undefined ? [missingFact(`facts.agentCompetitionPrizes[${i}].prize`, '大赛设定的奖金', 'prize set')] : undefined,
      ...(p.date === undefined ? {} : { events: events([{ id: p.id, date: p.date }]) }),
      ...objectVariant(p.industrial, { zh: '工业智能体', en: 'industrial agent' }),
    })),
};

/** 第六条(2): application-scenario projects, 30% of investment; alternative to 6.2b. */
export const measure6_2a: FengtaiMeasure = {
  id: '6.2a',
  article: 6,
  citation: clauseOf(6, 2),
  name: named('应用场景建设项目', 'scenario project'),
  clause: CLAUSE_6_2,
  summary: {
    zh: '符合条件的应用场景建设项目，按不超过项目总投入的30%给予场景建设方最高100万元支持，工业智能项目最高200万元；与获得市级应用场景建设项目补贴的支持择一。',
    en: "30% of a scenario project's total investment, up to 1,000,000; industrial projects 2,000,000; an alternative to the Beijing-subsidy support",
  },
  review: false,
  perSubject: true,
  // 第六条(2): 6.2a and 6.2b are alternatives; a grant of either rules out both for the project.
  scope: { kind: 'one-time', per: 'subject', shared: ['6.2a', '6.2b'] },
  alternativeGroup: { id: '6.2', tieReading: '6.2.tie' },
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
  citation: clauseOf(6, 2),
  name: named('获得市级应用场景建设项目补贴', 'Beijing scenario subsidy'),
  clause: CLAUSE_6_2,
  summary: {
    zh: '获得市级应用场景建设项目补贴的场景建设方，按不超过市级补贴资金的30%给予最高100万元支持；与应用场景建设项目支持择一。',
    en: '30% of a Beijing scenario subsidy, up to 1,000,000; an alternative to the scenario-project support',
  },
  review: false,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject', shared: ['6.2a', '6.2b'] },
  alternativeGroup: { id: '6.2', tieReading: '6.2.tie' },
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
  citation: clauseOf(6, 2),
  name: named('行业应用标杆案例', 'benchmark case'),
  clause: CLAUSE_6_2,
  summary: {
    zh: '国家和市级部门评定为行业应用标杆案例的大模型研发企业，一次性给予最高30万元支持。',
    en: 'LLM developer whose case is rated a national or Beijing benchmark case: up to 300,000 once',
  },
  review: true,
  perSubject: false,
  scope: { kind: 'one-time', per: 'enterprise' },
  rule: { kind: 'maximum', amount: '6.2c.amount' },
  candidates: (r) => {
    const cases = r.facts?.benchmarkCases ?? [];
    return cases.length === 0 ? [] : [{ subject: null, events: events(cases) }];
  },
};

/** 第六条(3): entering the Beijing first-set (首台套) catalogue, once per enterprise; a catalogue date, when given, must be in force and in Y. */
export const measure6_3a: FengtaiMeasure = {
  id: '6.3a',
  article: 6,
  citation: clauseOf(6, 3),
  name: named('入选北京市首台（套）重大技术装备目录', 'Beijing first-set catalogue'),
  clause: CLAUSE_6_3,
  summary: {
    zh: '入选北京市首台（套）重大技术装备目录的企业，一次性给予最高30万元支持。',
    en: 'entering the Beijing first-set major equipment catalogue: up to 300,000 once',
  },
  review: true,
  perSubject: false,
  scope: { kind: 'one-time', per: 'enterprise' },
  rule: { kind: 'maximum', amount: '6.3a.amount' },
  candidates: (r) => {
    const products = (r.facts?.firstSetProducts ?? []).filter((p) => p.inBeijingCatalogue !== undefined);
    if (products.length === 0) return [];
    const listed = products.filter((p) => p.inBeijingCatalogue === true);
    if (listed.length === 0) {
      return [
        {
          subject: null,
          unmet: [{ zh: '没有产品入选北京市首台（套）重大技术装备目录', en: 'no product is in the Beijing first-set catalogue' }],
        },
      ];
    }
    // A product listed without a date is taken as listed in Y; with dates only, one must be in Y.
    const dated = listed.filter((p) => p.catalogueDate !== undefined);
    if (dated.length < listed.length) return [{ subject: null }];
    return [{ subject: null, events: dated.map((p) => ({ id: p.id, date: p.catalogueDate as string })) }];
  },
};

/** 第六条(3): 30% of a Beijing first-set subsidy, once per product. */
export const measure6_3b: FengtaiMeasure = {
  id: '6.3b',
  article: 6,
  citation: clauseOf(6, 3),
  name: named('获得市级首台（套）项目补贴', 'Beijing first-set subsidy'),
  clause: CLAUSE_6_3,
  summary: {
    zh: '获得市级首台（套）项目补贴的企业，按不超过市级补贴资金的30%给予最高100万元支持，工业智能项目最高200万元。',
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
  citation: clauseOf(6, 4),
  name: named('牵头制定标准', 'standards'),
  clause: '对牵头制定并按规定发布人工智能领域国际、国家、行业标准的企业，分别给予最高30万元、20万元、10万元支持。',
  summary: {
    zh: '牵头制定并按规定发布人工智能领域国际、国家、行业标准的企业，分别给予最高30万元、20万元、10万元支持。',
    en: 'lead author of a published international / national / industry standard: up to 300,000 / 200,000 / 100,000',
  },
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: {
    kind: 'maximum',
    amount: { international: '6.4.amount.international', national: '6.4.amount.national', industry: '6.4.amount.industry' },
  },
  variantLabels: STANDARD_LEVEL,
  candidates: (r) =>
    (r.facts?.standards ?? []).map((s) => ({
      subject: s.id,
      events: events([s]),
      variant: s.level,
      variantLabel: STANDARD_LEVEL[s.level],
    })),
};
