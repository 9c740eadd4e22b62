import type { Writable } from 'node:stream';
import type { Simulation, SimulationResult } from '@ftai/api';
import { safeCellText } from '@ftai/match';
import { ARTICLES } from '@ftai/policy-fengtai';
import { resultStatusWord } from '@ftai/policy-fengtai/report/words';
import ExcelJS from 'exceljs';
import { beijingTimeText } from '../audit/export-audit-xlsx.js';
import { yuan } from '../yuan-text.js';

const YUAN_FORMAT = '#,##0';
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

/** 第一条 …: an article as the text cites it. */
export const ARTICLE_CITATION = new Map(ARTICLES.map((a) => [a.article, a.citation.zh]));
export const articleText = (article: number) => ARTICLE_CITATION.get(article) ?? `第${article}条`;

/** What kind of population a simulation ran over, in Chinese. */
export const POPULATION_KIND_ZH: Record<Simulation['population']['kind'], string> = {
  call: '申报批次的申报',
  platform: '平台企业',
  'match-job': '匹配任务的登记表',
  upload: '上传的登记表',
};

/** A version as the sheets name it: 第2版（2025.10.30-2+p2）. */
export const versionText = (v: { number: number; version: string }) => `第${v.number}版（${v.version}）`;

const coveredText = (covered: boolean | null) => (covered === null ? '—' : covered ? '是' : '否（超出预算）');

export function workbookTo(out: Writable, at: string): ExcelJS.stream.xlsx.WorkbookWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'ftai';
  workbook.created = new Date(at);
  workbook.modified = new Date(at);
  return workbook;
}

interface Column {
  readonly header: string;
  readonly width: number;
  readonly money?: boolean;
  readonly wrap?: boolean;
}

/** A sheet: a title row over its columns, a header row, then `rows`, each written and let go. */
export function addTable(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  title: string,
  columns: readonly Column[],
  rows: readonly (readonly (string | number | null)[])[],
  foot?: string,
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width,
    style: { ...(c.money && { numFmt: YUAN_FORMAT }), ...(c.wrap && { alignment: WRAP }) },
  }));
  const head = sheet.addRow([safeCellText(title)]);
  head.font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, columns.length);
  head.commit();
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  for (const r of rows) sheet.addRow(r.map((v) => (typeof v === 'string' ? safeCellText(v) : v))).commit();
  if (foot !== undefined) {
    const row = sheet.addRow([safeCellText(foot)]);
    row.font = { bold: true };
    row.commit();
  }
  sheet.commit();
}

/** An enterprise-year's items under one version: 第一条（M-1）：予以支持 200,000元, then its explanation lines. */
function explanation(items: SimulationResult['largest'][number]['items'], side: 'a' | 'b', citationOf: Map<string, string>): string {
  return items
    .flatMap((i) => {
      const x = i[side];
      if (!x) return [];
      const name = `${citationOf.get(i.measure) ?? i.measure}${i.subject ? `（${i.subject}）` : ''}`;
      return [
        `${name}：${resultStatusWord(x.status, 'zh')}${x.amount > 0 ? `，${yuan(x.amount)}元` : ''}`,
        ...x.lines.map((l) => `  ${l}`),
      ];
    })
    .join('\n');
}

/**
 * A finished simulation as a workbook in Chinese, streamed to `out`: 汇总 (the population, both
 * versions with their version strings, the totals under A and B and the difference, who gains,
 * loses or stays, and the call's budgets against each), 按条款, 按措施, 变化最大的20户 (both
 * versions' explanations side by side) and 金额分布.
 */
