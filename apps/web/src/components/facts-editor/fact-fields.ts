import {
  ENTERPRISE_FIELDS,
  FACT_TOPICS,
  FACTS,
  type FactListSpec,
  type FactOption,
  type FactSpec,
  type FactText,
  type FactTopicKey,
  type FactValueSpec,
  RECOGNITION_TYPE_OPTIONS,
} from '@ftai/policy-fengtai/facts';
import { pathToName } from '../../lib/field-errors';

/**
 * The `facts` part of the calculation contract (CALCULATION.md) as the form needs it: which fields
 * there are, of which kind, under which topic and clause, with their Chinese and English labels.
 * The FactsEditor draws its form from this; the calculator builds and reads requests with it.
 * Every fact is declared once, with the contract (@ftai/policy-fengtai/facts): this is its
 * adapter for the form.
 */

export type Facts = Record<string, unknown>;

export type Topic = FactTopicKey;

export type Text = FactText;

export interface EnumOption {
  readonly value: string;
  readonly label: Text;
}

/** A value in a form: money in yuan (≤ 2 decimals), a whole count, yes/no, a date, a text, a rate, one of a list. */
export type ScalarKind = FactValueSpec['kind'];

export interface ScalarField {
  readonly key: string;
  readonly kind: ScalarKind;
  readonly label: Text;
  readonly help?: Text;
  /** The contract requires it (inside a list row or an object). */
  readonly required?: boolean;
  readonly options?: readonly EnumOption[];
}

export interface ListField {
  readonly key: string;
  readonly kind: 'list';
  readonly label: Text;
  readonly help: Text;
  /** What one row is called ("模型", "项目" …), for the add button. */
  readonly row: Text;
  readonly item: readonly ScalarField[];
}

export interface ObjectField {
  readonly key: string;
  readonly kind: 'object';
  readonly label: Text;
  readonly help: Text;
  readonly fields: readonly ScalarField[];
}

export type FactField = (ScalarField & { readonly help: Text }) | ListField | ObjectField;

export interface TopicInfo {
  readonly key: Topic;
  /** The `facts` fields this topic asks for, in contract order. */
  readonly fields: readonly string[];
  readonly label: { readonly zh: string; readonly en: string };
  /** The clause(s) as the text numbers them, e.g. 第三条第（1）至（3）项. */
  readonly citation: Text;
  /** The measures the topic's facts feed. */
  readonly measures: readonly string[];
}

const t = (zh: string, en: string): Text => ({ zh, en });

const NO_HELP: Text = t('', '');

const optionsOf = (options: readonly FactOption[]): EnumOption[] => options.map(({ value, label }) => ({ value, label }));

export const RECOGNITION_TYPES: readonly EnumOption[] = optionsOf(RECOGNITION_TYPE_OPTIONS);

/** A field of a list row or an object, as the form asks for it. */
function scalarOf(spec: FactValueSpec): ScalarField {
  return {
    key: spec.key,
    kind: spec.kind,
    label: spec.label,
    ...(spec.help ? { help: spec.help } : {}),
    required: spec.required === true,
    ...(spec.options ? { options: optionsOf(spec.options) } : {}),
  };
}

/** A list's item fields in the order the form shows them. */
function formItems(list: FactListSpec): ScalarField[] {
  const order = list.formOrder ?? list.item.map((f) => f.key);
  return order.flatMap((key) => list.item.filter((f) => f.key === key).map(scalarOf));
}

function fieldOf(fact: FactSpec): FactField {
  const help = fact.help ?? NO_HELP;
  if (fact.kind === 'list') return { key: fact.key, kind: 'list', label: fact.label, help, row: fact.row, item: formItems(fact) };
  if (fact.kind === 'object') return { key: fact.key, kind: 'object', label: fact.label, help, fields: fact.fields.map(scalarOf) };
  return { key: fact.key, kind: fact.kind, label: fact.label, help, ...(fact.options ? { options: optionsOf(fact.options) } : {}) };
}

const FACT_SPECS = FACTS as readonly FactSpec[];

/** Every field of `facts`, in the contract's order. */
export const FACT_FIELDS: readonly FactField[] = FACT_SPECS.map(fieldOf);

export const FACT_FIELD_INDEX: ReadonlyMap<string, FactField> = new Map(FACT_FIELDS.map((f) => [f.key, f]));

/** The topics of the calculator's checklist ("what did your enterprise do this year?"), each with its facts. */
export const TOPICS: readonly TopicInfo[] = FACT_TOPICS.map((tp) => ({
  ...tp,
  fields: FACT_SPECS.filter((f) => f.topic === tp.key).map((f) => f.key),
}));

