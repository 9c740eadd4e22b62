import { TextDecoder } from 'node:util';
import { type Answer, ARTICLE_NUMBERS, type FengtaiRequest, MEASURE_IDS, measures } from '@ftai/policy-fengtai';
import {
  type AnswerOptions,
  answerLine,
  answerRequest,
  checkRequest,
  type InputPlace,
  type RequestIssue,
  readRequestLine,
} from './answer-line.js';
import type { Cell } from './cell-value.js';
import { type BatchComparison, type ComparisonBatch, EditionComparer } from './edition-comparer.js';
import { type EditionPair, type EditionSpec, editionOf } from './edition-spec.js';
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
  /** The parameter version every row is answered under; version 1 by default. */
  readonly edition?: EditionSpec;
  /**
   * A comparison instead of answers: every valid row calculated under both versions (without
   * explanations), the batch's sums in BatchResult.comparison; the usual sums are version B's.
   */
  readonly compare?: EditionPair;
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
/** Per article (index article − 1): [rows granted, results granted, amount]. */
export const ARTICLE_FIELDS = 3;
/** Slots for articles 1 to the policy's last (ARTICLE_NUMBERS of @ftai/policy-fengtai). */
export const ARTICLES = Math.max(...ARTICLE_NUMBERS);

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
  /** A comparison's share of this batch (MatchSettings.compare), else null. */
  readonly comparison: BatchComparison | null;
}

/** One issue of a bad row, with the column it came from. */
export type RowIssue = RequestIssue & { readonly column?: string };

const MEASURE_INDEX = new Map(MEASURE_IDS.map((id, i) => [id, i]));
const ARTICLE_OF: readonly number[] = measures.map((m) => m.article);
const SHEET_STATUSES = new Set(['granted', 'pending', 'in-kind']);
/**
 * A batch's answers as UTF-8, each line encoded as soon as it is made: the answer's text dies
 * young instead of waiting for the batch in a string the collector would promote and copy.
 * (Buffer#write encodes about a sixth faster than TextEncoder#encodeInto into a subarray.)
 */
class AnswerBytes {
  /** The last batch's size: the next is sized alike, so that it rarely grows or is trimmed. */
  private static typical = 1 << 20;
  // Above Buffer.poolSize, so never a slice of the shared pool: the buffer is transferred whole.
  private buffer = Buffer.allocUnsafe(AnswerBytes.typical);
  private used = 0;

  line(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit, and 1 for the newline.
    const need = this.used + text.length * 3 + 1;
    if (need > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(need, Math.floor(this.buffer.length * 1.5)));
      this.buffer.copy(bigger, 0, 0, this.used);
      this.buffer = bigger;
    }
    this.used += this.buffer.write(text, this.used);
    this.buffer[this.used++] = 10;
  }

  /**
   * The bytes written, in a buffer of their own to be transferred: trimmed when much of it is
   * unused, since the main thread holds it until it is written.
   */
  bytes(): Uint8Array {
    AnswerBytes.typical = Math.max(64 << 10, Math.ceil(this.used * 1.1));
    const all = new Uint8Array(this.buffer.buffer, this.buffer.byteOffset, this.used);
    return this.used * 1.25 < this.buffer.length ? all.slice() : all;
  }
}

/** Matches batches with one setting: the work of a worker thread, callable in-process too. */
export class BatchMatcher {
  private readonly mapping: RegistryMapping | undefined;
  private readonly decoder: TextDecoder;
  private readonly options: AnswerOptions;
  private readonly comparer: EditionComparer | undefined;

  constructor(private readonly settings: MatchSettings) {
    this.mapping = settings.headers ? compileHeader(settings.headers, { ignoreUnknownColumns: settings.ignoreUnknownColumns }) : undefined;
    // Byte order marks are handled here: one begins the input, not every batch.
    this.decoder = new TextDecoder(settings.encoding, { ignoreBOM: true });
    // Each edition made once per thread: making one checks the whole policy against its parameters.
    const edition = settings.edition ? editionOf(settings.edition) : undefined;
    this.options = { lang: settings.lang, explain: settings.explain, ...(edition ? { edition } : {}) };
    this.comparer = settings.compare
      ? new EditionComparer(editionOf(settings.compare.a), editionOf(settings.compare.b), settings.lang)
      : undefined;
  }

