import type { SimulationResult } from '@ftai/api';
import { formatYuan } from '../../../lib/format';
import { amountWords } from '../../../lib/parameter-values';
import { toWan } from './yuan';

/**
 * 政策模拟 as charts (ECharts options) and figures: the articles under version A and B beside their
 * budgets, the distribution of award sizes, who gains and who loses; a signed difference; what a
 * version goes over a budget by.
 */

export const SIDE_COLORS = {
  a: '#8c8c8c',
  b: '#1677ff',
  budget: '#d6e4ff',
  gain: '#52c41a',
  lose: '#ff4d4f',
  unchanged: '#bfbfbf',
} as const;

export interface SimulationChartLabels {
  readonly a: string;
  readonly b: string;
  readonly budget: string;
  readonly yuan: string;
  readonly wan: string;
  readonly enterprises: string;
  readonly gain: string;
  readonly lose: string;
  readonly unchanged: string;
  readonly lang: 'zh' | 'en';
}

/** B − A with its sign: "+150,000", "−50,000" (a true minus), "0". */
export function signedYuan(difference: number): string {
  if (difference > 0) return `+${formatYuan(difference)}`;
  if (difference < 0) return `−${formatYuan(-difference)}`;
  return '0';
}

/** How far `amount` goes over `budget` (0 when it does not, or there is no budget). */
export function overBudget(amount: number, budget: number | null | undefined): number {
  return budget === null || budget === undefined ? 0 : Math.max(0, amount - budget);
}

/**
 * The buckets of the distribution of award sizes by their lower bounds (the first is 1 yuan): “1元至10万元”,
 * … “500万元以上” in Chinese, "1–100,000", … "5,000,000 or more" in English.
 */
export function bucketLabels(from: readonly number[], lang: 'zh' | 'en'): string[] {
  return from.map((low, i) => {
    const next = from[i + 1];
    if (lang === 'en') return next === undefined ? `${formatYuan(low)} or more` : `${formatYuan(low)}–${formatYuan(next)}`;
    return next === undefined ? `${amountWords(low)}以上` : `${amountWords(low)}至${amountWords(next)}`;
  });
}

const legend = { type: 'scroll', top: 0, left: 'center', itemWidth: 12, itemHeight: 12, icon: 'roundRect' };
const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };

function bar(name: string, color: string, data: (number | null)[], extra: Record<string, unknown> = {}) {
  return { name, type: 'bar', data: data.map((d) => (d === null ? '-' : d)), itemStyle: { color, borderRadius: [3, 3, 0, 0] }, ...extra };
}

const money = (l: SimulationChartLabels) => (v: unknown) =>
  typeof v === 'number' ? (l.lang === 'en' ? `${formatYuan(v)} ${l.yuan}` : `${formatYuan(v)}${l.yuan}`) : '—';

/** Each article with any amount or a budget: the call's budget, version A and version B, in 万元. */
export function articleChartOption(
  r: SimulationResult,
  articleLabel: (n: number) => string,
  l: SimulationChartLabels,
  articleName: (n: number) => string = articleLabel,
) {
  const rows = r.articles.filter((a) => a.budget !== null || a.a.amount + a.b.amount > 0);
  const hasBudget = rows.some((a) => a.budget !== null);
  return {
    legend,
    grid,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number; marker: string; seriesName: string; value: unknown }[]) => {
        const row = rows[params[0]?.dataIndex ?? -1];
        const head = row ? articleName(row.article) : '';
        return [head, ...params.map((p) => `${p.marker}${p.seriesName}: <b>${money(l)(p.value)}</b>`)].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: rows.map((a) => articleLabel(a.article)),
      axisTick: { show: false },
      axisLabel: { color: '#595959', interval: 0 },
    },
    yAxis: {
      type: 'value',
      name: l.wan,
      nameTextStyle: { color: '#8c8c8c', align: 'right' },
      axisLabel: { formatter: (v: number) => toWan(v), color: '#8c8c8c' },
      splitLine: { lineStyle: { color: '#f0f0f0' } },
    },
    series: [
      ...(hasBudget
        ? [
            bar(
              l.budget,
              SIDE_COLORS.budget,
              rows.map((a) => a.budget),
              { itemStyle: { color: SIDE_COLORS.budget, borderColor: '#85a5ff', borderType: 'dashed', borderRadius: [3, 3, 0, 0] } },
            ),
          ]
        : []),
      bar(
        l.a,
        SIDE_COLORS.a,
        rows.map((a) => a.a.amount),
      ),
      bar(
        l.b,
        SIDE_COLORS.b,
        rows.map((a) => a.b.amount),
      ),
    ],
  };
}

/** How many enterprise-years fall in each bucket of award size, under A and under B. */
export function distributionChartOption(r: SimulationResult, l: SimulationChartLabels) {
  return {
    legend,
    grid,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: bucketLabels(r.distribution.from, l.lang),
      axisTick: { show: false },
      axisLabel: { color: '#595959', interval: 0, rotate: r.distribution.from.length > 5 ? 30 : 0 },
    },
    yAxis: {
      type: 'value',
      name: l.enterprises,
      minInterval: 1,
      nameTextStyle: { color: '#8c8c8c', align: 'left' },
      axisLabel: { color: '#8c8c8c' },
      splitLine: { lineStyle: { color: '#f0f0f0' } },
    },
    series: [bar(l.a, SIDE_COLORS.a, [...r.distribution.a]), bar(l.b, SIDE_COLORS.b, [...r.distribution.b])],
  };
}

/** Enterprise-years whose total rises, falls or stays under B, as three bars. */
export function changeChartOption(r: SimulationResult, l: SimulationChartLabels) {
  const e = r.enterprises;
  const rows = [
    { name: l.gain, value: e.gain, color: SIDE_COLORS.gain },
    { name: l.lose, value: e.lose, color: SIDE_COLORS.lose },
    { name: l.unchanged, value: e.unchanged, color: SIDE_COLORS.unchanged },
  ];
  return {
    grid: { ...grid, top: 16, right: 40 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#8c8c8c' }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: { type: 'category', data: rows.map((x) => x.name), axisTick: { show: false }, axisLabel: { color: '#595959' } },
    series: [
      {
        name: l.enterprises,
        type: 'bar',
        barMaxWidth: 28,
        label: { show: true, position: 'right', color: '#262626' },
        data: rows.map((x) => ({ value: x.value, itemStyle: { color: x.color, borderRadius: [0, 3, 3, 0] } })),
      },
    ],
  };
}
