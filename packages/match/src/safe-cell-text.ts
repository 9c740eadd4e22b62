/**
 * Characters that make a spreadsheet read a typed or imported cell as a formula (OWASP "CSV
 * injection"): = + - @, tab and carriage return, and the full-width ＝ ＋ － ＠ that Chinese
 * input methods type and WPS and Excel also accept.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/**
 * Text for a workbook cell that no spreadsheet evaluates: a text starting like a formula gets a
 * leading apostrophe, which stays in the cell and in any CSV saved from it. Other text, and
 * numbers, are written as they are.
 *
 * @example safeCellText('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * @example safeCellText('北京测试甲智能科技有限公司') // unchanged
 */
export function safeCellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value with its text made safe (safeCellText); numbers, dates and formula objects pass as they are. */
export function safeCellValue<T>(value: T): T | string {
  return typeof value === 'string' ? safeCellText(value) : value;
}
