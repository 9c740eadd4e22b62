import type { BudgetDashboard } from '@ftai/api';
import { APPLICATION_STATUSES } from '@ftai/api/statuses';
import { describe, expect, it } from 'vitest';
import { articleChartOption, type ChartLabels, measureChartOption, topEnterprisesOption } from './dashboard-charts';

const labels: ChartLabels = {
  budget: '预算',
  requested: '申报',
  approved: '审定',
  allocated: '分配',
  paid: '拨付',
  yuan: '元',
  wan: '万元',
};
const zero = { requested: 0, approved: 0, allocated: 0, paid: 0 };
const art = (article: number, budget: number | null, f = zero) => ({
  article,
  citation: { zh: `第${article}条`, en: `Article ${article}` },
  budget,
  ...f,
});

const dashboard: BudgetDashboard = {
  call: { id: 'c', year: 2025, title: 'T', status: 'open' },
  totals: { budget: 10, requested: 0, approved: 0, allocated: 0, paid: 0, available: 10 },
  byArticle: [
    art(1, 2_000_000, { requested: 5, approved: 4, allocated: 3, paid: 1 }),
    art(2, null),
    art(8, 1_500_000),
    art(10, null, { ...zero, requested: 7 }),
  ],
  byMeasure: Array.from({ length: 9 }, (_, i) => ({
    measure: `m${i}`,
    article: 1,
    citation: { zh: `第一条(${i})`, en: `Article 1(${i})` },
    name: { zh: 'n', en: 'n' },
    summary: { zh: 's', en: 's' },
    requested: i,
    approved: 0,
    allocated: 0,
    paid: 0,
  })),
  counts: Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as BudgetDashboard['counts'],
  topEnterprises: [
    { creditCode: 'A', name: '甲', allocated: 300, paid: 100 },
    { creditCode: 'B', name: '乙', allocated: 200, paid: 0 },
  ],
};

describe('the dashboard charts', () => {
  it('show the articles with a budget or a figure, a missing budget as no bar', () => {
    const o = articleChartOption(dashboard, 'zh', labels);
    expect(o.xAxis.data).toEqual(['第1条', '第8条', '第10条']);
    expect(o.series[0]?.data).toEqual([2_000_000, 1_500_000, '-']);
    expect(o.series.map((s) => s.name)).toEqual(['预算', '申报', '审定', '分配', '拨付']);
  });

  it('show every measure on a wide screen and a slider of six on a narrow one', () => {
    expect(measureChartOption(dashboard, 'en', labels)).not.toHaveProperty('dataZoom');
    const narrow = measureChartOption(dashboard, 'en', labels, true) as { dataZoom?: { endValue: number }[] };
    expect(narrow.dataZoom?.[0]?.endValue).toBe(5);
  });

  it('name the measure and amounts in yuan in the tooltip', () => {
    const o = measureChartOption(dashboard, 'zh', labels);
    const text = o.tooltip.formatter([{ axisValue: 'm3', marker: '', seriesName: '申报', value: 1234567 }]);
    expect(text).toBe('m3 第一条(3)<br/>申报: <b>1,234,567 元</b>');
  });

  it('put the largest award on top', () => {
    expect(topEnterprisesOption(dashboard, labels).yAxis.data).toEqual(['乙', '甲']);
  });
});
