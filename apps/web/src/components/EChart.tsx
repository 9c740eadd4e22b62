import { BarChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Tree-shaken ECharts: the bar charts, axes, tooltips, legends and zoom the app draws.
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer, SVGRenderer]);

export type EChartOption = echarts.EChartsCoreOption;

/**
 * One chart (echarts-for-react over tree-shaken ECharts), resized with its box and redrawn when
 * `option` changes. `label` is the text alternative for screen readers.
 */
export function EChart({
  option,
  height,
  label,
  renderer = 'svg',
}: {
  option: EChartOption;
  height: number;
  label: string;
  renderer?: 'svg' | 'canvas';
}) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} opts={{ renderer }} />
    </div>
  );
}
