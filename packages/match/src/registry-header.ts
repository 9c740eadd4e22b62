import { COLUMN_GROUPS, type FieldSpec, type ListGroup, unitOf } from './registry-columns.js';
import { compileHeader, type RegistryMapping } from './registry-mapping.js';

/** Headers compiled once per array (the benchmark writes a million rows under one). */
const compiled = new WeakMap<readonly string[], { mapping: RegistryMapping; slots: Map<ListGroup, number> }>();

export interface RegistryHeaderOptions {
  /** English keys (`modelFilings.1.id`) or Chinese names with units (`模型备案1-编号`). */
  readonly lang: 'zh' | 'en';
  /** Numbered items per list: one number for all, or per list key; 0 leaves the list's columns out. */
  readonly items?: number | Readonly<Record<string, number>>;
  /** Lists and objects given as JSON in one column instead. */
  readonly json?: readonly string[];
}

function label(zh: string, field: FieldSpec | undefined, lang: 'zh' | 'en', key: string): string {
  if (lang === 'en') return key;
  const unit = field ? unitOf(field.type) : 'JSON';
  return unit ? `${zh}（${unit}）` : zh;
}

/**
 * A registry's header row: every scalar column, numbered columns for `items` items of each list,
 * JSON columns for the groups named in `json`. The template and the benchmark use it.
 *
 * @example registryHeader({ lang: 'en', items: 1 }).includes('modelFilings.1.date') // true
 */
export function registryHeader(options: RegistryHeaderOptions): string[] {
  const { lang } = options;
  const itemsOf = (key: string) => (typeof options.items === 'number' ? options.items : (options.items?.[key] ?? 1));
  const json = new Set(options.json ?? []);
  const headers: string[] = [];
  for (const group of COLUMN_GROUPS) {
    if (group.kind === 'scalars') {
      for (const f of group.fields) headers.push(label(f.zh, f, lang, f.key));
    } else if (json.has(group.key)) {
      headers.push(label(group.zh, undefined, lang, group.key));
    } else if (group.kind === 'object') {
      for (const f of group.fields) headers.push(label(`${group.zh}-${f.zh}`, f, lang, `${group.key}.${f.key}`));
    } else {
      for (let n = 1; n <= itemsOf(group.key); n++) {
        for (const f of group.fields) headers.push(label(`${group.zh}${n}-${f.zh}`, f, lang, `${group.key}.${n}.${f.key}`));
      }
    }
  }
  return headers;
}

/**
 * A request of the contract as the cells of a registry row under `headers` (the inverse of
 * rowToRequest): scalars as text, list items in their numbered columns, JSON columns as JSON.
 * Throws when a list has more items than the header has numbered columns for.
 */
export function requestToCells(request: Record<string, unknown>, headers: readonly string[]): string[] {
  let entry = compiled.get(headers);
  if (!entry) {
    const mapping = compileHeader(headers);
    if (mapping.problems.length > 0) throw new Error(mapping.problems.join('; '));
    const slots = new Map<ListGroup, number>();
    for (const t of mapping.targets) if (t.kind === 'item-field') slots.set(t.group, Math.max(slots.get(t.group) ?? 0, t.n));
    entry = { mapping, slots };
    compiled.set(headers, entry);
  }
  const enterprise = (request.enterprise ?? {}) as Record<string, unknown>;
  const facts = (request.facts ?? {}) as Record<string, unknown>;
  const text = (v: unknown): string =>
    v === undefined || v === null ? '' : typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  const containerOf = (c: 'request' | 'enterprise' | 'facts') => (c === 'request' ? request : c === 'enterprise' ? enterprise : facts);
  for (const [group, slots] of entry.slots) {
    const list = containerOf(group.container)[group.key] as unknown[] | undefined;
    if (list && list.length > slots) throw new Error(`${group.key} has ${list.length} items, the header numbers ${slots}`);
  }
  return entry.mapping.targets.map((t) => {
    switch (t.kind) {
      case 'scalar':
        return text(containerOf(t.container)[t.field.key]);
      case 'object-field':
        return text((facts[t.group.key] as Record<string, unknown> | undefined)?.[t.field.key]);
      case 'item-field': {
        const list = containerOf(t.group.container)[t.group.key] as Record<string, unknown>[] | undefined;
        return text(list?.[t.n - 1]?.[t.field.key]);
      }
      case 'json':
        return text(containerOf(t.group.container)[t.group.key]);
      default:
        return '';
    }
  });
}
