import { formatDateZh } from './calendar-date.js';
import type { Lang, Localised } from './localised.js';
import { type Fen, formatFen, formatYuan } from './money.js';
import { formatRate, type Rate } from './rate.js';

/** Another policy's award, as an explanation names it. */
export interface AwardShown {
  readonly policy: string;
  readonly amount: Fen;
}

/** One of this policy's results for a best-of key, as an explanation names it. */
export interface PartShown {
  /** The measure, cited (第四条第（2）项（“揭榜挂帅”攻关项目）). */
  readonly ref: Localised;
  readonly amount: number;
}

/**
 * One step of an explanation, kept as data so it renders in Chinese and in English and a
 * reviewer can redo each figure by hand. Chinese follows CHINESE.md: full-width punctuation,
 * no space between Chinese and figures, dates as 2026年3月1日, clauses as the text numbers them.
 */
export type Step =
  | { readonly k: 'text'; readonly text: Localised }
  | { readonly k: 'assumed'; readonly text: Localised }
  | { readonly k: 'general-ok'; readonly text: Localised }
  | { readonly k: 'general-unmet'; readonly text: Localised; readonly source: Localised | undefined }
  | { readonly k: 'variant'; readonly label: Localised }
  | {
      readonly k: 'percent';
      readonly base: Fen;
      readonly label: Localised | undefined;
      readonly rate: Rate;
      readonly result: number;
      /** The product had fen or less, dropped by flooring to whole yuan. */
      readonly floored: boolean;
    }
  | { readonly k: 'cap'; readonly cap: number; readonly before: number }
  /** The cap of a whole consecutive-year window, less what the window granted before (fen), leaving `left` whole yuan. */
  | { readonly k: 'cap-window'; readonly cap: number; readonly used: Fen; readonly left: number; readonly before: number }
  | { readonly k: 'maximum'; readonly amount: number }
  | {
      readonly k: 'tier';
      readonly value: Fen | undefined;
      readonly label: Localised | undefined;
      readonly tier: Localised;
      readonly amount: number;
      /** 最高 X元 (a review may give less) rather than X元. */
      readonly upTo: boolean;
      /** A milestone: the tier is reached for the first time. */
      readonly first: boolean;
    }
  | { readonly k: 'tier-more'; readonly tiers: readonly Localised[] }
  | {
      readonly k: 'tier-none';
      readonly value: Fen;
      readonly label: Localised | undefined;
      readonly lowest: number;
    }
  /** Milestones: every tier the figure reaches was reached before (by the figure before it). */
  | {
      readonly k: 'tier-before';
      readonly value: Fen;
      readonly label: Localised | undefined;
      readonly previous: Fen;
      readonly previousLabel: Localised | undefined;
    }
  | { readonly k: 'bonus'; readonly bonus: number; readonly label: Localised | undefined; readonly result: number; readonly upTo: boolean }
  | {
      readonly k: 'per-unit';
      readonly count: number;
      readonly label: Localised | undefined;
      readonly countUnit: Localised | undefined;
      readonly unit: number;
      readonly result: number;
    }
  | { readonly k: 'prize'; readonly prize: Fen | undefined }
  | { readonly k: 'zero'; readonly label: Localised | undefined }
  | { readonly k: 'unmet'; readonly text: Localised }
  /** `either`: any one of the facts would do (5.1: the prior maximum or last year's revenue). */
  | { readonly k: 'missing'; readonly labels: readonly Localised[]; readonly either: boolean }
  | { readonly k: 'one-time-ok' }
  | {
      readonly k: 'one-time-used';
      readonly year: number;
      /** The other measure whose grant counts as this one's (6.2a and 6.2b on one project). */
      readonly other: Localised | undefined;
      /** The milestone tier granted before. */
      readonly tier: Localised | undefined;
      /** The tier of this year was granted before by way of a higher tier. */
      readonly higher: boolean;
    }
  | { readonly k: 'per-year-used'; readonly year: number }
  | { readonly k: 'window'; readonly index: number; readonly years: number; readonly first: number }
  | { readonly k: 'window-over'; readonly years: number; readonly first: number }
  | { readonly k: 'out-of-force'; readonly year: number; readonly from: string; readonly to: string; readonly multiYear: boolean }
  | { readonly k: 'continuing'; readonly first: number; readonly to: string }
  | { readonly k: 'event-ok'; readonly id: string; readonly date: string }
  | { readonly k: 'event-outside'; readonly id: string; readonly date: string; readonly from: string; readonly to: string }
  | { readonly k: 'event-other-year'; readonly id: string; readonly date: string; readonly year: number }
  | { readonly k: 'alternative-won'; readonly other: Localised; readonly otherAmount: number; readonly tie: boolean }
  | {
      readonly k: 'alternative-lost';
      readonly other: Localised;
      readonly otherAmount: number;
      readonly amount: number;
      readonly tie: boolean;
    }
  | {
      readonly k: 'best-of-won' | 'best-of-lost';
      /** What the key is: the object's id, or null for the measure itself (the enterprise as a whole). */
      readonly subject: string | null;
      readonly awards: readonly AwardShown[];
      /** The other awards together, in fen. */
      readonly other: Fen;
      /** This policy's results for the key, when more than this one. */
      readonly parts: readonly PartShown[];
      /** This policy's sum for the key, whole yuan. */
      readonly ours: number;
    }
  | { readonly k: 'status'; readonly text: Localised };

