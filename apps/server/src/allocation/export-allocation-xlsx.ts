import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { AllocationMethod, AllocationSummary, BudgetFigures, PlannedApplication } from '@ftai/api';
import { safeCellText } from '@ftai/match';
import { ARTICLES, measures } from '@ftai/policy-fengtai';
import ExcelJS from 'exceljs';
import { shareCellStyles } from '../http/shared-cell-styles.js';
import { yuan } from '../yuan-text.js';
import { type Plan, withItems } from './plan-allocation.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ALLOCATION_SUMMARY_SHEET = '分配汇总';
export const ALLOCATION_SHEET = '分配明细';

/** What the summary sheet says about the plan or the committed allocation. */
export interface AllocationHead {
  readonly year: number;
  readonly method: AllocationMethod;
  readonly planId: string;
  readonly budget: BudgetFigures;
  readonly summary: AllocationSummary;
  /** The allocation's id and time when committed; null for a preview. */
  readonly allocationId: string | null;
  readonly committedAt: string | null;
}

export const ALLOCATION_COLUMNS = [
  { header: '序号', key: 'no', width: 8 },
  { header: '企业名称', key: 'enterpriseName', width: 36 },
  { header: '统一社会信用代码', key: 'creditCode', width: 22 },
  { header: '申请编号', key: 'applicationId', width: 38 },
  { header: '评审得分', key: 'score', width: 10 },
  { header: '提交时间', key: 'submittedAt', width: 26 },
  { header: '支持事项', key: 'measure', width: 10 },
  { header: '事项名称', key: 'measureName', width: 28 },
  { header: '支持对象', key: 'subject', width: 18 },
  { header: '条款', key: 'article', width: 8 },
  { header: '审定金额（元）', key: 'approved', width: 16 },
  { header: '分配金额（元）', key: 'allocated', width: 16 },
  { header: '分配比例', key: 'percent', width: 12 },
  { header: '最大余额法加1元（元）', key: 'remainderYuan', width: 20 },
] as const;

const citationOf = new Map(ARTICLES.map((a) => [a.article, a.citation.zh]));

/** A binding as the summary sheet states it: 第三条单列预算 | 200,000元÷审定250,000元＝4/5（80.00%），按此比例调减2项，… */
function bindingText(b: AllocationSummary['bindings'][number]): [string, string] {
  const what = b.scope === 'total' ? '年度总额控制' : `${citationOf.get(b.article ?? 0) ?? `第${b.article}条`}单列预算`;
  const base = b.scope === 'total' ? '分条款调减后' : '审定';
  const combined = b.combinedPercent === null ? '' : `；再经年度总额控制，合计为审定金额的${b.combinedPercent}%`;
  return [
    what,
    `${yuan(b.budget)}元÷${base}${yuan(b.scaled)}元＝${b.ratio.numerator}/${b.ratio.denominator}（${b.ratio.percent}%），按此比例调减${b.items}项，其中${b.remainderYuan}项按最大余额法各加1元${combined}`,
  ];
}

const nameOf = new Map(measures.map((m) => [m.id, m.name.zh]));
const METHOD_NAMES: Record<AllocationMethod, string> = { proportional: '按比例分配（最大余额法，取整到元）', score: '按评审得分从高到低' };

/**
 * The whole plan as a workbook, written as it goes (exceljs' streaming writer): sheet 分配汇总
 * with the figures, sheet 分配明细 with one row per item (an application with no item approved
 * above 0 gets one row without item), in the order of the pages. `pages` yields the applications
 * a page at a time (from memory for a preview, from the tables for a committed allocation), so
 * memory holds one page, not the workbook. Text cells go through safeCellText (no formula).
 */
export function exportAllocationXlsx(head: AllocationHead, pages: AsyncIterable<readonly PlannedApplication[]>): Readable {
  const out = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    workbook.creator = 'ftai';
    const info = workbook.addWorksheet(ALLOCATION_SUMMARY_SHEET);
    info.columns = [
      { header: '项目', key: 'item', width: 26 },
      { header: '内容', key: 'value', width: 60 },
    ];
    const s = head.summary;
    const rows: [string, string | number][] = [
      ['年度', head.year],
      ['状态', head.allocationId === null ? '预览（未提交）' : `已提交 ${head.committedAt ?? ''}`],
      ['分配记录编号', head.allocationId ?? ''],
      ['分配方法', METHOD_NAMES[head.method]],
      ['方案校验值（SHA-256）', head.planId],
      ['可分配总预算（元）', head.budget.total],
      ['申报数', s.applications],
      ['审定事项数', s.items],
      ['获分配事项数', s.awards],
      ['审定金额合计（元）', s.approved],
      ['分配金额合计（元）', s.allocated],
      ['预算是否不足', s.oversubscribed ? '是' : '否'],
    ];
    for (const [article, f] of Object.entries(s.byArticle)) {
      rows.push([`第${article}条 预算/审定/分配（元）`, `${f.budget ?? '无单独预算'} / ${f.approved} / ${f.allocated}`]);
    }
    // The rule as applied: article budgets first, then the total over what they left.
    for (const binding of s.bindings ?? []) rows.push(bindingText(binding));
    for (const [item, value] of rows) info.addRow({ item, value: typeof value === 'string' ? safeCellText(value) : value }).commit();
    info.commit();

    const sheet = workbook.addWorksheet(ALLOCATION_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = ALLOCATION_COLUMNS.map((c) => ({ ...c }));
    sheet.getColumn('approved').numFmt = '#,##0';
    sheet.getColumn('allocated').numFmt = '#,##0';
    // One style object per column, which every cell of it takes (shareCellStyles).
    const styles = ALLOCATION_COLUMNS.map((_, i) => ({ ...sheet.getColumn(i + 1).style }));
    let no = 0;
    for await (const page of pages) {
      for (const a of page) {
        no += 1;
        const base = {
          no,
          enterpriseName: safeCellText(a.enterpriseName),
          creditCode: safeCellText(a.creditCode),
          applicationId: safeCellText(a.applicationId),
          score: a.score,
          submittedAt: a.submittedAt ?? '',
        };
        if (a.items.length === 0) shareCellStyles(sheet.addRow({ ...base, approved: 0, allocated: 0 }), styles).commit();
        for (const i of a.items) {
          const row = sheet.addRow({
            ...base,
            measure: i.measure,
            measureName: nameOf.get(i.measure) ?? '',
            subject: safeCellText(i.subject),
            article: i.article,
            approved: i.approved,
            allocated: i.allocated,
            percent: i.percent === null ? '' : `${i.percent}%`,
            remainderYuan: i.remainderYuan ?? '',
          });
          shareCellStyles(row, styles).commit();
        }
      }
      // Let the reader catch up before the next page is read.
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    const total = sheet.addRow({ enterpriseName: '合计', approved: s.approved, allocated: s.allocated });
    total.font = { bold: true };
    total.commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/** A plan in memory, a page at a time, each application with its items. */
export async function* pagesOf(plan: Plan, size = 1000): AsyncGenerator<readonly PlannedApplication[]> {
  for (let i = 0; i < plan.applications.length; i += size) yield withItems(plan, plan.applications.slice(i, i + size));
}
