import { describe, expect, it } from 'vitest';
import { issueRows } from './import-issues';

describe('the import problems table', () => {
  it('reads rows[N].field paths as CSV line and column, sorted by line', () => {
    const rows = issueRows([
      { path: 'rows[3].creditCode', code: 'FTAI_ERR_INVALID_FIELD', message: 'expected 18 characters' },
      { path: 'rows[2].amount', code: 'FTAI_ERR_INVALID_FIELD', message: 'expected whole yuan' },
      { path: 'rows[4]', code: 'FTAI_ERR_INVALID_FIELD', message: 'the same award as line 2' },
    ]);
    expect(rows.map((r) => [r.line, r.field, r.message])).toEqual([
      [2, 'amount', 'expected whole yuan'],
      [3, 'creditCode', 'expected 18 characters'],
      [4, null, 'the same award as line 2'],
    ]);
  });

  it('puts header problems on line 1 and file problems first', () => {
    const rows = issueRows([
      { path: 'header[2]', code: 'X', message: 'unknown column' },
      { path: 'csv', code: 'X', message: 'the file is empty' },
      { path: 'header', code: 'X', message: 'missing the column year' },
    ]);
    expect(rows.map((r) => [r.line, r.field])).toEqual([
      [null, null],
      [1, 'header'],
      [1, 'header'],
    ]);
  });
});
