import { type Cell, cellValue } from './cell-value.js';
import { type Container, type FieldSpec, type ListGroup, MILESTONE_TIER_WORDS, type ObjectGroup } from './registry-columns.js';
import type { RegistryMapping } from './registry-mapping.js';

/** A problem of the row itself, before the contract is asked: bad JSON in a cell, a value without a header. */
export interface CellIssue {
  readonly path: string;
  readonly column: string;
  readonly code: 'FTAI_ERR_INVALID_FIELD' | 'FTAI_ERR_UNKNOWN_FIELD';
  readonly message: string;
}

export interface RowRequest {
  /** The request of the calculation contract, before validation. */
  readonly request: Record<string, unknown>;
  readonly issues: readonly CellIssue[];
}

type Item = Record<string, unknown>;

/** A tier as a clerk writes it, compared without spaces, thousands separators or a closing 元. */
const tierWord = (text: string) => text.normalize('NFKC').replace(/[\s,]/g, '').replace(/元$/, '');
/** Per tiered measure (5.1): the tier words (5000万, 首次达规) → the tier ids (revenue-50m …). */
const TIER_IDS = new Map(
  Object.entries(MILESTONE_TIER_WORDS).map(([measure, tiers]) => [
    measure,
    new Map(Object.entries(tiers).flatMap(([id, words]) => words.map((w) => [tierWord(w), id] as const))),
  ]),
);

const SCALAR = 0;
const ITEM = 1;
const OBJECT_FIELD = 2;
const JSON_CELL = 3;
const UNNAMED = 4;
const IGNORED = 5;

/** One column, precompiled: every column has this one shape, so the row loop stays fast. */
class Column {
  constructor(
    readonly kind: number,
    readonly header: string,
    readonly field: FieldSpec | undefined,
    /** request, enterprise or facts (scalars); the list's or object's container otherwise. */
    readonly container: Container,
    /** The field's key (scalars), or the list's / object's key. */
    readonly key: string,
    /** The list's or object's index in the plan (items, object fields, JSON). */
    readonly group: number,
    readonly n: number,
    readonly path: string,
  ) {}
}

interface Plan {
  readonly columns: readonly Column[];
  readonly groups: readonly (ListGroup | ObjectGroup)[];
}

const plans = new WeakMap<RegistryMapping, Plan>();

function planOf(mapping: RegistryMapping): Plan {
  let plan = plans.get(mapping);
  if (plan) return plan;
  const groups: (ListGroup | ObjectGroup)[] = [];
  const groupIndex = (g: ListGroup | ObjectGroup) => {
    let i = groups.indexOf(g);
    if (i === -1) i = groups.push(g) - 1;
    return i;
  };
  const columns = mapping.targets.map((t, c) => {
    const header = mapping.headers[c] ?? '';
    switch (t.kind) {
      case 'scalar':
        return new Column(SCALAR, header, t.field, t.container, t.field.key, -1, 0, t.path);
      case 'item-field':
        return new Column(ITEM, header, t.field, t.group.container, t.field.key, groupIndex(t.group), t.n, '');
      case 'object-field':
        return new Column(OBJECT_FIELD, header, t.field, 'facts', t.field.key, groupIndex(t.group), 0, t.path);
      case 'json':
        return new Column(JSON_CELL, header, undefined, t.group.container, t.group.key, groupIndex(t.group), 0, t.path);
      case 'unnamed':
        return new Column(UNNAMED, header, undefined, 'request', '', -1, 0, '');
      default:
        return new Column(IGNORED, header, undefined, 'request', '', -1, 0, '');
    }
  });
  plan = { columns, groups };
  plans.set(mapping, plan);
  return plan;
}

/** Items of one list by number (from 1), with the first column each came from. */
type Slots = ({ item: Item; column: string } | undefined)[];

/**
 * One registry row as a request of the calculation contract. Numbered items whose cells are all
 * empty are left out, the others keep their order (`.1` before `.2`), so a template with three
 * slots of which one is filled gives a list of one. Nothing is validated here but what only the
 * row can tell (JSON cells, cells outside the header); the contract's validateRequest does the rest.
 *
 * `origins`, when given, receives for each contract path the header of the column it came from,
 * so that the contract's issues can name the column (only asked for rows that fail).
 */
