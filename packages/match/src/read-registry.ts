import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { type Cell, isoDateOf } from './cell-value.js';
import type { InputFormat, TextEncoding } from './match-batch.js';
import { parseCsv } from './parse-csv.js';
import { RecordSplitter } from './record-splitter.js';

/** A batch as read, before it is numbered and handed to a worker. */
export interface ReadBatch {
  readonly firstRow: number;
  readonly bytes?: Uint8Array;
  readonly rows?: Cell[][];
  readonly rowNumbers?: number[];
  /** Bytes of the input read up to the end of this batch (progress). */
  readonly endOffset: number;
}

export interface OpenRegistry {
  readonly format: InputFormat;
  readonly headers: readonly string[] | undefined;
  readonly encoding: TextEncoding;
  /** The input's size in bytes, when it is a file. */
  readonly totalBytes: number | undefined;
  readonly batches: AsyncGenerator<ReadBatch>;
  /** Stops reading (on abort or failure). */
  close(): void;
}

/** The input cannot be matched at all: unreadable, no header, unknown columns. Nothing was written. */
export class MatchInputError extends Error {}

const CHUNK_BYTES = 1 << 20;
const MAX_BATCH_BYTES = 8 << 20;
/** No row of a registry is this long: past it, a quote was left open and the rest of the file would be one cell. */
const MAX_RECORD_BYTES = 64 << 20;

/** The input format a file name says: .csv, .xlsx, else JSON Lines. */
export function formatOfPath(path: string): InputFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.xls')) throw new MatchInputError(`${path}: the old .xls format cannot be read; save it as .xlsx or CSV UTF-8`);
  return 'jsonl';
}

/**
 * Opens a registry for streaming: JSON Lines and CSV as runs of raw bytes cut at record ends
 * (the workers decode and parse them), a workbook's first sheet as rows of cells (exceljs's
 * streaming reader: the workbook is never held whole). CSV and workbooks start with a header row.
 * Text is decoded as `encoding` when given, else as its first bytes suggest (detectEncoding).
 */
export async function openRegistry(
  input: string | Readable,
  format: InputFormat,
  batchRows: number,
  encoding?: TextEncoding,
): Promise<OpenRegistry> {
  // The size first: a missing file is refused before a stream is opened to fail unheard.
  const totalBytes = typeof input === 'string' ? statSync(input).size : undefined;
  const stream = typeof input === 'string' ? createReadStream(input, { highWaterMark: CHUNK_BYTES }) : input;
  const close = () => stream.destroy();
  try {
    if (format === 'xlsx') return await openWorkbook(stream, totalBytes, batchRows, close);
    return await openText(stream, format, totalBytes, batchRows, close, encoding);
  } catch (error) {
    close();
    throw error;
  }
}

async function openText(
  stream: Readable,
  format: 'jsonl' | 'csv',
  totalBytes: number | undefined,
  batchRows: number,
  close: () => void,
  given: TextEncoding | undefined,
): Promise<OpenRegistry> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const splitter = new RecordSplitter(format === 'csv', MAX_BATCH_BYTES);
  let ended = false;
  let first: Buffer | undefined;
  const pull = async (): Promise<boolean> => {
    const { value, done } = await chunks.next();
    if (done) {
      ended = true;
      return false;
    }
    const chunk = typeof value === 'string' ? Buffer.from(value) : value;
    first ??= chunk;
    splitter.append(chunk);
    if (splitter.unfinishedBytes > MAX_RECORD_BYTES) {
      throw new MatchInputError(
        `a ${format === 'csv' ? 'row' : 'line'} runs on past ${MAX_RECORD_BYTES >> 20} MiB${format === 'csv' ? ': is a double quote (") left unclosed?' : ''}`,
      );
    }
    return true;
  };

  let headers: string[] | undefined;
  let encoding: TextEncoding = 'utf-8';
  let row = 1;
  if (format === 'csv') {
    let header = splitter.next(1, false);
    while (!header && (await pull())) header = splitter.next(1, false);
    header ??= splitter.next(1, true);
    if (!header || first === undefined)
      throw new MatchInputError('the CSV file is empty: expected a header row, then one row per enterprise-year');
    encoding = given ?? detectEncoding(first);
    headers = (parseCsv(new TextDecoder(encoding).decode(header.bytes))[0] ?? []).map((h) => h.trim());
    row = 2;
  } else {
    if (await pull()) encoding = given ?? detectEncoding(first as Buffer);
  }

  async function* batches(): AsyncGenerator<ReadBatch> {
    for (;;) {
      const run = splitter.next(batchRows, ended);
      if (run) {
        yield { firstRow: row, bytes: run.bytes, endOffset: run.endOffset };
        row += run.records;
        continue;
      }
      if (ended) return;
      await pull();
    }
  }
  return { format, headers, encoding, totalBytes, batches: batches(), close };
}

