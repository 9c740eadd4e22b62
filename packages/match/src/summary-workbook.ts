import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ARTICLES, POLICY_VERSION } from '@ftai/policy-fengtai';
import type ExcelJS from 'exceljs';
import type { ArticleTotals, MeasureTotals } from './match-totals.js';
import { safeCellValue } from './safe-cell-text.js';

/** Excel holds 1,048,576 rows a sheet: a measure sheet stops below that and says how many more there are. */
export const MAX_SHEET_ROWS = 1_000_000;

/** Services (9.1, 9.2, 10.1, 10.3) go to every AI enterprise: counted on the summary, not listed. */
const LISTED = (m: MeasureTotals) => m.service === 0 || m.grantedResults + m.pending + m.inKind > 0;

/** Each article's citation as the text numbers it (第一条, Article 1): the policy's. */
const CITATIONS = new Map(ARTICLES.map((a) => [a.article, a.citation]));

export interface SummaryWorkbookInput {
  readonly file: string;
  readonly lang: 'zh' | 'en';
  readonly inputName: string;
  readonly rows: number;
  readonly bad: number;
  readonly grantedRows: number;
  readonly grantedTotal: number;
  /** Set when the run was stopped: the last row read. */
  readonly stoppedAfterRow: number | undefined;
  readonly measures: readonly MeasureTotals[];
  readonly articles: readonly ArticleTotals[];
  /** The spooled rows of a measure (JSON lines written by the workers), if it has any. */
  readonly spoolOf: (measure: string) => string | undefined;
}

const LABELS = {
  zh: {
    summary: '汇总',
    title: '政策匹配汇总（免申即享）——《丰台区支持人工智能科技创新和产业创新融合发展的若干措施》',
    version: '政策版本',
    input: '输入文件',
    rows: '匹配行数（企业·年度）',
    bad: '有误行数（见错误文件）',
    grantedRows: '获资金支持的企业·年度',
    grantedTotal: '支持金额合计（元）',
    state: '状态',
    complete: '已完成',
    stopped: (row: number) => `已中止：只含第${row}行及以前`,
    note: '金额为整数元；“经评审认定”的金额为政策允许的最高额，以评审认定为准；服务事项（第九条第（1）（2）项、第十条第（1）（3）项）只计数，不列明细。',
    measureHeader: [
      '条',
      '措施',
      '条款',
      '内容',
      '获支持企业·年度',
      '支持事项',
      '金额（元）',
      '待定',
      '实物支持',
      '服务事项',
      '明细工作表',
    ],
    articleHeader: ['条', '条款', '获支持企业·年度', '支持事项', '金额（元）'],
    total: '合计',
    sheet: (id: string) => `措施${id}`,
    article: (n: number) => CITATIONS.get(n)?.zh ?? String(n),
    detailHeader: [
      '行号',
      '统一社会信用代码',
      '企业名称',
      '年度',
      '支持对象',
      '状态',
      '金额（元）',
      '上限（元）',
      '经评审认定',
      '计算过程或原因',
    ],
    status: { granted: '予以支持', pending: '待定', 'in-kind': '实物支持' } as Record<string, string>,
    yes: '是',
    no: '否',
    more: (n: number) => `另有${n.toLocaleString('en-US')}行超出工作表行数上限，见JSON Lines结果`,
    count: (n: number) => `${n.toLocaleString('en-US')}项`,
  },
  en: {
    summary: 'Summary',
    title: 'Registry match (免申即享) — Fengtai District AI measures',
    version: 'Policy version',
    input: 'Input file',
    rows: 'Rows matched (enterprise-years)',
    bad: 'Rows refused (see the errors file)',
    grantedRows: 'Enterprise-years granted money',
    grantedTotal: 'Total granted (yuan)',
    state: 'State',
    complete: 'complete',
    stopped: (row: number) => `stopped: rows up to ${row} only`,
    note: 'Amounts in whole yuan; "review" amounts are the most the text allows, an expert review may lower them; services (9.1, 9.2, 10.1, 10.3) are counted, not listed.',
    measureHeader: [
      'Article',
      'Measure',
      'Clause',
      'Summary',
      'Enterprise-years granted',
      'Results granted',
      'Amount (yuan)',
      'Pending',
      'In kind',
      'Service',
      'Sheet',
    ],
    articleHeader: ['Article', 'Clause', 'Enterprise-years granted', 'Results granted', 'Amount (yuan)'],
    total: 'Total',
    sheet: (id: string) => `Measure ${id}`,
    article: (n: number) => CITATIONS.get(n)?.en ?? String(n),
    detailHeader: [
      'Row',
      'Credit code',
      'Enterprise',
      'Year',
      'Subject',
      'Status',
      'Amount (yuan)',
      'Cap (yuan)',
      'Review',
      'Explanation / reasons',
    ],
    status: { granted: 'granted', pending: 'pending', 'in-kind': 'in kind' } as Record<string, string>,
    yes: 'yes',
    no: 'no',
    more: (n: number) => `${n.toLocaleString('en-US')} more rows pass the sheet's row limit: see the JSON Lines answers`,
    count: (n: number) => `${n.toLocaleString('en-US')} results`,
  },
};

