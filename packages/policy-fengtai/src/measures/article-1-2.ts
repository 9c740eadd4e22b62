import { clauseOf, enterpriseVariant, events, type FengtaiMeasure, isAiPartner, named, objectVariant } from './common.js';

/** 第一条: compute for LLM R&D and training, partner-program enterprises. */
export const measure1: FengtaiMeasure = {
  id: '1',
  article: 1,
  citation: clauseOf(1),
  name: named('智能算力支持', 'compute subsidy'),
  clause:
    '加大人工智能算力供给支持人工智能伙伴计划企业使用智能算力开展大模型研发和训练，按照购买或租用算力实际投入的20%给予最高200万元支持，连续支持不超过2年；工业智能企业支持比例、资金和时间上限提高至30%、300万元、3年。',
  summary: {
    zh: '人工智能伙伴计划企业使用智能算力开展大模型研发和训练的，按购买或租用算力实际投入的20%给予最高200万元支持，连续支持不超过2年；工业智能企业为30%、最高300万元、不超过3年。',
    en: '20% of compute spend for partner-program enterprises, up to 2,000,000, for at most 2 consecutive years; industrial AI enterprises 30%, 3,000,000, 3 years',
  },
  review: false,
  perSubject: false,
  scope: {
    kind: 'consecutive',
    per: 'enterprise',
    years: { default: '1.years', industrial: '1.years.industrial' },
    capPerYear: '1.cap-per-year',
    yearsReading: '1.years-follow-first-year',
  },
  rule: {
    kind: 'percent',
    rate: { default: '1.rate', industrial: '1.rate.industrial' },
    cap: { default: '1.cap', industrial: '1.cap.industrial' },
  },
  requires: [isAiPartner],
  candidates: (r) => {
    const base = r.facts?.computeSpend;
    if (base === undefined) return [];
    return [{ subject: null, base, baseLabel: { zh: '算力实际投入', en: 'compute spend' }, ...enterpriseVariant(r) }];
  },
};

const INDUSTRIAL_MODEL = { zh: '工业大模型', en: 'industrial large model' };

/** 第二条(1): once per model that passed the national generative-AI filing (per model: a reading). */
export const measure2_1: FengtaiMeasure = {
  id: '2.1',
  article: 2,
  citation: clauseOf(2, 1),
  name: named('大模型合规备案', 'model filing'),
  clause: '支持大模型合规备案对通过国家生成式人工智能备案的大模型，一次性给予研发企业最高50万元支持；工业大模型最高支持60万元。',
  summary: {
    zh: '通过国家生成式人工智能备案的大模型，一次性给予研发企业最高50万元支持；工业大模型最高60万元。',
    en: 'each model that passed the national generative-AI filing: up to 500,000 once; industrial model up to 600,000',
  },
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject', perSubjectReading: '2.1.per-model' },
  rule: { kind: 'maximum', amount: { default: '2.1.amount', industrial: '2.1.amount.industrial' } },
  candidates: (r) =>
    (r.facts?.modelFilings ?? []).map((m) => ({
      subject: m.id,
      events: events([m]),
      ...objectVariant(m.industrial, INDUSTRIAL_MODEL),
    })),
};

/** 第二条(2): 30% of general-LLM purchases for vertical models, services, agents. */
export const measure2_2: FengtaiMeasure = {
  id: '2.2',
  article: 2,
  citation: clauseOf(2, 2),
  name: named('垂类大模型研发', 'vertical models'),
  clause:
    '鼓励垂类大模型研发，对购买通用大模型开展垂类大模型研发、模型服务、智能体开发应用的企业，经评审认定，按照不超过年度购买服务实际投入的30%给予最高20万元支持，连续支持不超过2年。',
  summary: {
    zh: '购买通用大模型开展垂类大模型研发、模型服务、智能体开发应用的，经评审认定，按不超过年度购买服务实际投入的30%给予最高20万元支持，连续支持不超过2年。',
    en: "30% of the year's general-LLM purchases for vertical models or agents, up to 200,000, at most 2 consecutive years, after review",
  },
  review: true,
  perSubject: false,
  scope: { kind: 'consecutive', per: 'enterprise', years: '2.2.years', capPerYear: '2.2.cap-per-year' },
  rule: { kind: 'percent', rate: '2.2.rate', cap: '2.2.cap' },
  candidates: (r) => {
    const base = r.facts?.generalModelPurchase;
    return base === undefined
      ? []
      : [{ subject: null, base, baseLabel: { zh: '年度购买通用大模型服务实际投入', en: 'general-LLM purchases' } }];
  },
};
