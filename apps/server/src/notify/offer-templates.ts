import { chineseDate } from '../notice/render-notice-html.js';
import { yuan } from '../yuan-text.js';

/** The policy every offer rests on, as its title reads. */
export const POLICY_TITLE = '丰台区支持人工智能科技创新和产业创新融合发展的若干措施';

/** The SMS signature (短信签名) used where the input names none; a provider sends only a registered one. */
export const SMS_SIGN = '【丰台区科信局】';

/** The longest SMS written, in characters: two concatenated segments with room for the provider's own. */
export const SMS_MAX_CHARS = 120;

/** One measure an offer grants: its clause as cited, its amount in whole yuan, and whether that is a maximum (经评审认定). */
export interface OfferItem {
  /** The clause, e.g. 第二条第（1）项（大模型合规备案）. */
  readonly label: string;
  readonly amount: number;
  /** The amount is a maximum: printed 最高…元，以评审认定为准. */
  readonly review: boolean;
}

/** What a 免申即享 offer's notice says: to whom, under which call, what, until when, where to confirm, and who sends it. */
export interface OfferMessageInput {
  readonly enterpriseName: string;
  /** The call's title, e.g. 2027年度丰台区人工智能产业支持措施申报（评估2026年度）. */
  readonly callTitle: string;
  readonly items: readonly OfferItem[];
  /** The offer's total in whole yuan. */
  readonly total: number;
  /** The last day to confirm, YYYY-MM-DD (Beijing), included. */
  readonly deadline: string;
  /** Where the enterprise confirms (or, with an invitation code, creates its account first). */
  readonly confirmUrl: string;
  /** The invitation code (邀请码) of an enterprise without an account; null when it has one. */
  readonly invitationCode: string | null;
  /** The sender, signed at the foot: e.g. 北京市丰台区科学技术和信息化局. */
  readonly issuer: string;
  /** The contact telephone number; '' for none. */
  readonly phone: string;
  /** The SMS signature; SMS_SIGN by default. */
  readonly smsSign?: string;
}

/** A reminder's input: the notice's, and the days left until the deadline (0: today is the last day). */
export interface OfferReminderInput extends OfferMessageInput {
  readonly daysLeft: number;
}

/** A message as every channel needs it: the subject, plain text (also the 站内信 body), HTML and the SMS line. */
export interface OfferMessageText {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly sms: string;
}

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 12 → 十二, 20 → 二十, 99 → 九十九 (list numbers as （一）（二）); Arabic from 100 on. */
function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const t = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return `${t}${ones === 0 ? '' : DIGITS[ones]}`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML, elements and attribute values alike. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const amountText = (item: OfferItem): string => (item.review ? `最高${yuan(item.amount)}元，以评审认定为准` : `${yuan(item.amount)}元`);

/** The parts of a message, written once and rendered as text and as HTML. */
interface Letter {
  readonly subject: string;
  /** Paragraphs before the list of measures. */
  readonly lead: readonly string[];
  readonly items: readonly OfferItem[];
  /** The total as printed: 1,234,567元, 最高1,234,567元 where any item is a maximum. */
  readonly total: string;
  /** The paragraph that asks to confirm, ending in "：" before the link. */
  readonly action: string;
  readonly url: string;
  /** Paragraphs after the link. */
  readonly after: readonly string[];
  readonly issuer: string;
  readonly salutation: string;
}

function letter(input: OfferMessageInput, subject: string, opening: readonly string[], action: string): Letter {
  const anyReview = input.items.some((i) => i.review);
  const after: string[] = [];
  if (input.invitationCode)
    after.push(
      `贵单位尚未开通平台账号。请打开上述网址，凭统一社会信用代码和邀请码${input.invitationCode}创建账号，登录后确认申领。邀请码仅供贵单位使用，请妥善保管。`,
    );
  after.push(
    `说明：上述金额为按我局掌握的数据和政策条款测算的结果，不代表最终支持金额；${anyReview ? '标“最高”的事项以评审认定为准，' : ''}支持金额以主管部门审定并经公示的结果为准，相关支持额度受年度总额控制。`,
  );
  if (input.phone.trim()) after.push(`如有疑问，请致电${input.phone.trim()}。`);
  return {
    subject,
    salutation: `${input.enterpriseName}：`,
    lead: [...opening, `根据《${POLICY_TITLE}》和“${input.callTitle}”的安排，经我局依据掌握的数据测算，贵单位符合以下政策条款的支持条件：`],
    items: input.items,
    total: `${anyReview ? '最高' : ''}${yuan(input.total)}元`,
    action,
    url: input.confirmUrl,
    after,
    issuer: input.issuer,
  };
}

function renderText(l: Letter): string {
  const items = l.items.map(
    (item, i) => `（${chineseNumber(i + 1)}）${item.label}：${amountText(item)}${i === l.items.length - 1 ? '。' : '；'}`,
  );
  return [l.salutation, ...l.lead, items.join('\n'), `合计：${l.total}。`, `${l.action}\n${l.url}`, ...l.after, l.issuer].join('\n\n');
}

