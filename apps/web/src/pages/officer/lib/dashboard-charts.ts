import type { BudgetDashboard } from '@ftai/api';
import { formatYuan } from '../../../lib/format';
import { toWan } from './yuan';

/** One colour per figure, the same in every chart and card of the dashboard. */
export const FIGURE_COLORS = {
  budget: '#b8c4d6',
  requested: '#91caff',
  approved: '#1677ff',
  allocated: '#fa8c16',
  paid: '#52c41a',
} as const;

export type Figure = keyof typeof FIGURE_COLORS;

export interface ChartLabels {
  readonly budget: string;
  readonly requested: string;
  readonly approved: string;
  readonly allocated: string;
  readonly paid: string;
  /** "元" / "yuan", after amounts in tooltips. */
  readonly yuan: string;
  /** "万元" / "10k yuan", the value axis's unit. */
  readonly wan: string;
}

type Lang = 'zh' | 'en';

const amount = (labels: ChartLabels) => (v: unknown) => (typeof v === 'number' ? `${formatYuan(v)} ${labels.yuan}` : '—');

function bar(name: string, color: string, data: (number | null)[], extra: Record<string, unknown> = {}) {
  return { name, type: 'bar', data: data.map((d) => (d === null ? '-' : d)), itemStyle: { color, borderRadius: [3, 3, 0, 0] }, ...extra };
}

function valueAxis(labels: ChartLabels) {
  return {
    type: 'value',
    name: labels.wan,
    nameTextStyle: { color: '#8c8c8c', align: 'right' },
    axisLabel: { formatter: (v: number) => toWan(v), color: '#8c8c8c' },
    splitLine: { lineStyle: { color: '#f0f0f0' } },
  };
}

const legend = { type: 'scroll', top: 0, left: 'center', itemWidth: 12, itemHeight: 12, icon: 'roundRect' };
const grid = { left: 8, right: 16, top: 48, bottom: 8, containLabel: true };

/**
 * Budget against requested, approved, allocated and paid for each article (条) with any figure;
 * an article without its own budget shows no budget bar (only the call's total binds it).
 */
export function articleChartOption(d: BudgetDashboard, lang: Lang, labels: ChartLabels) {
  const rows = d.byArticle.filter((a) => a.budget !== null || a.requested + a.approved + a.allocated + a.paid > 0);
  return {
    legend,
    grid,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: amount(labels) },
    xAxis: { type: 'category', data: rows.map((a) => a.citation[lang]), axisTick: { show: false }, axisLabel: { color: '#595959' } },
    yAxis: valueAxis(labels),
    series: [
      bar(
        labels.budget,
        FIGURE_COLORS.budget,
        rows.map((a) => a.budget),
      ),
      bar(
        labels.requested,
        FIGURE_COLORS.requested,
        rows.map((a) => a.requested),
      ),
      bar(
        labels.approved,
        FIGURE_COLORS.approved,
        rows.map((a) => a.approved),
      ),
      bar(
        labels.allocated,
        FIGURE_COLORS.allocated,
        rows.map((a) => a.allocated),
      ),
      bar(
        labels.paid,
        FIGURE_COLORS.paid,
        rows.map((a) => a.paid),
      ),
    ],
  };
}

/** Requested, approved, allocated and paid per measure (支持事项), the measure's summary in the tooltip. */
export function measureChartOption(d: BudgetDashboard, lang: Lang, labels: ChartLabels, isNarrow = false) {
  const rows = d.byMeasure;
  // On a narrow screen a slider shows a few measures at a time; a wide one shows them all.
  const shown = isNarrow ? 6 : 30;
  const zoom = rows.length > shown;
  const names = new Map(rows.map((m) => [m.measure, `${m.measure} ${m.citation[lang]}`]));
  const fmt = amount(labels);
  return {
    legend,
    grid: { ...grid, bottom: zoom ? 36 : 8 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { axisValue: string; marker: string; seriesName: string; value: unknown }[]) => {
        const head = params[0] ? (names.get(params[0].axisValue) ?? params[0].axisValue) : '';
        return [head, ...params.map((p) => `${p.marker}${p.seriesName}: <b>${fmt(p.value)}</b>`)].join('<br/>');
      },
    },
    ...(zoom ? { dataZoom: [{ type: 'slider', height: 14, bottom: 4, startValue: 0, endValue: shown - 1 }] } : {}),
    xAxis: { type: 'category', data: rows.map((m) => m.measure), axisTick: { show: false }, axisLabel: { color: '#595959' } },
    yAxis: valueAxis(labels),
    series: [
      bar(
        labels.requested,
        FIGURE_COLORS.requested,
        rows.map((m) => m.requested),
      ),
      bar(
        labels.approved,
        FIGURE_COLORS.approved,
        rows.map((m) => m.approved),
      ),
      bar(
        labels.allocated,
        FIGURE_COLORS.allocated,
        rows.map((m) => m.allocated),
      ),
      bar(
        labels.paid,
        FIGURE_COLORS.paid,
        rows.map((m) => m.paid),
      ),
    ],
  };
}

/** The enterprises with the largest allocations, largest on top: allocated and paid side by side. */
export function topEnterprisesOption(d: BudgetDashboard, labels: ChartLabels) {
  const rows = [...d.topEnterprises].reverse();
  const side = { borderRadius: [0, 3, 3, 0] };
  return {
    legend,
    grid: { ...grid, right: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: amount(labels) },
    xAxis: { ...valueAxis(labels), nameLocation: 'end' },
    yAxis: {
      type: 'category',
      data: rows.map((e) => e.name),
      axisTick: { show: false },
      axisLabel: { color: '#595959', width: 150, overflow: 'truncate' },
    },
    series: [
      bar(
        labels.allocated,
        FIGURE_COLORS.allocated,
        rows.map((e) => e.allocated),
        { itemStyle: { color: FIGURE_COLORS.allocated, ...side }, barMaxWidth: 12 },
      ),
      bar(
        labels.paid,
        FIGURE_COLORS.paid,
        rows.map((e) => e.paid),
        { itemStyle: { color: FIGURE_COLORS.paid, ...side }, barMaxWidth: 12 },
      ),
    ],
  };
}
