import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { OFFER_STATUS_LABELS } from '@ftai/api';
import { safeCellText } from '@ftai/match';
import { measures } from '@ftai/policy-fengtai';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { beijingTimeText } from '../audit/export-audit-xlsx.js';
import type { Database } from '../db/schema.js';
import { chineseDate } from '../notice/render-notice-html.js';

/** Offers read per query while the workbook streams (keyset on the id). */
const BATCH = 2000;

const COLUMNS = [
  { header: '序号', key: 'no', width: 7 },
  { header: '企业名称', key: 'name', width: 32 },
  { header: '统一社会信用代码', key: 'code', width: 22 },
  { header: '支持事项', key: 'measures', width: 48 },
  { header: '测算金额（元）', key: 'total', width: 14 },
  { header: '含需评审事项', key: 'review', width: 12 },
  { header: '状态', key: 'status', width: 12 },
  { header: '站内信', key: 'inbox', width: 10 },
  { header: '电子邮件', key: 'email', width: 10 },
  { header: '短信', key: 'sms', width: 10 },
  { header: '已读', key: 'read', width: 8 },
  { header: '确认或放弃时间（北京时间）', key: 'decided', width: 24 },
  { header: '放弃理由', key: 'reason', width: 30 },
] as const;

const CLAUSE = new Map(measures.map((m) => [m.id, `${m.citation.zh}（${m.name.zh}）`]));
const DELIVERY: Record<string, string> = { queued: '待发送', sent: '已送达', skipped: '无地址', failed: '发送失败' };

/**
 * A batch's offers as a workbook in Chinese, streamed to `out`: a title naming the batch and its
 * call, the export time, then one row per offer (enterprise, measures by clause, amount, status,
 * how each channel's notice went, read, decided, the reason of a decline) and the totals. Read in
 * keyset ranges: memory stays flat whatever the batch's size. Resolves to the rows written.
 */
export async function exportOffersXlsx(db: Kysely<Database>, batchId: string, at: string, out: Writable): Promise<number> {
  const b = await db
    .selectFrom('offer_batches')
    .innerJoin('calls', 'calls.id', 'offer_batches.call_id')
    .select(['offer_batches.seq', 'offer_batches.deadline', 'offer_batches.total', 'offer_batches.offers', 'calls.title'])
    .where('offer_batches.id', '=', batchId)
    .executeTakeFirstOrThrow();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'ftai';
  workbook.created = new Date(at);
  const sheet = workbook.addWorksheet('免申即享名单', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = COLUMNS.map(({ key, width }) => ({ key, width }));
  const title = sheet.addRow([safeCellText(`${b.title}·免申即享第${b.seq}批（确认截止日期：${chineseDate(b.deadline)}）`)]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  title.commit();
  const made = sheet.addRow([
    `导出时间：${beijingTimeText(at)}（北京时间）。共${Number(b.offers)}家企业，测算金额合计${Number(b.total).toLocaleString('en-US')}元。`,
  ]);
  sheet.mergeCells(2, 1, 2, COLUMNS.length);
  made.commit();
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  let no = 0;
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('offers')
      .select(['id', 'credit_code', 'enterprise_name', 'measures', 'total', 'review', 'status', 'read_at', 'decided_at', 'decline_reason'])
      .where('batch_id', '=', batchId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    const deliveries = await db
      .selectFrom('offer_deliveries')
      .select(['offer_id', 'channel', 'status'])
      .where(
        'offer_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('kind', '=', 'notice')
      .execute();
    const status = new Map(deliveries.map((d) => [`${d.offer_id}|${d.channel}`, DELIVERY[d.status] ?? d.status]));
    for (const r of rows) {
      no += 1;
      sheet
        .addRow({
          no,
          name: safeCellText(r.enterprise_name ?? ''),
          code: r.credit_code,
          measures: r.measures
            .split(',')
            .filter((m) => m !== '')
            .map((m) => CLAUSE.get(m) ?? m)
            .join('；'),
          total: Number(r.total),
          review: Number(r.review) === 1 ? '是' : '否',
          status: OFFER_STATUS_LABELS[r.status].zh,
          inbox: status.get(`${r.id}|inbox`) ?? '',
          email: status.get(`${r.id}|email`) ?? '',
          sms: status.get(`${r.id}|sms`) ?? '',
          read: r.read_at ? '是' : '否',
          decided: r.decided_at ? beijingTimeText(r.decided_at) : '',
          reason: safeCellText(r.decline_reason ?? ''),
        })
        .commit();
    }
    after = (rows.at(-1) as { id: string }).id;
    await new Promise((resolve) => setImmediate(resolve));
    if (out.writableNeedDrain && !out.destroyed) await once(out, 'drain');
  }
  const total = sheet.addRow({ no: '合计', name: `${no}家`, total: Number(b.total) });
  total.font = { bold: true };
  total.commit();
  sheet.commit();
  await workbook.commit();
  return no;
}
