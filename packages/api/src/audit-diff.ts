/**
 * What an audit entry changed, leaf by leaf: the audit page's diff table (apps/web) and the audit
 * workbook's summary of each change (apps/server audit/summarise-audit-change.ts) read the same
 * diff. No imports: the browser loads it as it is (`@ftai/api/audit-diff`).
 */

export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffRow {
  /** The path of the value, `items[0].approvedAmount`; '' for the whole value. */
  readonly path: string;
  readonly kind: DiffKind;
  readonly before?: unknown;
  readonly after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every leaf of a JSON value by path: objects by key, arrays by index; an empty object or array is a leaf. */
export function flatten(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value) && value.length > 0) {
    value.forEach((v, i) => {
      flatten(v, `${path}[${i}]`, out);
    });
  } else if (isObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else {
    out.set(path, value);
  }
  return out;
}

/**
 * What an audit entry changed, leaf by leaf: values only in `after` are added, only in `before`
 * removed, in both but different changed. Unchanged leaves are left out. Paths keep the order
 * they first appear in (before, then after's new ones).
 */
export function diffJson(before: unknown, after: unknown): DiffRow[] {
  const a = before === null || before === undefined ? new Map<string, unknown>() : flatten(before);
  const b = after === null || after === undefined ? new Map<string, unknown>() : flatten(after);
  const rows: DiffRow[] = [];
  for (const [path, v] of a) {
    if (!b.has(path)) rows.push({ path, kind: 'removed', before: v });
    else if (JSON.stringify(v) !== JSON.stringify(b.get(path))) rows.push({ path, kind: 'changed', before: v, after: b.get(path) });
  }
  for (const [path, v] of b) if (!a.has(path)) rows.push({ path, kind: 'added', after: v });
  return rows;
}

/** A leaf for a table cell: strings as they are, the rest as JSON. */
export function showValue(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