function renderHtml(l: Letter): string {
  const p = (s: string) => `<p>${escapeHtml(s)}</p>`;
  const cell = 'border:1px solid #999;padding:4px 8px';
  const rows = l.items.map(
    (item, i) =>
      `<tr><td style="${cell};text-align:center">${i + 1}</td><td style="${cell}">${escapeHtml(item.label)}</td><td style="${cell};text-align:right">${escapeHtml(amountText(item))}</td></tr>`,
  );
  const url = escapeHtml(l.url);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    `<head><meta charset="utf-8"><title>${escapeHtml(l.subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.6">',
    p(l.salutation),
    ...l.lead.map(p),
    '<table style="border-collapse:collapse">',
    `<thead><tr><th scope="col" style="${cell}">序号</th><th scope="col" style="${cell}">政策条款</th><th scope="col" style="${cell}">支持金额</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    `<tfoot><tr><th scope="row" colspan="2" style="${cell}">合计</th><td style="${cell};text-align:right"><strong>${escapeHtml(l.total)}</strong></td></tr></tfoot>`,
    '</table>',
    `<p>${escapeHtml(l.action)}<br><a href="${url}">${url}</a></p>`,
    ...l.after.map(p),
    `<p style="text-align:right">${escapeHtml(l.issuer)}</p>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** The site of a link (https://host), where an SMS has no room for the whole link: one signs in there. */
function siteOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin !== 'null' && origin !== url ? origin : null;
  } catch {
    return null;
  }
}

/**
 * The SMS: the first wording, from the fullest to the shortest, that fits in SMS_MAX_CHARS. The
 * wordings take the link and end with it; the last one leaves out the enterprise's name. Where
 * the whole link does not fit, the site alone (one signs in there) is tried before the nameless
 * wording, unless `keepLink` (an invitation's link: the page to register on) puts the link first.
 * The shortest, with the site, when none fits.
 */
function fitSms(url: string, wordings: readonly ((url: string) => string)[], keepLink: boolean): string {
  const site = siteOf(url);
  const named = wordings.slice(0, -1);
  const last = wordings.at(-1) as (url: string) => string;
  const withSite = site ? named.map((w) => w(site)) : [];
  const ladder = [
    ...named.map((w) => w(url)),
    ...(keepLink ? [last(url), ...withSite] : [...withSite, last(url)]),
    ...(site ? [last(site)] : []),
  ];
  return ladder.find((s) => [...s].length <= SMS_MAX_CHARS) ?? (ladder.at(-1) as string);
}

/** How to confirm in an SMS: with the invitation code to register first, or by signing in; shorter for a tight line. */
const smsConfirm = (code: string | null, short = false): string =>
  code ? `凭邀请码${code}注册${short ? '' : '并'}确认${short ? '' : '申领'}` : `登录确认${short ? '' : '申领'}`;

/**
 * The notice of a 免申即享 offer: the measures the enterprise qualifies for by the data the bureau
 * holds, each with its amount, the total, the deadline and link to confirm in one step (with the
 * invitation code to create the account where it has none), and what the amounts are subject to.
 * The SMS says the same in one line of at most 120 characters, shortened where the name or link
 * is long (fewer words; then the site for the link, or without the name where the link is an
 * invitation's).
 */
export function offerNoticeMessage(input: OfferMessageInput): OfferMessageText {
  const date = chineseDate(input.deadline);
  const l = letter(
    input,
    `【免申即享】${input.enterpriseName}可享受丰台区人工智能政策支持（待确认）`,
    [],
    `本次支持实行“免申即享”，贵单位无需提交申报材料，请于${date}前登录以下网址确认申领：`,
  );
  const sign = input.smsSign ?? SMS_SIGN;
  const max = input.items.some((i) => i.review) ? '最高' : '';
  const sum = `${max}${yuan(input.total)}元`;
  const code = input.invitationCode;
  return {
    subject: l.subject,
    text: renderText(l),
    html: renderHtml(l),
    sms: fitSms(
      input.confirmUrl,
      [
        (url) => `${sign}${input.enterpriseName}可免申即享丰台区人工智能政策支持${sum}，请于${date}前${smsConfirm(code)}：${url}`,
        (url) => `${sign}${input.enterpriseName}可免申即享政策支持${sum}，请于${date}前${smsConfirm(code, true)}：${url}`,
        (url) => `${sign}贵单位可免申即享政策支持${sum}，请于${date}前${smsConfirm(code, true)}：${url}`,
      ],
      code !== null,
    ),
  };
}

/**
 * The reminder of an offer not yet confirmed: the notice again, opened by how many days are left
 * (N天后截止, 今日截止 on the last day).
 */
export function offerReminderMessage(input: OfferReminderInput): OfferMessageText {
  const date = chineseDate(input.deadline);
  const left = input.daysLeft > 0 ? `${input.daysLeft}天后截止` : '今日截止';
  const when = input.daysLeft > 0 ? `${input.daysLeft}天后（${date}）` : `今日（${date}）`;
  const l = letter(
    input,
    `【免申即享】提醒：${input.enterpriseName}可享受的丰台区人工智能政策支持尚待确认，${left}`,
    [`贵单位可享受的丰台区人工智能政策支持尚未确认申领，确认申领将于${when}截止。`],
    `本次支持实行“免申即享”，贵单位无需提交申报材料，请于${date}前登录以下网址确认申领：`,
  );
  const sign = input.smsSign ?? SMS_SIGN;
  const max = input.items.some((i) => i.review) ? '最高' : '';
  const sum = `${max}${yuan(input.total)}元`;
  const code = input.invitationCode;
  return {
    subject: l.subject,
    text: renderText(l),
    html: renderHtml(l),
    sms: fitSms(
      input.confirmUrl,
      [
        (url) => `${sign}提醒：${input.enterpriseName}的免申即享政策支持${sum}待确认，${when}截止，请${smsConfirm(code)}：${url}`,
        (url) => `${sign}提醒：${input.enterpriseName}的免申即享政策支持${sum}待确认，${date}截止，请${smsConfirm(code, true)}：${url}`,
        (url) => `${sign}提醒：贵单位的免申即享政策支持${sum}待确认，${date}截止，请${smsConfirm(code, true)}：${url}`,
      ],
      code !== null,
    ),
  };
}
