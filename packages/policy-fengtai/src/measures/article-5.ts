import { compareFractions, type Fen, formatFen, type ParametersAt, type Rate } from '@ftai/engine';
import type { FengtaiRequest } from '../request/request-schema.js';
import {
  type Candidate,
  clauseOf,
  enterpriseVariant,
  events,
  type FengtaiMeasure,
  INDUSTRIAL_ENTERPRISE,
  type Localised,
  lazyText,
  missingFact,
  named,
} from './common.js';

const CLAUSE_5_3 =
  '支持人工智能企业专精特新发展，对首次认定的国家专精特新“小巨人”企业、国家高新技术企业（或北京市专精特新中小企业），分别一次性给予最高50万元、30万元支持。';

const NO_PRIOR_REVENUE = [
  missingFact('facts.priorMaxRevenue', '以往年度最高主营业务收入', 'highest revenue of any earlier year'),
  missingFact('facts.previousRevenue', '上年度主营业务收入', "last year's revenue"),
];
const NO_PREVIOUS_REVENUE = [missingFact('facts.previousRevenue', '上年度主营业务收入', "last year's revenue")];
const NO_INDUSTRY_AVERAGE = [missingFact('facts.industryAverageGrowthRate', '所在行业平均增幅', 'industry average growth rate')];
const PRIOR_MAX_LABEL: Localised = { zh: '此前年度最高主营业务收入', en: 'highest revenue of any year before' };
const PREVIOUS_LABEL: Localised = { zh: '上年度主营业务收入', en: 'revenue the year before' };
const REVENUE_LABEL: Localised = { zh: '本年度主营业务收入', en: 'revenue' };

/** 第五条(1): main-business revenue first reaching a tier, or first above designated size (首次达规); each tier once. */
export const measure5_1: FengtaiMeasure = {
  id: '5.1',
  article: 5,
  citation: clauseOf(5, 1),
  name: named('主营业务收入首次达到规模', 'revenue milestones'),
  clause:
    '支持人工智能企业发展壮大，对主营业务收入首次达到10亿元、5亿元、1亿元、5000万元和首次达规的企业，分别一次性给予最高100万元、50万元、30万元、20万元、10万元支持；工业智能企业每档支持资金提高10万元。',
  summary: {
    zh: '主营业务收入首次达到10亿元、5亿元、1亿元、5000万元和首次达规的，分别一次性给予最高100万元、50万元、30万元、20万元、10万元支持；工业智能企业每档提高10万元。',
    en: 'main-business revenue first reaching 1e9 / 5e8 / 1e8 / 5e7, or first above designated size: up to 1,000,000 / 500,000 / 300,000 / 200,000 / 100,000, each tier once; industrial AI enterprises +100,000',
  },
  review: true,
  perSubject: false,
  scope: { kind: 'one-time', per: 'tier' },
  rule: {
    kind: 'tiers',
    tiers: '5.1.tiers',
    bonus: { industrial: '5.1.bonus.industrial' },
    milestones: { highestOnly: '5.1.highest-only' },
  },
  candidates: (r) => {
    const f = r.facts;
    const revenue = f?.revenue;
    const flag = f?.firstAboveDesignatedSize === true;
    if (revenue === undefined && !flag) return [];
    const priorMax = f?.priorMaxRevenue;
    const prior = priorMax ?? f?.previousRevenue;
    const previousLabel = priorMax !== undefined ? PRIOR_MAX_LABEL : PREVIOUS_LABEL;
    const c: Candidate = {
      subject: null,
      value: revenue,
      previous: prior,
      valueLabel: REVENUE_LABEL,
      previousLabel,
      previousMissing: NO_PRIOR_REVENUE,
      flags: flag ? ['above-designated-size'] : [],
      notes:
        revenue === undefined || prior === undefined
          ? undefined
          : [
              lazyText(() => ({
                zh: `${previousLabel.zh}${formatFen(prior)}元${priorMax === undefined ? '（未填报以往年度最高主营业务收入，按上年度计）' : ''}`,
                en: `${previousLabel.en}: ${formatFen(prior)}${priorMax === undefined ? ' (the highest of earlier years not given: the year before)' : ''}`,
              })),
            ],
      ...enterpriseVariant(r),
    };
    return [c];
  },
};

/**
 * A fraction as a percentage with at least 2 decimals, truncated, and more (up to 6) where
 * needed to tell it apart from `other` (so "高于15.00%" never reads beside a shown 15.00%).
 */
