import { isWithin, yearOf } from './calendar-date.js';
import type { Lang } from './localized.js';
import type { Candidate, EngineRequest, HistoryEntry, Measure, ParamRef, Policy } from './measure.js';
import { type Fen, floorToYuan, type Yuan } from './money.js';
import type { ParametersAt } from './parameter.js';
import { applyRate } from './rate.js';
import { renderStep, type Step } from './step.js';

export type Status = 'granted' | 'ineligible' | 'excluded' | 'pending' | 'in-kind' | 'service' | 'not-applicable';

export interface MeasureResult {
  readonly measure: string;
  readonly subject: string | null;
  readonly status: Status;
  /** Whole yuan; > 0 exactly when granted. */
  readonly amount: number;
  /** The cap (or fixed amount) the rule applied, in whole yuan. */
  readonly cap?: number;
  /** The amount is the most the text allows; an expert review may award less. */
  readonly review: boolean;
  readonly citation: string;
  readonly explanation?: readonly string[];
  readonly reasons?: readonly string[];
}

export interface Evaluation {
  readonly results: MeasureResult[];
  /** Sum of the granted amounts, whole yuan. */
  readonly total: number;
}

export interface EvaluateOptions {
  /** Language of explanations and reasons; Chinese by default. */
  readonly lang?: Lang;
  /** Leave explanations out (reasons stay); true by default. */
  readonly explain?: boolean;
}

interface Work<R> {
  readonly measure: Measure<R>;
  readonly order: number;
  readonly subject: string | null;
  status: Status;
  amount: number;
  cap: number | undefined;
  readonly steps: Step[] | null;
  reasons: Step[];
}

function pick(ref: ParamRef, variant: string | undefined): string {
  if (typeof ref === 'string') return ref;
  const id = (variant !== undefined ? ref[variant] : undefined) ?? ref.default;
  if (id === undefined) throw new Error(`no parameter for variant ${variant ?? 'default'}`);
  return id;
}

function pickOptional(ref: ParamRef, variant: string | undefined): string | undefined {
  if (typeof ref === 'string') return ref;
  return (variant !== undefined ? ref[variant] : undefined) ?? ref.default;
}

const NO_HISTORY: readonly HistoryEntry[] = [];

const STATUS_OF_KIND = { pending: 'pending', 'in-kind': 'in-kind', service: 'service' } as const;

/**
 * Evaluates every measure of a policy for one request: conditions, the in-force window, scope
 * limits against history, the rule's arithmetic, alternatives, and best-of-never-twice against
 * other policies' awards. Pure: the same request always gives the same answer.
 *
 * @example evaluate(policy, { year: 2026, …facts }, { lang: 'en' }).total // 1000000
 */
export function evaluate<R extends EngineRequest>(policy: Policy<R>, request: R, options: EvaluateOptions = {}): Evaluation {
  const explain = options.explain !== false;
  const lang = options.lang ?? 'zh';
  const year = request.year;
  const params = policy.parameters.at(year);
  const history = request.history ?? [];
  const startYear = yearOf(policy.inForce.from);
  const endYear = yearOf(policy.inForce.to);

  const generalUnmet: Step[] = [];
  for (const cond of policy.generalConditions) {
    if (!cond.holds(request)) {
      generalUnmet.push({ k: 'general-unmet', text: cond.unmet });
      if (cond.assumed) generalUnmet.push({ k: 'assumed', text: cond.assumed });
    }
  }

  const work: Work<R>[] = [];
  const measures = policy.measures;
  for (let order = 0; order < measures.length; order++) {
    const measure = measures[order] as Measure<R>;
    const candidates = measure.candidates(request);
    for (const candidate of candidates) {
      const w: Work<R> = {
        measure,
        order,
        subject: candidate.subject,
        status: 'granted',
        amount: 0,
        cap: undefined,
        steps: explain ? [] : null,
        reasons: [],
      };
      if (generalUnmet.length > 0) {
        w.status = 'ineligible';
        w.reasons = generalUnmet;
      } else {
        evaluateCandidate(policy, request, params, history, year, startYear, endYear, w, candidate);
      }
      work.push(w);
    }
  }

  resolveAlternatives(work);
  applyBestOf(work, request);

  // Candidates come in measure order; only subjects given out of order need the (stable) sort.
  for (let i = 1; i < work.length; i++) {
    if (byOrderAndSubject(work[i - 1] as Work<R>, work[i] as Work<R>) > 0) {
      work.sort(byOrderAndSubject);
      break;
    }
  }

  let total = 0;
  const results: MeasureResult[] = new Array(work.length);
  for (let i = 0; i < work.length; i++) {
    const w = work[i] as Work<R>;
    if (w.status === 'granted') total += w.amount;
    results[i] = {
      measure: w.measure.id,
      subject: w.subject,
      status: w.status,
      amount: w.amount,
      cap: w.cap,
      review: w.measure.review,
      citation: w.measure.citation.zh,
      explanation: w.steps ? w.steps.map((s) => renderStep(s, lang)) : undefined,
      reasons: w.status === 'granted' ? undefined : w.reasons.map((s) => renderStep(s, lang)),
    };
  }
  return { results, total };
}

