import type { CellType, FieldSpec } from './registry-columns.js';

/** A cell as a reader gives it: CSV cells are text; a workbook's may be numbers, booleans or dates. */
export type Cell = string | number | boolean | null | undefined;

const TRUE = new Set(['true', 't', 'yes', 'y', '1', '是', '√', '✓', '对']);
const FALSE = new Set(['false', 'f', 'no', 'n', '0', '否', '×', '✗', '不是']);
const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const NUMERIC = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOOSE_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** Excel's day 0 in its 1900 date system (serial 60 is its fictitious 1900-02-29; later serials count from here). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * The contract value of one cell, or undefined when the cell is empty (the field is left out).
 * Forms a clerk writes are turned into the contract's (是/否 → true/false, 2026/3/1 → 2026-03-01,
 * 1,234.50 → "1234.50", 国家级 → national); anything else goes to the contract as it is, so that
 * validation names the field and what was expected.
 *
 * @example cellValue('是', { key: 'startup', zh: '人工智能初创企业', type: 'bool' }) // true
 */
export function cellValue(cell: Cell, spec: FieldSpec): unknown {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'string') {
    // Trimmed only when it needs to be: most cells have no spaces around them.
    const text = cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32 ? cell.trim() : cell;
    if (text === '') return undefined;
    return fromText(text, spec);
  }
  if (typeof cell === 'number') return fromNumber(cell, spec.type);
  return cell;
}

function fromText(text: string, spec: FieldSpec): unknown {
  switch (spec.type) {
    case 'year':
    case 'count':
      return NUMERIC.test(text) ? Number(text) : text;
    case 'money':
      return moneyText(text);
    case 'rate':
      return text;
    case 'bool': {
      if (text === 'true' || text === '是') return true;
      if (text === 'false' || text === '否') return false;
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      return text;
    }
    case 'date':
      return dateText(text);
    case 'creditCode':
      return text.toUpperCase();
    case 'enum':
      return enumValue(text, spec);
    default:
      return text;
  }
}

/** Money stays text (the contract reads decimal strings exactly), without ¥, 元 or thousands separators. */
function moneyText(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  const plain = first >= 48 && first <= 57 && last >= 48 && last <= 57;
  let t = plain ? text : text.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '');
  if (t.includes(',') && THOUSANDS.test(t)) t = t.replaceAll(',', '');
  return t;
}

function fromNumber(n: number, type: CellType): unknown {
  switch (type) {
    case 'text':
    case 'subject':
    case 'creditCode':
    case 'enum':
      return String(n);
    case 'bool':
      return n === 1 ? true : n === 0 ? false : n;
    case 'date':
      return excelSerialDate(n) ?? n;
    default:
      return n;
  }
}

/** 2026/3/1, 2026.3.1, 2026年3月1日, 20260301 → 2026-03-01; anything else unchanged. */
export function dateText(text: string): string {
  if (ISO_DATE.test(text)) return text;
  const m = LOOSE_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (!m) return text;
  return `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
}

/** A date cell a workbook stored as a plain number (its style lost): Excel's 1900 serial. */
export function excelSerialDate(serial: number): string | undefined {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2_958_465) return undefined;
  return new Date(EXCEL_EPOCH_MS + serial * 86_400_000).toISOString().slice(0, 10);
}

/** A workbook date (exceljs gives the calendar date at UTC midnight) as YYYY-MM-DD. */
export function isoDateOf(value: Date): string {
  return value.toISOString().slice(0, 10);
}

function enumValue(text: string, spec: FieldSpec): string {
  const values = spec.values;
  if (!values || Object.hasOwn(values, text)) return text;
  for (const [value, words] of Object.entries(values)) if (words.includes(text)) return value;
  return text;
}
