import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { issueText } from '@ftai/api/issue-text';
import { MAX_SHEET_ROWS, safeCellText } from '@ftai/match';
import ExcelJS from 'exceljs';
import { beijingTimeText } from '../audit/export-audit-xlsx.js';
import { shareCellStyles } from '../http/shared-cell-styles.js';

/** A result of an answer line, as far as the workbook reads it (CALCULATION.md). */
interface ResultLine {
  readonly measure: string;
  readonly subject: string | null;
  readonly status: string;
  readonly amount: number;
  readonly review: boolean;
  readonly citation?: string;
}

/** An issue of an error line: the contract field, the registry column where known, the message (English). */
interface IssueLine {
  readonly path?: string;
  readonly column?: string;
  readonly message: string;
}

/** One line of results.jsonl or errors.jsonl: an answer, or an error line naming its row. */
interface MatchLine {
  readonly creditCode?: string;
  readonly year?: number;
  readonly results?: readonly ResultLine[];
  readonly total?: number;
  readonly error?: string;
  readonly code?: string;
  readonly row?: number;
  readonly line?: number;
  readonly issues?: readonly IssueLine[];
}

export const RESULT_COLUMNS = [
  { header: '序号', key: 'no', width: 8 },
  { header: '登记表行号', key: 'row', width: 11 },
  { header: '统一社会信用代码', key: 'creditCode', width: 22 },
  { header: '评估年度', key: 'year', width: 10 },
  { header: '可获支持合计（元）', key: 'total', width: 18, style: { numFmt: '#,##0' } },
  { header: '予以支持的事项', key: 'granted', width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
  { header: '需专家评审的事项', key: 'review', width: 30, style: { alignment: { wrapText: true, vertical: 'top' } } },
  { header: '待补充信息的事项', key: 'incomplete', width: 30, style: { alignment: { wrapText: true, vertical: 'top' } } },
  { header: '未能计算的原因', key: 'problem', width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
] as const;

export const ERROR_COLUMNS = [
  { header: '序号', key: 'no', width: 8 },
  { header: '登记表行号', key: 'row', width: 11 },
  { header: '列（表头）', key: 'column', width: 30 },
  { header: '对应字段（计算接口）', key: 'path', width: 30 },
  { header: '问题', key: 'problem', width: 50, style: { alignment: { wrapText: true, vertical: 'top' } } },
  { header: '原文（接口返回）', key: 'message', width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
] as const;

type Column = { readonly header: string; readonly key: string; readonly width: number; readonly style?: Partial<ExcelJS.Style> };

const styles = (columns: readonly Column[]) => columns.map((c) => c.style ?? {});
const RESULT_STYLES = styles(RESULT_COLUMNS);
const ERROR_STYLES = styles(ERROR_COLUMNS);

/** "第一条 200,000元", "第二条第（1）项（M-1）150,000元": a result as a clerk reads it. */
function itemText(r: ResultLine, withAmount: boolean): string {
  const name = `${r.citation ?? r.measure}${r.subject ? `（${r.subject}）` : ''}`;
  return withAmount ? `${name} ${r.amount.toLocaleString('en-US')}元` : name;
}

/** The row an error line names: the registry row (CSV, XLSX) or the line (JSON Lines). */
const rowOf = (l: MatchLine) => l.row ?? l.line ?? null;

/** One issue in Chinese, naming the column: "B列（算力投入（元））：金额不能为负数". */
function issueZh(i: IssueLine): string {
  const where = i.column ?? i.path;
  return where ? `${where}：${issueText(i.message, 'zh')}` : issueText(i.message, 'zh');
}

/** An error line's problem in Chinese: its issues one by one, or its message as given. */
function problemZh(l: MatchLine): string {
  if (l.issues && l.issues.length > 0) return l.issues.map(issueZh).join('；');
  if (l.code === 'FTAI_ERR_NOT_JSON') return '该行不是有效的JSON';
  return issueText(l.error ?? '', 'zh');
}

/** A sheet writer that starts a new sheet (名称（续1）…) before a sheet runs past Excel's rows. */
class Sheets {
  private sheet: ExcelJS.Worksheet | undefined;
  private rows = 0;
  private part = 0;
  constructor(
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly name: string,
    private readonly title: string,
    private readonly columns: readonly Column[],
    private readonly columnStyles: readonly Partial<ExcelJS.Style>[],
    private readonly out: Writable,
  ) {}

  private open(): ExcelJS.Worksheet {
    this.sheet?.commit();
    const sheet = this.workbook.addWorksheet(this.part === 0 ? this.name : `${this.name}（续${this.part}）`, {
      views: [{ state: 'frozen', ySplit: 2 }],
    });
    this.part += 1;
    sheet.columns = this.columns.map(({ key, width }) => ({ key, width }));
    const title = sheet.addRow([this.title]);
    title.font = { bold: true, size: 13 };
    sheet.mergeCells(1, 1, 1, this.columns.length);
    title.commit();
    const header = sheet.addRow(this.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    this.sheet = sheet;
    this.rows = 2;
    return sheet;
  }

  async add(values: Record<string, unknown>): Promise<void> {
    const sheet = this.sheet === undefined || this.rows >= MAX_SHEET_ROWS ? this.open() : this.sheet;
    shareCellStyles(sheet.addRow(values), this.columnStyles).commit();
    this.rows += 1;
    // Let the zip catch up now and then (as the audit and notice workbooks do): memory stays flat.
    if (this.rows % 2000 === 0) await caughtUp(sheet, this.out);
  }

  /** Ends the last sheet with a count row (an empty sheet when there was nothing). */
  end(count: string): void {
    const sheet = this.sheet ?? this.open();
    const row = sheet.addRow({ no: count });
    row.font = { bold: true };
    row.commit();
    sheet.commit();
  }
}

async function caughtUp(sheet: unknown, out: Writable): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const compressor = (sheet as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
  if (compressor?.writableNeedDrain) await once(compressor, 'drain');
  if (out.writableNeedDrain && !out.destroyed) await once(out, 'drain');
}

function workbookTo(out: Writable, at: string): ExcelJS.stream.xlsx.WorkbookWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'ftai';
  workbook.created = new Date(at);
  workbook.modified = new Date(at);
  return workbook;
}

async function* lines(body: Readable): AsyncGenerator<MatchLine> {
  for await (const text of createInterface({ input: body, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (text.trim() !== '') yield JSON.parse(text) as MatchLine;
  }
}

/**
 * A match job's answers (results.jsonl) as a workbook in Chinese, streamed to `out`: sheet
 * 匹配结果, one row per registry row in registry order — the credit code, the year, the total
 * the enterprise can receive, the measures granted (by their clause, with amounts), those decided
 * on review, those waiting for facts (待补充信息), and for a row refused why, in Chinese with
 * its column. Read line by line and written as it comes (memory does not grow with the registry);
 * past Excel's rows the sheet goes on in 匹配结果（续1）. Resolves to the rows written.
 */
export async function exportMatchResultsXlsx(body: Readable, out: Writable, jobLabel: string, at: string): Promise<number> {
  const workbook = workbookTo(out, at);
  const sheets = new Sheets(
    workbook,
    '匹配结果',
    safeCellText(`免申即享匹配结果（${jobLabel}，导出时间${beijingTimeText(at)}）`),
    RESULT_COLUMNS,
    RESULT_STYLES,
    out,
  );
  let no = 0;
  for await (const l of lines(body)) {
    no += 1;
    if (l.results === undefined) {
      await sheets.add({ no, row: rowOf(l), problem: safeCellText(problemZh(l)) });
      continue;
    }
    const granted = l.results.filter((r) => r.status === 'granted');
    await sheets.add({
      no,
      creditCode: safeCellText(l.creditCode ?? ''),
      year: l.year ?? null,
      total: l.total ?? 0,
      granted: safeCellText(granted.map((r) => itemText(r, true)).join('；')),
      review: safeCellText(
        granted
          .filter((r) => r.review)
          .map((r) => itemText(r, false))
          .join('；'),
      ),
      incomplete: safeCellText(
        l.results
          .filter((r) => r.status === 'incomplete')
          .map((r) => itemText(r, false))
          .join('；'),
      ),
    });
  }
  sheets.end(`共${no}行`);
  await workbook.commit();
  return no;
}

/**
 * The rows a match job refused (errors.jsonl) as a workbook in Chinese, streamed to `out`: sheet
 * 错误明细, one row per problem — the registry row, the column (its header), the contract field,
 * the problem in Chinese (@ftai/api/issue-text) and the message as the API wrote it.
 */
export async function exportMatchErrorsXlsx(body: Readable, out: Writable, jobLabel: string, at: string): Promise<number> {
  const workbook = workbookTo(out, at);
  const sheets = new Sheets(
    workbook,
    '错误明细',
    safeCellText(`免申即享匹配未能计算的行（${jobLabel}，导出时间${beijingTimeText(at)}）`),
    ERROR_COLUMNS,
    ERROR_STYLES,
    out,
  );
  let no = 0;
  let rows = 0;
  for await (const l of lines(body)) {
    rows += 1;
    const issues: readonly IssueLine[] = l.issues && l.issues.length > 0 ? l.issues : [{ message: l.error ?? '' }];
    for (const i of issues) {
      no += 1;
      await sheets.add({
        no,
        row: rowOf(l),
        column: i.column === undefined ? null : safeCellText(i.column),
        path: i.path ? safeCellText(i.path) : null,
        problem: safeCellText(i.path === undefined && i.column === undefined ? problemZh(l) : issueText(i.message, 'zh')),
        message: safeCellText(i.message),
      });
    }
  }
  sheets.end(`共${rows}行、${no}个问题`);
  await workbook.commit();
  return no;
}