export function rowToRequest(cells: readonly Cell[], mapping: RegistryMapping, origins?: Map<string, string>): RowRequest {
  const { columns, groups } = planOf(mapping);
  const enterprise: Item = {};
  const request: Item = { year: undefined, enterprise };
  const facts: Item = {};
  let hasFacts = false;
  /** Per group: numbered items (lists) or the object's fields (objects). */
  let collected: (Slots | Item | undefined)[] | undefined;
  let jsonGiven: (string | undefined)[] | undefined;
  let issues: CellIssue[] | undefined;
  const width = cells.length;

  for (let c = 0; c < width; c++) {
    const cell = cells[c];
    if (cell === null || cell === undefined || cell === '') continue;
    const column = columns[c];
    if (column === undefined || column.kind === UNNAMED) {
      if (typeof cell === 'string' && cell.trim() === '') continue;
      issues ??= [];
      issues.push({
        path: '',
        column: `${columnLetter(c)} (no header)`,
        code: 'FTAI_ERR_UNKNOWN_FIELD',
        message: `a value in column ${columnLetter(c)}, which has no header: expected it empty, or a header naming its field`,
      });
      continue;
    }
    const kind = column.kind;
    if (kind === IGNORED) continue;
    if (kind === JSON_CELL) {
      const text = typeof cell === 'string' ? cell.trim() : cell;
      if (text === '') continue;
      let parsed: unknown;
      try {
        parsed = typeof text === 'string' ? JSON.parse(text) : text;
      } catch (error) {
        const group = groups[column.group] as ListGroup | ObjectGroup;
        issues ??= [];
        issues.push({
          path: column.path,
          column: column.header,
          code: 'FTAI_ERR_INVALID_FIELD',
          message: `expected ${group.kind === 'list' ? 'a JSON list [{…}, …]' : 'a JSON object {…}'}: ${(error as Error).message}`,
        });
        continue;
      }
      jsonGiven ??= [];
      jsonGiven[column.group] = column.header;
      if (column.container === 'request') request[column.key] = parsed;
      else {
        facts[column.key] = parsed;
        hasFacts = true;
      }
      origins?.set(column.path, column.header);
      continue;
    }
    const value = cellValue(cell, column.field as FieldSpec);
    if (value === undefined) continue;
    if (kind === SCALAR) {
      if (column.container === 'facts') {
        facts[column.key] = value;
        hasFacts = true;
      } else if (column.container === 'enterprise') enterprise[column.key] = value;
      else request[column.key] = value;
      origins?.set(column.path, column.header);
    } else if (kind === ITEM) {
      collected ??= [];
      let slots = collected[column.group] as Slots | undefined;
      if (!slots) {
        slots = [];
        collected[column.group] = slots;
      }
      let slot = slots[column.n];
      if (!slot) {
        slot = { item: {}, column: column.header };
        slots[column.n] = slot;
      }
      slot.item[column.key] = value;
      // Kept on the item until its index in the list is known.
      if (origins) slot.item[`\u0000${column.key}`] = column.header;
    } else {
      collected ??= [];
      let object = collected[column.group] as Item | undefined;
      if (!object) {
        object = {};
        collected[column.group] = object;
      }
      object[column.key] = value;
      origins?.set(column.path, column.header);
    }
  }

  if (collected) {
    for (let g = 0; g < collected.length; g++) {
      const got = collected[g];
      if (got === undefined) continue;
      const group = groups[g] as ListGroup | ObjectGroup;
      const container = group.container === 'request' ? request : facts;
      if (container === facts) hasFacts = true;
      const path = group.container === 'request' ? group.key : `facts.${group.key}`;
      if (container[group.key] !== undefined) {
        const column =
          group.kind === 'object'
            ? columns.find((c) => c.kind === OBJECT_FIELD && c.group === g)?.header
            : (got as Slots).find((s) => s)?.column;
        issues ??= [];
        issues.push(bothForms(path, column ?? '', jsonGiven?.[g] ?? group.key));
        continue;
      }
      if (group.kind === 'object') {
        container[group.key] = got;
        continue;
      }
      const list: Item[] = [];
      const slots = got as Slots;
      for (let n = 0; n < slots.length; n++) {
        const slot = slots[n];
        if (!slot) continue;
        let item = slot.item;
        if (origins) {
          const clean: Item = {};
          origins.set(`${path}[${list.length}]`, slot.column);
          for (const [k, v] of Object.entries(item)) {
            if (k.startsWith('\u0000')) origins.set(`${path}[${list.length}].${k.slice(1)}`, v as string);
            else clean[k] = v;
          }
          item = clean;
          // An empty subject becomes null: a problem with it is the subject column's, empty as it is.
          if (group.key === 'history' && item.subject === undefined) {
            const column = columns.find((c) => c.kind === ITEM && c.group === g && c.n === n && c.key === 'subject');
            if (column) origins.set(`${path}[${list.length}].subject`, column.header);
          }
        }
        if (group.key === 'history') historySubject(item);
        list.push(item);
      }
      container[group.key] = list;
    }
  }
  if (hasFacts) request.facts = facts;
  return { request, issues: issues ?? [] };
}

/**
 * 本政策往年支持: an empty subject is an enterprise-level grant, null in the contract; 5.1's
 * subject is its tier, which a clerk may write as the text does (5000万元 → revenue-50m).
 */
function historySubject(item: Item): void {
  const subject = item.subject;
  if (subject === undefined) {
    item.subject = null;
    return;
  }
  const tiers = typeof item.measure === 'string' ? TIER_IDS.get(item.measure) : undefined;
  const tier = tiers && typeof subject === 'string' ? tiers.get(tierWord(subject)) : undefined;
  if (tier !== undefined) item.subject = tier;
}

function bothForms(path: string, column: string, jsonColumn: string): CellIssue {
  return {
    path,
    column,
    code: 'FTAI_ERR_INVALID_FIELD',
    message: `given both as JSON (column ${JSON.stringify(jsonColumn)}) and in separate columns: expected one or the other`,
  };
}

/** A, B, … Z, AA, AB … as a spreadsheet names its columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The column a contract path came from: the path itself, or the nearest enclosing path that has one. */
export function columnOf(path: string, origins: ReadonlyMap<string, string>): string | undefined {
  let p = path;
  for (;;) {
    const column = origins.get(p);
    if (column !== undefined) return column;
    if (p === '') return undefined;
    if (p.endsWith(']')) p = p.slice(0, p.lastIndexOf('['));
    else {
      const dot = p.lastIndexOf('.');
      p = dot === -1 ? '' : p.slice(0, dot);
    }
  }
}
