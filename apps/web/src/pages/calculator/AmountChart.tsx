import { useMemo } from 'react';
import type { MeasureResult } from '../../api/types';
import { EChart } from '../../components/EChart';
import { formatYuan } from '../../lib/format';

/**
 * The granted amounts, one bar per measure and subject, largest on top; amounts an expert review
 * may lower in gold.
 */
export function AmountChart({ results, unit, label }: { results: readonly MeasureResult[]; unit: string; label: string }) {
  const rows = useMemo(() => [...results].sort((a, b) => a.amount - b.amount), [results]);
  const height = Math.max(120, rows.length * 34 + 24);

  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 90, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => `${formatYuan(Number(v))} ${unit}`,
      },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        data: rows.map((r) => (r.subject ? `${r.measure} · ${r.subject}` : r.measure)),
        axisTick: { show: false },
        axisLine: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => ({
            value: r.amount,
            itemStyle: { color: r.review ? '#faad14' : '#1677ff', borderRadius: [0, 4, 4, 0] },
          })),
          barMaxWidth: 22,
          label: { show: true, position: 'right', formatter: (p: { value: unknown }) => formatYuan(Number(p.value)) },
        },
      ],
    }),
    [rows, unit],
  );
  return <EChart option={option} height={height} label={label} />;
}