export async function exportSimulationXlsx(sim: Simulation, result: SimulationResult, out: Writable, at: string): Promise<void> {
  const workbook = workbookTo(out, at);
  const a = versionText(sim.versionA);
  const b = versionText(sim.versionB);
  const title = `政策模拟（${sim.population.label}，版本A：${a}，版本B：${b}）`;
  const summary: (string | number | null)[][] = [
    ['模拟对象', sim.population.label, null, null],
    ['对象类型', POPULATION_KIND_ZH[sim.population.kind], null, null],
    ['登记行数', result.rows, null, null],
    ['未能计算的行数', result.bad, null, null],
    ['版本A', a, null, null],
    ['版本B', b, null, null],
    ['项目', '版本A', '版本B', '差额（B－A）'],
    ['支持金额合计（元）', result.total.a, result.total.b, result.total.difference],
    [
      '获得支持的企业（户·年度）',
      result.enterprises.grantedA,
      result.enterprises.grantedB,
      result.enterprises.grantedB - result.enterprises.grantedA,
    ],
    ['金额增加的企业（户·年度）', result.enterprises.gain, null, null],
    ['金额减少的企业（户·年度）', result.enterprises.lose, null, null],
    ['金额不变的企业（户·年度）', result.enterprises.unchanged, null, null],
  ];
  if (result.budget) {
    summary.push(
      ['预算所属申报批次', result.budget.callTitle, null, null],
      ['年度总预算（元）', result.budget.total, null, null],
      ['年度总预算能否覆盖', null, coveredText(result.budget.coveredA), coveredText(result.budget.coveredB)],
    );
    const short = result.articles.filter((x) => x.budget !== null && (x.coveredA === false || x.coveredB === false));
    summary.push([
      '分条款预算不足',
      short.length === 0
        ? '无'
        : short
            .map(
              (x) =>
                `${articleText(x.article)}（预算${yuan(x.budget ?? 0)}元，版本A为${yuan(x.a.amount)}元，版本B为${yuan(x.b.amount)}元）`,
            )
            .join('；'),
      null,
      null,
    ]);
  } else {
    summary.push(['预算', '未指定申报批次，不作预算比对', null, null]);
  }
  summary.push(['导出时间', beijingTimeText(at), null, null]);
  addTable(
    workbook,
    '汇总',
    title,
    [
      { header: '项目', width: 28 },
      { header: '内容／版本A', width: 40, money: true, wrap: true },
      { header: '版本B', width: 20, money: true },
      { header: '差额', width: 20, money: true },
    ],
    summary,
  );

  addTable(
    workbook,
    '按条款',
    `按条款汇总（${title}）`,
    [
      { header: '条款', width: 12 },
      { header: '版本A金额（元）', width: 18, money: true },
      { header: '版本A企业数', width: 12 },
      { header: '版本B金额（元）', width: 18, money: true },
      { header: '版本B企业数', width: 12 },
      { header: '差额（元）', width: 16, money: true },
      { header: '条款预算（元）', width: 16, money: true },
      { header: '版本A在预算内', width: 14 },
      { header: '版本B在预算内', width: 14 },
    ],
    result.articles.map((x) => [
      articleText(x.article),
      x.a.amount,
      x.a.enterprises,
      x.b.amount,
      x.b.enterprises,
      x.difference,
      x.budget,
      coveredText(x.coveredA),
      coveredText(x.coveredB),
    ]),
    `合计：版本A为${yuan(result.total.a)}元，版本B为${yuan(result.total.b)}元，差额为${yuan(result.total.difference)}元`,
  );

  addTable(
    workbook,
    '按措施',
    `按支持事项汇总（${title}）`,
    [
      { header: '支持事项', width: 22 },
      { header: '条款', width: 10 },
      { header: '版本A金额（元）', width: 18, money: true },
      { header: '版本A企业数', width: 12 },
      { header: '版本B金额（元）', width: 18, money: true },
      { header: '版本B企业数', width: 12 },
      { header: '差额（元）', width: 16, money: true },
    ],
    result.measures.map((m) => [
      m.citation,
      articleText(m.article),
      m.a.amount,
      m.a.enterprises,
      m.b.amount,
      m.b.enterprises,
      m.difference,
    ]),
  );

  const citationOf = new Map(result.measures.map((m) => [m.measure, m.citation]));
  addTable(
    workbook,
    '变化最大的20户',
    `金额变化最大的${result.largest.length}户（按变化金额从大到小）`,
    [
      { header: '序号', width: 6 },
      { header: '登记表行号', width: 10 },
      { header: '统一社会信用代码', width: 22 },
      { header: '企业名称', width: 30, wrap: true },
      { header: '评估年度', width: 10 },
      { header: '版本A合计（元）', width: 16, money: true },
      { header: '版本B合计（元）', width: 16, money: true },
      { header: '差额（元）', width: 16, money: true },
      { header: '版本A测算说明', width: 70, wrap: true },
      { header: '版本B测算说明', width: 70, wrap: true },
    ],
    result.largest.map((c, i) => [
      i + 1,
      c.row,
      c.creditCode,
      c.name,
      c.year,
      c.a,
      c.b,
      c.difference,
      explanation(c.items, 'a', citationOf),
      explanation(c.items, 'b', citationOf),
    ]),
  );

  const { from } = result.distribution;
  addTable(
    workbook,
    '金额分布',
    '获得支持的企业按支持金额合计分布（户·年度）',
    [
      { header: '支持金额合计', width: 34 },
      { header: '版本A企业数', width: 14 },
      { header: '版本B企业数', width: 14 },
    ],
    from.map((lower, i) => {
      const next = from[i + 1];
      const range = next === undefined ? `${yuan(lower)}元及以上` : `${yuan(lower)}元至${yuan(next - 1)}元`;
      return [range, result.distribution.a[i] ?? 0, result.distribution.b[i] ?? 0];
    }),
  );
  await workbook.commit();
}
