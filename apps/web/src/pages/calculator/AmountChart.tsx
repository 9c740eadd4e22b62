import type { MeasureInfo, MeasureResult } from '@ftai/api';
import { useMemo } from 'react';
import { tierLabel } from '../../api/policy-ids';
import { EChart } from '../../components/EChart';
import { formatYuan } from '../../lib/format';

/**
 * The granted amounts, one bar per measure and subject, largest on top, each named by the
 * measure's name (not its internal id); amounts an expert review may lower (最高 …) in gold.
 */
export function AmountChart({
  results,
  unit,
  label,
  names,
  lang,
}: {
  results: readonly MeasureResult[];
  unit: string;
  label: string;
  names: ReadonlyMap<string, MeasureInfo>;
  lang: 'zh' | 'en';
}) {
  const rows = useMemo(() => [...results].sort((a, b) => a.amount - b.amount), [results]);
  const height = Math.max(120, rows.length * 34 + 24);

  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 90, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => `${formatYuan(Number(v))}${lang === 'en' ? ' ' : ''}${unit}`,
      },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        data: rows.map((r) => {
          const name = names.get(r.measure)?.name ?? r.citation;
          return r.subject ? `${name} · ${tierLabel(r.subject, lang)}` : name;
        }),
        axisTick: { show: false },
        axisLine: { show: false },
        axisLabel: { width: 220, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => ({
            value: r.amount,
            itemStyle: { color: r.review ? '#faad14' : '#1677ff', borderRadius: [0, 4, 4, 0] },
          })),
          barMaxWidth: 22,
          label: {
            show: true,
            position: 'right',
            // A maximum an expert review may lower reads 最高 …
            formatter: (p: { value: unknown; dataIndex: number }) =>
              `${rows[p.dataIndex]?.review ? (lang === 'en' ? 'up to ' : '最高') : ''}${formatYuan(Number(p.value))}`,
          },
        },
      ],
    }),
    [rows, unit, names, lang],
  );
  return <EChart option={option} height={height} label={label} />;
}
