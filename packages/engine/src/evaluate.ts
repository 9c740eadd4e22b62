import { type CalendarDate, type DateWindow, yearOf } from './calendar-date.js';
import type { Lang, Localized } from './localized.js';
import type { Candidate, EngineRequest, HistoryEntry, Measure, MissingFact, ParamRef, Policy, Scope } from './measure.js';
import { type Fen, floorToYuan, type Yuan } from './money.js';
import type { ParametersAt, Tier } from './parameter.js';
import { applyRate, isExactYuan } from './rate.js';
import { type PartShown, renderStep, type Step } from './step.js';

export type Status = 'granted' | 'ineligible' | 'excluded' | 'incomplete' | 'pending' | 'in-kind' | 'service' | 'not-applicable';

export interface MeasureResult {
  readonly measure: string;
  readonly subject: string | null;
  readonly status: Status;
  /** Whole yuan; > 0 exactly when granted. */
  readonly amount: number;
  /** The cap (or maximum) the rule applied, in whole yuan. */
  readonly cap?: number;
  /** The amount is the most the text allows; an expert review may award less. */
  readonly review: boolean;
  /** The clause as the text numbers it (第五条第（3）项). */
  readonly citation: string;
  readonly explanation?: readonly string[];
  readonly reasons?: readonly string[];
  /** incomplete: the field paths of the facts the rule needs that the request left out. */
  readonly missing?: readonly string[];
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

/** One result in the making. */
interface Work<R> {
  readonly measure: Measure<R>;
  readonly order: number;
  /** The candidate's subject; a milestone rule sets it to the tier. */
  subject: string | null;
  status: Status;
  amount: number;
  cap: number | undefined;
  readonly steps: Step[] | null;
  reasons: Step[];
  missing: readonly string[] | undefined;
  /** tiers: the amount came from a figure (not a flag). */
  byFigure: boolean;
}

/** What every candidate of one request is evaluated against. */
interface Context<R extends EngineRequest> {
  readonly policy: Policy<R>;
  readonly request: R;
  readonly params: ParametersAt;
  readonly history: readonly HistoryEntry[];
  readonly year: number;
  readonly startYear: number;
  readonly endYear: number;
  /**
   * How a dated event is checked to be inside the term and inside Y: its date starts with Y's
   * prefix (`2026-`), and, in the term's first or last year, is not before or after it. Null when Y
   * is outside the term (no event can be).
   */
  readonly eventCheck: { readonly prefix: string; readonly from: CalendarDate | null; readonly to: CalendarDate | null } | null;
  /**
   * Reasons said alike on many results of one request (out of the term, with and without a
   * window), made once and rendered once: index 0 for single-year measures, 1 for windows.
   */
  readonly outOfForce: (Step[] | undefined)[];
}

function eventCheckFor(term: DateWindow, year: number): Context<EngineRequest>['eventCheck'] {
  const startYear = yearOf(term.from);
  const endYear = yearOf(term.to);
  if (year < startYear || year > endYear) return null;
  return {
    prefix: `${String(year).padStart(4, '0')}-`,
    from: year === startYear ? term.from : null,
    to: year === endYear ? term.to : null,
  };
}

/** Inside the term and inside Y (the check made for Y by eventCheckFor). */
function isEventInYear(date: CalendarDate, check: Context<EngineRequest>['eventCheck']): boolean {
  return (
    check !== null &&
    date.startsWith(check.prefix) &&
    (check.from === null || date >= check.from) &&
    (check.to === null || date <= check.to)
  );
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

/** The cited name of each measure, made once (measures are policy constants). */
const refs = new Map<object, Localized>();

/** Policy names in the order a Chinese reader expects (甲 before 乙), the same on every machine. */
const byName = new Intl.Collator('zh-Hans-CN');

/**
 * How a sentence cites another measure: the clause as the text numbers it, with the measure's
 * name (第六条第（2）项（获得市级应用场景建设项目补贴）); English adds the id.
 */
export function measureRef<R>(m: Measure<R>): Localized {
  let ref = refs.get(m);
  if (!ref) {
    ref = { zh: `${m.citation.zh}（${m.name.zh}）`, en: `${m.citation.en}, ${m.name.en} (${m.id})` };
    refs.set(m, ref);
  }
  return ref;
}

/**
 * Evaluates every measure of a policy for one request: conditions, the in-force window, scope
 * limits against history, missing facts, the rule's arithmetic, alternatives, and best of,
 * never twice against other policies' awards. Pure: the same request always gives the same answer.
 *
 * @example evaluate(policy, { year: 2026, …facts }, { lang: 'en' }).total // 1000000
 */
export function evaluate<R extends EngineRequest>(policy: Policy<R>, request: R, options: EvaluateOptions = {}): Evaluation {
  const explain = options.explain !== false;
  const lang = options.lang ?? 'zh';
  const year = request.year;
  const ctx: Context<R> = {
    policy,
    request,
    params: policy.parameters.at(year),
    history: request.history ?? NO_HISTORY,
    year,
    startYear: yearOf(policy.inForce.from),
    endYear: yearOf(policy.inForce.to),
    eventCheck: eventCheckFor(policy.inForce, year),
    outOfForce: [undefined, undefined],
  };

  const generalUnmet: Step[] = [];
  const checksGeneral = policy.generalConditionsReading === undefined || ctx.params.switch(policy.generalConditionsReading);
  if (checksGeneral) {
    for (const cond of policy.generalConditions) {
      if (!cond.holds(request)) generalUnmet.push({ k: 'general-unmet', text: cond.unmet, source: policy.generalConditionsSource });
    }
  }

  const work: Work<R>[] = [];
  const measures = policy.measures;
  for (let order = 0; order < measures.length; order++) {
    const measure = measures[order] as Measure<R>;
    const candidates = measure.candidates(request, ctx.params);
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
        missing: undefined,
        byFigure: false,
      };
      if (generalUnmet.length > 0) {
        w.status = 'ineligible';
        w.reasons = generalUnmet;
      } else {
        evaluateCandidate(ctx, w, candidate, checksGeneral);
      }
      work.push(w);
    }
  }