function percentText(num: bigint, den: bigint, other?: { num: bigint; den: bigint }): string {
  const show = (n: bigint, d: bigint, digits: number) => {
    const negative = n < 0n;
    const scaled = ((negative ? -n : n) * 100n * 10n ** BigInt(digits)) / d;
    const text = scaled.toString().padStart(digits + 1, '0');
    return `${negative ? '-' : ''}${text.slice(0, -digits)}.${text.slice(-digits)}`;
  };
  let digits = 2;
  if (other && num * other.den !== other.num * den) {
    while (digits < 6 && show(num, den, digits) === show(other.num, other.den, digits)) digits++;
  }
  return `${show(num, den, digits)}%`;
}

const GROWTH_LABEL: Localised = { zh: '主营业务收入同比增量', en: 'revenue growth' };

/** 第五条(2): revenue growth bands, when the growth rate is above the industry average. */
export const measure5_2: FengtaiMeasure = {
  id: '5.2',
  article: 5,
  citation: clauseOf(5, 2),
  name: named('主营业务收入增量', 'revenue growth'),
  clause:
    '支持人工智能企业培优育强，主营业务收入同比增量达到5亿元、3亿元、1亿元、5000万元，且增幅高于所在行业平均水平的企业，分别给予最高200万元、150万元、100万元、50万元支持；工业智能企业每档支持资金提高10万元。',
  summary: {
    zh: '主营业务收入同比增量达到5亿元、3亿元、1亿元、5000万元，且增幅高于所在行业平均水平的，分别给予最高200万元、150万元、100万元、50万元支持；工业智能企业每档提高10万元。',
    en: 'revenue up by 5e8 / 3e8 / 1e8 / 5e7 with growth above the industry average: up to 2,000,000 / 1,500,000 / 1,000,000 / 500,000; industrial AI enterprises +100,000',
  },
  review: true,
  perSubject: false,
  scope: { kind: 'per-year' },
  rule: { kind: 'tiers', tiers: '5.2.tiers', bonus: { industrial: '5.2.bonus.industrial' } },
  readings: ['5.2.zero-previous'],
  candidates: (r, params) => growthCandidate(r, params),
};

function growthCandidate(r: FengtaiRequest, params: ParametersAt): Candidate[] {
  const f = r.facts;
  const revenue = f?.revenue;
  if (revenue === undefined) return [];
  const prev = f?.previousRevenue;
  if (prev === undefined) return [{ subject: null, missing: NO_PREVIOUS_REVENUE }];
  const up = revenue >= prev;
  const diff = (up ? revenue - prev : prev - revenue) as Fen;
  const notes: Localised[] = [
    lazyText(() => ({
      zh: `本年度主营业务收入${formatFen(revenue)}元－上年度主营业务收入${formatFen(prev)}元＝${up ? '同比增量' : '同比减少'}${formatFen(diff)}元`,
      en: `revenue ${formatFen(revenue)} − ${formatFen(prev)} the year before = ${up ? 'growth of' : 'a fall of'} ${formatFen(diff)}`,
    })),
  ];
  const industrial = r.enterprise.industrialAI === true;
  // One object literal per outcome (no spreads): this runs for every request that gives a revenue.
  const c = (more: Pick<Candidate, 'unmet' | 'missing' | 'readings'>): Candidate => ({
    subject: null,
    value: (up ? diff : 0) as Fen,
    valueLabel: GROWTH_LABEL,
    notes,
    variant: industrial ? 'industrial' : undefined,
    variantLabel: industrial ? INDUSTRIAL_ENTERPRISE : undefined,
    unmet: more.unmet,
    missing: more.missing,
    readings: more.readings,
  });
  if (prev === 0) {
    // The growth rate has no figure when the year before had none: a reading (5.2.zero-previous).
    if (params.switch('5.2.zero-previous')) return [c({ readings: ZERO_PREVIOUS })];
    return [
      c({ unmet: [{ zh: '上年度主营业务收入为0元，无法计算增幅', en: 'revenue the year before is 0, so there is no growth rate' }] }),
    ];
  }
  const avg = f?.industryAverageGrowthRate;
  if (avg === undefined) {
    // The average decides only when the growth reaches a band.
    return [c({ missing: up && diff >= lowestBand(params) * 100 ? NO_INDUSTRY_AVERAGE : undefined })];
  }
  const change = revenue - prev;
  const above = compareFractions(change, prev, avg.num, avg.den) > 0;
  const note = growthRateNote(change, prev, avg, above);
  notes.push(note);
  return [c({ unmet: above ? undefined : [note] })];
}

