import type { Fen } from '@ftai/engine';
import { formatFen } from '@ftai/engine';
import { type Candidate, clauseOf, type FengtaiMeasure, lazyText, missingFact, named } from './common.js';

/** 第四条(1): district matching for the Beijing NSF Fengtai joint fund; the text sets no figure. */
export const measure4_1: FengtaiMeasure = {
  id: '4.1',
  article: 4,
  citation: clauseOf(4, 1),
  name: named('北京市自然科学基金丰台联合基金配套', 'joint fund matching'),
  clause:
    '鼓励企业联合高校、科研机构开展人工智能产学研协同攻关和成果转化，对出资参与北京市自然科学基金丰台联合基金的企业，区级给予资金配套。',
  summary: {
    zh: '出资参与北京市自然科学基金丰台联合基金的，区级给予资金配套（原文未规定比例或金额）。',
    en: 'district matching for contributions to the Beijing NSF Fengtai joint fund (the text sets no figure)',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'per-year' },
  rule: {
    kind: 'pending',
    note: {
      zh: '区级配套资金，原文未规定比例或金额，以年度申报指南为准',
      en: "district matching: the text sets no rate or amount; the year's call guide sets it",
    },
  },
  candidates: (r) => {
    const c = r.facts?.jointFundContribution;
    if (c === undefined) return [];
    return [
      c === 0
        ? { subject: null, unmet: [{ zh: '未出资参与北京市自然科学基金丰台联合基金', en: 'no contribution to the joint fund' }] }
        : { subject: null },
    ];
  },
};

/** 第四条(2): "揭榜挂帅" challenge projects, once per project. */
export const measure4_2: FengtaiMeasure = {
  id: '4.2',
  article: 4,
  citation: clauseOf(4, 2),
  name: named('“揭榜挂帅”攻关项目', 'challenge projects'),
  clause:
    '支持开展人工智能“揭榜挂帅”技术攻关，对符合条件的相关机器人、智能硬件、高端装备、核心部件、仿真软件、控制系统等攻关项目，按照不超过项目总投入的30%给予最高200万元支持。',
  summary: {
    zh: '人工智能“揭榜挂帅”攻关项目，按不超过项目总投入的30%给予最高200万元支持。',
    en: '30% of a "揭榜挂帅" challenge project\'s total investment, up to 2,000,000, after review',
  },
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'percent', rate: '4.2.rate', cap: '4.2.cap' },
  candidates: (r) =>
    (r.facts?.challengeProjects ?? []).map((p) => ({
      subject: p.id,
      base: p.totalInvestment,
      baseLabel: { zh: '项目总投入', en: 'total project investment' },
    })),
};

const NO_PREVIOUS_RD = [missingFact('facts.previousRdSpend', '上年度研发费用', "last year's R&D spend")];

/** 第四条(3): R&D spend up by at least 1,000,000, in bands of one year's increase (assumed: 4.3.tiers). */
export const measure4_3: FengtaiMeasure = {
  id: '4.3',
  article: 4,
  citation: clauseOf(4, 3),
  name: named('研发费用增量', 'R&D increase'),
  clause: '鼓励企业加大人工智能研发投入，对年度研发费用较上年增长超过100万元（含）的企业，按照增量部分分档一次性给予最高50万元支持。',
  summary: {
    zh: '年度研发费用较上年增长100万元（含）以上的，按增量部分分档一次性给予最高50万元支持。',
    en: 'R&D spend up by 1,000,000 or more over the year before: up to 500,000 once, by bands of the increase',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'one-time', per: 'enterprise' },
  rule: { kind: 'tiers', tiers: '4.3.tiers' },
  candidates: (r) => {
    const rd = r.facts?.rdSpend;
    if (rd === undefined) return [];
    const prev = r.facts?.previousRdSpend;
    if (prev === undefined) {
      return [{ subject: null, missing: NO_PREVIOUS_RD }];
    }
    const up = rd >= prev;
    const diff = (up ? rd - prev : prev - rd) as Fen;
    const c: Candidate = {
      subject: null,
      value: (up ? diff : 0) as Fen,
      valueLabel: { zh: '研发费用增量', en: 'R&D increase' },
      notes: [
        lazyText(() => ({
          zh: `本年度研发费用${formatFen(rd)}元－上年度研发费用${formatFen(prev)}元＝${up ? '增量' : '减少'}${formatFen(diff)}元`,
          en: `R&D spend ${formatFen(rd)} − ${formatFen(prev)} the year before = ${up ? 'an increase of' : 'a decrease of'} ${formatFen(diff)}`,
        })),
      ],
    };
    return [c];
  },
};

/** 第四条(4): matching for national (20%) and Beijing (10%) key projects, once per project. */
export const measure4_4: FengtaiMeasure = {
  id: '4.4',
  article: 4,
  citation: clauseOf(4, 4),
  name: named('国家、北京市重点项目配套', 'key projects'),
  clause:
    '对承担国家、北京市人工智能领域重点课题、成果转化和产业化项目的企业，分别按照不超过国家、北京市支持资金的20%、10%，给予最高200万元区级资金配套。',
  summary: {
    zh: '承担国家、北京市人工智能领域重点课题、成果转化和产业化项目的，分别按不超过国家、北京市支持资金的20%、10%给予最高200万元区级资金配套。',
    en: 'matching of 20% of national or 10% of Beijing funding for key projects, up to 2,000,000',
  },
  review: false,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'percent', rate: { national: '4.4.rate.national', municipal: '4.4.rate.municipal' }, cap: '4.4.cap' },
  candidates: (r) =>
    (r.facts?.keyProjects ?? []).map((p) => ({
      subject: p.id,
      base: p.funding,
      baseLabel: p.level === 'national' ? { zh: '国家支持资金', en: 'national funding' } : { zh: '北京市支持资金', en: 'Beijing funding' },
      variant: p.level,
      variantLabel: p.level === 'national' ? { zh: '国家级项目', en: 'national project' } : { zh: '北京市级项目', en: 'Beijing project' },
    })),
};
