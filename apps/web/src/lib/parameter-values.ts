/**
 * The values of the policy's parameters as people read and write them (政策参数版本, the policy
 * browser's 参数及历史): whole yuan with separators and 元, rates as "25%", years, the two readings
 * of a switch as 是/否, and tiers as rows whose labels are made in the style of parameters.json
 * (“100万元（含）至300万元”, “2000万元（含）以上”). Plain code: the public policy page and the
 * officer's pages share it.
 */
import { formatYuan } from '@ftai/policy-fengtai/report/words';

export type Lang = 'zh' | 'en';
export type ParameterUnit = 'yuan' | 'rate' | 'years' | 'tiers' | 'switch';

/** A tier as parameters.json writes it: a threshold (min) or a flag, the amount, the label in both languages, an id for milestones. */
export interface Tier {
  readonly id?: string;
  readonly min?: number;
  readonly flag?: string;
  readonly amount: number;
  readonly label: { readonly zh: string; readonly en: string };
}

/** Is `value` a list of tiers? */
export function isTierList(value: unknown): value is Tier[] {
  return (
    Array.isArray(value) &&
    value.every((t) => t !== null && typeof t === 'object' && typeof (t as { amount?: unknown }).amount === 'number')
  );
}

/** A value of `unit` in one line: 1,000,000元 · 25% · 2年 · 是 · 5档 (the tiers are shown as a table, see tierRows). */
export function formatParameterValue(unit: ParameterUnit, value: unknown, lang: Lang): string {
  if (value === undefined || value === null) return '—';
  switch (unit) {
    case 'yuan':
      return typeof value === 'number' ? (lang === 'en' ? `${formatYuan(value)} yuan` : `${formatYuan(value)}元`) : String(value);
    case 'rate':
      return String(value);
    case 'years':
      return typeof value === 'number' ? (lang === 'en' ? `${value} year${value === 1 ? '' : 's'}` : `${value}年`) : String(value);
    case 'switch':
      return value === true ? (lang === 'en' ? 'Yes' : '是') : value === false ? (lang === 'en' ? 'No' : '否') : String(value);
    case 'tiers':
      return isTierList(value) ? (lang === 'en' ? `${value.length} tiers` : `${value.length}档`) : '—';
  }
}

/** "25%" → "25"; "12.5%" → "12.5"; anything else → undefined (what a percent input shows). */
export function percentNumber(rate: unknown): string | undefined {
  if (typeof rate !== 'string') return undefined;
  const m = /^(\d{1,3}(?:\.\d{1,2})?)%$/.exec(rate.trim());
  return m ? m[1] : undefined;
}

/**
 * What a percent input produces, as parameters.json writes a rate: "25" → "25%", "12.50" → "12.5%",
 * "08" → "8%"; not a rate from 0 to 100 with at most two decimals → undefined.
 */
export function rateText(input: string | number | null | undefined): string | undefined {
  if (input === null || input === undefined) return undefined;
  const s = String(input)
    .trim()
    .replace(/[%％]$/, '');
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  const whole = String(Number(m[1]));
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (Number(whole) > 100 || (Number(whole) === 100 && fraction !== '')) return undefined;
  return `${whole}${fraction ? `.${fraction}` : ''}%`;
}

/**
 * A growth rate as the budget estimate takes it ("8%", "-5%", "2.5%"), from what an officer typed
 * ("8", "8%", "＋8％", "−5", " 2.50 "); undefined when it is not one (at most three digits and two
 * decimals, as the API's growthRateSchema).
 */