const ZERO_PREVIOUS = ['5.2.zero-previous'];

/** The lowest band of 5.2, whole yuan. */
function lowestBand(params: ParametersAt): number {
  let lowest = Number.POSITIVE_INFINITY;
  for (const t of params.tiers('5.2.tiers')) if (t.min !== undefined && t.min < lowest) lowest = t.min;
  return lowest;
}

/** 主营业务收入同比增长25.00%，高于行业平均增速15.00%: both rates, so a reviewer can compare them. */
function growthRateNote(change: number, prev: number, avg: Rate, above: boolean): Localised {
  return lazyText(() => {
    const own = percentText(BigInt(change), BigInt(prev), { num: BigInt(avg.num), den: BigInt(avg.den) });
    const average = percentText(BigInt(avg.num), BigInt(avg.den), { num: BigInt(change), den: BigInt(prev) });
    const verb = change >= 0 ? '增长' : '下降';
    const ownShown = change >= 0 ? own : own.slice(1);
    return {
      zh: `主营业务收入同比${verb}${ownShown}，${above ? '高于' : '未高于'}行业平均增速${average}`,
      en: `revenue ${change >= 0 ? 'grew' : 'fell'} ${ownShown} on the year before, ${above ? 'above' : 'not above'} the industry average of ${average}`,
    };
  });
}

const RENEWAL: Localised = { zh: '复审（重新认定）不属于首次认定', en: 'a renewal is not a first recognition' };

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
  citation: clauseOf(5, 3),
  name: named('首次认定国家专精特新“小巨人”企业', 'first "little giant" recognition'),
  clause: CLAUSE_5_3,
  summary: {
    zh: '首次认定的国家专精特新“小巨人”企业，一次性给予最高50万元支持。',
    en: 'first recognised as a national "little giant": up to 500,000 once',
  },
  review: true,
  perSubject: false,
  scope: { kind: 'one-time', per: 'enterprise' },
  rule: { kind: 'maximum', amount: '5.3a.amount' },
  candidates: (r) => firstRecognition(r, ['little-giant']),
};

/** 第五条(3): first national high-tech enterprise or Beijing SRDI SME, the two together once (a reading). */
export const measure5_3b: FengtaiMeasure = {
  id: '5.3b',
  article: 5,
  citation: clauseOf(5, 3),
  name: named('首次认定国家高新技术企业或北京市专精特新中小企业', 'first high-tech or Beijing SRDI SME recognition'),
  clause: CLAUSE_5_3,
  summary: {
    zh: '首次认定的国家高新技术企业（或北京市专精特新中小企业），一次性给予最高30万元支持。',
    en: 'first recognised as a national high-tech enterprise or Beijing SRDI SME: up to 300,000 once for the two together',
  },
  review: true,
  perSubject: false,
  scope: { kind: 'one-time', per: 'enterprise', readings: ['5.3b.together'] },
  rule: { kind: 'maximum', amount: '5.3b.amount' },
  candidates: (r) => firstRecognition(r, ['high-tech', 'beijing-srdi-sme']),
};

/** 第五条(4): rent-free space for start-ups, in kind, for at most 3 consecutive years. */
export const measure5_4: FengtaiMeasure = {
  id: '5.4',
  article: 5,
  citation: clauseOf(5, 4),
  name: named('初创企业“零租金”空间', 'start-up space'),
  clause: '支持人工智能初创企业培育，根据企业技术创新能力、发展潜力等，给予最高300平方米“零租金”空间支持，连续支持不超过3年。',
  summary: {
    zh: '人工智能初创企业，根据技术创新能力、发展潜力等，给予最高300平方米“零租金”空间支持，连续支持不超过3年。',
    en: 'start-ups: up to 300 m² rent-free space for up to 3 consecutive years, after review',
  },
  review: true,
  perSubject: false,
  scope: { kind: 'consecutive', per: 'enterprise', years: '5.4.years' },
  rule: {
    kind: 'in-kind',
    note: {
      zh: '实物支持：最高300平方米“零租金”空间，连续支持不超过3年，不计入资金',
      en: 'in kind: up to 300 m² of rent-free space for at most 3 consecutive years; no money',
    },
  },
  candidates: (r) => (r.enterprise.startup === true ? [{ subject: null }] : []),
};
