import { ENTERPRISE_FIELDS, FACTS, type FactListSpec, type FactSpec, type FactValueSpec } from '../request/facts.js';
import { formatYuan, type Lang, type MeasureName, measureLabel, statusWithCause, TIERS_OF_MEASURE, tierLabel } from './words.js';

/**
 * The calculation as a report reads it, line by line: the facts given, each result with its cause,
 * the earlier support. The web's printed report and the server's PDF (calculation report) both
 * draw from these, so paper and screen say the same.
 */

/** The catalogue's measures by id, as the report names them. */
export type Names = ReadonlyMap<string, MeasureName>;

const number2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * 1234567.8 → "1,234,567.8" (yuan, fen kept); a decimal text as it is, digit for digit
 * (Intl.NumberFormat reads a string as an exact decimal).
 */
export const formatAmount = (v: number | string): string => number2.format(v as number);

/** A value of the contract as a reader sees it: money with separators, yes/no, labels of enumerations. */
export function showValue(field: Pick<FactValueSpec, 'kind' | 'options'>, value: unknown, lang: Lang): string {
  if (value === undefined || value === null) return '—';
  switch (field.kind) {
    case 'money':
      return typeof value === 'number' ? (lang === 'en' ? `${number2.format(value)} yuan` : `${number2.format(value)}元`) : String(value);
    case 'bool':
      return value === true ? (lang === 'en' ? 'yes' : '是') : lang === 'en' ? 'no' : '否';
    case 'rate':
      return typeof value === 'number' ? `${number2.format(value * 100)}%` : String(value);
    case 'enum':
      return field.options?.find((o) => o.value === value)?.label[lang] ?? String(value);
    case 'date': {
      // As the text writes dates (CHINESE.md): 2026年3月1日; ISO in English.
      const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
      return m && lang === 'zh' ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : String(value);
    }
    default:
      return String(value);
  }
}

const showRow = (fields: readonly FactValueSpec[], row: unknown, lang: Lang): string => {
  const r = (row ?? {}) as Record<string, unknown>;
  return fields
    .filter((f) => r[f.key] !== undefined)
    .map((f) =>
      f.kind === 'bool'
        ? r[f.key] === true
          ? f.label[lang]
          : null
        : `${f.label[lang]}${lang === 'en' ? ' ' : '：'}${showValue(f, r[f.key], lang)}`,
    )
    .filter((s): s is string => s !== null)
    .join(lang === 'en' ? '; ' : '；');
};

/** A list's item fields in the order the form shows them. */
const rowFields = (list: FactListSpec): FactValueSpec[] => {
  const order = list.formOrder ?? list.item.map((f) => f.key);
  return order.flatMap((key) => list.item.filter((f) => f.key === key));
};

/** The facts of a request as lines for the report: label and value(s), in contract order. */
export function describeFacts(facts: Readonly<Record<string, unknown>> | undefined, lang: Lang): { label: string; values: string[] }[] {
  if (!facts) return [];
  const out: { label: string; values: string[] }[] = [];
  for (const field of FACTS as readonly FactSpec[]) {
    const value = facts[field.key];
    if (value === undefined) continue;
    const label = field.label[lang];
    if (field.kind === 'list') {
      const fields = rowFields(field);
      out.push({ label, values: (Array.isArray(value) ? value : []).map((row) => showRow(fields, row, lang)) });
    } else if (field.kind === 'object') out.push({ label, values: [showRow(field.fields, value, lang)] });
    else out.push({ label, values: [showValue(field, value, lang)] });
  }
  return out;
}

/**
 * The enterprise's general conditions (基本条件) as one line: each yes/no field of `enterprise` with
 * its answer, — where not given: 在丰台注册：是；在丰台纳税：是；存在严重失信：否 ….
 */
