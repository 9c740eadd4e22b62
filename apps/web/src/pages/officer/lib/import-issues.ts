import type { FieldIssue } from '../../../api/client';

export interface IssueRow {
  readonly key: string;
  /** The CSV line (the header is line 1); null for a problem of the whole file. */
  readonly line: number | null;
  /** The column (creditCode, policy, subject, amount, year), 'header' or null for the whole row/file. */
  readonly field: string | null;
  readonly message: string;
}

const ROW = /^rows\[(\d+)\](?:\.(\w+))?$/;
const HEADER = /^header(?:\[(\d+)\])?$/;

/**
 * The import's field issues as table rows: `rows[3].amount` → line 3, column amount; `header[2]`
 * and `header` → the header line (1); anything else (`csv`) → the whole file. Sorted by line,
 * file-wide problems first.
 */
export function issueRows(issues: readonly FieldIssue[]): IssueRow[] {
  const rows = issues.map((issue, i): IssueRow => {
    const row = ROW.exec(issue.path);
    if (row) return { key: `${i}`, line: Number(row[1]), field: row[2] ?? null, message: issue.message };
    if (HEADER.exec(issue.path)) return { key: `${i}`, line: 1, field: 'header', message: issue.message };
    return { key: `${i}`, line: null, field: null, message: issue.message };
  });
  return rows.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || Number(a.key) - Number(b.key));
}
