import { compareFractions, type Fen, formatFen, formatRate } from '@ftai/engine';
import type { FengtaiRequest } from '../request/request-schema.js';
import { type Candidate, citation, enterpriseVariant, events, type FengtaiMeasure, type Localized, lazyText } from './common.js';

const REVENUE: Localized = { zh: '主营业务收入', en: 'revenue' };

/** 第五条(1): revenue first reaching a tier, or first above designated size (首次达规). */
export const measure5_1: FengtaiMeasure = {
  id: '5.1',
  article: 5,
  citation: citation('第五条(1)', 'Article 5(1)'),
  clause:
    '支持人工智能企业发展壮大,对主营业务收入首次达到10亿元、5亿元、1亿元、5000万元和首次达规的企业,分别一次性给予最高100万元、50万元、30万元、20万元、10万元支持;工业智能企业每档支持资金提高10万元。',
  summary: {
    zh: '营收首次达到10亿、5亿、1亿、5000万元或首次达规,一次性100万、50万、30万、20万、10万元;工业智能企业每档加10万元',
    en: 'revenue first reaching 1e9 / 5e8 / 1e8 / 5e7 or first above designated size: 1,000,000 / 500,000 / 300,000 / 200,000 / 100,000 once; industrial AI enterprises +100,000',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'per-year' },
  rule: { kind: 'tiers', tiers: '5.1.tiers', bonus: { industrial: '5.1.bonus.industrial' }, firstReached: true },
  candidates: (r) => {
    const f = r.facts;
    if (f?.revenue === undefined && f?.firstAboveDesignatedSize !== true) return [];
    const prior = f.priorMaxRevenue ?? f.previousRevenue ?? (0 as Fen);
    const c: Candidate = {
      subject: null,
      value: f.revenue ?? (0 as Fen),
      previous: prior,
      valueLabel: REVENUE,
      flags: f.firstAboveDesignatedSize === true ? ['above-designated-size'] : [],
      notes: [
        lazyText(() => ({
          zh: `此前年度最高收入 ${formatFen(prior)} 元${f.priorMaxRevenue === undefined ? '(未填,按上年收入或 0 计)' : ''}`,
          en: `highest revenue of any year before: ${formatFen(prior)}${f.priorMaxRevenue === undefined ? ' (not given: the year before, or 0)' : ''}`,
        })),
      ],
      ...enterpriseVariant(r),
    };
    return [c];
  },
};

/** 第五条(2): revenue growth tiers, when the growth rate beats the industry average. */
export const measure5_2: FengtaiMeasure = {
  id: '5.2',
  article: 5,
  citation: citation('第五条(2)', 'Article 5(2)'),
  clause:
    '支持人工智能企业培优育强,主营业务收入同比增量达到5亿元、3亿元、1亿元、5000万元,且增幅高于所在行业平均水平的企业,分别给予最高200万元、150万元、100万元、50万元支持;工业智能企业每档支持资金提高10万元。',
  summary: {
    zh: '营收同比增量达到5亿、3亿、1亿、5000万元且增幅高于行业平均,200万、150万、100万、50万元;工业智能企业每档加10万元',
    en: 'revenue up by 5e8 / 3e8 / 1e8 / 5e7 with growth above the industry average: 2,000,000 / 1,500,000 / 1,000,000 / 500,000; industrial AI enterprises +100,000',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'per-year' },
  rule: { kind: 'tiers', tiers: '5.2.tiers', bonus: { industrial: '5.2.bonus.industrial' } },
  candidates: (r) => growthCandidate(r),
};

