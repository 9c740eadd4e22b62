import { applyBestOf } from './evaluation/apply-best-of.js';
import { byOrderAndSubject } from './evaluation/by-order-and-subject.js';
import { evaluateCandidate } from './evaluation/evaluate-candidate.js';
import { type RequestContext, requestContext } from './evaluation/request-context.js';
import { resolveAlternatives } from './evaluation/resolve-alternatives.js';
import { newWork, type Work } from './evaluation/work.js';
import type { Lang } from './localised.js';
import type { EngineRequest, Measure, Policy } from './measure.js';
import { renderStep, type Step } from './step.js';

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

/**
 * Evaluates every measure of a policy for one request: conditions, the in-force window, scope
 * limits against history, missing facts, the rule's arithmetic, alternatives, and best of,
 * never twice against other policies' awards. Pure: the same request always gives the same answer.
 *
 * @example evaluate(policy, { year: 2026, …facts }, { lang: 'en' }).total // 1000000
 */
export function evaluate<R extends EngineRequest>(policy: Policy<R>, request: R, options: EvaluateOptions = {}): Evaluation {
  const ctx = requestContext(policy, request, options.explain !== false);
  const work = evaluateCandidates(ctx);
  resolveAlternatives(ctx, work);
  applyBestOf(work, request);
  sortByOrderAndSubject(work);
  return toEvaluation(ctx, work, options.lang ?? 'zh');
}

/** Every candidate of every measure, in catalogue order, each through the phases (evaluate-candidate.ts). */
function evaluateCandidates<R extends EngineRequest>(ctx: RequestContext<R>): Work<R>[] {
  const work: Work<R>[] = [];
  const measures = ctx.policy.measures;
  for (let order = 0; order < measures.length; order++) {
    const measure = measures[order] as Measure<R>;
    const candidates = measure.candidates(ctx.request, ctx.params);
    for (const candidate of candidates) {
      const w = newWork(measure, order, candidate, ctx.explain);
      evaluateCandidate(ctx, w);
      work.push(w);
    }
  }
  return work;
}

/** Candidates come in measure order; only subjects given out of order need the (stable) sort. */
function sortByOrderAndSubject<R>(work: Work<R>[]): void {
  for (let i = 1; i < work.length; i++) {
    if (byOrderAndSubject(work[i - 1] as Work<R>, work[i] as Work<R>) > 0) {
      work.sort(byOrderAndSubject);
      return;
    }
  }
}

/** The answer: steps rendered in the language asked for, and the sum of what is granted. */
function toEvaluation<R extends EngineRequest>(ctx: RequestContext<R>, work: readonly Work<R>[], lang: Lang): Evaluation {
  // Reasons shared by many results (general conditions, the term) are rendered once.
  const general = ctx.generalUnmet;
  const single = ctx.outOfForce[0];
  const multi = ctx.outOfForce[1];
  const render = (reasons: Step[]): string[] => {
    const texts = new Array<string>(reasons.length);
    for (let i = 0; i < reasons.length; i++) texts[i] = renderStep(reasons[i] as Step, lang);
    return texts;
  };
  const sharedTexts = new Map<Step[], string[]>();
  const textsOf = (reasons: Step[]): string[] => {
    if (reasons !== general && reasons !== single && reasons !== multi) return render(reasons);
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