/**
 * Labels for tables and one-line summaries (the officer's view of an application), by field name:
 * every field of the enterprise, every fact (an amount with its unit: 算力实际投入（元）) and every
 * field of a list item or object (日期, 投入 …; one label per name, which facts.test.ts checks).
 */
export function compactFactLabels(lang: 'zh' | 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  const yuan = lang === 'zh' ? '（元）' : ' (yuan)';
  for (const f of ENTERPRISE_FIELDS) out[f.key] = f.label[lang];
  for (const fact of FACT_SPECS) {
    const short = (fact.short ?? fact.label)[lang];
    out[fact.key] = fact.kind === 'money' ? `${short}${yuan}` : short;
    const parts: readonly FactValueSpec[] = fact.kind === 'list' ? fact.item : fact.kind === 'object' ? fact.fields : [];
    for (const part of parts) out[part.key] ??= (part.short ?? part.label)[lang];
  }
  return out;
}

/**
 * The words of every choice a fact offers (事件类型 forum → 行业论坛), by field and value
 * (`kind` → `forum`), for the officer's view of the facts (FactsView): no value is shown by its key.
 */
export function compactFactValueLabels(lang: 'zh' | 'en'): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const fact of FACT_SPECS) {
    const parts: readonly FactValueSpec[] = fact.kind === 'list' ? fact.item : fact.kind === 'object' ? fact.fields : [fact];
    for (const part of parts) {
      if (!part.options) continue;
      const words = out[part.key] ?? {};
      for (const o of part.options) words[o.value] ??= o.label[lang];
      out[part.key] = words;
    }
  }
  return out;
}

const TOPIC_OF_FIELD: ReadonlyMap<string, Topic> = new Map(TOPICS.flatMap((tp) => tp.fields.map((f) => [f, tp.key] as const)));

/** The topic a facts field belongs to. */
export function topicOfField(field: string): Topic | undefined {
  return TOPIC_OF_FIELD.get(field);
}

/** A field of the facts form that a contract path names (an answer's `missing`, an API issue). */
export interface FactFieldRef {
  /** The path as given: `facts.agentCompetitionPrizes[0].prize`. */
  readonly path: string;
  /** Its name in the facts form: ['agentCompetitionPrizes', 0, 'prize'], ['incubator', 'investment']. */
  readonly name: readonly (string | number)[];
  /** The topic whose section holds it. */
  readonly topic: Topic;
  /** The field as the form labels it: 上年度主营业务收入 · 孵化器建设投入 · 奖项1：大赛设定的奖金. */
  readonly label: Text;
}

/**
 * The form field a contract path names, through FACT_FIELDS (the one description of the facts):
 * `facts.previousRevenue` → 上年度主营业务收入 under the revenue topic; `facts.incubator.investment`
 * → 孵化器建设投入; `facts.agentCompetitionPrizes[0].prize` → 奖项1：大赛设定的奖金. A path into a
 * list without a row, or to a part the form does not have, names the nearest thing that it does
 * have; a path outside `facts` or to an unknown field names nothing (undefined).
 */
export function factFieldOfPath(path: string): FactFieldRef | undefined {
  if (!path.startsWith('facts.')) return undefined;
  const [head, ...rest] = pathToName(path.slice('facts.'.length));
  const field = typeof head === 'string' ? FACT_FIELD_INDEX.get(head) : undefined;
  const topic = field && topicOfField(field.key);
  if (!field || !topic) return undefined;
  const whole = { path, name: [field.key], topic, label: field.label };
  if (field.kind === 'object') {
    const part = field.fields.find((f) => f.key === rest[0]);
    return part ? { path, name: [field.key, part.key], topic, label: part.label } : whole;
  }
  if (field.kind !== 'list') return whole;
  const [index, key] = rest;
  if (typeof index !== 'number') return whole;
  // The rows are numbered from 1 as the form shows them: 奖项1, prize 1.
  const row = t(`${field.row.zh}${index + 1}`, `${capitalise(field.row.en)} ${index + 1}`);
  const item = field.item.find((f) => f.key === key);
  if (!item) return { path, name: [field.key, index], topic, label: row };
  return { path, name: [field.key, index, item.key], topic, label: t(`${row.zh}：${item.label.zh}`, `${row.en}: ${item.label.en}`) };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The topics to show so that the form has the field a contract path names: `topics` with the
 * path's topic added in checklist order (the same list when it is there, or names no field).
 */
export function withTopicOf(topics: readonly Topic[], path: string): Topic[] {
  const topic = factFieldOfPath(path)?.topic;
  if (topic === undefined || topics.includes(topic)) return [...topics];
  const chosen = new Set([...topics, topic]);
  return TOPICS.map((tp) => tp.key).filter((k) => chosen.has(k));
}

/** Which topics a facts object touches (fields present and not empty), in checklist order. */
export function topicsOf(facts: Facts): Topic[] {
  const touched = new Set<Topic>();
  for (const [key, value] of Object.entries(facts)) {
    const topic = TOPIC_OF_FIELD.get(key);
    if (topic && !isEmpty(value)) touched.add(topic);
  }
  return TOPICS.map((tp) => tp.key).filter((k) => touched.has(k));
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as object).every(isEmpty);
  return false;
}

