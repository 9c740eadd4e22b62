import { EChart } from '../../components/EChart';
import { formatYuan } from '../../lib/format';

export interface BarSeries {
  readonly name: string;
  readonly values: readonly number[];
  readonly color: string;
}

/**
 * Whole-yuan amounts as bars: categories down the side (horizontal) for measures, or along the
 * bottom for years; several series stack (e.g. committed / final / paid).
 */
export function AmountBarChart({
  categories,
  series,
  horizontal = false,
  height,
  label,
  unit,
}: {
  categories: readonly string[];
  series: readonly BarSeries[];
  horizontal?: boolean;
  height?: number;
  /** The chart's text alternative for screen readers. */
  label: string;
  /** The unit after each amount in the tooltip (元 / yuan). */
  unit: string;
}) {
  // Horizontal bars (one series) carry their amounts at their ends; the value axis would only crowd a narrow card.
  const valueAxis = {
    type: 'value' as const,
    show: !horizontal,
    axisLabel: { formatter: (v: number) => shortAmount(v, unit === '元'), fontSize: 11 },
    splitLine: { lineStyle: { color: '#f0f0f0' } },
  };
  const categoryAxis = {
    type: 'category' as const,
    data: [...categories],
    axisLabel: { fontSize: 11, width: 120, overflow: 'truncate' },
    axisTick: { show: false },
    inverse: horizontal,
  };
  const option = {
    animation: false,
    grid: { left: 4, right: horizontal ? 72 : 16, top: series.length > 1 ? 32 : 8, bottom: horizontal ? 0 : 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => `${formatYuan(v)} ${unit}`,
    },
    legend: series.length > 1 ? { top: 0, itemWidth: 12, itemHeight: 10 } : undefined,
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: 'total',
      data: [...s.values],
      itemStyle: { color: s.color },
      barMaxWidth: 28,
      ...(horizontal && {
        label: { show: true, position: 'right', fontSize: 11, formatter: (p: { value: number }) => formatYuan(p.value) },
      }),
    })),
  };
  return <EChart option={option} label={label} height={height ?? (horizontal ? 12 + categories.length * 30 : 260)} />;
}

/** An axis label: 1,500,000 → "150万" in Chinese, "1.5M" in English. */
function shortAmount(v: number, zh: boolean): string {
  const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
  if (zh) return v >= 10_000 ? `${fmt(v / 10_000)}万` : fmt(v);
  if (v >= 1_000_000) return `${fmt(v / 1_000_000)}M`;
  return v >= 1_000 ? `${fmt(v / 1_000)}k` : fmt(v);
}