const MONEY = '#,##0';

/**
 * A total as a SUM formula with its value filled in, so that the file shows it before any
 * recalculation. exceljs drops a cached result of 0, so a zero total is written as the number.
 */
function sumOf(range: string, result: number): ExcelJS.CellValue {
  return result === 0 ? 0 : { formula: `SUM(${range})`, result };
}
const BOLD = { bold: true };
/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32_767;

/**
 * The summary workbook of a match: a summary sheet with counts and totals per measure and per
 * article, then one sheet per measure listing the rows granted (and pending, in kind), with
 * amounts and the explanation or reasons. Text cells never start like a formula (safeCellText).
 * Written as a stream: rows come from the spool files
 * the run wrote, so memory stays flat; total rows are SUM formulas with their values filled in.
 */
export async function writeSummaryWorkbook(input: SummaryWorkbookInput): Promise<void> {
  const t = LABELS[input.lang];
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: input.file, useStyles: true, useSharedStrings: false });
  workbook.creator = 'ftai';

  const summary = workbook.addWorksheet(t.summary);
  summary.columns = [{ width: 12 }, { width: 10 }, { width: 14 }, { width: 60 }, { width: 18 }, { width: 12 }, { width: 18 }];
  const facts: [string, string | number][] = [
    [t.version, POLICY_VERSION],
    [t.input, input.inputName],
    [t.rows, input.rows],
    [t.bad, input.bad],
    [t.grantedRows, input.grantedRows],
    [t.grantedTotal, input.grantedTotal],
    [t.state, input.stoppedAfterRow === undefined ? t.complete : t.stopped(input.stoppedAfterRow)],
  ];
  let r = 1;
  const title = summary.getRow(r++);
  title.getCell(1).value = t.title;
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const [label, value] of facts) {
    const row = summary.getRow(r++);
    row.getCell(1).value = label;
    row.getCell(1).font = BOLD;
    row.getCell(3).value = safeCellValue(value);
    if (typeof value === 'number') row.getCell(3).numFmt = MONEY;
    row.commit();
  }
  const noteRow = summary.getRow(r++);
  noteRow.getCell(1).value = t.note;
  noteRow.commit();
  r++;

  const header = summary.getRow(r++);
  t.measureHeader.forEach((h, i) => {
    header.getCell(i + 1).value = h;
  });
  header.font = BOLD;
  header.commit();
  const first = r;
  for (const m of input.measures) {
    const row = summary.getRow(r++);
    const values = [
      t.article(m.article),
      m.measure,
      m.citation,
      m.summary,
      m.grantedRows,
      m.grantedResults,
      m.amount,
      m.pending,
      m.inKind,
      m.service,
      LISTED(m) ? t.sheet(m.measure) : '',
    ];
    values.forEach((v, i) => {
      row.getCell(i + 1).value = safeCellValue(v);
    });
    row.getCell(7).numFmt = MONEY;
    row.commit();
  }
  const last = r - 1;
  const sum = (col: string, result: number) => sumOf(`${col}${first}:${col}${last}`, result);
  const totalRow = summary.getRow(r++);
  totalRow.getCell(1).value = t.total;
  // Rows granted are not additive over measures (one row may hold several): the distinct count.
  totalRow.getCell(5).value = input.grantedRows;
  totalRow.getCell(6).value = sum(
    'F',
    input.measures.reduce((a, m) => a + m.grantedResults, 0),
  );
  totalRow.getCell(7).value = sum('G', input.grantedTotal);
  totalRow.getCell(7).numFmt = MONEY;
  totalRow.getCell(8).value = sum(
    'H',
    input.measures.reduce((a, m) => a + m.pending, 0),
  );
  totalRow.getCell(9).value = sum(
    'I',
    input.measures.reduce((a, m) => a + m.inKind, 0),
  );
  totalRow.getCell(10).value = sum(
    'J',
    input.measures.reduce((a, m) => a + m.service, 0),
  );
  totalRow.font = BOLD;
  totalRow.commit();
  r++;

  const articleHeader = summary.getRow(r++);
  t.articleHeader.forEach((h, i) => {
    articleHeader.getCell(i + 1).value = h;
  });
  articleHeader.font = BOLD;
  articleHeader.commit();
  const firstArticle = r;
  for (const a of input.articles) {
    const row = summary.getRow(r++);
    const citations = input.measures.filter((m) => m.article === a.article).map((m) => m.measure);
    [t.article(a.article), citations.join(', '), a.grantedRows, a.grantedResults, a.amount].forEach((v, i) => {
      row.getCell(i + 1).value = safeCellValue(v);
    });
    row.getCell(5).numFmt = MONEY;
    row.commit();
  }
  const lastArticle = r - 1;
  const articleTotal = summary.getRow(r++);
  articleTotal.getCell(1).value = t.total;
  articleTotal.getCell(3).value = input.grantedRows;
  articleTotal.getCell(4).value = sumOf(
    `D${firstArticle}:D${lastArticle}`,
    input.articles.reduce((s, a) => s + a.grantedResults, 0),
  );
  articleTotal.getCell(5).value = sumOf(`E${firstArticle}:E${lastArticle}`, input.grantedTotal);
  articleTotal.getCell(5).numFmt = MONEY;
  articleTotal.font = BOLD;
  articleTotal.commit();
  summary.commit();

  for (const m of input.measures) {
    if (!LISTED(m)) continue;
    await writeMeasureSheet(workbook, t, m, input.spoolOf(m.measure));
  }
  await workbook.commit();
}

