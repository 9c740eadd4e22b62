import { clauseOf, events, type FengtaiMeasure, isAiPartner, named } from './common.js';

const CLAUSE_9_1 =
  '加强股权投资支持，鼓励社会资本参与设立区级人工智能产业投资基金，加大人工智能企业投资力度；建立优秀人工智能企业储备库，推荐申报北京市政府产业投资基金；加强人工智能企业上市培育，支持企业在北交所等上市融资。';
const CLAUSE_9_2 = '扩大企业融资渠道，鼓励金融机构推出科技创新债、科技研发贷、知识产权质押贷等创新产品。';

/** Services open to every AI enterprise in Fengtai: always listed, status `service`. */
const always = () => [{ subject: null }];

/** 第九条(1): equity-investment services (fund, reserve list, listing). */
export const measure9_1: FengtaiMeasure = {
  id: '9.1',
  article: 9,
  citation: clauseOf(9, 1),
  name: named('股权投资支持', 'equity investment services'),
  clause: CLAUSE_9_1,
  summary: {
    zh: '区级人工智能产业投资基金、优秀人工智能企业储备库、上市培育等服务。',
    en: 'services: district industry fund, reserve list of strong AI enterprises, listing support',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'none' },
  rule: {
    kind: 'service',
    note: {
      zh: '服务事项：区级产业投资基金、优秀企业储备库推荐、上市培育，不涉及资金',
      en: 'a service (industry fund, reserve-list referral, listing support), not money',
    },
  },
  candidates: always,
};

/** 第九条(2): financing channels (bonds, R&D loans, IP-pledge loans). */
export const measure9_2: FengtaiMeasure = {
  id: '9.2',
  article: 9,
  citation: clauseOf(9, 2),
  name: named('拓宽融资渠道', 'financing channels'),
  clause: CLAUSE_9_2,
  summary: {
    zh: '鼓励金融机构推出科技创新债、科技研发贷、知识产权质押贷等创新产品。',
    en: 'services: technology bonds, R&D loans, IP-pledge loans',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'none' },
  rule: {
    kind: 'service',
    note: { zh: '服务事项：科技创新债、科技研发贷、知识产权质押贷等融资渠道，不涉及资金', en: 'a service (financing channels), not money' },
  },
  candidates: always,
};

/** 第九条(3): 2% of a venture fund's actual investment in AI enterprises, to its manager. */
export const measure9_3: FengtaiMeasure = {
  id: '9.3',
  article: 9,
  citation: clauseOf(9, 3),
  name: named('创投基金投资人工智能企业', 'venture fund'),
  clause: '鼓励创投基金投资人工智能企业，按照不超过基金实际出资额的2%给予基金管理人最高100万元支持。',
  summary: {
    zh: '创投基金投资人工智能企业的，按不超过基金实际出资额的2%给予基金管理人最高100万元支持。',
    en: "2% of a venture fund's actual investment in AI enterprises, up to 1,000,000",
  },
  review: false,
  perSubject: false,
  scope: { kind: 'per-year', reading: '9.3.per-year' },
  rule: { kind: 'percent', rate: '9.3.rate', cap: '9.3.cap' },
  candidates: (r) => {
    const f = r.facts?.ventureFund;
    return f === undefined
      ? []
      : [{ subject: null, base: f.aiInvestment, baseLabel: { zh: '基金实际出资额', en: 'fund investment in AI enterprises' } }];
  },
};

/** 第十条(1): referral to the 丰泽计划 talent programme. */
export const measure10_1: FengtaiMeasure = {
  id: '10.1',
  article: 10,
  citation: clauseOf(10, 1),
  name: named('人才引培', 'talent'),
  clause:
    '实施人工智能创新创业人才引培计划，鼓励人工智能学子“回家”创业，支持申报“丰泽计划”，对经评审认定的人工智能人才，享受相关资金奖励和服务保障。',
  summary: {
    zh: '支持人工智能人才申报“丰泽计划”，经评审认定的享受相关资金奖励和服务保障。',
    en: 'AI talent: referral to the 丰泽计划 talent programme',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'none' },
  rule: {
    kind: 'service',
    note: {
      zh: '服务事项：支持申报“丰泽计划”，资金奖励按该计划执行',
      en: 'a service: talent applies to the 丰泽计划 programme, whose own rules pay awards',
    },
  },
  candidates: always,
};

/** 第十条(2): industry–education bases, up to 200,000 a year for 2 consecutive years. */
export const measure10_2: FengtaiMeasure = {
  id: '10.2',
  article: 10,
  citation: clauseOf(10, 2),
  name: named('产教融合基地', 'industry–education base'),
  clause:
    '支持开展产教融合，对符合条件的人工智能产教融合基地，根据每年承接学生实习和就业的人数、成效等，每年给予基地建设方最高20万元支持，连续支持不超过2年。',
  summary: {
    zh: '符合条件的人工智能产教融合基地，根据每年承接学生实习和就业的人数、成效等，每年给予基地建设方最高20万元支持，连续支持不超过2年。',
    en: 'industry–education base: up to 200,000 a year by interns and hires, 2 consecutive years at most, after review',
  },
  review: true,
  perSubject: false,
  scope: { kind: 'consecutive', per: 'enterprise', years: '10.2.years' },
  rule: { kind: 'maximum', amount: '10.2.amount' },
  candidates: (r) => {
    const b = r.facts?.industryEducationBase;
    if (!b) return [];
    const notes = [{ zh: `承接学生实习${b.interns}人、就业${b.hires}人`, en: `${b.interns} interns, ${b.hires} hires` }];
    return b.interns + b.hires === 0
      ? [{ subject: null, unmet: [{ zh: '本年度未承接学生实习或就业', en: 'no interns and no hires this year' }] }]
      : [{ subject: null, notes }];
  },
};

/** 第十条(3): service package and a service manager for partner-program enterprises. */
export const measure10_3: FengtaiMeasure = {
  id: '10.3',
  article: 10,
  citation: clauseOf(10, 3),
  name: named('区级“服务包”', 'service package'),
  clause: '支持符合条件的人工智能伙伴计划企业纳入区级“服务包”，给予“服务管家”保障。',
  summary: {
    zh: '符合条件的人工智能伙伴计划企业纳入区级“服务包”，给予“服务管家”保障。',
    en: 'partner-program enterprises: district service package and a service manager',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'none' },
  rule: {
    kind: 'service',
    note: { zh: '服务事项：纳入区级“服务包”，给予“服务管家”保障', en: 'a service: district service package and service manager' },
  },
  requires: [isAiPartner],
  candidates: (r) => (r.enterprise.aiPartnerProgram === true ? [{ subject: null }] : []),
};

/** 第十条(4): organisers of major contests, conferences, forums, trainings; once per event. */
export const measure10_4: FengtaiMeasure = {
  id: '10.4',
  article: 10,
  citation: clauseOf(10, 4),
  name: named('举办重点活动', 'events'),
  clause:
    '扩大人工智能科技创新和产业创新交流合作，对举办重点创新创业大赛、产业大会、行业论坛、人才培训等活动的主办方，按照活动效果给予最高50万元支持。',
  summary: {
    zh: '举办重点创新创业大赛、产业大会、行业论坛、人才培训等活动的主办方，按活动效果给予最高50万元支持。',
    en: 'organisers of major contests, conferences, forums, training: up to 500,000 per event by effect, after review',
  },
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'maximum', amount: '10.4.amount' },
  candidates: (r) => (r.facts?.events ?? []).map((e) => ({ subject: e.id, events: events([e]) })),
};
