import type { Writable } from 'node:stream';
import type { BudgetEstimate, Simulation } from '@ftai/api';
import { safeCellText } from '@ftai/match';
import { chineseDate } from '../notice/render-notice-html.js';
import { articleText, POPULATION_KIND_ZH, versionText, workbookTo } from './export-simulation-xlsx.js';

/** 本年度测算金额×（1＋增长率），向下取整到元: the method, printed on the sheet as the estimate applies it. */
export const ESTIMATE_METHOD = '本年度测算金额×（1＋增长率），向下取整到元；各条款及合计为各支持事项取整后的金额之和';

/** The Beijing calendar day of an instant, as the text writes dates: 2027年3月15日. */
function beijingDate(iso: string): string {
  return chineseDate(new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10));
}

/**
 * A budget estimate as a workbook 年度预算测算, streamed to `out`: its top rows print every
 * assumption — the budget year, the version and its version string, the population and its row
 * count, the date, the overall and per-measure growth, the method, the note — then the lines by
 * article and measure (this year's amount, the growth applied, the expected demand), a subtotal
 * per article and the total.
 */
export async function exportEstimateXlsx(
  estimate: BudgetEstimate,
  sim: Simulation,
  rows: number,
  out: Writable,
  at: string,
): Promise<void> {
  const workbook = workbookTo(out, at);
  const sheet = workbook.addWorksheet('年度预算测算', { views: [{ state: 'frozen', ySplit: 0 }] });
  sheet.columns = [
    { key: 'article', width: 14 },
    { key: 'measure', width: 34, style: { alignment: { wrapText: true, vertical: 'top' } } },
    { key: 'base', width: 20, style: { numFmt: '#,##0' } },
    { key: 'growth', width: 12 },
    { key: 'expected', width: 20, style: { numFmt: '#,##0' } },
  ];
  const add = (values: (string | number | null)[], bold = false) => {
    const row = sheet.addRow(values.map((v) => (typeof v === 'string' ? safeCellText(v) : v)));
    if (bold) row.font = { bold: true };
    row.commit();
  };
  const title = sheet.addRow([safeCellText(`${estimate.year}年度预算测算`)]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, 5);
  title.commit();
  const citationOf = new Map(estimate.lines.map((l) => [l.measure, l.citation]));
  const own = Object.entries(estimate.measures);
  const assumptions: [string, string][] = [
    ['测算年度', `${estimate.year}年度`],
    [
      '政策参数版本',
      `${versionText(estimate.version)}，即政策模拟的版本${estimate.side.toUpperCase()}（版本A：${versionText(sim.versionA)}；版本B：${versionText(sim.versionB)}）`,
    ],
    ['测算对象', `${sim.population.label}（${POPULATION_KIND_ZH[sim.population.kind]}，共${rows}行）`],
    ['测算日期', beijingDate(estimate.createdAt)],
    ['总体增长率', estimate.overall],
    [
      '分事项增长率',
      own.length === 0 ? '无（各支持事项均按总体增长率）' : own.map(([m, g]) => `${citationOf.get(m) ?? m}：${g}`).join('；'),
    ],
    ['测算方法', ESTIMATE_METHOD],
    ['备注', estimate.note ?? '无'],
  ];
  for (const [k, v] of assumptions) {
    const row = sheet.addRow([k, safeCellText(v)]);
    row.getCell(1).font = { bold: true };
    sheet.mergeCells(row.number, 2, row.number, 5);
    row.commit();
  }
  add([]);
  add(['条款', '支持事项', '本年度测算金额（元）', '增长率', '预计需求（元）'], true);
  for (const article of estimate.articles) {
    for (const l of estimate.lines.filter((x) => x.article === article.article)) {
      add([articleText(l.article), l.citation, l.base, l.growth, l.expected]);
    }
    add([`${articleText(article.article)}小计`, null, article.base, null, article.expected], true);
  }
  add(['合计', null, estimate.total.base, null, estimate.total.expected], true);
  sheet.commit();
  await workbook.commit();
}
