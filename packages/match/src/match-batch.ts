import { TextDecoder } from 'node:util';
import { type Answer, calculate, describeIssues, MEASURE_IDS, measures, type ValidationIssue, validateRequest } from '@ftai/policy-fengtai';
import type { Cell } from './cell-value.js';
import { forEachCsvRecord } from './parse-csv.js';
import { compileHeader, type RegistryMapping } from './registry-mapping.js';
import { columnOf, rowToRequest } from './row-to-request.js';

export type InputFormat = 'jsonl' | 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'gb18030';

/** What every batch of one run shares; a worker receives it once. */
export interface MatchSettings {
  readonly format: InputFormat;
  /** The registry's header row (CSV, XLSX). */
  readonly headers?: readonly string[];
  readonly ignoreUnknownColumns?: boolean;
  /** How CSV and JSON Lines bytes are decoded. */
  readonly encoding: TextEncoding;
  readonly lang: 'zh' | 'en';
  readonly explain: boolean;
  /** The outputs to produce: answers (JSON Lines), granted rows per measure (workbook), the notify list. */
  readonly want: { readonly answers: boolean; readonly granted: boolean; readonly notify: boolean };
}

/** A batch of records: raw bytes (JSON Lines, CSV) or workbook rows with their sheet row numbers. */
export interface BatchJob {
  readonly index: number;
  /** Row (CSV, spreadsheet numbering: the header is row 1) or line (JSON Lines) of the first record. */
  readonly firstRow: number;
  readonly bytes?: Uint8Array;
  readonly rows?: readonly (readonly Cell[])[];
  readonly rowNumbers?: readonly number[];
}

/** Per measure, in catalogue order: [results granted, rows granted, amount, pending, in-kind, service]. */
export const STAT_FIELDS = 6;
/** Per article (第一条 … 第十条, index article − 1): [rows granted, results granted, amount]. */
export const ARTICLE_FIELDS = 3;
export const ARTICLES = 10;

export interface BatchResult {
  readonly index: number;
  /** Rows answered or refused (blank rows are not counted). */
  readonly rows: number;
  readonly bad: number;
  /** Row number of the last record of the batch, blank or not. */
  readonly lastRow: number;
  /** The answers and error lines, in order, as UTF-8 JSON Lines. */
  readonly answers: Uint8Array | null;
  /** The error lines alone. */
  readonly errors: string;
  /** One JSON line per row that is granted anything: the enterprises to notify. */
  readonly notify: string;
  /** Per measure (catalogue order): JSON lines [row, creditCode, name, year, subject, status, amount, cap, review, text]. */
  readonly granted: readonly string[] | null;
  readonly stats: readonly number[];
  readonly articleStats: readonly number[];
  readonly grantedRows: number;
  readonly grantedTotal: number;
}

/** One issue of a bad row, with the column it came from. */
export interface RowIssue extends ValidationIssue {
  readonly column?: string;
}

const MEASURE_INDEX = new Map(MEASURE_IDS.map((id, i) => [id, i]));
const ARTICLE_OF: readonly number[] = measures.map((m) => m.article);
const SHEET_STATUSES = new Set(['granted', 'pending', 'in-kind']);
const encoder = new TextEncoder();

/**
 * A batch's answers as UTF-8, each line encoded as soon as it is made: the answer's text dies
 * young instead of waiting for the batch in a string the collector would promote and copy.
 */
class AnswerBytes {
  private buffer = new Uint8Array(1 << 20);
  private used = 0;

  line(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit, and 1 for the newline.
    const need = this.used + text.length * 3 + 1;
    if (need > this.buffer.length) {
      const bigger = new Uint8Array(Math.max(need, Math.floor(this.buffer.length * 1.5)));
      bigger.set(this.buffer.subarray(0, this.used));
      this.buffer = bigger;
    }
    this.used += encoder.encodeInto(text, this.buffer.subarray(this.used)).written;
    this.buffer[this.used++] = 10;
  }

  /**
   * The bytes written, in a buffer of their own to be transferred: trimmed when much of it is
   * unused, since the main thread holds it until it is written.
   */
  bytes(): Uint8Array {
    if (this.used * 1.25 < this.buffer.length) return this.buffer.slice(0, this.used);
    return this.buffer.subarray(0, this.used);
  }
}

