import type { Status } from '../evaluate.js';
import type { Candidate, HistoryEntry, Measure, MissingFact } from '../measure.js';
import type { Step } from '../step.js';
import { NO_HISTORY } from './history.js';

/**
 * One result in the making: the candidate, what the measure granted it before, and the outcome
 * so far. The phases and the rule's handler read and set it in place, so that one object per
 * candidate carries the whole evaluation (no parameter lists, nothing allocated per phase).
 */
export interface Work<R> {
  readonly measure: Measure<R>;
  readonly candidate: Candidate;
  /** The measure's place in the catalogue: results are sorted by it. */
  readonly order: number;
  /** The candidate's subject; a milestone rule sets it to the tier. */
  subject: string | null;
  status: Status;
  amount: number;
  cap: number | undefined;
  /** Null when the request asked for no explanations. */
  readonly steps: Step[] | null;
  reasons: Step[];
  missing: readonly string[] | undefined;
  /** The measure's own history (its subject's, for per-subject measures); set by the history phase. */
  own: readonly HistoryEntry[];
  /** A consecutive window's length in years, when a phase needs it; else 0. */
  windowYears: number;
  /** The amount came from a figure of the year (not a flag, not a fixed sum): the first year counts it in full. */
  isFigureOfYear: boolean;
}

/** A candidate's work, granted until a phase says otherwise. */
export function newWork<R>(measure: Measure<R>, order: number, candidate: Candidate, explain: boolean): Work<R> {
  return {
    measure,
    candidate,
    order,
    subject: candidate.subject,
    status: 'granted',
    amount: 0,
    cap: undefined,
    steps: explain ? [] : null,
    reasons: [],
    missing: undefined,
    own: NO_HISTORY,
    windowYears: 0,
    isFigureOfYear: false,
  };
}

/** Sets a status other than granted; returns false so that `return fail(…)` ends the evaluation. */
export function fail<R>(w: Work<R>, status: Status, reason?: Step): false {
  w.status = status;
  w.amount = 0;
  if (reason) w.reasons.push(reason);
  return false;
}

/** Facts the rule needs that the request left out: `incomplete`, never read as 0. `either`: any one of the facts would do. */
export function incomplete<R>(w: Work<R>, missing: readonly MissingFact[], either = false): false {
  w.missing = missing.map((m) => m.path);
  return fail(w, 'incomplete', { k: 'missing', labels: missing.map((m) => m.label), either });
}