export function growthText(input: string | number | null | undefined): string | undefined {
  if (input === null || input === undefined) return undefined;
  const s = String(input)
    .trim()
    .replace(/[%％]$/, '')
    .replace(/^[−－]/, '-')
    .replace(/^[+＋]/, '');
  const m = /^(-?)(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return undefined;
  const whole = String(Number(m[2]));
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  const zero = whole === '0' && fraction === '';
  return `${m[1] && !zero ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}%`;
}

/**
 * An amount as the policy's labels write it: 100万元, 5000万元, 10亿元 (the text's own 万元 and
 * 亿元 where the figure is whole), else 1,234,567元.
 */
export function amountWords(yuan: number): string {
  if (yuan > 0 && yuan % 100_000_000 === 0) return `${yuan / 100_000_000}亿元`;
  if (yuan > 0 && yuan % 10_000 === 0) return `${yuan / 10_000}万元`;
  return `${formatYuan(yuan)}元`;
}

/**
 * How a parameter's tiers are labelled, judged from its value in the base version:
 * `bands` — ranges from one threshold to the next (第四条第（3）项: 100万元（含）至300万元 … 2000万元（含）以上);
 * `thresholds` — each tier its threshold alone (第五条第（2）项: 5亿元, "growth of 500,000,000");
 * `milestones` — tiers with ids the ledger names (第五条第（1）项): their ids and count stay.
 */
export type TierStyle = { kind: 'bands' } | { kind: 'thresholds'; enPrefix: string } | { kind: 'milestones' };

export function tierStyleOf(base: readonly Tier[]): TierStyle {
  if (base.some((t) => t.id !== undefined)) return { kind: 'milestones' };
  if (base.some((t) => t.label.zh.includes('（含）'))) return { kind: 'bands' };
  const en = base[0]?.label.en ?? '';
  return { kind: 'thresholds', enPrefix: /^(.*?)[\d,]+$/.exec(en)?.[1] ?? '' };
}

/** The order tiers of a style are written in: bands from the lowest, thresholds from the highest (as parameters.json). */
function ordered(tiers: readonly Tier[], style: TierStyle): Tier[] {
  if (style.kind === 'milestones') return [...tiers];
  const sorted = [...tiers].sort((a, b) => (a.min ?? 0) - (b.min ?? 0));
  return style.kind === 'bands' ? sorted : sorted.reverse();
}

/**
 * The tiers with their labels made from their thresholds, in both languages, in the style of the
 * base version's (tierStyleOf), and in its order:
 *
 * @example labelTiers([{ min: 1_000_000, amount: 150_000 }, { min: 5_000_000, amount: 450_000 }], { kind: 'bands' })
 * // [{ min: 1000000, amount: 150000, label: { zh: '100万元（含）至500万元', en: '1,000,000 (incl.) to 5,000,000' } },
 * //  { min: 5000000, amount: 450000, label: { zh: '500万元（含）以上', en: '5,000,000 or more' } }]
 *
 * A milestone keeps its id and flag; its label is made anew only when its threshold moved from `base`'s.
 */
export function labelTiers(
  tiers: readonly { id?: string; min?: number; flag?: string; amount: number; label?: Tier['label'] }[],
  style: TierStyle,
  base: readonly Tier[] = [],
): Tier[] {
  if (style.kind === 'milestones') {
    return tiers.map((t) => {
      const before = base.find((b) => b.id === t.id);
      const moved = t.min !== undefined && before?.min !== t.min;
      const label = moved || !t.label ? { zh: amountWords(t.min ?? 0), en: formatYuan(t.min ?? 0) } : t.label;
      return {
        ...(t.id !== undefined && { id: t.id }),
        ...(t.min !== undefined && { min: t.min }),
        ...(t.flag && { flag: t.flag }),
        amount: t.amount,
        label,
      };
    });
  }
  const rows = ordered(
    tiers.map((t) => ({ min: t.min ?? 0, amount: t.amount, label: { zh: '', en: '' } })),
    style,
  );
  if (style.kind === 'thresholds') {
    return rows.map((t) => ({
      min: t.min,
      amount: t.amount,
      label: { zh: amountWords(t.min ?? 0), en: `${style.enPrefix}${formatYuan(t.min)}` },
    }));
  }
  return rows.map((t, i) => {
    const next = rows[i + 1];
    const min = t.min ?? 0;
    const label = next
      ? { zh: `${amountWords(min)}（含）至${amountWords(next.min ?? 0)}`, en: `${formatYuan(min)} (incl.) to ${formatYuan(next.min)}` }
      : { zh: `${amountWords(min)}（含）以上`, en: `${formatYuan(min)} or more` };
    return { min, amount: t.amount, label };
  });
}

/** Two values the same (tiers compared as their JSON, keys in order)? */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

/** The article a parameter belongs to by its id ("4.3.tiers" → 4), or null for the general rules ("general.conditions"). */
export function articleOfParameter(id: string): number | null {
  const m = /^(\d+)\./.exec(id);
  return m ? Number(m[1]) : null;
}

/**
 * A parameter's value in version `number`, from its history over approved versions (version 1
 * first): the value the last version up to `number` set.
 */
export function valueAtVersion(history: readonly { number: number; value: unknown }[], number: number): unknown {
  let value: unknown;
  for (const h of history) if (h.number <= number) value = h.value;
  return value;
}