/** Matches batches with one setting: the work of a worker thread, callable in-process too. */
export class BatchMatcher {
  private readonly mapping: RegistryMapping | undefined;
  private readonly decoder: TextDecoder;
  private readonly options: { lang: 'zh' | 'en'; explain: boolean };

  constructor(private readonly settings: MatchSettings) {
    this.mapping = settings.headers ? compileHeader(settings.headers, { ignoreUnknownColumns: settings.ignoreUnknownColumns }) : undefined;
    this.decoder = new TextDecoder(settings.encoding);
    this.options = { lang: settings.lang, explain: settings.explain };
  }

  match(job: BatchJob): BatchResult {
    const out = new BatchOutput(this.settings);
    if (this.settings.format === 'jsonl') {
      const text = this.decoder.decode(job.bytes);
      let row = job.firstRow;
      let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      while (start < text.length) {
        let end = text.indexOf('\n', start);
        if (end === -1) end = text.length;
        const line = text.slice(start, end);
        if (line.trim() !== '') this.matchLine(line, row, out);
        out.lastRow = row;
        row++;
        start = end + 1;
      }
    } else if (job.bytes) {
      forEachCsvRecord(this.decoder.decode(job.bytes), (cells, k) => {
        const row = job.firstRow + k;
        if (!isBlank(cells)) this.matchCells(cells, row, out);
        out.lastRow = row;
      });
    } else if (job.rows) {
      for (let k = 0; k < job.rows.length; k++) {
        const row = job.rowNumbers?.[k] ?? job.firstRow + k;
        const cells = job.rows[k] as Cell[];
        if (!isBlank(cells)) this.matchCells(cells, row, out);
        out.lastRow = row;
      }
    }
    return out.result(job.index);
  }

  /** One line of JSON Lines: the answer, or the error line `ftai calc --jsonl` writes. */
  private matchLine(line: string, lineNo: number, out: BatchOutput): void {
    let input: unknown;
    try {
      input = JSON.parse(line);
    } catch (error) {
      out.bad(JSON.stringify({ error: `not JSON: ${(error as Error).message}`, code: 'FTAI_ERR_NOT_JSON', line: lineNo }));
      return;
    }
    const v = validateRequest(input);
    if (!v.ok) {
      out.bad(JSON.stringify({ error: describeIssues(v.issues), code: 'FTAI_ERR_VALIDATION', issues: v.issues, line: lineNo }));
      return;
    }
    this.answer(v.request, lineNo, out);
  }

  /** One registry row: the answer, or an error line naming the row, the columns and the contract fields. */
  private matchCells(cells: readonly Cell[], row: number, out: BatchOutput): void {
    const mapping = this.mapping as RegistryMapping;
    const { request, issues } = rowToRequest(cells, mapping);
    const v = validateRequest(request);
    if (v.ok && issues.length === 0) {
      this.answer(v.request, row, out);
      return;
    }
    // Again, noting where each field came from: only bad rows pay for it.
    const origins = new Map<string, string>();
    const again = rowToRequest(cells, mapping, origins);
    const all: RowIssue[] = [...again.issues];
    if (!v.ok) {
      for (const issue of v.issues) {
        const column = columnOf(issue.path, origins);
        all.push(column === undefined ? issue : { ...issue, column });
      }
    }
    out.bad(JSON.stringify({ error: `row ${row}: ${describeRowIssues(all)}`, code: 'FTAI_ERR_VALIDATION', row, issues: all }));
  }

  private answer(request: Parameters<typeof calculate>[0], row: number, out: BatchOutput): void {
    let answer: Answer;
    try {
      answer = calculate(request, this.options);
    } catch (error) {
      // A defect, not bad input; the run goes on and the row says so.
      out.bad(JSON.stringify({ error: `internal error: ${(error as Error).message}`, code: 'FTAI_ERR_INTERNAL', row }));
      return;
    }
    out.good(answer, row, request.enterprise.name ?? null);
  }
}

/** "算力投入（元） (facts.computeSpend): expected …; …" */
export function describeRowIssues(issues: readonly RowIssue[]): string {
  return issues
    .map((i) => {
      const where = i.column !== undefined ? (i.path ? `${i.column} (${i.path})` : i.column) : i.path;
      return where ? `${where}: ${i.message}` : i.message;
    })
    .join('; ');
}

