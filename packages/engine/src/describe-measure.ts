import type { Lang, Localized } from './localized.js';
import type { Measure, ParamRef, Scope } from './measure.js';
import { formatYuan } from './money.js';
import type { ParametersAt, ResolvedParameter, Tier } from './parameter.js';
import { formatRate, type Rate } from './rate.js';

/** A measure as the catalogue shows it: its rule, caps, limits and assumptions in words. */
export interface MeasureDescription {
  readonly id: string;
  readonly article: number;
  readonly citation: string;
  readonly clause: string;
  readonly summary: string;
  readonly rule: string;
  readonly caps: string;
  readonly scope: string;
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

function showValue(p: ResolvedParameter, lang: Lang): string {
  const unit = p.definition.unit;
  if (unit === 'yuan') return formatYuan(p.value as number);
  if (unit === 'rate') return formatRate(p.value as Rate);
  if (unit === 'years') return lang === 'zh' ? `${p.value} 年` : `${p.value} years`;
  return (p.value as readonly Tier[]).map((t) => `${t.label[lang]}: ${formatYuan(t.amount)}`).join('; ');
}

/**
 * Describes a measure with the parameters in force for `year`.
 *
 * @example describeMeasure(measure1, parameters.at(2026), 'en').caps // "2,000,000; industrial: 3,000,000"
 */
export function describeMeasure<R>(
  m: Measure<R>,
  params: ParametersAt,
  lang: Lang,
  variantLabels: Readonly<Record<string, Localized>> = {},
): MeasureDescription {
  const zh = lang === 'zh';
  const used = new Map<string, ResolvedParameter>();
  const val = (ref: ParamRef, sep = '; ') =>
    refs(ref)
      .map(([variant, id]) => {
        const p = params.get(id);
        used.set(id, p);
        const v = showValue(p, lang);
        return variant === 'default' ? v : `${variantLabels[variant]?.[lang] ?? variant}: ${v}`;
      })
      .join(sep);
  const r = m.rule;
  let rule: string;
  let caps = '';
  switch (r.kind) {
    case 'percent':
      rule = zh ? `基数 × ${val(r.rate)}` : `base × ${val(r.rate)}`;
      caps = val(r.cap);
      break;
    case 'fixed':
      rule = zh ? `定额 ${val(r.amount)}` : `fixed ${val(r.amount)}`;
      caps = val(r.amount);
      break;
    case 'tiers':
      rule = `${zh ? (r.firstReached ? '首次达到的最高档' : '最高档') : r.firstReached ? 'highest tier first reached' : 'highest tier reached'}: ${val(r.tiers)}`;
      if (r.bonus) rule += zh ? `;加档 ${val(r.bonus)}` : `; bonus ${val(r.bonus)}`;
      break;
    case 'per-unit':
      rule = zh ? `每家 ${val(r.unit)}` : `${val(r.unit)} each`;
      caps = zh ? `每年 ${val(r.cap)}` : `${val(r.cap)} a year`;
      break;
    case 'prize':
      rule = zh ? '大赛设定的奖金(未设定:按上限)' : 'the prize set by the competition (none set: the cap)';
      caps = val(r.cap);
      break;
    default:
      rule = r.note[lang];
  }
  const scope = describeScope(m.scope, val, zh);
  const assumptions: string[] = [];
  for (const p of used.values()) if (p.definition.assumed) assumptions.push(p.definition.assumed[lang]);
  return {
    id: m.id,
    article: m.article,
    citation: m.citation[lang],
    clause: m.clause,
    summary: m.summary[lang],
    rule,
    caps,
    scope: m.alternativeGroup ? `${scope}${zh ? ';与同组择一' : '; alternatives within group'} ${m.alternativeGroup}` : scope,
    review: m.review,
    alternativeGroup: m.alternativeGroup ?? null,
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

function describeScope(s: Scope, val: (ref: ParamRef) => string, zh: boolean): string {
  const per = (p: 'enterprise' | 'subject') => (zh ? (p === 'enterprise' ? '每家企业' : '每个对象') : `per ${p}`);
  switch (s.kind) {
    case 'one-time':
      return zh ? `一次性(${per(s.per)})` : `one-time ${per(s.per)}`;
    case 'per-year':
      return zh ? '每年' : 'per year';
    case 'consecutive':
      return zh ? `连续支持(${per(s.per)})，最多 ${val(s.years)}` : `consecutive years ${per(s.per)}, at most ${val(s.years)}`;
    case 'none':
      return '—';
  }
}
