/**
 * The enterprises' contacts (联系方式) an officer imports for 免申即享's messages, read from CSV in
 * the browser: a header row naming the columns (统一社会信用代码, 企业名称, 联系邮箱, 联系手机, or
 * creditCode, name, email, phone), then one enterprise a row. Every problem is found at once, with
 * its line and column, before anything is sent (POST /api/v1/enterprise-contacts takes all or none).
 */

export type ContactColumn = 'creditCode' | 'name' | 'email' | 'phone';

/** One enterprise's contacts as the API takes them: empty cells left out (they keep what is on record). */
export interface ContactRow {
  readonly creditCode: string;
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
}

export type ContactProblemKind = 'header' | 'creditCode' | 'email' | 'phone' | 'nothing' | 'duplicate' | 'tooMany' | 'quote';

/** A problem of the file: its line (1 is the header), the column (null for the whole row) and what is wrong. */
export interface ContactProblem {
  readonly line: number;
  readonly column: ContactColumn | null;
  readonly problem: ContactProblemKind;
  /** For a duplicate: the line the same enterprise came first. */
  readonly first?: number;
}

/** The API's largest import. */
export const MAX_CONTACTS = 10_000;

/** The headings each column goes by, lower-cased and without spaces. */
const HEADINGS: Record<string, ContactColumn> = {
  统一社会信用代码: 'creditCode',
  信用代码: 'creditCode',
  creditcode: 'creditCode',
  企业名称: 'name',
  名称: 'name',
  name: 'name',
  联系邮箱: 'email',
  电子邮箱: 'email',
  邮箱: 'email',
  email: 'email',
  'e-mail': 'email',
  联系手机: 'phone',
  手机: 'phone',
  手机号码: 'phone',
  phone: 'phone',
  mobile: 'phone',
};

/** The CSV template's header, in the page's language. */
export const CONTACTS_HEADER = { zh: '统一社会信用代码,企业名称,联系邮箱,联系手机\n', en: 'creditCode,name,email,phone\n' } as const;

const CREDIT_CODE = /^[0-9A-Z]{18}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MOBILE = /^1\d{10}$/;

/** A mobile number as the API keeps it: spaces, hyphens and the country code (+86) dropped. */
export function normalPhone(value: string): string {
  return value.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

/**
 * CSV (RFC 4180: commas, double quotes, "" for a quote, line breaks inside quotes) as rows of
 * cells, each with the line it starts on; a BOM is dropped. An unclosed quote is reported with
 * the line it opened on.
 */
export function parseCsv(text: string): { rows: { line: number; cells: string[] }[]; unclosed: number | null } {
  const src = text.replace(/^\uFEFF/, '');
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (quoted) return { rows, unclosed: quoteLine };
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return { rows: rows.filter((r) => r.cells.some((c) => c.trim() !== '')), unclosed: null };
}

/** What a CSV text holds: the rows to send with the line of each (to name the API's issues by line), and every problem found. */
export interface ReadContacts {
  readonly contacts: ContactRow[];
  readonly lines: number[];
  readonly problems: ContactProblem[];
}

/** Reads the contacts of a CSV text: the rows to send, or every problem found. */
export function readContacts(text: string): ReadContacts {
  const { rows, unclosed } = parseCsv(text);
  if (unclosed !== null) return { contacts: [], lines: [], problems: [{ line: unclosed, column: null, problem: 'quote' }] };
  const [header, ...body] = rows;
  if (!header) return { contacts: [], lines: [], problems: [] };
  const columns = header.cells.map((h) => HEADINGS[h.trim().toLowerCase().replace(/\s+/g, '')]);
  if (!columns.includes('creditCode'))
    return { contacts: [], lines: [], problems: [{ line: header.line, column: null, problem: 'header' }] };
  const problems: ContactProblem[] = [];
  const contacts: ContactRow[] = [];
  const lines: number[] = [];
  const firstLine = new Map<string, number>();
  for (const row of body) {
    const value: Partial<Record<ContactColumn, string>> = {};
    columns.forEach((col, i) => {
      const cell = (row.cells[i] ?? '').trim();
      if (col && cell !== '' && value[col] === undefined) value[col] = cell;
    });
    const creditCode = (value.creditCode ?? '').toUpperCase();
    const found: ContactProblem[] = [];
    if (!CREDIT_CODE.test(creditCode)) found.push({ line: row.line, column: 'creditCode', problem: 'creditCode' });
    if (value.email !== undefined && !EMAIL.test(value.email)) found.push({ line: row.line, column: 'email', problem: 'email' });
    const phone = value.phone === undefined ? undefined : normalPhone(value.phone);
    if (phone !== undefined && !MOBILE.test(phone)) found.push({ line: row.line, column: 'phone', problem: 'phone' });
    if (value.name === undefined && value.email === undefined && phone === undefined)
      found.push({ line: row.line, column: null, problem: 'nothing' });
    const first = firstLine.get(creditCode);
    if (first !== undefined && found.length === 0) found.push({ line: row.line, column: 'creditCode', problem: 'duplicate', first });
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    firstLine.set(creditCode, row.line);
    lines.push(row.line);
    contacts.push({
      creditCode,
      ...(value.name !== undefined && { name: value.name }),
      ...(value.email !== undefined && { email: value.email }),
      ...(phone !== undefined && { phone }),
    });
  }
  if (contacts.length > MAX_CONTACTS) problems.push({ line: header.line, column: null, problem: 'tooMany' });
  return { contacts, lines, problems };
}

/** A file's text: UTF-8 (with or without a BOM), else GB18030, as Excel in Chinese saves CSV. */
export function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
