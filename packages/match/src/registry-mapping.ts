import { COLUMN_GROUPS, type Container, type FieldSpec, type ListGroup, type ObjectGroup } from './registry-columns.js';

/** What one column of a registry fills in the request. */
export type ColumnTarget =
  /** A scalar: `year`, `enterprise.creditCode`, `facts.computeSpend`. */
  | { readonly kind: 'scalar'; readonly container: Container; readonly field: FieldSpec; readonly path: string }
  /** A field of a contract object: `facts.incubator.rating`. */
  | { readonly kind: 'object-field'; readonly group: ObjectGroup; readonly field: FieldSpec; readonly path: string }
  /** Field `field` of item number `n` (from 1) of a list: `modelFilings.2.date`. */
  | { readonly kind: 'item-field'; readonly group: ListGroup; readonly n: number; readonly field: FieldSpec }
  /** A whole list or object as JSON in one cell: `modelFilings`, `incubator`. */
  | { readonly kind: 'json'; readonly group: ListGroup | ObjectGroup; readonly path: string }
  /** A column without a header: its cells must stay empty. */
  | { readonly kind: 'unnamed' }
  /** A column the caller asked to ignore (unknown, with ignoreUnknownColumns). */
  | { readonly kind: 'ignored' };

export interface RegistryMapping {
  /** The header cells as the file has them (what errors name). */
  readonly headers: readonly string[];
  readonly targets: readonly ColumnTarget[];
  /** Unknown or repeated columns, a missing year column: the file cannot be matched as it is. */
  readonly problems: readonly string[];
  /** Unknown columns left out because the caller allowed it. */
  readonly ignored: readonly string[];
}

/**
 * A header cell in the form it is looked up by: full-width forms folded (NFKC), a trailing unit
 * in brackets dropped (`算力投入（元）`), letters lower-cased, spaces and separators `. _ - · : /`
 * removed — so `modelFilings.1.id`, `ModelFilings_1_ID` and `模型备案1·编号` are all found.
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .trim()
    .replace(/\s*\([^()]*\)$/, '')
    .toLowerCase()
    .replace(/[\s._\-·:/]+/g, '');
}

type Named = Exclude<ColumnTarget, { kind: 'item-field' } | { kind: 'unnamed' } | { kind: 'ignored' }>;

/** Every name a column may have (English key and Chinese name, normalised) → its target. */
const NAMED = new Map<string, Named>();
/** `${list}|${field}` (normalised, either language) → the list item field, for numbered columns. */
const ITEM_FIELDS = new Map<string, { group: ListGroup; field: FieldSpec }>();
/** Every known column, in template order, for suggestions. */
const KNOWN_NAMES: string[] = [];

function addNamed(names: readonly string[], target: Named): void {
  for (const name of names) {
    const key = normaliseHeader(name);
    const existing = NAMED.get(key);
    if (existing && existing !== target) throw new Error(`registry columns: the name ${name} is given twice`);
    NAMED.set(key, target);
  }
  KNOWN_NAMES.push(names[0] as string);
}

for (const group of COLUMN_GROUPS) {
  if (group.kind === 'scalars') {
    for (const field of group.fields) {
      const path = group.container === 'request' ? field.key : `${group.container}.${field.key}`;
      addNamed([field.key, field.zh, ...(field.aliases ?? [])], { kind: 'scalar', container: group.container, field, path });
    }
    continue;
  }
  const path = group.container === 'request' ? group.key : `facts.${group.key}`;
  addNamed([group.key, group.zh], { kind: 'json', group, path });
  for (const field of group.fields) {
    if (group.kind === 'object') {
      const zhNames = [field.zh, ...(field.aliases ?? [])].map((name) => `${group.zh}${name}`);
      addNamed([`${group.key}.${field.key}`, ...zhNames], {
        kind: 'object-field',
        group,
        field,
        path: `${path}.${field.key}`,
      });
    } else {
      for (const listName of [group.key, group.zh]) {
        for (const fieldName of [field.key, field.zh, ...(field.aliases ?? [])]) {
          ITEM_FIELDS.set(`${normaliseHeader(listName)}|${normaliseHeader(fieldName)}`, { group, field });
        }
      }
    }
  }
}

const NUMBERED = /^(\D+?)(\d+)(\D+)$/;

function lookUp(header: string): Exclude<ColumnTarget, { kind: 'unnamed' } | { kind: 'ignored' }> | undefined {
  const key = normaliseHeader(header);
  const named = NAMED.get(key);
  if (named) return named;
  const m = NUMBERED.exec(key);
  if (!m) return undefined;
  const item = ITEM_FIELDS.get(`${m[1]}|${m[3]}`);
  const n = Number(m[2]);
  if (!item || n < 1 || n > 1000) return undefined;
  return { kind: 'item-field', group: item.group, n, field: item.field };
}

function targetKey(t: ColumnTarget): string {
  switch (t.kind) {
    case 'scalar':
    case 'object-field':
    case 'json':
      return t.path;
    case 'item-field':
      return `${t.group.key}.${t.n}.${t.field.key}`;
    default:
      return '';
  }
}

/**
 * Reads a registry's header row: which contract field each column fills. Unknown columns are a
 * problem (a misspelt header would otherwise drop its figures without a word), unless the caller
 * allows them, and so is a column given twice or a missing year column.
 *
 * @example compileHeader(['年度', '统一社会信用代码', '算力投入（元）']).problems // []
 */
export function compileHeader(headers: readonly string[], options: { readonly ignoreUnknownColumns?: boolean } = {}): RegistryMapping {
  const problems: string[] = [];
  const ignored: string[] = [];
  const seen = new Map<string, string>();
  const targets = headers.map((header): ColumnTarget => {
    if (header.trim() === '') return { kind: 'unnamed' };
    const target = lookUp(header);
    if (!target) {
      if (options.ignoreUnknownColumns) {
        ignored.push(header);
        return { kind: 'ignored' };
      }
      const hint = suggest(header);
      problems.push(`unknown column ${JSON.stringify(header)}${hint ? ` (did you mean ${hint}?)` : ''}`);
      return { kind: 'ignored' };
    }
    const key = targetKey(target);
    const before = seen.get(key);
    if (before !== undefined) problems.push(`columns ${JSON.stringify(before)} and ${JSON.stringify(header)} both fill ${key}`);
    seen.set(key, header);
    return target;
  });
  if (!seen.has('year')) problems.push('no column for the assessment year: year (年度)');
  return { headers, targets, problems, ignored };
}

/** The known column closest to an unknown one (edit distance), if any is close. */
function suggest(header: string): string | undefined {
  const key = normaliseHeader(header);
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 4)) + 1;
  for (const name of KNOWN_NAMES) {
    const d = distance(key, normaliseHeader(name));
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}
