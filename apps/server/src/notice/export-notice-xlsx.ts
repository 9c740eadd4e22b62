import ExcelJS from 'exceljs';
import type { NoticeView } from './load-notice.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const NOTICE_SHEET = '公示名单';

const COLUMNS = [
  { header: '序号', key: 'no', width: 6 },
  { header: '企业名称', key: 'enterpriseName', width: 36 },
  { header: '统一社会信用代码', key: 'creditCode', width: 22 },
  { header: '支持事项', key: 'measure', width: 28 },
  { header: '条款', key: 'citation', width: 14 },
  { header: '支持对象', key: 'subject', width: 18 },
  { header: '金额（元）', key: 'amount', width: 16 },
  { header: '申请编号', key: 'applicationId', width: 38 },
] as const;

/**
 * The notice's lines as a workbook: one sheet 公示名单, a header row, one row per line with the
 * amount as a number (format #,##0), and a total row. Text cells stay text (exceljs writes them as
 * strings, never formulas), whatever an enterprise name starts with.
 */
export async function exportNoticeXlsx(n: NoticeView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ftai';
  // The workbook's own dates come from the notice, so the same notice gives the same file contents.
  workbook.created = new Date(n.publishedAt);
  workbook.modified = new Date(n.publishedAt);
  const sheet = workbook.addWorksheet(NOTICE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };
  n.lines.forEach((l, i) => {
    sheet.addRow({
      no: i + 1,
      enterpriseName: l.enterpriseName,
      creditCode: l.creditCode,
      measure: l.measureName,
      citation: l.citation,
      subject: l.subjectText,
      amount: l.amount,
      applicationId: l.applicationId,
    });
  });
  const total = sheet.addRow({ enterpriseName: '合计', amount: n.total });
  total.font = { bold: true };
  sheet.getColumn('amount').numFmt = '#,##0';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