function growthCandidate(r: FengtaiRequest): Candidate[] {
  const f = r.facts;
  const revenue = f?.revenue;
  if (revenue === undefined) return [];
  const prev = f?.previousRevenue ?? (0 as Fen);
  const growth = (revenue > prev ? revenue - prev : 0) as Fen;
  const notes: Localized[] = [
    lazyText(() => ({
      zh: `同比增量 = ${formatFen(revenue)} − ${formatFen(prev)}${f?.previousRevenue === undefined ? '(未填上年收入,按 0 计)' : ''}`,
      en: `growth = ${formatFen(revenue)} − ${formatFen(prev)}${f?.previousRevenue === undefined ? ' (the year before not given: 0)' : ''}`,
    })),
  ];
  const unmet: Localized[] = [];
  const avg = f?.industryAverageGrowthRate;
  if (prev === 0) {
    notes.push({
      zh: '上年收入为 0,增幅视为高于行业平均',
      en: 'revenue the year before is 0: growth counts as above the industry average',
    });
  } else if (avg === undefined) {
    unmet.push({ zh: '未填行业平均增幅,无法比较', en: 'industryAverageGrowthRate is not given, so growth cannot be compared' });
  } else if (compareFractions(revenue - prev, prev, avg.num, avg.den) <= 0) {
    unmet.push({
      zh: `增幅未高于行业平均 ${formatRate(avg)}`,
      en: `growth rate is not above the industry average ${formatRate(avg)}`,
    });
  } else {
    notes.push(
      lazyText(() => ({ zh: `增幅高于行业平均 ${formatRate(avg)}`, en: `growth rate is above the industry average ${formatRate(avg)}` })),
    );
  }
  return [
    { subject: null, value: growth, valueLabel: { zh: '营收同比增量', en: 'revenue growth' }, notes, unmet, ...enterpriseVariant(r) },
  ];
}

const RENEWAL: Localized = { zh: '复审(重新认定)不属于首次认定', en: 'a renewal is not a first recognition' };

function firstRecognition(r: FengtaiRequest, types: readonly string[]): Candidate[] {
  const items = (r.facts?.recognitions ?? []).filter((x) => types.includes(x.type));
  if (items.length === 0) return [];
  const first = items.filter((x) => x.renewal !== true);
  if (first.length === 0) return [{ subject: null, unmet: [RENEWAL] }];
  return [{ subject: null, events: events(first) }];
}

/** 第五条(3): first national "little giant" (专精特新小巨人), once per enterprise. */
export const measure5_3a: FengtaiMeasure = {
  id: '5.3a',
  article: 5,
  citation: citation('第五条(3)', 'Article 5(3)'),
  clause:
    '支持人工智能企业专精特新发展,对首次认定的国家专精特新“小巨人”企业、国家高新技术企业(或北京市专精特新中小企业),分别一次性给予最高50万元、30万元支持。',
  summary: { zh: '首次认定国家专精特新“小巨人”,一次性50万元', en: 'first recognised as a national "little giant": 500,000 once' },
  review: false,
  perSubject: false,
  scope: { kind: 'one-time', per: 'enterprise' },
  rule: { kind: 'fixed', amount: '5.3a.amount' },
  candidates: (r) => firstRecognition(r, ['little-giant']),
};

/** 第五条(3): first national high-tech enterprise or Beijing SRDI SME, the two together once. */
export const measure5_3b: FengtaiMeasure = {
  id: '5.3b',
  article: 5,
  citation: citation('第五条(3)', 'Article 5(3)'),
  clause: measure5_3a.clause,
  summary: {
    zh: '首次认定国家高新技术企业或北京市专精特新中小企业,两者合计一次性30万元',
    en: 'first recognised as a national high-tech enterprise or Beijing SRDI SME: 300,000 once for the two together',
  },
  review: false,
  perSubject: false,
  scope: { kind: 'one-time', per: 'enterprise' },
  rule: { kind: 'fixed', amount: '5.3b.amount' },
  candidates: (r) => firstRecognition(r, ['high-tech', 'beijing-srdi-sme']),
};

/** 第五条(4): rent-free space for start-ups, in kind. */
export const measure5_4: FengtaiMeasure = {
  id: '5.4',
  article: 5,
  citation: citation('第五条(4)', 'Article 5(4)'),
  clause: '支持人工智能初创企业培育,根据企业技术创新能力、发展潜力等,给予最高300平方米“零租金”空间支持,连续支持不超过3年。',
  summary: {
    zh: '初创企业最高300平方米“零租金”空间,连续不超过3年,经评审',
    en: 'start-ups: up to 300 m² rent-free space for up to 3 years, after review',
  },
  review: true,
  perSubject: false,
  scope: { kind: 'none' },
  rule: {
    kind: 'in-kind',
    note: {
      zh: '实物支持:最高300平方米“零租金”空间,连续不超过3年,不计入金额',
      en: 'in kind: up to 300 m² of rent-free space for up to 3 years; no money',
    },
  },
  candidates: (r) => (r.enterprise.startup === true ? [{ subject: null }] : []),
};
