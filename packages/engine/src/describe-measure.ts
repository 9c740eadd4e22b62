import type { Lang, Localised } from './localised.js';
import type { Measure, ParamRef, Scope } from './measure.js';
import { measureRef } from './measure-ref.js';
import { formatYuan } from './money.js';
import type { ParametersAt, ResolvedParameter, Tier } from './parameter.js';
import { formatRate, type Rate } from './rate.js';

/** A measure as the catalogue shows it: its rule, caps, limits and assumptions in words. */
export interface MeasureDescription {
  readonly id: string;
  readonly article: number;
  /** The clause as the text numbers it (第五条第（3）项). */
  readonly citation: string;
  /** The measure's short name (首次认定国家高新技术企业或北京市专精特新中小企业). */
  readonly name: string;
  readonly clause: string;
  readonly summary: string;
  readonly rule: string;
  readonly caps: string;
  readonly scope: string;
  /** The amount is a maximum (最高): an expert review may give less. */
  readonly review: boolean;
  readonly alternativeGroup: string | null;
  readonly assumptions: readonly string[];
  readonly parameters: readonly {
    readonly id: string;
    readonly label: string;
    readonly value: string;
    readonly from: string;
    readonly reference: string;
    readonly assumed: boolean;
  }[];
}

function refs(ref: ParamRef): [string, string][] {
  return typeof ref === 'string' ? [['default', ref]] : Object.entries(ref);
}

function showTier(t: Tier, lang: Lang, upTo: boolean): string {
  return lang === 'zh'
    ? `“${t.label.zh}”${upTo ? '最高' : ''}${formatYuan(t.amount)}元`
    : `${t.label.en}: ${upTo ? 'up to ' : ''}${formatYuan(t.amount)}`;
}

function showValue(p: ResolvedParameter, lang: Lang, upTo = false): string {
  const zh = lang === 'zh';
  switch (p.definition.unit) {
    case 'yuan':
      return zh ? `${upTo ? '最高' : ''}${formatYuan(p.value as number)}元` : `${upTo ? 'up to ' : ''}${formatYuan(p.value as number)}`;
    case 'rate':
      return formatRate(p.value as Rate);
    case 'years':
      return zh ? `${p.value}年` : `${p.value} years`;
    case 'switch':
      return zh ? (p.value ? '是' : '否') : p.value ? 'yes' : 'no';
    case 'tiers':
      return (p.value as readonly Tier[]).map((t) => showTier(t, lang, upTo)).join(zh ? '；' : '; ');
  }
}

/**
 * Describes a measure with the parameters in force for `year`, in official Chinese or plain English.
 * `peers` (the policy's measures) name the alternatives of a group.
 *
 * @example describeMeasure(measure1, parameters.at(2026), 'en').caps // "2,000,000; industrial: 3,000,000"
 */
