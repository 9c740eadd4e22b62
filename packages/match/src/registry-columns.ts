import { ENTERPRISE_MEASURE_IDS, measures } from '@ftai/policy-fengtai';
import {
  ENTERPRISE_FIELDS,
  type EnterpriseFieldSpec,
  FACTS,
  type FactKind,
  type FactListSpec,
  type FactSpec,
  type FactValueSpec,
} from '@ftai/policy-fengtai/facts';

/**
 * The registry's columns: one row per enterprise-year, flat columns for the scalar fields of the
 * calculation contract (shared/spec/CALCULATION.md) and numbered columns for its lists
 * (`modelFilings.1.id`, `modelFilings.1.date` …), or a whole list as JSON in one cell
 * (`modelFilings`). Every column has a Chinese name too (`模型备案1-编号`), in the policy text's
 * own terms (主营业务收入, 研发费用); docs/registry-columns.md is the clerk's guide, and a test
 * keeps the two in step. The columns of the enterprise and the facts are those their declaration
 * names (@ftai/policy-fengtai/facts); history and other awards are the registry's own.
 */

/** How a cell turns into a contract value (see cell-value.ts). */
export type CellType = 'year' | 'count' | 'money' | 'rate' | 'bool' | 'date' | 'text' | 'creditCode' | 'enum' | 'subject';

export interface FieldSpec {
  /** The contract's field name. */
  readonly key: string;
  /** The Chinese header, in the text's own terms (the form's label where the web app has one). */
  readonly zh: string;
  /** Earlier Chinese headers, still read (a registry filled from an older template keeps working). */
  readonly aliases?: readonly string[];
  readonly type: CellType;
  /** For `enum`: the contract's values, with the Chinese words a clerk may write for each. */
  readonly values?: Readonly<Record<string, readonly string[]>>;
  /** A short note for the guide and the template: unit, what to write. */
  readonly note?: string;
  /** The note in Chinese, where the template's notes sheet has one. */
  readonly noteZh?: string;
}

/** Where a group of fields lives in the request. */
export type Container = 'request' | 'enterprise' | 'facts';

export interface ScalarGroup {
  readonly kind: 'scalars';
  readonly container: Container;
  readonly fields: readonly FieldSpec[];
}

/** A contract object (`incubator`): columns `incubator.rating` …, or JSON in the column `incubator`. */
export interface ObjectGroup {
  readonly kind: 'object';
  readonly container: 'facts';
  readonly key: string;
  readonly zh: string;
  readonly fields: readonly FieldSpec[];
}

/** A contract list: numbered columns `modelFilings.1.id` …, or JSON in the column `modelFilings`. */
export interface ListGroup {
  readonly kind: 'list';
  readonly container: 'request' | 'facts';
  readonly key: string;
  readonly zh: string;
  readonly fields: readonly FieldSpec[];
}

export type ColumnGroup = ScalarGroup | ObjectGroup | ListGroup;

/**
 * The enterprise-level measures another policy's award may overlap (CALCULATION.md): the id, or
 * the measure's short name as `ftai measures` prints it (首次认定国家专精特新“小巨人”企业 → 5.3a).
 */
const ENTERPRISE_MEASURE = Object.fromEntries(
  ENTERPRISE_MEASURE_IDS.map((id) => [id, [measures.find((m) => m.id === id)?.name.zh ?? id]]),
) as Readonly<Record<string, readonly string[]>>;

/**
 * 第五条第（1）项 is granted per tier, and its history names the tier (CALCULATION.md). A clerk
 * may write the tier as the text does (5000万元, 首次达规) in the history's subject column; the
 * tier ids are the policy's (MILESTONE_TIERS), a test keeps the two in step.
 */
export const MILESTONE_TIER_WORDS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  '5.1': {
    'revenue-1b': ['10亿元', '主营业务收入首次达到10亿元'],
    'revenue-500m': ['5亿元', '主营业务收入首次达到5亿元'],
    'revenue-100m': ['1亿元', '主营业务收入首次达到1亿元'],
    'revenue-50m': ['5000万元', '主营业务收入首次达到5000万元'],
    'above-designated-size': ['首次达规'],
  },
};

