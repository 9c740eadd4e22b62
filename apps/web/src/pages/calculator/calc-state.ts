import type { Answer, MeasureResult } from '@ftai/api';
import type { FieldIssue } from '../../api/client';
import { IN_KIND_MEASURE_IDS } from '../../api/policy-ids';
import { cleanFacts, type Facts, fieldsOfTopics, type Topic, toMoney, topicsOf } from '../../components/facts-editor/fact-fields';

/**
 * The calculator's state and the request of the calculation contract (CALCULATION.md), both ways:
 * `buildRequest` turns what the steps hold into the exact contract JSON, `readRequest` fills the
 * steps from a request (a loaded file). Pure: no React, no DOM.
 */

export const ENTERPRISE_KEYS = [
  'creditCode',
  'name',
  'registeredInFengtai',
  'taxResidentInFengtai',
  'seriousDishonesty',
  'aiPartnerProgram',
  'industrialAI',
  'startup',
] as const;
type EnterpriseKey = (typeof ENTERPRISE_KEYS)[number];
const TEXT_KEYS: ReadonlySet<EnterpriseKey> = new Set(['creditCode', 'name']);

export interface EnterpriseState {
  creditCode?: string;
  name?: string;
  registeredInFengtai?: boolean;
  taxResidentInFengtai?: boolean;
  seriousDishonesty?: boolean;
  aiPartnerProgram?: boolean;
  industrialAI?: boolean;
  startup?: boolean;
}

export interface HistoryRow {
  measure?: string;
  year?: number;
  /** Empty or null: an enterprise-level measure. For 5.1, the tier (`revenue-100m` …). */
  subject?: string | null;
  /** Ignored for support in kind (5.4): its history carries amount 0. Text past 13 digits (toMoney). */
  amount?: number | string;
}

/** What another district policy's award names: the object it supported, or a measure of this policy. */
export type AwardTarget = 'subject' | 'measure';

export interface OtherAwardRow {
  policy?: string;
  /** Which of subject and measure the row names (the form's choice; subject when absent). */
  target?: AwardTarget;
  subject?: string;
  /** One of ENTERPRISE_MEASURE_IDS: support to the enterprise as a whole (对应本措施事项). */
  measure?: string;
  /** Yuan; the text as typed past 13 digits (toMoney). */
  amount?: number | string;
}

export interface CalcState {
  year: number;
  enterprise: EnterpriseState;
  /** The topics ticked in step 2: only their facts go into the request. */
  topics: Topic[];
  facts: Facts;
  history: HistoryRow[];
  otherPolicyAwards: OtherAwardRow[];
}

/** The contract's request, as JSON. */
export interface CalcRequest {
  year: number;
  enterprise: Record<string, string | boolean>;
  facts?: Facts;
  history?: { measure: string; year: number; subject: string | null; amount: number | string }[];
  otherPolicyAwards?: ({ policy: string; amount: number | string } & ({ subject: string } | { measure: string }))[];
}

/** The policy's first and last year of new support. */
export const FIRST_YEAR = 2025;
export const LAST_YEAR = 2028;

/** The assessment year to start with: this calendar year, inside the policy's term. */
export function defaultYear(today: Date = new Date()): number {
  return Math.min(LAST_YEAR, Math.max(FIRST_YEAR, today.getFullYear()));
}

/**
 * A fresh calculator: the general conditions answered as most applicants would, the statuses
 * answered "no" until ticked, nothing else.
 */
export function emptyState(year: number = defaultYear()): CalcState {
  return {
    year,
    enterprise: {
      registeredInFengtai: true,
      taxResidentInFengtai: true,
      seriousDishonesty: false,
      aiPartnerProgram: false,
      industrialAI: false,
      startup: false,
    },
    topics: [],
    facts: {},
    history: [],
    otherPolicyAwards: [],
  };
}

const trimmed = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return s === '' ? undefined : s;
};

/** The enterprise part: texts trimmed (credit code upper-cased), yes/no kept only when answered. */
export function buildEnterprise(e: EnterpriseState): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const key of ENTERPRISE_KEYS) {
    const v = e[key];
    if (TEXT_KEYS.has(key)) {
      const s = trimmed(v);
      if (s !== undefined) out[key] = key === 'creditCode' ? s.toUpperCase() : s;
    } else if (typeof v === 'boolean') out[key] = v;
  }
  return out;
}

/**
 * The contract request from the calculator's state: the facts of the ticked topics only (the
 * rest is irrelevant and dropped), empty fields dropped, money as numbers with at most 2
 * decimals, list rows kept in place (the API's `[i]` paths point at them).
 */
