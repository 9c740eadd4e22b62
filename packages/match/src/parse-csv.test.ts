import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsvRecord, parseCsv } from './parse-csv.js';
import { RecordSplitter } from './record-splitter.js';

/** Fields with what makes CSV hard: commas, quotes, newlines, carriage returns, Chinese. */
const field = fc.oneof(
  fc.constant(''),
  fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', '是', '元', '1', '.') }),
  fc.string(),
);
/** Records of one width (as a registry has), at least two fields so no record is a lone empty field. */
const table = fc
  .integer({ min: 2, max: 6 })
  .chain((width) => fc.array(fc.array(field, { minLength: width, maxLength: width }), { maxLength: 20 }));

function csvOf(records: readonly (readonly string[])[], eol: string, finalEol: boolean): string {
  return records.map((r) => formatCsvRecord(r)).join(eol) + (finalEol && records.length > 0 ? eol : '');
}

describe('parseCsv', () => {
  it('reads the quoting spreadsheet programs write', () => {
    expect(parseCsv('a,"b,""c"""\r\n1,2\n')).toEqual([
      ['a', 'b,"c"'],
      ['1', '2'],
    ]);
    expect(parseCsv('\uFEFFname,note\n"北京,某公司","两行\n文字"\n')).toEqual([
      ['name', 'note'],
      ['北京,某公司', '两行\n文字'],
    ]);
    expect(parseCsv('x,y')).toEqual([['x', 'y']]);
    expect(parseCsv(',,\n')).toEqual([['', '', '']]);
  });

  it('reads back what formatCsvRecord writes, with LF or CRLF, as csv-parse does', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), fc.boolean(), (records, eol, finalEol) => {
        const text = csvOf(records, eol, finalEol);
        const got = parseCsv(text);
        expect(got).toEqual(records);
        expect(got).toEqual(parse(text, { relax_column_count: true }));
      }),
      { numRuns: 500 },
    );
  });
});

describe('RecordSplitter', () => {
  it('cuts at record ends only, newlines inside quotes included, whatever the chunks', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1 }),
        fc.integer({ min: 1, max: 5 }),
        (records, eol, finalEol, chunkSizes, perRun) => {
          const bytes = Buffer.from(csvOf(records, eol, finalEol));
          const splitter = new RecordSplitter(true, 1 << 20);
          const runs: Uint8Array[] = [];
          let counted = 0;
          const take = (final: boolean) => {
            for (let run = splitter.next(perRun, final); run; run = splitter.next(perRun, final)) {
              runs.push(run.bytes);
              counted += run.records;
              expect(run.records).toBeLessThanOrEqual(perRun);
            }
          };
          for (let at = 0, k = 0; at < bytes.length; k++) {
            const size = chunkSizes[k % chunkSizes.length] as number;
            splitter.append(bytes.subarray(at, at + size));
            take(false);
            at += size;
          }
          take(true);
          // Every run parses on its own to whole records, and together they are the table.
          const parsed = runs.flatMap((r) => parseCsv(Buffer.from(r).toString('utf8')));
          expect(parsed).toEqual(records);
          expect(counted).toBe(records.length);
          expect(Buffer.concat(runs)).toEqual(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps runs under the byte limit unless one record is larger', () => {
    const splitter = new RecordSplitter(false, 10);
    splitter.append(Buffer.from('aaaa\nbbbb\ncccccccccccccccc\nd\n'));
    const runs = [];
    for (let run = splitter.next(100, true); run; run = splitter.next(100, true)) runs.push(Buffer.from(run.bytes).toString());
    expect(runs).toEqual(['aaaa\nbbbb\n', 'cccccccccccccccc\n', 'd\n']);
  });

  it('takes a chunk of a million short lines in one pass, and tells how much is left unfinished', () => {
    const splitter = new RecordSplitter(false, 1 << 20);
    splitter.append(Buffer.from('\n'.repeat(1_000_000)));
    let records = 0;
    for (let run = splitter.next(1000, false); run; run = splitter.next(1000, false)) records += run.records;
    expect(records).toBe(1_000_000);
    const quoted = new RecordSplitter(true, 1 << 20);
    quoted.append(Buffer.from('a,b\n1,"open\n2,3\n'));
    expect(quoted.next(1, false)?.records).toBe(1);
    // The quote is never closed: everything after the first record waits, unfinished.
    expect(quoted.unfinishedBytes).toBe(12);
  });
});