/** How a cell of each kind of fact turns into a contract value. */
const CELL_TYPES: Readonly<Record<FactKind | EnterpriseFieldSpec['kind'], CellType>> = {
  money: 'money',
  count: 'count',
  bool: 'bool',
  date: 'date',
  text: 'text',
  rate: 'rate',
  enum: 'enum',
  creditCode: 'creditCode',
};

/** The column of a value declared in facts.ts: its Chinese header, earlier headers, notes, the words of its values. */
function fieldOf(spec: FactValueSpec | EnterpriseFieldSpec, list?: FactListSpec): FieldSpec {
  const { zh, aliases, note } = spec.registry;
  const options = 'options' in spec ? spec.options : undefined;
  const en = spec.key === list?.unique ? 'unique within the list' : note?.en;
  return {
    key: spec.key,
    zh,
    ...(aliases ? { aliases } : {}),
    type: CELL_TYPES[spec.kind],
    ...(options ? { values: Object.fromEntries(options.map((o) => [o.value, o.registry])) } : {}),
    ...(en ? { note: en } : {}),
    ...(note?.zh ? { noteZh: note.zh } : {}),
  };
}

const facts = FACTS as readonly FactSpec[];

/** Every column group, in the order the template lists them: the request's, then the facts' (facts.ts), then history. */
export const COLUMN_GROUPS: readonly ColumnGroup[] = [
  { kind: 'scalars', container: 'request', fields: [{ key: 'year', zh: '年度', type: 'year', note: 'assessment year, e.g. 2026' }] },
  { kind: 'scalars', container: 'enterprise', fields: ENTERPRISE_FIELDS.map((f) => fieldOf(f)) },
  { kind: 'scalars', container: 'facts', fields: facts.flatMap((f) => (f.kind === 'list' || f.kind === 'object' ? [] : [fieldOf(f)])) },
  ...facts.flatMap((f): ColumnGroup[] =>
    f.kind === 'list'
      ? [{ kind: 'list', container: 'facts', key: f.key, zh: f.registry.zh, fields: f.item.map((x) => fieldOf(x, f)) }]
      : f.kind === 'object'
        ? [{ kind: 'object', container: 'facts', key: f.key, zh: f.registry.zh, fields: f.fields.map((x) => fieldOf(x)) }]
        : [],
  ),
  {
    kind: 'list',
    container: 'request',
    key: 'history',
    zh: '本政策往年支持',
    fields: [
      { key: 'measure', zh: '措施', type: 'text', note: 'measure id, e.g. 2.1' },
      { key: 'year', zh: '年度', type: 'year' },
      {
        key: 'subject',
        zh: '对象',
        type: 'subject',
        note: 'empty for enterprise-level measures; for 5.1 the tier: revenue-1b, revenue-500m, revenue-100m, revenue-50m or above-designated-size (or 10亿元 … 首次达规)',
      },
      { key: 'amount', zh: '金额', type: 'money', note: '0 for 5.4 (in kind)' },
    ],
  },
  {
    kind: 'list',
    container: 'request',
    key: 'otherPolicyAwards',
    zh: '其他政策支持',
    fields: [
      { key: 'policy', zh: '政策', type: 'text' },
      { key: 'subject', zh: '对象', type: 'text', note: 'the id of the project, model, product … it supported; either this or measure' },
      {
        key: 'measure',
        zh: '对应本措施事项',
        type: 'enum',
        values: ENTERPRISE_MEASURE,
        note: 'the enterprise-level measure of this policy it overlaps; either this or subject',
      },
      { key: 'amount', zh: '金额', type: 'money' },
    ],
  },
];

export const LIST_GROUPS: readonly ListGroup[] = COLUMN_GROUPS.filter((g): g is ListGroup => g.kind === 'list');

/** The unit a template header shows after the Chinese name. */
export function unitOf(type: CellType): string | undefined {
  return type === 'money' ? '元' : type === 'bool' ? '是/否' : type === 'date' ? 'YYYY-MM-DD' : undefined;
}