export function describeConditions(enterprise: Readonly<Record<string, unknown>>, lang: Lang): string {
  const en = lang === 'en';
  const answer = (v: unknown) => (v === true ? (en ? 'yes' : '是') : v === false ? (en ? 'no' : '否') : '—');
  return ENTERPRISE_FIELDS.filter((f) => f.kind === 'bool')
    .map((f) => `${f.label[lang]}${en ? ': ' : '：'}${answer(enterprise[f.key])}`)
    .join(en ? '; ' : '；');
}

/** A result of the answer, as far as the report reads it. */
export interface ResultLike {
  readonly measure: string;
  readonly subject: string | null;
  readonly status: string;
  readonly amount: number;
  readonly review: boolean;
  readonly citation: string;
  readonly reasons?: readonly string[] | undefined;
}

/** One result as the report shows it: every cell a text, nothing dropped. */
export interface ReportResult {
  /** The clause and name: 第五条第（3）项（首次认定国家专精特新“小巨人”企业）. */
  readonly measure: string;
  /** The object's id, 5.1's tier by its name (1亿元), or —. */
  readonly subject: string;
  /** The status word with its cause: 不予支持：已于2026年度享受本项支持（一次性）. */
  readonly status: string;
  /** Whole yuan; a maximum an expert review may lower reads 最高500,000. */
  readonly amount: string;
  /** The 需评审 flag (经评审认定), kept on paper. */
  readonly review: boolean;
}

/**
 * A result as a line of the report. `statusWord` names the status in `lang`
 * (予以支持, 不予支持 … — CHINESE.md); the cause follows the word, never the word alone.
 */
export function reportResult(r: ResultLike, names: Names, lang: Lang, statusWord: (status: string) => string): ReportResult {
  const en = lang === 'en';
  const reasons = r.status === 'granted' ? [] : (r.reasons ?? []);
  const isMaximum = r.review && r.status === 'granted';
  return {
    measure: measureLabel(names.get(r.measure), lang, r.citation),
    subject: r.subject === null ? '—' : tierLabel(r.subject, lang),
    status: statusWithCause(statusWord(r.status), reasons, lang),
    amount: `${isMaximum ? (en ? 'up to ' : '最高') : ''}${formatYuan(r.amount)}`,
    review: isMaximum,
  };
}

/** An earlier grant of this policy, as the request's `history` gives it. */
export interface HistoryLike {
  readonly measure: string;
  readonly year: number;
  readonly subject: string | null;
  readonly amount: number | string;
}

/** An earlier grant of this policy: 2025年度，第五条第（1）项（…），档位“5000万元”，200,000元. */
export function describeHistory(h: HistoryLike, names: Names, lang: Lang): string {
  const m = measureLabel(names.get(h.measure), lang, h.measure);
  const isTier = TIERS_OF_MEASURE.has(h.measure);
  if (lang === 'en') {
    const subject = h.subject === null ? '' : `, ${isTier ? 'tier' : 'subject'} ${tierLabel(h.subject, 'en')}`;
    return `${h.year}: ${m}${subject}, ${formatAmount(h.amount)} yuan`;
  }
  const subject = h.subject === null ? '' : isTier ? `，档位“${tierLabel(h.subject, 'zh')}”` : `，支持对象${h.subject}`;
  return `${h.year}年度，${m}${subject}，${formatAmount(h.amount)}元`;
}

/** Another district policy's award, as the request's `otherPolicyAwards` gives it: for a subject or for a measure. */
export type OtherAwardLike = { readonly policy: string; readonly amount: number | string } & (
  | { readonly measure: string }
  | { readonly subject: string }
);

/** Another district policy's award: what it names (the object, or the measure it overlaps) and how much. */
export function describeOtherAward(o: OtherAwardLike, names: Names, lang: Lang): string {
  const en = lang === 'en';
  const what =
    'measure' in o
      ? `${en ? 'overlaps ' : '对应本措施'}${measureLabel(names.get(o.measure), lang, o.measure)}`
      : `${en ? 'subject ' : '支持对象'}${o.subject}`;
  return en ? `${o.policy}: ${what}, ${formatAmount(o.amount)} yuan` : `${o.policy}：${what}，${formatAmount(o.amount)}元`;
}
