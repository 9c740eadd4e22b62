import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Notice } from '@ftai/api';
import { safeCellText } from '@ftai/match';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { shareCellStyles } from '../http/shared-cell-styles.js';
import { noticeLinesQuery } from './load-notice.js';
import { chineseDate } from './render-notice-html.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const NOTICE_SHEET = '公示名单';
export const NOTICE_INFO_SHEET = '公示说明';

/** Lines read per query while the workbook streams: one keyset range of the primary key each. */
export const EXPORT_BATCH = 2000;

const COLUMNS = [
  { header: '序号', key: 'no', width: 6 },
  { header: '企业名称', key: 'enterpriseName', width: 36 },
  { header: '统一社会信用代码', key: 'creditCode', width: 22 },
  { header: '支持事项', key: 'measure', width: 28 },
  { header: '条款', key: 'citation', width: 14 },
  { header: '支持对象', key: 'subject', width: 18 },
  { header: '金额（元）', key: 'amount', width: 16, style: { numFmt: '#,##0' } },
  { header: '申请编号', key: 'applicationId', width: 38 },
] as const;

/** One style object per column, which every line's cell of that column takes (shareCellStyles). */
const COLUMN_STYLES: readonly Partial<ExcelJS.Style>[] = COLUMNS.map((c) => ('style' in c ? c.style : {}));

/**
 * Lets the zip catch up before the next batch: yields to the event loop (SQLite answers without
 * ever leaving it, and the compression's callbacks would wait until the end, the whole sheet
 * buffered meanwhile), then waits while the sheet's compressor or `out` holds more than it wants.
 */
async function caughtUp(sheet: unknown, out: Writable): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  // exceljs' sheet stream pipes into the zip's compressor, which says when its buffer is full.
  const compressor = (sheet as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
  if (compressor?.writableNeedDrain) await once(compressor, 'drain');
  if (out.writableNeedDrain && !out.destroyed) await once(out, 'drain');
}

/**
 * A version of the notice as a workbook, streamed to `out` (exceljs' streaming writer): sheet
 * 公示名单 with a header row, one row per line with the amount as a number (format #,##0), and a
 * total row; sheet 公示说明 with the issuer, dates, version, reason of a correction and the audit
 * chain's head. The lines are read in keyset batches of EXPORT_BATCH and each row is written as
 * it comes, so the memory it takes does not grow with the notice. Every text cell goes through
 * safeCellText: a name someone typed as `=HYPERLINK(…)` is written with a leading apostrophe, so
 * no spreadsheet ever evaluates it, even after the sheet is saved as CSV.
 */
export async function exportNoticeXlsx(db: Kysely<Database>, n: Notice, out: Writable): Promise<void> {
  const text = safeCellText;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'ftai';
  // The workbook's own dates come from the version, so the same version gives the same file contents.
  workbook.created = new Date(n.at);
  workbook.modified = new Date(n.at);
  const sheet = workbook.addWorksheet(NOTICE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let after = 0;
  for (;;) {
    const rows = await noticeLinesQuery(db, n.id, n.version)
      .select(['position', 'application_id', 'credit_code', 'enterprise_name', 'measure_name', 'citation', 'subject_text', 'amount'])
      // The readable number given at submission (the stored line names the application by id).
      .select((eb) =>
        eb
          .selectFrom('applications')
          .select('applications.number')
          .whereRef('applications.id', '=', 'notice_lines.application_id')
          .as('number'),
      )
      .where('position', '>', after)
      .orderBy('position')
      .limit(EXPORT_BATCH)
      .execute();
    for (const l of rows) {
      const row = sheet.addRow({
        no: Number(l.position),
        enterpriseName: text(l.enterprise_name),
        creditCode: text(l.credit_code),
        measure: text(l.measure_name),
        citation: text(l.citation),
        subject: text(l.subject_text),
        amount: Number(l.amount),
        applicationId: text(l.number ?? l.application_id),
      });
      shareCellStyles(row, COLUMN_STYLES).commit();
    }
    const last = rows.at(-1);
    if (!last || rows.length < EXPORT_BATCH) break;
    after = Number(last.position);
    await caughtUp(sheet, out);
  }
  const total = sheet.addRow({ enterpriseName: '合计', amount: n.total });
  total.font = { bold: true };
  total.commit();
  sheet.commit();

  const info = workbook.addWorksheet(NOTICE_INFO_SHEET);
  info.columns = [
    { header: '项目', key: 'item', width: 22 },
    { header: '内容', key: 'value', width: 90 },
  ];
  info.getRow(1).font = { bold: true };
  info.getRow(1).commit();
  const rows: [string, string][] = [
    ['公示名称', n.title],
    ['发布单位', n.issuer],
    ...(n.contactPhone ? [['联系电话', n.contactPhone] as [string, string]] : []),
    ...(n.contactAddress ? [['联系地址', n.contactAddress] as [string, string]] : []),
    ['发布日期', chineseDate(n.publishedOn)],
    ['异议受理截止日期', `${chineseDate(n.objectionsUntil)}（含当日）`],
    ['版本', n.correction > 0 ? `第${n.correction}次更正（${chineseDate(n.on)}）` : '原公示'],
  ];
  if (n.correction > 0) rows.push(['更正说明', n.reason ?? '']);
  if (!n.isLatest) rows.push(['现行版本', `本版本已被第${n.latestVersion - 1}次更正取代，仅供查阅`]);
  rows.push(
    ['审计链记录序号', String(n.auditHead.seq)],
    ['审计链校验值', n.auditHead.hash],
    ['公告内容校验值（SHA-256）', n.contentSha256],
    [
      '说明',
      '审计链校验值为本版本发布时平台审计记录最后一条的校验值，涵盖该条内容及此前全部记录；可与平台审计记录核对，以确认本公告发布以来相关记录未被改动。',
    ],
  );
  for (const [item, value] of rows) info.addRow({ item, value: text(value) }).commit();
  info.commit();
  await workbook.commit();
}