const y = formatYuan;
const f = formatFen;
const zhLabel = (l: Localised | undefined, fallback: string) => l?.zh ?? fallback;
const enLabel = (l: Localised | undefined, fallback: string) => l?.en ?? fallback;

/** “A”“B”“C”: quoted items side by side need no 、 between them (GB/T 15834-2011). */
function quoted(items: readonly Localised[]): string {
  let out = '';
  for (const i of items) out += `“${i.zh}”`;
  return out;
}

function awardsZh(awards: readonly AwardShown[], other: Fen): string {
  const list = awards.map((a) => `${a.policy}${f(a.amount)}元`).join('、');
  return awards.length > 1 ? `${list}，合计${f(other)}元` : list;
}

function awardsEn(awards: readonly AwardShown[], other: Fen): string {
  const list = awards.map((a) => `${a.policy}: ${f(a.amount)}`).join('; ');
  return awards.length > 1 ? `${list}; ${f(other)} in all` : list;
}

/** 本项 / 本政策对“P-1”合计 … (第四条第（2）项1,500,000元、…) */
function oursZh(s: { subject: string | null; parts: readonly PartShown[]; ours: number }): string {
  if (s.parts.length < 2) return `本项${y(s.ours)}元`;
  const what = s.subject === null ? '本政策' : `本政策对“${s.subject}”`;
  return `${what}合计${y(s.ours)}元（${s.parts.map((p) => `${p.ref.zh}${y(p.amount)}元`).join('、')}）`;
}

function oursEn(s: { subject: string | null; parts: readonly PartShown[]; ours: number }): string {
  if (s.parts.length < 2) return `${y(s.ours)} here`;
  const what = s.subject === null ? 'this policy' : `this policy for ${s.subject}`;
  return `${y(s.ours)} from ${what} in all (${s.parts.map((p) => `${p.ref.en}: ${y(p.amount)}`).join('; ')})`;
}

/**
 * Renders one step as a sentence.
 *
 * @example renderStep({ k: 'cap', cap: 2000000, before: 1000000 }, 'zh') // "未超过最高支持额度2,000,000元"
 */
export function renderStep(s: Step, lang: Lang): string {
  return lang === 'zh' ? renderZh(s) : renderEn(s);
}