  match(job: BatchJob): BatchResult {
    const out = new BatchOutput(this.settings, this.comparer?.batch());
    if (this.settings.format === 'jsonl' && job.bytes) {
      const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
      let row = job.firstRow;
      // A byte order mark (UTF-8) begins the input, not a line of it.
      let start = row === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
      while (start < bytes.length) {
        let end = bytes.indexOf(10, start);
        if (end === -1) end = bytes.length;
        // Each line decoded alone, without its CR (CRLF ends) as an error line quotes it: twice as
        // fast, parsing included, as decoding the batch at once into a string of two-byte
        // characters (measured on bench/generate-requests.mjs requests, Chinese names and all).
        const line = this.decoder.decode(bytes.subarray(start, end > start && bytes[end - 1] === 13 ? end - 1 : end));
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

  /** One line of JSON Lines: the answer, or the error line (the same as `ftai calc --jsonl`: one answerer for both). */
  private matchLine(line: string, lineNo: number, out: BatchOutput): void {
    if (this.comparer) {
      const read = readRequestLine(line, lineNo);
      if (read.ok) this.compare(read.request, { line: lineNo }, lineNo, out);
      else out.bad(read.text);
      return;
    }
    const a = answerLine(line, lineNo, this.options);
    if (a.ok) out.good(a.answer, a.text, lineNo, a.request.enterprise.name ?? null, line);
    else out.bad(a.text);
  }

  /** One registry row: the answer, or an error line naming the row, the columns and the contract fields. */
  private matchCells(cells: readonly Cell[], row: number, out: BatchOutput): void {
    const mapping = this.mapping as RegistryMapping;
    const { request, issues } = rowToRequest(cells, mapping);
    // The limits too: a JSON cell (history) may nest thousands deep.
    const v = checkRequest(request);
    if (v.ok && issues.length === 0) {
      if (this.comparer) {
        this.compare(v.request, { row }, row, out);
        return;
      }
      const a = answerRequest(v.request, { row }, this.options);
      if (a.ok) out.good(a.answer, a.text, row, v.request.enterprise.name ?? null, request);
      else out.bad(a.text);
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

  /**
   * A valid request under both versions of a comparison, on its one validation. A calculation
   * that throws is a defect, not bad input: the row is refused as answerRequest refuses it.
   */
  private compare(request: FengtaiRequest, place: InputPlace, row: number, out: BatchOutput): void {
    let both: { a: Answer; b: Answer };
    try {
      both = (this.comparer as EditionComparer).answer(request);
    } catch (error) {
      out.bad(JSON.stringify({ error: `internal error: ${(error as Error).message}`, code: 'FTAI_ERR_INTERNAL', ...place }));
      return;
    }
    out.compared(request, row, both.a, both.b);
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

  constructor(
    private readonly settings: MatchSettings,
    private readonly comparison: ComparisonBatch | undefined,
  ) {
    this.granted = settings.want.granted ? new Array(MEASURE_IDS.length).fill('') : null;
    this.answers = settings.want.answers ? new AnswerBytes() : null;
  }

  bad(line: string): void {
    this.rows++;
    this.badRows++;
    this.answers?.line(line);
    this.errors += `${line}\n`;
  }

  /**
   * A row answered: `text` is the answer as JSON; `sent` the request as given (its JSON line, or
   * the registry row's request), whose enterprise and facts go on the notify line: what a
   * 免申即享 offer rests on, in the contract's own terms (yuan, not the engine's fen).
   */
  good(answer: Answer, text: string, row: number, name: string | null, sent: string | Readonly<Record<string, unknown>>): void {
    this.rows++;
    this.answers?.line(text);
    const stats = this.stats;
    const granted = this.granted;
    const articleStats = this.articleStats;
    let lastMeasure = -1;
    let articlesGranted = 0;
    let notified: { measure: string; subject: string | null; amount: number; review: boolean }[] | undefined;
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
          notified.push({ measure: r.measure, subject: r.subject, amount: r.amount, review: r.review });
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
        const given = (typeof sent === 'string' ? JSON.parse(sent) : sent) as Record<string, unknown>;
        const request = {
          enterprise: given.enterprise ?? {},
          facts: given.facts ?? {},
          ...(given.history === undefined ? {} : { history: given.history }),
          ...(given.otherPolicyAwards === undefined ? {} : { otherPolicyAwards: given.otherPolicyAwards }),
        };
        this.notify += `${JSON.stringify({ row, creditCode: answer.creditCode, name, year: answer.year, total: answer.total, measures: notified, request })}\n`;
      }
    }
  }

  /** A row of a comparison: its sums, and version B's into the usual ones (no answer is written). */
  compared(request: FengtaiRequest, row: number, a: Answer, b: Answer): void {
    const name = request.enterprise.name ?? null;
    (this.comparison as ComparisonBatch).add(request, row, name, a, b);
    this.good(b, '', row, name, request);
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
      comparison: this.comparison ? this.comparison.result() : null,
    };
  }
}