/**
 * A money value as a number of yuan with at most 2 decimals (half up on the decimal digits, never
 * through `x * 100`): 1234567.891 → 1234567.89; "1000.5" → 1000.5; more than 13 digits of yuan
 * stay the text typed ("123456789012345678"). Not a number: undefined.
 */
export function toMoney(value: unknown): number | string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return roundDecimalString(String(value));
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    const text = value.trim();
    // Past 15 digits a number would round what was typed: the text goes as typed, and the API
    // says what is wrong with it (more than 9,999,999,999,999.99 yuan).
    if ((text.replace(/^-?0*/, '').split('.')[0] ?? '').length > 13) return text;
    return roundDecimalString(text);
  }
  return undefined;
}

function roundDecimalString(s: string): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  // Exponent forms (1e21 and up, or tiny fractions) are beyond any real amount: keep the number.
  if (!m) return Number(s);
  const [, sign, whole = '0', frac = ''] = m;
  if (frac.length <= 2) return Number(s);
  const cents = BigInt(whole + frac.slice(0, 2)) + (Number(frac[2]) >= 5 ? 1n : 0n);
  const digits = cents.toString().padStart(3, '0');
  return Number(`${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`);
}

/** A whole count; anything else undefined. */
function toCount(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}

function toRate(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function cleanScalar(field: ScalarField, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  switch (field.kind) {
    case 'money':
      return toMoney(value) ?? value;
    case 'count':
      return toCount(value) ?? value;
    case 'rate':
      return toRate(value) ?? value;
    case 'text':
    case 'date':
    case 'enum':
      if (typeof value === 'string') {
        const s = value.trim();
        return s === '' ? undefined : s;
      }
      return value;
    default:
      return value;
  }
}

function cleanRow(fields: readonly ScalarField[], row: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!row || typeof row !== 'object') return out;
  const r = row as Record<string, unknown>;
  for (const f of fields) {
    const v = cleanScalar(f, r[f.key]);
    if (v !== undefined) out[f.key] = v;
  }
  return out;
}

/**
 * The facts as the contract wants them: empty fields dropped, money as numbers with at most 2
 * decimals, texts trimmed, objects with nothing in them dropped, empty lists dropped. List rows are
 * kept (even empty ones), so the API's `facts.x[i]` paths point at the rows the user sees.
 * Fields the contract does not know are kept as they are (the API names them).
 */
export function cleanFacts(facts: Facts, only?: ReadonlySet<string>): Facts {
  const out: Facts = {};
  for (const field of FACT_FIELDS) {
    if (only && !only.has(field.key)) continue;
    const value = facts[field.key];
    if (value === undefined || value === null) continue;
    if (field.kind === 'list') {
      if (!Array.isArray(value)) {
        out[field.key] = value;
        continue;
      }
      if (value.length === 0) continue;
      out[field.key] = value.map((row) => cleanRow(field.item, row));
    } else if (field.kind === 'object') {
      const row = cleanRow(field.fields, value);
      if (Object.keys(row).length > 0) out[field.key] = row;
    } else {
      const v = cleanScalar(field, value);
      if (v !== undefined) out[field.key] = v;
    }
  }
  if (!only) {
    for (const [key, value] of Object.entries(facts)) {
      if (!FACT_FIELD_INDEX.has(key) && value !== undefined) out[key] = value;
    }
  }
  return out;
}

/** The `facts` fields of some topics. */
export function fieldsOfTopics(topics: readonly Topic[]): Set<string> {
  const chosen = new Set(topics);
  return new Set(TOPICS.filter((tp) => chosen.has(tp.key)).flatMap((tp) => tp.fields));
}

/**
 * A fraction as per cent and back, exactly on the decimal digits (0.15 ↔ 15, 0.075 ↔ 7.5), so a
 * rate typed as 15% goes into the contract as 0.15, never 0.15000000000000002.
 */
export function shiftDecimal(value: number, places: number): number {
  const s = String(value);
  if (/e/i.test(s)) return Number(`${s}e${places}`);
  const neg = s.startsWith('-');
  const [whole = '0', frac = ''] = (neg ? s.slice(1) : s).split('.');
  let digits = whole + frac;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  const out = `${digits.slice(0, point) || '0'}.${digits.slice(point) || '0'}`;
  return Number(`${neg ? '-' : ''}${out}`);
}