function renderZh(s: Step): string {
  switch (s.k) {
    case 'text':
    case 'status':
    case 'unmet':
    case 'general-ok':
      return s.text.zh;
    case 'general-unmet':
      return s.source ? `不符合基本条件：${s.text.zh}（${s.source.zh}）` : `不符合基本条件：${s.text.zh}`;
    case 'assumed':
      return `假设：${s.text.zh}`;
    case 'variant':
      return `适用：${s.label.zh}`;
    case 'percent':
      return `${zhLabel(s.label, '基数')}${f(s.base)}元×${formatRate(s.rate)}＝${y(s.result)}元${s.floored ? '（向下取整到元）' : ''}`;
    case 'cap':
      return s.before > s.cap ? `超过最高支持额度，按最高${y(s.cap)}元支持` : `未超过最高支持额度${y(s.cap)}元`;
    case 'cap-window': {
      const head = `连续支持期内合计最高${y(s.cap)}元，此前已支持${f(s.used)}元`;
      if (s.left === 0) return `${head}，已无剩余额度`;
      return s.before > s.left ? `${head}，本年度最多${y(s.left)}元，按${y(s.left)}元支持` : `${head}，本年度最多${y(s.left)}元`;
    }
    case 'maximum':
      return `最高${y(s.amount)}元，以评审认定为准`;
    case 'tier': {
      const pay = s.upTo ? `最高${y(s.amount)}元` : `支持${y(s.amount)}元`;
      // A flag tier (首次达规) is met, not reached by a figure.
      if (s.value === undefined) return `符合“${s.tier.zh}”，${pay}`;
      return `${zhLabel(s.label, '基数')}${f(s.value)}元，${s.first ? '首次达到' : '达到'}“${s.tier.zh}”档，${pay}`;
    }
    case 'tier-more':
      return `本年度新达到${quoted(s.tiers)}${s.tiers.length}档`;
    case 'tier-none':
      return `${zhLabel(s.label, '基数')}${f(s.value)}元，未达到最低档${y(s.lowest)}元`;
    case 'tier-before':
      return `${zhLabel(s.label, '基数')}${f(s.value)}元，${zhLabel(s.previousLabel, '此前最高')}${f(s.previous)}元，本年度没有首次达到的档位`;
    case 'bonus':
      return `${zhLabel(s.label, '适用类型')}每档支持资金提高${y(s.bonus)}元，合计${s.upTo ? '最高' : ''}${y(s.result)}元`;
    case 'per-unit':
      return `${zhLabel(s.label, '数量')}${s.count}${s.countUnit?.zh ?? ''}×${y(s.unit)}元＝${y(s.result)}元`;
    case 'prize':
      return s.prize === undefined ? '大赛未设定奖金金额，按最高支持额度计' : `大赛设定奖金${f(s.prize)}元`;
    case 'zero':
      return `${zhLabel(s.label, '基数')}为0元，无可支持金额`;
    case 'missing':
      return s.either && s.labels.length > 1 ? `缺少${quoted(s.labels)}（填写其一即可），无法测算` : `缺少${quoted(s.labels)}，无法测算`;
    case 'one-time-ok':
      return '此前未享受本项支持（一次性）';
    case 'one-time-used':
      if (s.tier) {
        return s.higher
          ? `已于${s.year}年度享受更高的“${s.tier.zh}”档支持，较低档位不再支持（一次性）`
          : `已于${s.year}年度享受“${s.tier.zh}”档支持（一次性）`;
      }
      return s.other ? `已于${s.year}年度享受${s.other.zh}支持，同一对象只支持一次` : `已于${s.year}年度享受本项支持（一次性）`;
    case 'per-year-used':
      return `${s.year}年度已享受本项支持`;
    case 'window':
      return `连续支持第${s.index}年，最多${s.years}年（首次支持${s.first}年度）`;
    case 'window-over':
      return `超出连续支持年限（首次支持${s.first}年度，最多${s.years}年）`;
    case 'out-of-force':
      if (s.year < Number(s.from.slice(0, 4))) return `${s.year}年度早于政策施行日期（${formatDateZh(s.from)}）`;
      return s.multiYear
        ? `${s.year}年度不在政策有效期内，且无期间已立项的延续支持`
        : `${s.year}年度不在政策有效期（${formatDateZh(s.from)}至${formatDateZh(s.to)}）内，不予新增支持`;
    case 'continuing':
      return `期间已立项项目至约定任务期止：${s.first}年度首次支持，政策有效期届满（${formatDateZh(s.to)}）后继续支持`;
    case 'event-ok':
      return `“${s.id}”日期为${formatDateZh(s.date)}，在政策有效期和评估年度内`;
    case 'event-outside':
      return s.date < s.from
        ? `“${s.id}”日期为${formatDateZh(s.date)}，早于政策施行日期（${formatDateZh(s.from)}）`
        : `“${s.id}”日期为${formatDateZh(s.date)}，晚于政策有效期（至${formatDateZh(s.to)}）`;
    case 'event-other-year':
      return `“${s.id}”日期为${formatDateZh(s.date)}，不属于评估年度（${s.year}年度）`;
    case 'alternative-won':
      return s.tie
        ? `与${s.other.zh}择一：两项金额相同（均为${y(s.otherAmount)}元），按本项支持`
        : `与${s.other.zh}择一：该项${y(s.otherAmount)}元，本项金额较大，按本项支持`;
    case 'alternative-lost':
      return s.tie
        ? `与${s.other.zh}择一：两项金额相同（均为${y(s.amount)}元），按该项支持，本项不予支持`
        : `与${s.other.zh}择一：该项${y(s.otherAmount)}元，高于本项${y(s.amount)}元，按该项支持，本项不予支持`;
    case 'best-of-won':
      return `从优不重复：区内其他政策已给予支持（${awardsZh(s.awards, s.other)}），${oursZh(s)}高于原支持，按本政策支持，原支持不再享受`;
    case 'best-of-lost': {
      const tie = s.ours * 100 === s.other;
      return `从优不重复：区内其他政策已给予支持（${awardsZh(s.awards, s.other)}），${tie ? '与' : '不低于'}${oursZh(s)}${tie ? '金额相同' : ''}，不再重复支持`;
    }
  }
}