  resolveAlternatives(ctx, work);
  applyBestOf(work, request);

  // Candidates come in measure order; only subjects given out of order need the (stable) sort.
  for (let i = 1; i < work.length; i++) {
    if (byOrderAndSubject(work[i - 1] as Work<R>, work[i] as Work<R>) > 0) {
      work.sort(byOrderAndSubject);
      break;
    }
  }

  // Reasons shared by many results (general conditions, the term) are rendered once.
  const single = ctx.outOfForce[0];
  const multi = ctx.outOfForce[1];
  const render = (reasons: Step[]): string[] => {
    const texts = new Array<string>(reasons.length);
    for (let i = 0; i < reasons.length; i++) texts[i] = renderStep(reasons[i] as Step, lang);
    return texts;
  };
  const sharedTexts = new Map<Step[], string[]>();
  const textsOf = (reasons: Step[]): string[] => {
    if (reasons !== generalUnmet && reasons !== single && reasons !== multi) return render(reasons);
    let texts = sharedTexts.get(reasons);
    if (texts === undefined) {
      texts = render(reasons);
      sharedTexts.set(reasons, texts);
    }
    return texts.slice();
  };

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
      reasons: w.status === 'granted' ? undefined : textsOf(w.reasons),
      missing: w.missing,
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

/** Sets a status other than granted; returns false so that `return fail(…)` ends the evaluation. */
function fail<R>(w: Work<R>, status: Status, reason?: Step): false {
  w.status = status;
  w.amount = 0;
  if (reason) w.reasons.push(reason);
  return false;
}

/** `either`: any one of the facts would do. */
function incomplete<R>(w: Work<R>, missing: readonly MissingFact[], either = false): false {
  w.missing = missing.map((m) => m.path);
  return fail(w, 'incomplete', { k: 'missing', labels: missing.map((m) => m.label), either });
}

/** One "假设：…" line for a parameter that stands for an assumption (a reading, or a figure the text does not give). */
function pushAssumed(steps: Step[] | null, params: ParametersAt, id: string): void {
  if (!steps) return;
  const p = params.get(id);
  const def = p.definition;
  const text = p.value === false ? (def.assumedIfFalse ?? def.assumed) : def.assumed;
  if (text) steps.push({ k: 'assumed', text });
}

function ownHistory<R>(h: HistoryEntry, m: Measure<R>, subject: string | null): boolean {
  return h.measure === m.id && (!m.perSubject || h.subject === subject);
}

function firstYear(entries: readonly HistoryEntry[]): number | undefined {
  let first: number | undefined;
  for (const h of entries) if (first === undefined || h.year < first) first = h.year;
  return first;
}

/** Evaluates one candidate in phases; each phase either passes or sets the result's status. */
function evaluateCandidate<R extends EngineRequest>(ctx: Context<R>, w: Work<R>, c: Candidate, checkedGeneral: boolean): void {
  const m = w.measure;
  if (w.steps) {
    if (checkedGeneral && ctx.policy.generalConditionsChecked) w.steps.push({ k: 'general-ok', text: ctx.policy.generalConditionsChecked });
    else if (!checkedGeneral) pushAssumed(w.steps, ctx.params, ctx.policy.generalConditionsReading as string);
  }
  if (!meetsConditions(ctx, w, c)) return;
  const hasHistory = ctx.history.length > 0;
  const own = m.scope.kind === 'none' || !hasHistory ? NO_HISTORY : ctx.history.filter((h) => ownHistory(h, m, c.subject));
  const outOfTerm = ctx.year < ctx.startYear || ctx.year > ctx.endYear;
  // With no history every scope passes; only an explanation has something to say about it.
  const scopeSays = hasHistory || w.steps !== null;
  const windowYears = m.scope.kind === 'consecutive' && (outOfTerm || scopeSays) ? ctx.params.years(pick(m.scope.years, c.variant)) : 0;
  if (outOfTerm && !inTerm(ctx, w, c, own, windowYears)) return;
  if (c.events && !hasEventInYear(ctx, w, c)) return;
  if (scopeSays && !withinScope(ctx, w, c, own, windowYears)) return;
  const kind = m.rule.kind;
  if (kind === 'pending' || kind === 'in-kind' || kind === 'service') {
    fail(w, STATUS_OF_KIND[kind], { k: 'status', text: m.rule.note });
    return;
  }
  if (c.missing && c.missing.length > 0) {
    incomplete(w, c.missing);
    return;
  }
  if (w.steps && c.notes) for (const n of c.notes) w.steps.push({ k: 'text', text: n });
  if (!computeAmount(ctx, w, c, own)) return;
  if (w.steps) {
    if (c.readings) for (const id of c.readings) pushAssumed(w.steps, ctx.params, id);
    // Only a figure of the year is counted in full: not a tier met by a flag (首次达规).
    const annual = kind === 'percent' || kind === 'per-unit' || (kind === 'tiers' && w.byFigure);
    if (annual && ctx.year === ctx.startYear && !c.events && ctx.policy.firstYearInFull) {
      pushAssumed(w.steps, ctx.params, ctx.policy.firstYearInFull);
    }
  }
}

/** The measure's conditions on the enterprise, then the candidate's own. */
function meetsConditions<R extends EngineRequest>(ctx: Context<R>, w: Work<R>, c: Candidate): boolean {
  const m = w.measure;
  if (m.requires) {
    for (const cond of m.requires) if (!cond.holds(ctx.request)) w.reasons.push({ k: 'unmet', text: cond.unmet });
  }
  if (c.unmet) for (const u of c.unmet) w.reasons.push({ k: 'unmet', text: u });
  if (w.reasons.length > 0) return fail(w, 'ineligible');
  if (w.steps && c.variantLabel) w.steps.push({ k: 'variant', label: c.variantLabel });
  return true;
}

/**
 * The in-force window: new support needs Y inside the term; a consecutive-year measure first
 * granted inside the term continues to the end of its window (期间已立项项目至约定任务期止).
 */
function inTerm<R extends EngineRequest>(
  ctx: Context<R>,
  w: Work<R>,
  c: Candidate,
  own: readonly HistoryEntry[],
  windowYears: number,
): boolean {
  const { year, startYear, endYear, policy } = ctx;
  if (year >= startYear && year <= endYear) return true;
  const multiYear = w.measure.scope.kind === 'consecutive';
  const first = firstYear(own);
  if (multiYear && year > endYear && first !== undefined && first <= endYear) {
    if (year > first + windowYears - 1) {
      pushWindowReadings(ctx, w, c);
      return fail(w, 'excluded', { k: 'window-over', years: windowYears, first });
    }
    w.steps?.push({ k: 'continuing', first, to: policy.inForce.to });
    return true;
  }
  // Every measure of the same kind says the same: one reason, shared (nothing is added to it later).
  const i = multiYear ? 1 : 0;
  let reasons = ctx.outOfForce[i];
  if (!reasons) {
    reasons = [{ k: 'out-of-force', year, from: policy.inForce.from, to: policy.inForce.to, multiYear }];
    ctx.outOfForce[i] = reasons;
  }
  w.status = 'excluded';
  w.amount = 0;
  w.reasons = reasons;
  return false;
}

/** Dated events: at least one inside the term and inside Y. */
function hasEventInYear<R extends EngineRequest>(ctx: Context<R>, w: Work<R>, c: Candidate): boolean {
  if (!c.events) return true;
  const { year, policy, eventCheck } = ctx;
  let inYear = 0;
  for (const e of c.events) if (isEventInYear(e.date, eventCheck)) inYear++;
  if (inYear > 0 && !w.steps) return true;
  // Said in date order, whatever the order given.
  const events =
    c.events.length < 2 ? c.events : [...c.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  if (inYear > 0) {
    for (const e of events) {
      if (isEventInYear(e.date, eventCheck)) w.steps?.push({ k: 'event-ok', id: e.id, date: e.date });
    }
    return true;
  }
  // Outside the term is why when an event falls in Y but outside the term: excluded; else none is of Y: ineligible.
  let outside = false;
  for (const e of events) {
    if (yearOf(e.date) !== year) {
      w.reasons.push({ k: 'event-other-year', id: e.id, date: e.date, year });
    } else {
      outside = true;
      w.reasons.push({ k: 'event-outside', id: e.id, date: e.date, ...policy.inForce });
    }
  }
  return fail(w, outside ? 'excluded' : 'ineligible');
}

/** Scope limits against what this policy granted before. */
function withinScope<R extends EngineRequest>(
  ctx: Context<R>,
  w: Work<R>,
  c: Candidate,
  own: readonly HistoryEntry[],
  windowYears: number,
): boolean {
  const { params, year, history } = ctx;
  const m = w.measure;
  const scope: Scope = m.scope;
  const steps = w.steps;
  switch (scope.kind) {
    case 'one-time': {
      if (scope.per === 'tier') return true; // milestones: the rule knows the tier
      if (scope.readings) for (const id of scope.readings) pushAssumed(steps, params, id);
      let per = scope.per;
      if (scope.perSubjectReading !== undefined) {
        pushAssumed(steps, params, scope.perSubjectReading);
        if (!params.switch(scope.perSubjectReading)) per = 'enterprise';
      }
      const shared = scope.shared;
      let used: HistoryEntry | undefined;
      for (const h of history) {
        if (shared ? !shared.includes(h.measure) : h.measure !== m.id) continue;
        if (per === 'subject' && h.subject !== c.subject) continue;
        if (!used || h.year < used.year || (h.year === used.year && h.measure < used.measure)) used = h;
      }
      if (used) {
        const other = used.measure === m.id ? undefined : ctx.policy.measures.find((x) => x.id === used.measure);
        return fail(w, 'excluded', {
          k: 'one-time-used',
          year: used.year,
          other: other ? measureRef(other) : undefined,
          tier: undefined,
          higher: false,
        });
      }
      steps?.push({ k: 'one-time-ok' });
      return true;
    }
    case 'per-year': {
      const perYear = scope.reading === undefined || params.switch(scope.reading);
      if (scope.reading !== undefined) pushAssumed(steps, params, scope.reading);
      if (perYear) {
        if (own.some((h) => h.year === year)) return fail(w, 'excluded', { k: 'per-year-used', year });
        return true;
      }
      const before = firstYear(own);
      if (before !== undefined)
        return fail(w, 'excluded', { k: 'one-time-used', year: before, other: undefined, tier: undefined, higher: false });
      return true;
    }
    case 'consecutive': {
      if (own.some((h) => h.year === year)) return fail(w, 'excluded', { k: 'per-year-used', year });
      const first = firstYear(own) ?? year;
      const index = year - first + 1;
      if (index > windowYears) {
        pushWindowReadings(ctx, w, c);
        return fail(w, 'excluded', { k: 'window-over', years: windowYears, first });
      }
      if (steps) {
        pushAssumed(steps, params, pick(scope.years, c.variant));
        steps.push({ k: 'window', index, years: windowYears, first });
      }
      if (index > 1 && scope.yearsReading !== undefined) pushAssumed(steps, params, scope.yearsReading);
      return true;
    }
    case 'none':
      return true;
  }
}

/** On a window that is over: the window's length, and how it is read, are what decided it. */
function pushWindowReadings<R extends EngineRequest>(ctx: Context<R>, w: Work<R>, c: Candidate): void {
  const scope = w.measure.scope;
  if (scope.kind !== 'consecutive') return;
  pushAssumed(w.steps, ctx.params, pick(scope.years, c.variant));
  if (scope.yearsReading !== undefined) pushAssumed(w.steps, ctx.params, scope.yearsReading);
}

/** The rule's arithmetic: sets the amount (and cap), or the status that stops it. */
function computeAmount<R extends EngineRequest>(ctx: Context<R>, w: Work<R>, c: Candidate, own: readonly HistoryEntry[]): boolean {
  const { params } = ctx;
  const m = w.measure;
  const rule = m.rule;
  const steps = w.steps;
  switch (rule.kind) {
    case 'percent': {
      const base = c.base;
      if (base === undefined) return incomplete(w, requireMissing(m, c.baseMissing));
      if (base === 0) return fail(w, 'ineligible', { k: 'zero', label: c.baseLabel });
      const rateId = pick(rule.rate, c.variant);
      const capId = pick(rule.cap, c.variant);
      const rate = params.rate(rateId);
      const cap = params.yuan(capId);
      const raw = applyRate(base, rate);
      if (steps || raw === 0) {
        // With or without explanations: when nothing is left, this step is the reason.
        const percent: Step = { k: 'percent', base, label: c.baseLabel, rate, result: raw, floored: !isExactYuan(base, rate, raw) };
        steps?.push(percent);
        if (raw === 0) return fail(w, 'ineligible', percent);
        pushAssumed(steps, params, rateId);
        pushAssumed(steps, params, capId);
      }
      w.cap = cap;
      return capAmount(ctx, w, own, raw, cap);
    }
    case 'maximum': {
      const id = pick(rule.amount, c.variant);
      const amount = params.yuan(id);
      steps?.push({ k: 'maximum', amount });
      pushAssumed(steps, params, id);
      w.cap = amount;
      w.amount = amount;
      return true;
    }
    case 'tiers':
      return rule.milestones ? milestoneAmount(ctx, w, c, rule.tiers, rule.bonus, rule.milestones.highestOnly) : tierAmount(ctx, w, c);
    case 'per-unit': {
      const count = c.count;
      if (count === undefined) return incomplete(w, requireMissing(m, c.baseMissing));
      if (count === 0) return fail(w, 'ineligible', { k: 'zero', label: c.countLabel });
      const unit = params.yuan(pick(rule.unit, c.variant));
      const cap = params.yuan(pick(rule.cap, c.variant));
      const raw = count * unit;
      steps?.push({ k: 'per-unit', count, label: c.countLabel, countUnit: c.countUnit, unit, result: raw });
      steps?.push({ k: 'cap', cap, before: raw });
      w.cap = cap;
      w.amount = Math.min(raw, cap);
      return true;
    }
    case 'prize': {
      const cap = params.yuan(pick(rule.cap, c.variant));
      let before: number;
      if (c.base === undefined) {
        pushAssumed(steps, params, rule.noPrizeCap);
        if (!params.switch(rule.noPrizeCap)) return incomplete(w, requireMissing(m, c.baseMissing));
        steps?.push({ k: 'prize', prize: undefined });
        before = cap;
      } else {
        const prize: Yuan = floorToYuan(c.base);
        if (prize === 0) return fail(w, 'ineligible', { k: 'zero', label: c.baseLabel });
        steps?.push({ k: 'prize', prize: c.base });
        before = prize;
      }
      steps?.push({ k: 'cap', cap, before });
      w.cap = cap;
      w.amount = Math.min(before, cap);
      return true;
    }
    default:
      throw new Error(`measure ${m.id}: no amount for a ${rule.kind} rule`);
  }
}

/** The fact a rule cannot do without: a measure that leaves its figure out must say which field it is. */
function requireMissing<R>(m: Measure<R>, missing: readonly MissingFact[] | undefined): readonly MissingFact[] {
  if (!missing || missing.length === 0) throw new Error(`measure ${m.id}: a candidate without its figure must name the missing field`);
  return missing;
}

/** The cap: of each year, or (the `capPerYear` reading false) of the whole window less what it granted before. */
function capAmount<R extends EngineRequest>(ctx: Context<R>, w: Work<R>, own: readonly HistoryEntry[], raw: number, cap: number): boolean {
  const scope = w.measure.scope;
  const steps = w.steps;
  // With nothing granted before in the window, either reading of the cap gives the same figure.
  if (scope.kind !== 'consecutive' || scope.capPerYear === undefined || (own.length === 0 && !steps)) {
    steps?.push({ k: 'cap', cap, before: raw });
    w.amount = Math.min(raw, cap);
    return true;
  }
  if (ctx.params.switch(scope.capPerYear)) {
    if (steps) {
      steps.push({ k: 'cap', cap, before: raw });
      // The reading touches the figure from the window's second year.
      const first = firstYear(own);
      if (first !== undefined && first < ctx.year) pushAssumed(steps, ctx.params, scope.capPerYear);
    }
    w.amount = Math.min(raw, cap);
    return true;
  }
  let used = 0;
  for (const h of own) used += h.amount;
  // What is left is floored, so the window never grants more than its cap, fen included.
  const leftFen = cap * 100 - used;
  const left = leftFen > 0 ? floorToYuan(leftFen as Fen) : 0;
  const step: Step = { k: 'cap-window', cap, used: used as Fen, left, before: raw };
  steps?.push(step);
  pushAssumed(steps, ctx.params, scope.capPerYear);
  if (left === 0) return fail(w, 'excluded', step);
  w.amount = Math.min(raw, left);
  return true;
}

/** The highest tier reached by the figure (or a flag), plus the variant's bonus. */
function tierAmount<R extends EngineRequest>(ctx: Context<R>, w: Work<R>, c: Candidate): boolean {
  const { params } = ctx;
  const m = w.measure;
  const rule = m.rule as Extract<typeof m.rule, { kind: 'tiers' }>;
  const id = pick(rule.tiers, c.variant);
  const tiers = params.tiers(id);
  const value = c.value;
  if (value === undefined && !tiers.every((t) => t.flag !== undefined)) return incomplete(w, requireMissing(m, c.baseMissing));
  const best = tiers.find((t) =>
    t.flag !== undefined ? (c.flags?.includes(t.flag) ?? false) : (value as number) >= (t.min as number) * 100,
  );
  pushAssumed(w.steps, params, id);
  if (!best) return fail(w, 'ineligible', { k: 'tier-none', value: value ?? (0 as Fen), label: c.valueLabel, lowest: lowestMin(tiers) });
  w.byFigure = best.flag === undefined;
  w.steps?.push({
    k: 'tier',
    value: best.flag === undefined ? value : undefined,
    label: c.valueLabel,
    tier: best.label,
    amount: best.amount,
    upTo: m.review,
    first: false,
  });
  w.amount = addBonus(ctx, w, c, rule.bonus, best.amount);
  return true;
}

function lowestMin(tiers: readonly Tier[]): number {
  let lowest = Number.POSITIVE_INFINITY;
  for (const t of tiers) if (t.min !== undefined && t.min < lowest) lowest = t.min;
  return lowest;
}

function addBonus<R extends EngineRequest>(
  ctx: Context<R>,
  w: Work<R>,
  c: Candidate,
  bonusRef: ParamRef | undefined,
  amount: number,
): number {
  if (!bonusRef) return amount;
  const bonusId = pickOptional(bonusRef, c.variant);
  if (bonusId === undefined) return amount;
  const bonus = ctx.params.yuan(bonusId);
  w.steps?.push({ k: 'bonus', bonus, label: c.variantLabel, result: amount + bonus, upTo: w.measure.review });
  return amount + bonus;
}

/**
 * Milestone tiers (第五条(1) 首次达到 … 一次性): each tier once ever. A figure tier counts as
 * reached before when the figure before is at or above it, or history holds it or a higher
 * figure tier; a flag tier only by its own history. Several tiers newly reached in one year pay
 * the highest only (the `highestOnly` reading). The result's subject is the tier.
 */
function milestoneAmount<R extends EngineRequest>(
  ctx: Context<R>,
  w: Work<R>,
  c: Candidate,
  tiersRef: ParamRef,
  bonusRef: ParamRef | undefined,
  highestOnly: string,
): boolean {
  const { params } = ctx;
  const m = w.measure;
  const tiersId = pick(tiersRef, c.variant);
  const tiers = params.tiers(tiersId);
  const own = ctx.history.length === 0 ? NO_HISTORY : ctx.history.filter((h) => h.measure === m.id);
  const value = c.value;
  const previous = c.previous;

  /** The entry a reason names, whatever the order of history: the tier itself, else the nearest higher tier; then the earliest year. */
  const closer = (ht: Tier, h: HistoryEntry, found: { entry: HistoryEntry; tier: Tier }): boolean => {
    const a = ht.min ?? Number.NEGATIVE_INFINITY;
    const b = found.tier.min ?? Number.NEGATIVE_INFINITY;
    return a !== b ? a < b : h.year < found.entry.year;
  };

  /** The history entry that rules a tier out: the tier itself, or (figure tiers) a higher figure tier. */
  const usedBy = (t: Tier): { entry: HistoryEntry; tier: Tier } | undefined => {
    let found: { entry: HistoryEntry; tier: Tier } | undefined;
    for (const h of own) {
      const ht = tiers.find((x) => x.id === h.subject);
      if (!ht) continue;
      const rules = ht === t || (t.min !== undefined && ht.min !== undefined && ht.min >= t.min);
      if (rules && (!found || closer(ht, h, found))) found = { entry: h, tier: ht };
    }
    return found;
  };

  const reached = tiers.filter((t) =>
    t.flag !== undefined ? (c.flags?.includes(t.flag) ?? false) : value !== undefined && value >= (t.min as number) * 100,
  );
  const usage = reached.map((t) => ({ tier: t, used: usedBy(t) }));
  if (previous === undefined && usage.some((u) => u.tier.min !== undefined && !u.used)) {
    return incomplete(w, requireMissing(m, c.previousMissing), true);
  }
  const fresh = usage.filter((u) => !u.used && (u.tier.min === undefined || (previous as number) < u.tier.min * 100));
  pushAssumed(w.steps, params, tiersId);

  if (fresh.length > 0) {
    const best = (fresh[0] as (typeof fresh)[number]).tier;
    w.subject = best.id ?? null;
    w.byFigure = best.flag === undefined;
    w.steps?.push({
      k: 'tier',
      value: best.flag === undefined ? value : undefined,
      label: c.valueLabel,
      tier: best.label,
      amount: best.amount,
      upTo: m.review,
      first: true,
    });
    if (fresh.length > 1) {
      w.steps?.push({ k: 'tier-more', tiers: fresh.map((u) => u.tier.label) });
      pushAssumed(w.steps, params, highestOnly);
    }
    w.amount = addBonus(ctx, w, c, bonusRef, best.amount);
    return true;
  }
  if (reached.length === 0) {
    return fail(w, 'ineligible', { k: 'tier-none', value: value ?? (0 as Fen), label: c.valueLabel, lowest: lowestMin(tiers) });
  }
  const top = usage[0] as (typeof usage)[number];
  if (top.used) {
    w.subject = top.tier.id ?? null;
    return fail(w, 'excluded', {
      k: 'one-time-used',
      year: top.used.entry.year,
      other: undefined,
      tier: top.used.tier.label,
      higher: top.used.tier !== top.tier,
    });
  }
  return fail(w, 'ineligible', {
    k: 'tier-before',
    value: value ?? (0 as Fen),
    label: c.valueLabel,
    previous: previous as Fen,
    previousLabel: c.previousLabel,
  });
}

/** Alternatives on one subject (第六条(2): 6.2a or 6.2b): the larger stands; a tie goes by the group's reading. */
function resolveAlternatives<R extends EngineRequest>(ctx: Context<R>, work: Work<R>[]): void {
  let groups: Map<string, Work<R>[]> | undefined;
  for (const w of work) {
    const g = w.measure.alternativeGroup;
    if (g === undefined || w.status !== 'granted') continue;
    const key = `${g.id}\u0000${w.subject ?? ''}`;
    groups ??= new Map();
    const list = groups.get(key);
    if (list) list.push(w);
    else groups.set(key, [w]);
  }
  if (!groups) return;
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const group = (list[0] as Work<R>).measure.alternativeGroup as NonNullable<Measure<R>['alternativeGroup']>;
    const earlierWins = ctx.params.switch(group.tieReading);
    list.sort((a, b) => b.amount - a.amount || (earlierWins ? a.order - b.order : b.order - a.order));
    const winner = list[0] as Work<R>;
    for (let i = 1; i < list.length; i++) {
      const loser = list[i] as Work<R>;
      const tie = loser.amount === winner.amount;
      if (winner.steps) {
        winner.steps.push({ k: 'alternative-won', other: measureRef(loser.measure), otherAmount: loser.amount, tie });
        if (tie) pushAssumed(winner.steps, ctx.params, group.tieReading);
      }
      const amount = loser.amount;
      loser.status = 'excluded';
      loser.amount = 0;
      loser.reasons.push({ k: 'alternative-lost', other: measureRef(winner.measure), otherAmount: winner.amount, amount, tie });
      if (tie) pushAssumed(loser.steps, ctx.params, group.tieReading);
    }
  }
}

/**
 * Best of, never twice (从优不重复), per key: the subject for per-subject measures, the measure
 * for the others. Where other district policies support a key, this policy's granted sum for it
 * (over all its measures, after alternatives) stands only if strictly larger than theirs
 * together, and then replaces them; otherwise every result for the key is excluded.
 */
function applyBestOf<R extends EngineRequest>(work: Work<R>[], request: R): void {
  const awards = request.otherPolicyAwards;
  if (!awards || awards.length === 0) return;
  // A request names few awards: arrays searched in a line are cheaper here than maps.
  const keys: OtherKey<R>[] = [];
  for (const a of awards) {
    const bySubject = a.subject !== undefined;
    const name = (bySubject ? a.subject : a.measure) as string;
    let o = keys.find((k) => k.bySubject === bySubject && k.name === name);
    if (!o) {
      o = { bySubject, name, awards: [], other: 0, ours: [] };
      keys.push(o);
    }
    o.other += a.amount;
    const same = o.awards.find((x) => x.policy === a.policy);
    if (same) same.amount = (same.amount + a.amount) as Fen;
    else o.awards.push({ policy: a.policy, amount: a.amount });
  }
  for (const w of work) {
    if (w.status !== 'granted') continue;
    const bySubject = w.measure.perSubject;
    const name = bySubject ? w.subject : w.measure.id;
    for (const k of keys) if (k.bySubject === bySubject && k.name === name) k.ours.push(w);
  }
  for (const o of keys) {
    const list = o.ours;
    if (list.length === 0) continue;
    if (o.awards.length > 1) o.awards.sort((a, b) => byName.compare(a.policy, b.policy));
    let sum = 0;
    for (const w of list) sum += w.amount;
    if (list.length > 1) list.sort(byOrderAndSubject);
    const parts: PartShown[] = list.length > 1 ? list.map((w) => ({ ref: measureRef(w.measure), amount: w.amount })) : [];
    const step = { subject: o.bySubject ? o.name : null, awards: o.awards, other: o.other as Fen, parts, ours: sum };
    if (sum * 100 > o.other) {
      for (const w of list) w.steps?.push({ k: 'best-of-won', ...step });
    } else {
      for (const w of list) {
        w.status = 'excluded';
        w.amount = 0;
        w.reasons.push({ k: 'best-of-lost', ...step });
      }
    }
  }
}

/** One key other policies' awards name: a subject, or a measure of this policy. */
interface OtherKey<R> {
  readonly bySubject: boolean;
  readonly name: string;
  /** Per policy, in fen. */
  readonly awards: { policy: string; amount: Fen }[];
  other: number;
  /** This policy's granted results for the key. */
  readonly ours: Work<R>[];
}
