import { setImmediate as nextTurn } from 'node:timers/promises';
import { creditCodeProblem, ENTERPRISE_MEASURE_IDS, MEASURE_IDS } from '@ftai/policy-fengtai';
import { CsvError, parse } from 'csv-parse';
import type { FieldIssue } from '../errors.js';

export interface OtherAwardRow {
  /** The line of the CSV the row starts on (the header is line 1). */
  readonly line: number;
  readonly creditCode: string;
  readonly policy: string;
  /** The supported object's id, or '' when the row names a measure. */
  readonly subject: string;
  /** The enterprise-level measure of this policy the award overlaps, or '' when the row names a subject. */
  readonly measure: string;
  /** Whole yuan. */
  readonly amount: number;
  readonly year: number;
}

export type ParsedCsv =
  | { readonly ok: true; readonly rows: readonly OtherAwardRow[] }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

type Column = 'creditCode' | 'policy' | 'subject' | 'measure' | 'amount' | 'year';

/**
 * The columns, with the Chinese headings officers' spreadsheets use. subject and measure are each
 * optional, but the header has at least one of them, and each row fills exactly one.
 */
export const OTHER_AWARD_COLUMNS: readonly {
  readonly id: Column;
  readonly zh: string;
  readonly aliases: readonly string[];
  readonly optional?: true;
}[] = [
  { id: 'creditCode', zh: '统一社会信用代码', aliases: ['creditcode', 'credit_code', '统一社会信用代码', '信用代码'] },
  { id: 'policy', zh: '政策名称', aliases: ['policy', '政策名称', '政策'] },
  { id: 'subject', zh: '支持对象', aliases: ['subject', '支持对象'], optional: true },
  { id: 'measure', zh: '对应本措施事项', aliases: ['measure', '对应本措施事项'], optional: true },
  { id: 'amount', zh: '金额', aliases: ['amount', '金额', '金额(元)', '金额（元）', '支持金额', '支持金额(元)', '支持金额（元）'] },
  { id: 'year', zh: '年度', aliases: ['year', '年度', '年份'] },
];

const MAX_TEXT = 200;
const ENTERPRISE_MEASURES = new Set(ENTERPRISE_MEASURE_IDS);
const ALLOWED_MEASURES = ENTERPRISE_MEASURE_IDS.join(', ');
const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;

const issue = (path: string, message: string): FieldIssue => ({ path, code: 'FTAI_ERR_INVALID_FIELD', message });

/** Bytes of CSV parsed per turn of the event loop, and rows checked per turn. */
const SLICE_BYTES = 64 << 10;
const ROWS_PER_TURN = 2000;

interface CsvRecord {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/**
 * Reads the CSV a slice at a time, giving the event loop a turn between slices: a district's
 * file of 75,000 rows must not keep the server from answering anyone else meanwhile.
 */
async function readRecords(text: string): Promise<CsvRecord[] | CsvError> {
  const parser = parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true });
  const records: CsvRecord[] = [];
  let failure: unknown;
  let ended = false;
  parser.on('data', (r: CsvRecord) => records.push(r));
  parser.on('error', (error) => {
    failure = error;
  });
  const end = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('close', resolve);
  }).then(() => {
    ended = true;
  });
  // Slices of the bytes: the parser decodes a character cut between two slices whole.
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length && failure === undefined; at += SLICE_BYTES) {
    parser.write(bytes.subarray(at, at + SLICE_BYTES));
    await nextTurn();
  }
  if (failure === undefined) parser.end();
  if (!ended && failure === undefined) await end;
  if (failure instanceof CsvError) return failure;
  if (failure !== undefined) throw failure;
  return records;
}

/**
 * Reads the other district policies' awards from CSV (header row required, English or Chinese
 * headings) and checks every row, so that an officer gets every problem of the file at once:
 * paths are `rows[N].field` with N the CSV line. Amounts are whole yuan, like the ledger; an
 * amount with fen is refused rather than rounded, because a rounded award would no longer match
 * the other policy's books. Parsing and checking give the event loop a turn every few thousand
 * rows.
 */