function renderEn(s: Step): string {
  switch (s.k) {
    case 'text':
    case 'status':
    case 'unmet':
    case 'general-ok':
      return s.text.en;
    case 'general-unmet':
      return s.source ? `general conditions not met: ${s.text.en} (${s.source.en})` : `general conditions not met: ${s.text.en}`;
    case 'assumed':
      return `assumed: ${s.text.en}`;
    case 'variant':
      return `applies: ${s.label.en}`;
    case 'percent':
      return `${enLabel(s.label, 'base')} ${f(s.base)} × ${formatRate(s.rate)} = ${y(s.result)}${s.floored ? ' (floored to whole yuan)' : ''}`;
    case 'cap':
      return s.before > s.cap ? `capped at ${y(s.cap)}` : `cap ${y(s.cap)} not reached`;
    case 'cap-window': {
      const head = `at most ${y(s.cap)} over the consecutive years; ${f(s.used)} granted before`;
      if (s.left === 0) return `${head} leaves nothing`;
      return s.before > s.left ? `${head} leaves ${y(s.left)} this year, so ${y(s.left)}` : `${head} leaves ${y(s.left)} this year`;
    }
    case 'maximum':
      return `up to ${y(s.amount)}, subject to expert review`;
    case 'tier': {
      const v = s.value === undefined ? '' : `${enLabel(s.label, 'base')} ${f(s.value)}: `;
      const reach = s.first ? 'reached for the first time' : 'reached';
      return `${v}tier "${s.tier.en}" ${reach}: ${s.upTo ? 'up to ' : ''}${y(s.amount)}`;
    }
    case 'tier-more':
      return `${s.tiers.length} tiers newly reached this year (${s.tiers.map((t) => t.en).join(', ')})`;
    case 'tier-none':
      return `${enLabel(s.label, 'base')} ${f(s.value)} is below the lowest tier ${y(s.lowest)}`;
    case 'tier-before':
      return `${enLabel(s.label, 'base')} ${f(s.value)}, ${enLabel(s.previousLabel, 'highest before')} ${f(s.previous)}: no tier is reached for the first time`;
    case 'bonus':
      return `${enLabel(s.label, 'bonus')}: +${y(s.bonus)} a tier, giving ${s.upTo ? 'up to ' : ''}${y(s.result)}`;
    case 'per-unit':
      return `${enLabel(s.label, 'count')} ${s.count} × ${y(s.unit)} = ${y(s.result)}`;
    case 'prize':
      return s.prize === undefined ? 'no prize set by the competition: the cap' : `prize set by the competition: ${f(s.prize)}`;
    case 'zero':
      return `${enLabel(s.label, 'base')} is 0: nothing to support`;
    case 'missing':
      return `missing ${s.labels.map((l) => l.en).join(s.either ? ' or ' : ', ')}: cannot be calculated`;
    case 'one-time-ok':
      return 'one-time: not granted before';
    case 'one-time-used':
      if (s.tier) {
        return s.higher
          ? `one-time: the higher tier "${s.tier.en}" was granted in ${s.year}, so lower tiers are not paid`
          : `one-time: tier "${s.tier.en}" was granted in ${s.year}`;
      }
      return s.other ? `one-time: ${s.other.en} was granted for it in ${s.year}` : `one-time: already granted in ${s.year}`;
    case 'per-year-used':
      return `already granted for ${s.year}`;
    case 'window':
      return `year ${s.index} of at most ${s.years} (first granted ${s.first})`;
    case 'window-over':
      return `beyond the consecutive years (first granted ${s.first}, at most ${s.years} years)`;
    case 'out-of-force':
      if (s.year < Number(s.from.slice(0, 4))) return `${s.year} is before the policy took effect (${s.from})`;
      return s.multiYear
        ? `${s.year} is after the policy's term, and there is no continuing support from a grant inside it`
        : `${s.year} is outside the policy's term (${s.from} to ${s.to}): no new support`;
    case 'continuing':
      return `continuing support: first granted in ${s.first}, continues past the term's end (${s.to})`;
    case 'event-ok':
      return `${s.id}: dated ${s.date}, inside the term and the year`;
    case 'event-outside':
      return s.date < s.from
        ? `${s.id}: dated ${s.date}, before the policy took effect (${s.from})`
        : `${s.id}: dated ${s.date}, after the policy's term (to ${s.to})`;
    case 'event-other-year':
      return `${s.id}: dated ${s.date}, not in assessment year ${s.year}`;
    case 'alternative-won':
      return s.tie
        ? `alternative to ${s.other.en}: both give ${y(s.otherAmount)}, and this one stands`
        : `alternative to ${s.other.en} (${y(s.otherAmount)}): this one is larger and stands`;
    case 'alternative-lost':
      return s.tie
        ? `alternative to ${s.other.en}: both give ${y(s.amount)}, and that one stands, so this one is excluded`
        : `alternative to ${s.other.en}: that one gives ${y(s.otherAmount)}, more than ${y(s.amount)} here, so this one is excluded`;
    case 'best-of-won':
      return `best of, never twice: other district policies gave ${awardsEn(s.awards, s.other)}; ${oursEn(s)} is larger and replaces it`;
    case 'best-of-lost': {
      const tie = s.ours * 100 === s.other;
      return `best of, never twice: other district policies gave ${awardsEn(s.awards, s.other)}, ${tie ? 'the same as' : 'not less than'} ${oursEn(s)}, so it is excluded`;
    }
  }
}
