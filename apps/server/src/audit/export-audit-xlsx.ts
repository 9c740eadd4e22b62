import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { type AuditExportQuery, ROLE_LABELS } from '@ftai/api';
import { auditActionLabel, auditEntityLabel } from '@ftai/api/audit-labels';
import { safeCellText } from '@ftai/match';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { shareCellStyles } from '../http/shared-cell-styles.js';
import { chineseDate } from '../notice/render-notice-html.js';
import { auditNames } from './describe-audit-entries.js';
import { auditEntriesQuery, auditEntryOf } from './list-audit-entries.js';
import { summariseAuditChange } from './summarise-audit-change.js';

export const AUDIT_SHEET = '审计日志';

/** Entries read per query while the workbook streams: one keyset range of the log's key (seq) each. */
export const AUDIT_EXPORT_BATCH = 2000;

export const AUDIT_COLUMNS = [
  { header: '序号', key: 'no', width: 8 },
  { header: '审计记录号', key: 'seq', width: 11 },
  { header: '时间（北京时间）', key: 'at', width: 22 },
  { header: '操作人', key: 'actor', width: 18 },
  { header: '角色', key: 'role', width: 12 },
  { header: '操作', key: 'action', width: 18 },
  { header: '对象类型', key: 'entity', width: 16 },
  { header: '对象', key: 'label', width: 36 },
  { header: '对象编号', key: 'entityId', width: 38 },
  { header: '变更内容', key: 'change', width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
  { header: '校验值（哈希）', key: 'hash', width: 66 },
] as const;

/** One style object per column, which every entry's cell of that column takes (shareCellStyles). */
const COLUMN_STYLES: readonly Partial<ExcelJS.Style>[] = AUDIT_COLUMNS.map((c) => ('style' in c ? c.style : {}));

/** The title rows above the header: what the workbook holds and when it was made. */
const TITLE_ROWS = 2;

/** "2027-03-10T03:00:00.000Z" → "2027年3月10日11:00:00", Beijing time (UTC+8). */
export function beijingTimeText(iso: string): string {
  const local = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${chineseDate(local.slice(0, 10))}${local.slice(11, 19)}`;
}

/** What the filters ask for, in Chinese: 2027年3月10日至2027年3月12日；操作：新建申报批次 (全部记录 without a filter). */
export function auditFilterText(query: AuditExportQuery, actorName: string | null): string {
  const parts: string[] = [];
  if (query.from !== undefined && query.to !== undefined)
    parts.push(query.from === query.to ? chineseDate(query.from) : `${chineseDate(query.from)}至${chineseDate(query.to)}`);
  else if (query.from !== undefined) parts.push(`${chineseDate(query.from)}起`);
  else if (query.to !== undefined) parts.push(`截至${chineseDate(query.to)}`);
  if (query.actorId !== undefined) parts.push(`操作人：${actorName ?? query.actorId}`);
  if (query.action !== undefined) parts.push(`操作：${auditActionLabel(query.action, 'zh')}`);
  if (query.entity) parts.push(`对象类型：${auditEntityLabel(query.entity, 'zh')}`);
  if (query.entityId) parts.push(`对象编号：${query.entityId}`);
  return parts.length === 0 ? '全部记录' : parts.join('；');
}

/**
 * Lets the zip catch up before the next batch (as the notice's workbook does): yields to the event
 * loop, then waits while the sheet's compressor or `out` holds more than it wants.
 */
async function caughtUp(sheet: unknown, out: Writable): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const compressor = (sheet as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
  if (compressor?.writableNeedDrain) await once(compressor, 'drain');
  if (out.writableNeedDrain && !out.destroyed) await once(out, 'drain');
}

/**
 * The audit log's entries the filters match, as a workbook streamed to `out` (exceljs' streaming
 * writer), in the list's order (newest first unless `order=asc`): sheet 审计日志 with a title row
 * naming the filters, a row with the export time, the header, one row per entry and the count.
 * Each entry reads as an auditor would: Beijing time, the operator's name and role, the action
 * and record type by their Chinese names (@ftai/api/audit-labels), the record's readable name and
 * its number, and a short summary of what changed (summariseAuditChange); the entry's own
 * number and hash tie the row to the chain (GET /api/v1/audit/verify).
 *
 * The entries are read in keyset batches of `batch` (AUDIT_EXPORT_BATCH), their names looked up once per
 * batch (auditNames), and each row is written as it comes: memory does not grow with the log.
 * Text cells go through safeCellText (no formula). Reading is not audited: no entry is written.
 * The caller checks the filters first (checkAuditFilters), before the answer starts. Resolves to
 * the number of entries written.
 */
export async function exportAuditXlsx(
  db: Kysely<Database>,
  query: AuditExportQuery,
  at: string,
  out: Writable,
  batch = AUDIT_EXPORT_BATCH,
): Promise<number> {
  const text = safeCellText;
  const order = query.order ?? 'desc';
  const filtered = auditEntriesQuery(db, query);
  const operator =
    query.actorId === undefined
      ? undefined
      : await db.selectFrom('users').select('display_name').where('id', '=', query.actorId).executeTakeFirst();

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'ftai';
  workbook.created = new Date(at);
  workbook.modified = new Date(at);
  const sheet = workbook.addWorksheet(AUDIT_SHEET, { views: [{ state: 'frozen', ySplit: TITLE_ROWS + 1 }] });
  // Keys and widths only: the header goes below the title rows.
  sheet.columns = AUDIT_COLUMNS.map(({ key, width }) => ({ key, width }));
  const last = AUDIT_COLUMNS.length;
  const title = sheet.addRow([text(`审计日志（${auditFilterText(query, operator?.display_name ?? null)}）`)]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, last);
  title.commit();
  const made = sheet.addRow([
    `导出时间：${beijingTimeText(at)}（北京时间）。按审计记录号${order === 'asc' ? '从早到晚' : '从新到旧'}排列；审计记录号与校验值可与哈希链校验结果核对。`,
  ]);
  sheet.mergeCells(2, 1, 2, last);
  made.commit();
  const header = sheet.addRow(AUDIT_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.commit();

  let no = 0;
  let after: number | null = null;
  for (;;) {
    let q = filtered;
    if (after !== null) q = q.where('seq', order === 'asc' ? '>' : '<', after);
    const rows = await q.orderBy('seq', order).limit(batch).execute();
    const entries = rows.map(auditEntryOf);
    const names = await auditNames(db, entries);
    for (const e of entries) {
      no += 1;
      const actor = names.actor(e.actorId);
      const label = names.label(e.entity, e.entityId);
      // What has no value is left empty (no role for the system, no name for an objection).
      const row = sheet.addRow({
        no,
        seq: e.seq,
        at: beijingTimeText(e.at),
        actor: text(actor?.name ?? (e.actorId === null ? (e.entity === 'objection' ? '社会公众' : '系统') : e.actorId)),
        role: actor ? ROLE_LABELS[actor.role].zh : null,
        action: text(auditActionLabel(e.action, 'zh')),
        entity: text(auditEntityLabel(e.entity, 'zh')),
        label: label === null ? null : text(label),
        entityId: text(e.entityId),
        change: text(summariseAuditChange(e.before, e.after)),
        hash: e.hash,
      });
      shareCellStyles(row, COLUMN_STYLES).commit();
    }
    const end = entries.at(-1);
    if (!end || entries.length < batch) break;
    after = end.seq;
    await caughtUp(sheet, out);
  }
  const count = sheet.addRow({ no: `共${no}条记录` });
  count.font = { bold: true };
  count.commit();
  sheet.commit();
  await workbook.commit();
  return no;
}
