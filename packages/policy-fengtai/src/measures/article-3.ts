import { clauseOf, events, type FengtaiMeasure, named, objectVariant } from './common.js';

/** 第三条(1): first opening of a high-quality dataset or corpus, once per enterprise. */
export const measure3_1: FengtaiMeasure = {
  id: '3.1',
  article: 3,
  citation: clauseOf(3, 1),
  name: named('首次开放高质量数据集、语料库', 'open datasets'),
  clause:
    '鼓励数据采集、清洗、标注、评估等服务高端化发展，支持高质量人工智能语料库和行业数据集建设，对自主建设并首次开放高质量数据集、语料库的单位，经评审认定，一次性给予最高50万元支持。',
  summary: {
    zh: '自主建设并首次开放高质量数据集、语料库的，经评审认定，一次性给予最高50万元支持。',
    en: 'first opening of a self-built high-quality dataset or corpus: up to 500,000 once, after review',
  },
  review: true,
  perSubject: false,
  scope: { kind: 'one-time', per: 'enterprise' },
  rule: { kind: 'maximum', amount: '3.1.amount' },
  candidates: (r) => {
    const sets = r.facts?.openDatasets ?? [];
    return sets.length === 0 ? [] : [{ subject: null, events: events(sets) }];
  },
};

/** 第三条(2): 30% of data-asset registration fees (each year: a reading). */
export const measure3_2: FengtaiMeasure = {
  id: '3.2',
  article: 3,
  citation: clauseOf(3, 2),
  name: named('数据（数字）资产登记', 'data-asset registration'),
  clause: '鼓励企业开展数据（数字）资产登记，按照不超过登记费用的30%给予最高10万元支持。',
  summary: {
    zh: '开展数据（数字）资产登记的，按不超过登记费用的30%给予最高10万元支持。',
    en: '30% of data-asset registration fees, up to 100,000',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'per-year', reading: '3.2.per-year' },
  rule: { kind: 'percent', rate: '3.2.rate', cap: '3.2.cap' },
  candidates: (r) => {
    const base = r.facts?.dataAssetRegistrationFees;
    return base === undefined ? [] : [{ subject: null, base, baseLabel: { zh: '登记费用', en: 'registration fees' } }];
  },
};

/** 第三条(3): 5% of data-product trades, to the data supplier (each year: a reading). */
export const measure3_3: FengtaiMeasure = {
  id: '3.3',
  article: 3,
  citation: clauseOf(3, 3),
  name: named('数据（数字）产品交易', 'data-product trades'),
  clause: '鼓励企业开展数据（数字）产品交易，按照不超过实际交易额的5%给予数据供给方最高100万元支持。',
  summary: {
    zh: '开展数据（数字）产品交易的，按不超过实际交易额的5%给予数据供给方最高100万元支持。',
    en: '5% of data-product trades, up to 1,000,000',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'per-year', reading: '3.3.per-year' },
  rule: { kind: 'percent', rate: '3.3.rate', cap: '3.3.cap' },
  candidates: (r) => {
    const base = r.facts?.dataProductSales;
    return base === undefined ? [] : [{ subject: null, base, baseLabel: { zh: '实际交易额', en: 'trade amount' } }];
  },
};

/** 第三条(4): trusted data spaces, once per space. */
export const measure3_4: FengtaiMeasure = {
  id: '3.4',
  article: 3,
  citation: clauseOf(3, 4),
  name: named('可信数据空间', 'trusted data space'),
  clause:
    '支持企业建设用于大模型训练和产品开发的可信数据空间，根据对外服务效果，按照不超过建设投入的20%给予建设方最高100万元支持；工业可信数据空间支持比例、资金上限提高至30%、200万元。',
  summary: {
    zh: '建设可信数据空间的，根据对外服务效果，按不超过建设投入的20%给予建设方最高100万元支持；工业可信数据空间为30%、最高200万元。',
    en: "20% of a trusted data space's construction, up to 1,000,000; industrial space 30%, 2,000,000; after review",
  },
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: {
    kind: 'percent',
    rate: { default: '3.4.rate', industrial: '3.4.rate.industrial' },
    cap: { default: '3.4.cap', industrial: '3.4.cap.industrial' },
  },
  candidates: (r) =>
    (r.facts?.trustedDataSpaces ?? []).map((s) => ({
      subject: s.id,
      base: s.investment,
      baseLabel: { zh: '建设投入', en: 'construction investment' },
      ...objectVariant(s.industrial, { zh: '工业可信数据空间', en: 'industrial trusted data space' }),
    })),
};