async function writeMeasureSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  t: (typeof LABELS)['zh' | 'en'],
  m: MeasureTotals,
  spool: string | undefined,
): Promise<void> {
  const sheet = workbook.addWorksheet(t.sheet(m.measure), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { width: 8 },
    { width: 22 },
    { width: 36 },
    { width: 8 },
    { width: 20 },
    { width: 8 },
    { width: 14 },
    { width: 14 },
    { width: 10 },
    { width: 80 },
  ];
  const header = sheet.getRow(1);
  t.detailHeader.forEach((h, i) => {
    header.getCell(i + 1).value = h;
  });
  header.font = BOLD;
  header.commit();
  let r = 2;
  let listed = 0;
  let more = 0;
  let amount = 0;
  if (spool !== undefined && existsSync(spool)) {
    const lines = createInterface({ input: createReadStream(spool, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line === '') continue;
      if (listed >= MAX_SHEET_ROWS) {
        more++;
        continue;
      }
      const [row, creditCode, name, year, subject, status, amt, cap, review, text] = JSON.parse(line) as [
        number,
        string | null,
        string | null,
        number,
        string | null,
        string,
        number,
        number | null,
        boolean,
        string,
      ];
      const cells = [
        row,
        creditCode ?? '',
        name ?? '',
        year,
        subject ?? '',
        t.status[status] ?? status,
        amt,
        cap ?? '',
        review ? t.yes : t.no,
        text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text,
      ];
      const out = sheet.getRow(r++);
      // Names, subjects and explanations come from the registry: text that starts like a formula is neutralised.
      cells.forEach((v, i) => {
        out.getCell(i + 1).value = safeCellValue(v);
      });
      out.getCell(7).numFmt = MONEY;
      out.getCell(8).numFmt = MONEY;
      out.commit();
      listed++;
      amount += amt;
    }
  }
  const total = sheet.getRow(r++);
  total.getCell(1).value = t.total;
  total.getCell(2).value = t.count(listed);
  total.getCell(7).value = listed > 0 ? sumOf(`G2:G${r - 2}`, amount) : 0;
  total.getCell(7).numFmt = MONEY;
  total.font = BOLD;
  total.commit();
  if (more > 0) {
    const note = sheet.getRow(r++);
    note.getCell(1).value = t.more(more);
    note.commit();
  }
  sheet.commit();
}
