import { formatYuan, type MeasureName, measureLabel, tierLabel } from '@ftai/policy-fengtai/report/words';
import type { ApplicationView } from './applications.js';

/**
 * 受理回执 as lines: what the enterprise keeps once its application is in — the number, the
 * enterprise, the call, when it was received (Beijing time), each measure claimed with the engine's
 * figure, the materials attached, what the receipt does and does not mean, and the issuer. The web's
 * receipt page and the server's PDF both draw from this, so screen and paper say the same. Always
 * Chinese, official style (CHINESE.md): the language of the bureau's records.
 */
export interface ReceiptLines {
  readonly title: '受理回执';
  /** 丰科AI申〔2026〕0001号. */
  readonly number: string;
  /** Label and value, in the order printed. */
  readonly rows: readonly (readonly [label: string, value: string])[];
  readonly itemsHeading: '申报事项';
  readonly itemColumns: readonly [string, string, string];
  readonly items: readonly { readonly measure: string; readonly subject: string; readonly amount: string }[];
  /** 合计, whole yuan with separators. */
  readonly total: string;
  readonly attachmentsHeading: '附件材料';
  /** File names in upload order; empty: 无. */
  readonly attachments: readonly string[];
  readonly note: string;
  /** The bureau that receives applications: the call's issuer (发布单位, a setting of the call). */
  readonly issuer: string;
  /** The day received, 2026年3月1日. */
  readonly date: string;
}

/** What the receipt means, and what it does not. */
export const RECEIPT_NOTE =
  '说明：本回执证明上述申报材料已于受理时间提交。测算金额为按申报信息和政策条款计算的结果，不代表最终支持金额；标“最高”的事项以专家评审认定为准，支持金额以主管部门审定并经公示的结果为准，相关支持额度受年度总额控制。';

/** An instant in Beijing time: 2026年3月1日 10:05. */
function beijing(iso: string): { date: string; time: string } {
  const d = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return { date: `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`, time: d.slice(11, 16) };
}

/**
 * The receipt of a submitted application (number and received time set); null before. `names` are
 * the catalogue's measures in Chinese, by id.
 */
export function receiptLines(app: ApplicationView, names: ReadonlyMap<string, MeasureName>): ReceiptLines | null {
  if (app.number === null || app.submittedAt === null) return null;
  // Received: the first submission; a resubmission after a return is named too.
  const first = app.timeline.find((e) => e.to === 'submitted');
  const received = beijing(first?.at ?? app.submittedAt);
  const last = [...app.timeline].reverse().find((e) => e.to === 'submitted');
  const again = last && last.seq !== first?.seq ? beijing(last.at) : null;
  return {
    title: '受理回执',
    number: app.number,
    rows: [
      ['申报企业', app.enterpriseName ?? app.creditCode],
      ['统一社会信用代码', app.creditCode],
      ['申报批次', app.call?.title ?? '—'],
      ['评估年度', app.call ? `${app.call.year}年度` : '—'],
      ['受理时间', `${received.date} ${received.time}（北京时间）${again ? `；补正后重新提交于${again.date} ${again.time}` : ''}`],
      ['政策依据', `《丰台区支持人工智能科技创新和产业创新融合发展的若干措施》（政策版本${app.policyVersion ?? '—'}）`],
    ],
    itemsHeading: '申报事项',
    itemColumns: ['支持事项', '支持对象', '测算金额（元）'],
    items: app.items.map((i) => ({
      measure: measureLabel(names.get(i.measure), 'zh', i.measure),
      subject: i.subject === null ? '—' : tierLabel(i.subject, 'zh'),
      amount: `${i.review ? '最高' : ''}${formatYuan(i.engineAmount)}`,
    })),
    total: formatYuan(app.engineTotal),
    attachmentsHeading: '附件材料',
    attachments: app.attachments.map((a) => a.filename),
    note: RECEIPT_NOTE,
    issuer: app.call?.noticeIssuer ?? '',
    date: received.date,
  };
}
