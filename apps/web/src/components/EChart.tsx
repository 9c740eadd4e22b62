import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';

export type EChartOption = EChartsCoreOption;

const EChartCore = lazy(() => import('./EChartCore'));

/**
 * One chart, `height` pixels high; `label` is its text alternative for screen readers. ECharts
 * (about 180 KB compressed) is a chunk of its own, fetched when the first chart is shown: the
 * pages without a chart, and every public page, never load it. Until it arrives the chart's box
 * keeps its place, so that nothing below it moves.
 */
export function EChart(props: { option: EChartOption; height: number; label: string }) {
  return (
    <Suspense fallback={<div role="img" aria-label={props.label} aria-busy="true" style={{ height: props.height, width: '100%' }} />}>
      <EChartCore {...props} />
    </Suspense>
  );
}
