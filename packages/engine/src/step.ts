import type { Lang, Localized } from './localized.js';
import { type Fen, formatFen, formatYuan } from './money.js';
import { formatRate, type Rate } from './rate.js';

/**
 * One step of an explanation, kept as data so it renders in Chinese and in English and a
 * reviewer can redo each figure by hand.
 */
export type Step =
  | { readonly k: 'text'; readonly text: Localized }
  | { readonly k: 'assumed'; readonly text: Localized }
  | { readonly k: 'variant'; readonly label: Localized }
  | { readonly k: 'percent'; readonly base: Fen; readonly label: Localized | undefined; readonly rate: Rate; readonly result: number }
  | { readonly k: 'cap'; readonly cap: number; readonly before: number }
  | { readonly k: 'fixed'; readonly amount: number }
  | {
      readonly k: 'tier';
      readonly value: Fen | undefined;
      readonly label: Localized | undefined;
      readonly tier: Localized;
      readonly amount: number;
    }
  | { readonly k: 'tier-more'; readonly tiers: readonly Localized[] }
  | {
      readonly k: 'tier-none';
      readonly value: Fen;
      readonly label: Localized | undefined;
      readonly lowest: number;
      readonly first: boolean;
      readonly previous: Fen | undefined;
    }
  | { readonly k: 'bonus'; readonly bonus: number; readonly label: Localized | undefined; readonly result: number }
  | {
      readonly k: 'per-unit';
      readonly count: number;
      readonly label: Localized | undefined;
      readonly unit: number;
      readonly result: number;
    }
  | { readonly k: 'prize'; readonly prize: Fen | undefined }
  | { readonly k: 'zero'; readonly label: Localized | undefined }
  | { readonly k: 'general-unmet'; readonly text: Localized }
  | { readonly k: 'unmet'; readonly text: Localized }
  | { readonly k: 'one-time-ok'; readonly per: 'enterprise' | 'subject' }
  | { readonly k: 'one-time-used'; readonly measure: string; readonly year: number; readonly per: 'enterprise' | 'subject' }
  | { readonly k: 'per-year-used'; readonly year: number }
  | { readonly k: 'window'; readonly index: number; readonly years: number; readonly first: number }
  | { readonly k: 'window-over'; readonly years: number; readonly first: number }
  | { readonly k: 'window-used'; readonly year: number }
  | { readonly k: 'out-of-force'; readonly year: number; readonly from: string; readonly to: string }
  | { readonly k: 'continuing'; readonly first: number; readonly to: string }
  | { readonly k: 'event-ok'; readonly id: string; readonly date: string }
  | { readonly k: 'event-outside'; readonly id: string; readonly date: string; readonly from: string; readonly to: string }
  | { readonly k: 'event-other-year'; readonly id: string; readonly date: string; readonly year: number }
  | { readonly k: 'alternative-won'; readonly other: string; readonly otherAmount: number }
  | { readonly k: 'alternative-lost'; readonly other: string; readonly otherAmount: number; readonly amount: number }
  | { readonly k: 'best-of-won'; readonly policies: readonly string[]; readonly other: Fen; readonly amount: number }
  | { readonly k: 'best-of-lost'; readonly policies: readonly string[]; readonly other: Fen; readonly amount: number }
  | { readonly k: 'status'; readonly text: Localized };

const y = formatYuan;
const f = formatFen;
const label = (l: Localized | undefined, lang: Lang, fallback: Localized) => (l ?? fallback)[lang];
const BASE: Localized = { zh: '基数', en: 'base' };
const perWord: Record<'enterprise' | 'subject', Localized> = {
  enterprise: { zh: '每家企业', en: 'per enterprise' },
  subject: { zh: '每个对象', en: 'per subject' },
};

/**
 * Renders one step as a sentence.
 *
 * @example renderStep({ k: 'cap', cap: 2000000, before: 1000000 }, 'en') // "cap 2,000,000 not reached"
 */
