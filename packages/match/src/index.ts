export {
  type AnswerOptions,
  answerLine,
  answerRequest,
  checkRequest,
  type InputPlace,
  type LineAnswer,
  type LineRequest,
  type RequestCheck,
  type RequestIssue,
  readRequestLine,
} from './answer-line.js';
export { type Cell, cellValue, dateText, excelSerialDate } from './cell-value.js';
export type {
  ArticleComparison,
  ChangeItem,
  ChangeSide,
  ComparisonSide,
  LargestChange,
  MatchComparison,
  MeasureComparison,
} from './comparison-totals.js';
export { type BatchComparison, COMPARISON_BUCKETS, LARGEST_CHANGES } from './edition-comparer.js';
export { type EditionPair, type EditionSpec, editionOf } from './edition-spec.js';
export {
  type BatchJob,
  BatchMatcher,
  type BatchResult,
  describeRowIssues,
  type InputFormat,
  type MatchSettings,
  type RowIssue,
  type TextEncoding,
} from './match-batch.js';
export {
  MAIN_THREAD_BELOW_BYTES,
  type MatchFileOptions,
  type MatchOutputs,
  type MatchProgress,
  type MatchSummary,
  matchFile,
} from './match-file.js';
export type { ArticleTotals, MeasureTotals } from './match-totals.js';
export { formatCsvRecord, parseCsv } from './parse-csv.js';
export { detectEncoding, formatOfPath, MatchInputError, workbookCell } from './read-registry.js';
export { COLUMN_GROUPS, type ColumnGroup, type FieldSpec, LIST_GROUPS } from './registry-columns.js';
export { type RegistryHeaderOptions, registryHeader, requestToCells } from './registry-header.js';
export { type ColumnTarget, compileHeader, normaliseHeader, type RegistryMapping } from './registry-mapping.js';
export { columnLetter, columnOf, rowToRequest } from './row-to-request.js';
export { safeCellText, safeCellValue } from './safe-cell-text.js';
export { MAX_SHEET_ROWS } from './summary-workbook.js';
export { type TemplateOptions, templateWorkbook, writeTemplate } from './write-template.js';