function byOrderAndSubject<R>(a: Work<R>, b: Work<R>): number {
  return a.order !== b.order
    ? a.order - b.order
    : a.subject === b.subject
      ? 0
      : a.subject === null
        ? -1
        : b.subject === null
          ? 1
          : a.subject < b.subject
            ? -1
            : 1;
}

function evaluateCandidate<R extends EngineRequest>(
  policy: Policy<R>,
  request: R,
  params: ParametersAt,
  history: readonly HistoryEntry[],
  year: number,
  startYear: number,
  endYear: number,
  w: Work<R>,
  c: Candidate,
): boolean {
  const m = w.measure;
  const steps = w.steps;
  const fail = (status: Status, reason?: Step): false => failWith(w, status, reason);
  const assumed = (id: string) => {
    if (steps) pushAssumed(steps, params, id);
  };

  if (steps && policy.generalConditionsMet) steps.push({ k: 'assumed', text: policy.generalConditionsMet });

  // Conditions on the enterprise, then the candidate's own.
  if (m.requires) {
    for (const cond of m.requires) if (!cond.holds(request)) w.reasons.push({ k: 'unmet', text: cond.unmet });
  }
  if (c.unmet) for (const u of c.unmet) w.reasons.push({ k: 'unmet', text: u });
  if (w.reasons.length > 0) return fail('ineligible');
  if (steps && c.variantLabel) steps.push({ k: 'variant', label: c.variantLabel });

  // The in-force window: new support needs Y inside the term; a consecutive-year measure first
  // granted inside the term continues to the end of its window (期间已立项项目至约定任务期止).
  const scope = m.scope;
  const windowYears = scope.kind === 'consecutive' ? params.years(pick(scope.years, c.variant)) : 0;
  if (scope.kind === 'consecutive') assumed(pick(scope.years, c.variant));
  const own = scope.kind === 'none' || history.length === 0 ? NO_HISTORY : history.filter((h) => ownHistory(h, m, c.subject));
  if (year < startYear || year > endYear) {
    const first = firstYear(own);
    const continues =
      scope.kind === 'consecutive' && year > endYear && first !== undefined && first <= endYear && year <= first + windowYears - 1;
    if (!continues) {
      return fail('excluded', { k: 'out-of-force', year, from: policy.inForce.from, to: policy.inForce.to });
    }
    steps?.push({ k: 'continuing', first: first as number, to: policy.inForce.to });
  }

  // Dated events: at least one inside the term and inside Y.
  if (c.events) {
    const events =
      c.events.length < 2 ? c.events : [...c.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    const ok = events.filter((e) => isWithin(e.date, policy.inForce) && yearOf(e.date) === year);
    if (ok.length === 0) {
      let outside = false;
      for (const e of events) {
        if (yearOf(e.date) !== year) {
          w.reasons.push({ k: 'event-other-year', id: e.id, date: e.date, year });
        } else {
          outside = true;
          w.reasons.push({ k: 'event-outside', id: e.id, date: e.date, ...policy.inForce });
        }
      }
      return fail(outside ? 'excluded' : 'ineligible');
    }
    if (steps) for (const e of ok) steps.push({ k: 'event-ok', id: e.id, date: e.date });
  }

  const kind = m.rule.kind;
  if (kind === 'pending' || kind === 'in-kind' || kind === 'service') {
    return fail(STATUS_OF_KIND[kind], { k: 'status', text: m.rule.note });
  }

  // Scope limits against what this policy granted before.
  switch (scope.kind) {
    case 'one-time': {
      const shared = scope.shared;
      let used: HistoryEntry | undefined;
      for (const h of history) {
        if (shared ? !shared.includes(h.measure) : h.measure !== m.id) continue;
        if (scope.per === 'subject' && h.subject !== c.subject) continue;
        if (!used || h.year < used.year || (h.year === used.year && h.measure < used.measure)) used = h;
      }
      if (used) return fail('excluded', { k: 'one-time-used', measure: used.measure, year: used.year, per: scope.per });
      steps?.push({ k: 'one-time-ok', per: scope.per });
      break;
    }
    case 'per-year':
      if (own.some((h) => h.year === year)) return fail('excluded', { k: 'per-year-used', year });
      break;
    case 'consecutive': {
      if (own.some((h) => h.year === year)) return fail('excluded', { k: 'window-used', year });
      const first = firstYear(own) ?? year;
      const index = year - first + 1;
      if (index > windowYears) return fail('excluded', { k: 'window-over', years: windowYears, first });
      steps?.push({ k: 'window', index, years: windowYears, first });
      break;
    }
    case 'none':
      break;
  }

  // The rule's arithmetic.
  const rule = m.rule;
  let amount = 0;
  switch (rule.kind) {
    case 'percent': {
      const base = c.base ?? (0 as Fen);
      if (base === 0) return fail('ineligible', { k: 'zero', label: c.baseLabel });
      const rateId = pick(rule.rate, c.variant);
      const capId = pick(rule.cap, c.variant);
      const rate = params.rate(rateId);
      const cap = params.yuan(capId);
      const raw = applyRate(base, rate);
      steps?.push({ k: 'percent', base, label: c.baseLabel, rate, result: raw });
      if (raw === 0) return fail('ineligible', { k: 'percent', base, label: c.baseLabel, rate, result: raw });
      steps?.push({ k: 'cap', cap, before: raw });
      assumed(rateId);
      assumed(capId);
      amount = Math.min(raw, cap);
      w.cap = cap;
      break;
    }
    case 'fixed': {
      const id = pick(rule.amount, c.variant);
      amount = params.yuan(id);
      steps?.push({ k: 'fixed', amount });
      assumed(id);
      w.cap = amount;
      break;
    }
    case 'tiers': {
      const id = pick(rule.tiers, c.variant);
      const tiers = params.tiers(id);
      const value = c.value ?? (0 as Fen);
      const previous = c.previous ?? (0 as Fen);
      const reached = tiers.filter((t) =>
        t.flag !== undefined
          ? (c.flags?.includes(t.flag) ?? false)
          : value >= (t.min as number) * 100 && (!rule.firstReached || previous < (t.min as number) * 100),
      );
      assumed(id);
      const best = reached[0];
      if (!best) {
        let lowest = Number.POSITIVE_INFINITY;
        for (const t of tiers) if (t.min !== undefined && t.min < lowest) lowest = t.min;
        if (lowest === Number.POSITIVE_INFINITY) {
          return fail('ineligible', { k: 'unmet', text: { zh: '未达到任何档位', en: 'no tier is reached' } });
        }
        return fail('ineligible', {
          k: 'tier-none',
          value,
          label: c.valueLabel,
          lowest,
          first: rule.firstReached === true,
          previous: c.previous,
        });
      }
      amount = best.amount;
      steps?.push({ k: 'tier', value: best.flag === undefined ? value : undefined, label: c.valueLabel, tier: best.label, amount });
      if (steps && reached.length > 1) steps.push({ k: 'tier-more', tiers: reached.map((t) => t.label) });
      if (rule.bonus) {
        const bonusId = pickOptional(rule.bonus, c.variant);
        if (bonusId !== undefined) {
          const bonus = params.yuan(bonusId);
          amount += bonus;
          steps?.push({ k: 'bonus', bonus, label: c.variantLabel, result: amount });
        }
      }
      break;
    }
    case 'per-unit': {
      const count = c.count ?? 0;
      if (count === 0) return fail('ineligible', { k: 'zero', label: c.countLabel });
      const unitId = pick(rule.unit, c.variant);
      const capId = pick(rule.cap, c.variant);
      const unit = params.yuan(unitId);
      const cap = params.yuan(capId);
      const raw = count * unit;
      steps?.push({ k: 'per-unit', count, label: c.countLabel, unit, result: raw });
      steps?.push({ k: 'cap', cap, before: raw });
      amount = Math.min(raw, cap);
      w.cap = cap;
      break;
    }
    case 'prize': {
      const cap = params.yuan(pick(rule.cap, c.variant));
      const raw: Yuan | undefined = c.base === undefined ? undefined : floorToYuan(c.base);
      steps?.push({ k: 'prize', prize: c.base });
      if (raw === 0) return fail('ineligible', { k: 'zero', label: c.baseLabel });
      const before = raw ?? cap;
      steps?.push({ k: 'cap', cap, before });
      amount = Math.min(before, cap);
      w.cap = cap;
      break;
    }
  }

  if (steps) {
    if (c.notes) for (const n of c.notes) steps.push({ k: 'text', text: n });
    if (c.assumptions) for (const a of c.assumptions) steps.push({ k: 'assumed', text: a });
    if (year === startYear && !c.events && policy.firstYearInFull) {
      steps.push({ k: 'assumed', text: policy.firstYearInFull });
    }
  }
  w.amount = amount;
  return true;
}

/** Sets a status other than granted; returns false so that `return fail(…)` ends the evaluation. */
function failWith<R>(w: Work<R>, status: Status, reason: Step | undefined): false {
  w.status = status;
  w.amount = 0;
  if (reason) w.reasons.push(reason);
  return false;
}

function pushAssumed(steps: Step[], params: ParametersAt, id: string): void {
  const def = params.get(id).definition;
  if (def.assumed) steps.push({ k: 'assumed', text: def.assumed });
}

function ownHistory<R>(h: HistoryEntry, m: Measure<R>, subject: string | null): boolean {
  return h.measure === m.id && (!m.perSubject || h.subject === subject);
}

function firstYear(entries: readonly HistoryEntry[]): number | undefined {
  let first: number | undefined;
  for (const h of entries) if (first === undefined || h.year < first) first = h.year;
  return first;
}

/** Alternatives on one subject (第六条(2): 6.2a or 6.2b): the larger stands; ties go to the earlier measure. */
function resolveAlternatives<R>(work: Work<R>[]): void {
  let groups: Map<string, Work<R>[]> | undefined;
  for (const w of work) {
    const g = w.measure.alternativeGroup;
    if (g === undefined || w.status !== 'granted') continue;
    const key = `${g}\u0000${w.subject ?? ''}`;
    groups ??= new Map();
    const list = groups.get(key);
    if (list) list.push(w);
    else groups.set(key, [w]);
  }
  if (!groups) return;
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => b.amount - a.amount || a.order - b.order);
    const winner = list[0] as Work<R>;
    for (let i = 1; i < list.length; i++) {
      const loser = list[i] as Work<R>;
      winner.steps?.push({ k: 'alternative-won', other: loser.measure.id, otherAmount: loser.amount });
      const amount = loser.amount;
      loser.status = 'excluded';
      loser.amount = 0;
      loser.reasons.push({ k: 'alternative-lost', other: winner.measure.id, otherAmount: winner.amount, amount });
    }
  }
}

/**
 * Best of, never twice (从优不重复): where another district policy already supports the subject,
 * this policy's support stands only if strictly larger than all of it together, and replaces it.
 */
function applyBestOf<R extends EngineRequest>(work: Work<R>[], request: R): void {
  const awards = request.otherPolicyAwards;
  if (!awards || awards.length === 0) return;
  for (const w of work) {
    if (w.status !== 'granted' || w.subject === null) continue;
    let other = 0;
    const policies: string[] = [];
    for (const a of awards) {
      if (a.subject !== w.subject) continue;
      other += a.amount;
      if (!policies.includes(a.policy)) policies.push(a.policy);
    }
    if (policies.length === 0) continue;
    policies.sort();
    const amount = w.amount;
    if (amount * 100 > other) {
      w.steps?.push({ k: 'best-of-won', policies, other: other as Fen, amount });
    } else {
      w.status = 'excluded';
      w.amount = 0;
      w.reasons.push({ k: 'best-of-lost', policies, other: other as Fen, amount });
    }
  }
}