export function buildRequest(state: CalcState): CalcRequest {
  const request: CalcRequest = { year: state.year, enterprise: buildEnterprise(state.enterprise) };
  const facts = cleanFacts(state.facts, fieldsOfTopics(state.topics));
  if (Object.keys(facts).length > 0) request.facts = facts;
  if (state.history.length > 0) {
    request.history = state.history.map((row) => {
      const out: Record<string, unknown> = {};
      const measure = trimmed(row.measure);
      if (measure !== undefined) out.measure = measure;
      if (row.year !== undefined && row.year !== null) out.year = row.year;
      out.subject = trimmed(row.subject) ?? null;
      // Support in kind (5.4) has no amount: its history carries 0 (CALCULATION.md).
      const amount = measure !== undefined && IN_KIND_MEASURE_IDS.includes(measure) ? 0 : toMoney(row.amount);
      if (amount !== undefined) out.amount = amount;
      return out as NonNullable<CalcRequest['history']>[number];
    });
  }
  if (state.otherPolicyAwards.length > 0) {
    request.otherPolicyAwards = state.otherPolicyAwards.map((row) => {
      const out: Record<string, unknown> = {};
      const policy = trimmed(row.policy);
      if (policy !== undefined) out.policy = policy;
      // Either the subject or the measure, as the row chose (never both: the contract refuses it).
      if (row.target === 'measure') {
        const measure = trimmed(row.measure);
        if (measure !== undefined) out.measure = measure;
      } else {
        const subject = trimmed(row.subject);
        if (subject !== undefined) out.subject = subject;
      }
      const amount = toMoney(row.amount);
      if (amount !== undefined) out.amount = amount;
      return out as NonNullable<CalcRequest['otherPolicyAwards']>[number];
    });
  }
  return request;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The calculator's state from a request (a loaded JSON file, already accepted by the API): the
 * topics are those its facts touch, so `buildRequest(readRequest(r))` gives `r` back.
 */
export function readRequest(json: unknown): CalcState {
  const r = isObject(json) ? json : {};
  const enterprise: EnterpriseState = {};
  const e = isObject(r.enterprise) ? r.enterprise : {};
  for (const key of ENTERPRISE_KEYS) {
    const v = e[key];
    if (TEXT_KEYS.has(key) ? typeof v === 'string' : typeof v === 'boolean') (enterprise as Record<string, unknown>)[key] = v;
  }
  const facts = isObject(r.facts) ? cleanFacts(r.facts) : {};
  const history: HistoryRow[] = Array.isArray(r.history)
    ? r.history.filter(isObject).map((h) => ({
        measure: typeof h.measure === 'string' ? h.measure : undefined,
        year: typeof h.year === 'number' ? h.year : undefined,
        subject: typeof h.subject === 'string' ? h.subject : null,
        amount: toMoney(h.amount),
      }))
    : [];
  const otherPolicyAwards: OtherAwardRow[] = Array.isArray(r.otherPolicyAwards)
    ? r.otherPolicyAwards.filter(isObject).map((o) => ({
        policy: typeof o.policy === 'string' ? o.policy : undefined,
        target: typeof o.measure === 'string' && typeof o.subject !== 'string' ? ('measure' as const) : ('subject' as const),
        subject: typeof o.subject === 'string' ? o.subject : undefined,
        measure: typeof o.measure === 'string' ? o.measure : undefined,
        amount: toMoney(o.amount),
      }))
    : [];
  return {
    year: typeof r.year === 'number' ? r.year : defaultYear(),
    enterprise,
    topics: topicsOf(facts),
    facts,
    history: history.map(dropUndefined),
    otherPolicyAwards: otherPolicyAwards.map(dropUndefined),
  };
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The steps of the calculator. */
export const STEPS = ['enterprise', 'topics', 'facts', 'history', 'results'] as const;
export type StepKey = (typeof STEPS)[number];

/** The step that holds the field an API issue names (`facts.modelFilings[0].date` → the facts step). */
export function stepOfIssue(path: string): number {
  const head = path.split(/[.[]/)[0] ?? '';
  if (head === 'facts') return STEPS.indexOf('facts');
  if (head === 'history' || head === 'otherPolicyAwards') return STEPS.indexOf('history');
  return STEPS.indexOf('enterprise');
}

/** The earliest step with an issue: where the user goes to fix things. */
export function firstStepOfIssues(issues: readonly Pick<FieldIssue, 'path'>[]): number {
  return issues.reduce((min, i) => Math.min(min, stepOfIssue(i.path)), STEPS.length - 1);
}

/** Fails a general condition (registered, tax resident in Fengtai, no serious dishonesty)? */
export function failsGeneralConditions(e: EnterpriseState): boolean {
  return e.registeredInFengtai === false || e.taxResidentInFengtai === false || e.seriousDishonesty === true;
}

export interface AnswerSummary {
  readonly total: number;
  readonly granted: readonly MeasureResult[];
  /** Granted at the most the text allows (最高 …): an expert review may lower them. */
  readonly review: readonly MeasureResult[];
  /** Not computed: a fact the rule needs was left out (待补充信息). */
  readonly incomplete: readonly MeasureResult[];
  /** Not granted, each for its own cause (ineligible, excluded). */
  readonly refused: readonly MeasureResult[];
  /** Pending, in kind, services. */
  readonly other: readonly MeasureResult[];
}

/** The figures above the results table. */
export function summarizeAnswer(answer: Answer): AnswerSummary {
  const granted = answer.results.filter((r) => r.status === 'granted');
  return {
    total: answer.total,
    granted,
    review: granted.filter((r) => r.review),
    incomplete: answer.results.filter((r) => r.status === 'incomplete'),
    refused: answer.results.filter((r) => r.status === 'ineligible' || r.status === 'excluded'),
    other: answer.results.filter((r) => r.status === 'pending' || r.status === 'in-kind' || r.status === 'service'),
  };
}

/** A file name for the downloaded request: ftai-request-2026-91110106MA0000K54T.json. */
export function requestFileName(request: CalcRequest): string {
  const who = typeof request.enterprise.creditCode === 'string' ? request.enterprise.creditCode : 'enterprise';
  return `ftai-request-${request.year}-${who.replace(/[^\w-]/g, '')}.json`;
}
