import { BarChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

// Tree-shaken ECharts: the bar charts, axes, tooltips, legends and zoom the app draws, in SVG
// (sharp at any zoom and in print; the canvas renderer is left out).
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, SVGRenderer]);

/**
 * One chart (echarts-for-react over tree-shaken ECharts), resized with its box and redrawn when
 * `option` changes. `label` is the text alternative for screen readers. Loaded on demand by
 * EChart.tsx: ECharts comes to the browser only with the first chart shown.
 */
export default function EChartCore({ option, height, label }: { option: echarts.EChartsCoreOption; height: number; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} opts={{ renderer: 'svg' }} />
    </div>
  );
}