export function describeMeasure<R>(
  m: Measure<R>,
  params: ParametersAt,
  lang: Lang,
  variantLabels: Readonly<Record<string, Localised>> = {},
  peers: readonly Measure<R>[] = [],
): MeasureDescription {
  const zh = lang === 'zh';
  const sep = zh ? '；' : '; ';
  const names: Readonly<Record<string, Localised>> = m.variantLabels ? { ...variantLabels, ...m.variantLabels } : variantLabels;
  const used = new Map<string, ResolvedParameter>();
  const use = (id: string) => {
    const p = params.get(id);
    used.set(id, p);
    return p;
  };
  const val = (ref: ParamRef, upTo = false) =>
    refs(ref)
      .map(([variant, id]) => {
        const v = showValue(use(id), lang, upTo);
        if (variant === 'default') return v;
        const name = names[variant]?.[lang] ?? variant;
        return zh ? `${name}：${v}` : `${name}: ${v}`;
      })
      .join(sep);
  const r = m.rule;
  let rule: string;
  let caps = '';
  switch (r.kind) {
    case 'percent': {
      const base = zh ? '基数×' : 'base × ';
      // 基数×20%；工业：30% — or, with no default rate, 国家级：基数×20%；北京市级：基数×10%.
      rule =
        typeof r.rate !== 'string' && r.rate.default === undefined
          ? refs(r.rate)
              .map(([variant, id]) => `${names[variant]?.[lang] ?? variant}${zh ? '：' : ': '}${base}${showValue(use(id), lang)}`)
              .join(sep)
          : `${base}${val(r.rate)}`;
      caps = val(r.cap);
      break;
    }
    case 'maximum':
      rule = val(r.amount, true);
      caps = val(r.amount);
      break;
    case 'tiers':
      rule = r.milestones
        ? `${zh ? '首次达到的档位（每档一次）：' : 'tiers reached for the first time (each once): '}${val(r.tiers, m.review)}`
        : `${zh ? '达到的最高一档：' : 'highest tier reached: '}${val(r.tiers, m.review)}`;
      if (r.bonus) rule += zh ? `；每档提高：${val(r.bonus)}` : `; more per tier: ${val(r.bonus)}`;
      if (r.milestones) use(r.milestones.highestOnly);
      break;
    case 'per-unit':
      rule = zh ? `每家${val(r.unit)}` : `${val(r.unit)} each`;
      caps = zh ? `每年最高${val(r.cap)}` : `${val(r.cap)} a year`;
      break;
    case 'prize':
      rule = zh ? '大赛设定的奖金（未设定的，按最高支持额度）' : 'the prize set by the competition (none set: the cap)';
      caps = val(r.cap);
      use(r.noPrizeCap);
      break;
    default:
      rule = r.note[lang];
  }
  let scope = describeScope(m.scope, val, zh);
  for (const id of scopeReadings(m.scope)) use(id);
  for (const id of m.readings ?? []) use(id);
  const group = m.alternativeGroup;
  if (group) {
    use(group.tieReading);
    const others = peers.filter((p) => p !== m && p.alternativeGroup?.id === group.id).map((p) => measureRef(p)[lang]);
    if (others.length > 0) scope += zh ? `；与${others.join('、')}择一` : `; an alternative to ${others.join(', ')}`;
  }
  const assumptions: string[] = [];
  for (const p of used.values()) {
    const text = p.value === false ? (p.definition.assumedIfFalse ?? p.definition.assumed) : p.definition.assumed;
    if (text) assumptions.push(text[lang]);
  }
  return {
    id: m.id,
    article: m.article,
    citation: m.citation[lang],
    name: m.name[lang],
    clause: m.clause,
    summary: m.summary[lang],
    rule,
    caps,
    scope,
    review: m.review,
    alternativeGroup: group?.id ?? null,
    assumptions,
    parameters: [...used.values()].map((p) => ({
      id: p.definition.id,
      label: p.definition.label[lang],
      value: showValue(p, lang),
      from: p.from,
      reference: p.definition.reference,
      assumed: p.definition.assumed !== undefined,
    })),
  };
}

function scopeReadings(s: Scope): string[] {
  switch (s.kind) {
    case 'one-time':
      return [...(s.perSubjectReading ? [s.perSubjectReading] : []), ...(s.readings ?? [])];
    case 'per-year':
      return s.reading ? [s.reading] : [];
    case 'consecutive':
      return [...(s.capPerYear ? [s.capPerYear] : []), ...(s.yearsReading ? [s.yearsReading] : [])];
    case 'none':
      return [];
  }
}

function describeScope(s: Scope, val: (ref: ParamRef) => string, zh: boolean): string {
  const per = (p: 'enterprise' | 'subject' | 'tier') =>
    zh ? { enterprise: '每家企业', subject: '每个对象', tier: '每档' }[p] : `per ${p}`;
  switch (s.kind) {
    case 'one-time':
      return zh ? `一次性（${per(s.per)}）` : `one-time ${per(s.per)}`;
    case 'per-year':
      return zh ? '每年度' : 'per year';
    case 'consecutive':
      return zh ? `连续支持（${per(s.per)}），最多${val(s.years)}` : `consecutive years ${per(s.per)}, at most ${val(s.years)}`;
    case 'none':
      return '—';
  }
}