/**
 * UTF-8 unless the bytes say otherwise: spreadsheet programs on Chinese Windows save "CSV" in
 * GB18030 (GBK), so text that is not valid UTF-8 is read as GB18030. UTF-16 is refused.
 */
export function detectEncoding(first: Buffer): TextEncoding {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return 'utf-8';
  if ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff)) {
    throw new MatchInputError('the file is UTF-16 text: save it as "CSV UTF-8" (or as .xlsx)');
  }
  // Up to the last newline of the first 64 KiB, so that no character is cut in two.
  let sample = first.subarray(0, 1 << 16);
  const lastNewline = sample.lastIndexOf(10);
  if (lastNewline > 0 && sample.length === 1 << 16) sample = sample.subarray(0, lastNewline);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

type ExcelValue = ExcelJS.CellValue;

/** A cell of a workbook as the matcher takes it: text, number, boolean, date as YYYY-MM-DD, or empty. */
export function workbookCell(value: ExcelValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return isoDateOf(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return workbookCell(value.result as ExcelValue);
    if ('formula' in value || 'sharedFormula' in value) return null;
    if ('text' in value) return workbookCell(value.text as ExcelValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

async function openWorkbook(stream: Readable, totalBytes: number | undefined, batchRows: number, close: () => void): Promise<OpenRegistry> {
  let bytesRead = 0;
  stream.on('data', (chunk: Buffer) => {
    bytesRead += chunk.length;
  });
  // exceljs loads only for workbooks: CSV and JSON Lines runs start faster without it.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  const sheet = await sheets.next();
  if (sheet.done) throw new MatchInputError('the workbook has no worksheet');
  const rows = (sheet.value as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();

  // The header: the first row with anything in it.
  let headers: string[] | undefined;
  for (;;) {
    const next = await rows.next();
    if (next.done) break;
    const cells = cellsOf(next.value);
    if (cells.some((c) => c !== null && String(c).trim() !== '')) {
      headers = cells.map((c) => (c === null ? '' : String(c).trim()));
      break;
    }
  }
  if (!headers) throw new MatchInputError('the first worksheet is empty: expected a header row, then one row per enterprise-year');
  const width = headers.length;

  async function* batches(): AsyncGenerator<ReadBatch> {
    let batch: Cell[][] = [];
    let numbers: number[] = [];
    for (;;) {
      const next = await rows.next();
      if (next.done) break;
      const cells = cellsOf(next.value);
      while (cells.length < width) cells.push(null);
      batch.push(cells);
      numbers.push(next.value.number);
      if (batch.length >= batchRows) {
        yield { firstRow: numbers[0] as number, rows: batch, rowNumbers: numbers, endOffset: bytesRead };
        batch = [];
        numbers = [];
      }
    }
    if (batch.length > 0) yield { firstRow: numbers[0] as number, rows: batch, rowNumbers: numbers, endOffset: totalBytes ?? bytesRead };
    // The other sheets (notes, lists) are not read.
    close();
  }
  return { format: 'xlsx', headers, encoding: 'utf-8', totalBytes, batches: batches(), close };
}

function cellsOf(row: ExcelJS.Row): Cell[] {
  const values = row.values as ExcelValue[];
  const cells: Cell[] = [];
  // exceljs numbers columns from 1: values[0] is always empty.
  for (let c = 1; c < values.length; c++) cells.push(workbookCell(values[c]));
  return cells;
}