function isBlank(cells: readonly Cell[]): boolean {
  for (const c of cells) {
    if (c === null || c === undefined) continue;
    if (typeof c !== 'string' || c.trim() !== '') return false;
  }
  return true;
}

class BatchOutput {
  private readonly answers: AnswerBytes | null;
  private errors = '';
  private notify = '';
  private readonly granted: string[] | null;
  private readonly stats: number[] = new Array(MEASURE_IDS.length * STAT_FIELDS).fill(0);
  private readonly articleStats: number[] = new Array(ARTICLES * ARTICLE_FIELDS).fill(0);
  private rows = 0;
  private badRows = 0;
  private grantedRows = 0;
  private grantedTotal = 0;
  lastRow = 0;

  constructor(private readonly settings: MatchSettings) {
    this.granted = settings.want.granted ? new Array(MEASURE_IDS.length).fill('') : null;
    this.answers = settings.want.answers ? new AnswerBytes() : null;
  }

  bad(line: string): void {
    this.rows++;
    this.badRows++;
    this.answers?.line(line);
    this.errors += `${line}\n`;
  }

  good(answer: Answer, row: number, name: string | null): void {
    this.rows++;
    this.answers?.line(JSON.stringify(answer));
    const stats = this.stats;
    const granted = this.granted;
    const articleStats = this.articleStats;
    let lastMeasure = -1;
    let articlesGranted = 0;
    let notified: { measure: string; subject: string | null; amount: number }[] | undefined;
    for (const r of answer.results) {
      const m = MEASURE_INDEX.get(r.measure);
      if (m === undefined) continue;
      const at = m * STAT_FIELDS;
      if (r.status === 'granted') {
        stats[at] = (stats[at] as number) + 1;
        if (m !== lastMeasure) stats[at + 1] = (stats[at + 1] as number) + 1;
        stats[at + 2] = (stats[at + 2] as number) + r.amount;
        lastMeasure = m;
        const article = (ARTICLE_OF[m] as number) - 1;
        articlesGranted |= 1 << article;
        const a = article * ARTICLE_FIELDS;
        articleStats[a + 1] = (articleStats[a + 1] as number) + 1;
        articleStats[a + 2] = (articleStats[a + 2] as number) + r.amount;
        if (this.settings.want.notify) {
          notified ??= [];
          notified.push({ measure: r.measure, subject: r.subject, amount: r.amount });
        }
      } else if (r.status === 'pending') stats[at + 3] = (stats[at + 3] as number) + 1;
      else if (r.status === 'in-kind') stats[at + 4] = (stats[at + 4] as number) + 1;
      else if (r.status === 'service') stats[at + 5] = (stats[at + 5] as number) + 1;
      if (granted && SHEET_STATUSES.has(r.status)) {
        const text = (r.status === 'granted' ? r.explanation : r.reasons)?.join('\n') ?? '';
        granted[m] +=
          `${JSON.stringify([row, answer.creditCode, name, answer.year, r.subject, r.status, r.amount, r.cap ?? null, r.review, text])}\n`;
      }
    }
    for (let article = 0; article < ARTICLES; article++) {
      if (articlesGranted & (1 << article)) articleStats[article * ARTICLE_FIELDS] = (articleStats[article * ARTICLE_FIELDS] as number) + 1;
    }
    if (answer.total > 0) {
      this.grantedRows++;
      this.grantedTotal += answer.total;
      if (notified) {
        this.notify += `${JSON.stringify({ row, creditCode: answer.creditCode, name, year: answer.year, total: answer.total, measures: notified })}\n`;
      }
    }
  }

  result(index: number): BatchResult {
    return {
      index,
      rows: this.rows,
      bad: this.badRows,
      lastRow: this.lastRow,
      answers: this.answers ? this.answers.bytes() : null,
      errors: this.errors,
      notify: this.notify,
      granted: this.granted,
      stats: this.stats,
      articleStats: this.articleStats,
      grantedRows: this.grantedRows,
      grantedTotal: this.grantedTotal,
    };
  }
}