export async function parseOtherAwardsCsv(text: string): Promise<ParsedCsv> {
  const records = await readRecords(text);
  if (records instanceof CsvError) {
    const line = typeof records.lines === 'number' ? records.lines : 0;
    return { ok: false, issues: [issue(`rows[${line}]`, `not readable as CSV: ${records.message}`)] };
  }
  const [header, ...data] = records;
  if (!header) return { ok: false, issues: [issue('csv', 'expected a header row and at least one row of awards; the file is empty')] };

  const columns: (Column | undefined)[] = [];
  const issues: FieldIssue[] = [];
  header.record.forEach((name, i) => {
    const key = name.replace(/\s+/g, '').toLowerCase();
    const column = OTHER_AWARD_COLUMNS.find((c) => c.aliases.includes(key));
    if (!column) {
      issues.push(issue(`header[${i}]`, `unknown column ${JSON.stringify(name)}; expected ${expectedColumns()}`));
    } else if (columns.includes(column.id)) {
      issues.push(issue(`header[${i}]`, `column ${column.id} (${column.zh}) appears twice`));
    }
    columns.push(column?.id);
  });
  for (const c of OTHER_AWARD_COLUMNS) {
    if (!c.optional && !columns.includes(c.id)) issues.push(issue('header', `missing the column ${c.id} (${c.zh})`));
  }
  if (!columns.includes('subject') && !columns.includes('measure')) {
    issues.push(
      issue(
        'header',
        'missing the column subject (支持对象) or measure (对应本措施事项): every award names what it supported, an object or a measure of this policy',
      ),
    );
  }
  if (issues.length > 0) return { ok: false, issues };
  if (data.length === 0) return { ok: false, issues: [issue('csv', 'expected at least one row of awards after the header')] };

  const rows: OtherAwardRow[] = [];
  let checked = 0;
  for (const { record, info } of data) {
    if (++checked % ROWS_PER_TURN === 0) await nextTurn();
    // A quoted field can span lines: name the line the row starts on.
    const line = info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    const at = (field: string) => `rows[${line}]${field ? `.${field}` : ''}`;
    if (record.length !== columns.length) {
      issues.push(issue(at(''), `expected ${columns.length} columns as in the header, got ${record.length}`));
      continue;
    }
    const value = (id: Column) => record[columns.indexOf(id)] ?? '';
    const before = issues.length;

    const creditCode = value('creditCode');
    const problem = creditCodeProblem(creditCode);
    if (problem) issues.push(issue(at('creditCode'), `expected a valid unified social credit code: ${problem}`));
    const policy = value('policy');
    if (policy === '' || policy.length > MAX_TEXT)
      issues.push(issue(at('policy'), `expected the policy's name, 1 to ${MAX_TEXT} characters`));
    const subject = value('subject');
    const measure = value('measure');
    if (subject !== '' && measure !== '') {
      issues.push(
        issue(
          at('measure'),
          `expected either subject (支持对象) or measure (对应本措施事项), not both: measure is for support to the enterprise as a whole, got subject ${JSON.stringify(subject)} and measure ${JSON.stringify(measure)}`,
        ),
      );
    } else if (subject === '' && measure === '') {
      const field = columns.includes('subject') ? 'subject' : 'measure';
      issues.push(issue(at(field), `expected ${whatToName(columns)}, got neither`));
    } else if (subject.length > MAX_TEXT) {
      issues.push(issue(at('subject'), `expected the id of the supported object (project, model, product …), 1 to ${MAX_TEXT} characters`));
    } else if (measure !== '' && !ENTERPRISE_MEASURES.has(measure)) {
      const perSubject = MEASURE_IDS.includes(measure);
      issues.push(
        issue(
          at('measure'),
          `expected a measure of this policy that supports the enterprise as a whole, one of ${ALLOWED_MEASURES}; got ${JSON.stringify(measure)}${perSubject ? ` (measure ${measure} supports an object: give its id as subject instead)` : ''}`,
        ),
      );
    }
    const amount = parseAmount(value('amount'));
    if (typeof amount === 'string') issues.push(issue(at('amount'), amount));
    const yearText = value('year');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (!(year >= 2000 && year <= 2100))
      issues.push(issue(at('year'), `expected a year from 2000 to 2100, got ${JSON.stringify(yearText)}`));

    if (issues.length === before && typeof amount === 'number') rows.push({ line, creditCode, policy, subject, measure, amount, year });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rows };
}

/** Whole yuan from "450000", "450000.00"; a message for anything else. */
function parseAmount(text: string): number | string {
  const m = AMOUNT.exec(text);
  if (!m) return `expected an amount in yuan such as 450000 or 450000.00, got ${JSON.stringify(text)}`;
  const [, whole = '', fen = ''] = m;
  if (/[1-9]/.test(fen)) {
    return `expected whole yuan: the ledger keeps awards in whole yuan, and ${text} has fen; give the amount as the other policy granted it in yuan`;
  }
  const amount = Number(whole);
  if (!Number.isSafeInteger(amount)) return `expected at most ${Number.MAX_SAFE_INTEGER} yuan, got ${text}`;
  if (amount === 0) return 'expected an amount above 0: an award of nothing is no award';
  return amount;
}

function expectedColumns(): string {
  return OTHER_AWARD_COLUMNS.map((c) => `${c.id} (${c.zh})${c.optional ? ' [one of subject and measure]' : ''}`).join(', ');
}

function whatToName(columns: readonly (Column | undefined)[]): string {
  const subject = `subject (支持对象: the id of the project, model, product … it supported, 1 to ${MAX_TEXT} characters)`;
  const measure = `measure (对应本措施事项: for support to the enterprise as a whole, one of ${ALLOWED_MEASURES})`;
  if (!columns.includes('measure')) return subject;
  if (!columns.includes('subject')) return measure;
  return `either ${subject} or ${measure}`;
}