export function renderStep(s: Step, lang: Lang): string {
  const zh = lang === 'zh';
  switch (s.k) {
    case 'text':
    case 'status':
    case 'unmet':
      return s.text[lang];
    case 'general-unmet':
      return zh ? `不符合基本条件:${s.text.zh}` : `general conditions not met: ${s.text.en}`;
    case 'assumed':
      return zh ? `假设:${s.text.zh}` : `assumed: ${s.text.en}`;
    case 'variant':
      return zh ? `适用:${s.label.zh}` : `applies: ${s.label.en}`;
    case 'percent':
      return zh
        ? `${label(s.label, lang, BASE)} ${f(s.base)} 元 × ${formatRate(s.rate)} = ${y(s.result)} 元(向下取整到元)`
        : `${label(s.label, lang, BASE)} ${f(s.base)} × ${formatRate(s.rate)} = ${y(s.result)} (floored to whole yuan)`;
    case 'cap':
      return s.before > s.cap
        ? zh
          ? `超过上限 ${y(s.cap)} 元,按上限 ${y(s.cap)} 元`
          : `capped at ${y(s.cap)}`
        : zh
          ? `未超过上限 ${y(s.cap)} 元`
          : `cap ${y(s.cap)} not reached`;
    case 'fixed':
      return zh ? `定额 ${y(s.amount)} 元` : `fixed amount ${y(s.amount)}`;
    case 'tier': {
      const v =
        s.value === undefined
          ? ''
          : zh
            ? `${label(s.label, lang, BASE)} ${f(s.value)} 元,`
            : `${label(s.label, lang, BASE)} ${f(s.value)}: `;
      return zh ? `${v}达到档位「${s.tier.zh}」:${y(s.amount)} 元` : `${v}tier "${s.tier.en}" reached: ${y(s.amount)}`;
    }
    case 'tier-more':
      return zh
        ? `同年新达到多档(${s.tiers.map((t) => t.zh).join('、')}),只按最高档支持`
        : `several tiers newly reached (${s.tiers.map((t) => t.en).join(', ')}): only the highest is paid`;
    case 'tier-none': {
      if (s.first && s.previous !== undefined && s.value >= s.lowest * 100) {
        return zh
          ? `${label(s.label, lang, BASE)} ${f(s.value)} 元,此前最高 ${f(s.previous)} 元:没有首次达到的档位`
          : `${label(s.label, lang, BASE)} ${f(s.value)} with a prior maximum of ${f(s.previous)}: no tier reached for the first time`;
      }
      return zh
        ? `${label(s.label, lang, BASE)} ${f(s.value)} 元,低于最低档 ${y(s.lowest)} 元`
        : `${label(s.label, lang, BASE)} ${f(s.value)} is below the lowest tier ${y(s.lowest)}`;
    }
    case 'bonus':
      return zh
        ? `${label(s.label, lang, { zh: '加档', en: 'bonus' })}每档提高 ${y(s.bonus)} 元,合计 ${y(s.result)} 元`
        : `${label(s.label, lang, { zh: '加档', en: 'bonus' })}: +${y(s.bonus)}, giving ${y(s.result)}`;
    case 'per-unit':
      return zh
        ? `${label(s.label, lang, { zh: '数量', en: 'count' })} ${s.count} × ${y(s.unit)} 元 = ${y(s.result)} 元`
        : `${label(s.label, lang, { zh: '数量', en: 'count' })} ${s.count} × ${y(s.unit)} = ${y(s.result)}`;
    case 'prize':
      return s.prize === undefined
        ? zh
          ? '大赛未定奖金:按上限'
          : 'no prize set by the competition: the cap'
        : zh
          ? `大赛奖金 ${f(s.prize)} 元(向下取整到元)`
          : `prize set by the competition ${f(s.prize)} (floored to whole yuan)`;
    case 'zero':
      return zh ? `${label(s.label, lang, BASE)}为 0,没有可支持的金额` : `${label(s.label, lang, BASE)} is 0: nothing to support`;
    case 'one-time-ok':
      return zh ? `一次性支持(${perWord[s.per].zh}):此前未获支持` : `one-time (${perWord[s.per].en}): not granted before`;
    case 'one-time-used':
      return zh
        ? `一次性支持(${perWord[s.per].zh}):已于 ${s.year} 年按第 ${s.measure} 项获得支持`
        : `one-time (${perWord[s.per].en}): already granted under ${s.measure} in ${s.year}`;
    case 'per-year-used':
      return zh ? `${s.year} 年度已获本项支持` : `already granted for ${s.year}`;
    case 'window':
      return zh
        ? `连续支持第 ${s.index} 年,最多 ${s.years} 年(首次支持 ${s.first} 年)`
        : `year ${s.index} of at most ${s.years} (first granted ${s.first})`;
    case 'window-over':
      return zh
        ? `连续支持不超过 ${s.years} 年:自 ${s.first} 年起的支持期已于 ${s.first + s.years - 1} 年结束`
        : `at most ${s.years} consecutive years: the window from ${s.first} ended in ${s.first + s.years - 1}`;
    case 'window-used':
      return zh ? `${s.year} 年度已获本项支持` : `already granted for ${s.year}`;
    case 'out-of-force':
      return zh
        ? `${s.year} 年不在本措施有效期(${s.from} 至 ${s.to})内,不予新增支持`
        : `${s.year} is outside the policy's term (${s.from} to ${s.to}): no new support`;
    case 'continuing':
      return zh
        ? `期间已立项项目至约定任务期止:${s.first} 年首次支持,有效期(至 ${s.to})后继续支持`
        : `continuing support: first granted in ${s.first}, continues past the term's end (${s.to})`;
    case 'event-ok':
      return zh ? `${s.id}:日期 ${s.date} 在有效期和评估年度内` : `${s.id}: dated ${s.date}, inside the term and the year`;
    case 'event-outside':
      return zh
        ? `${s.id}:日期 ${s.date} 不在本措施有效期(${s.from} 至 ${s.to})内`
        : `${s.id}: dated ${s.date}, outside the policy's term (${s.from} to ${s.to})`;
    case 'event-other-year':
      return zh ? `${s.id}:日期 ${s.date} 不在评估年度 ${s.year} 年内` : `${s.id}: dated ${s.date}, not in assessment year ${s.year}`;
    case 'alternative-won':
      return zh
        ? `与第 ${s.other} 项(${y(s.otherAmount)} 元)择一:本项较大,予以支持`
        : `alternative to ${s.other} (${y(s.otherAmount)}): this one is larger and stands`;
    case 'alternative-lost':
      return zh
        ? `与第 ${s.other} 项择一:第 ${s.other} 项 ${y(s.otherAmount)} 元不低于本项 ${y(s.amount)} 元,本项不予支持`
        : `alternative to ${s.other}: ${s.other} gives ${y(s.otherAmount)}, not less than ${y(s.amount)} here, so this one is excluded`;
    case 'best-of-won':
      return zh
        ? `从优不重复:区内其他政策(${s.policies.join('、')})已支持 ${f(s.other)} 元,本项 ${y(s.amount)} 元更优,替代原支持`
        : `best of, never twice: other district policies (${s.policies.join(', ')}) gave ${f(s.other)}; ${y(s.amount)} here is larger and replaces it`;
    case 'best-of-lost':
      return zh
        ? `从优不重复:区内其他政策(${s.policies.join('、')})已支持 ${f(s.other)} 元,不低于本项 ${y(s.amount)} 元,不再重复支持`
        : `best of, never twice: other district policies (${s.policies.join(', ')}) gave ${f(s.other)}, not less than ${y(s.amount)} here, so it is excluded`;
  }
}
