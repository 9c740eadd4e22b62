/** Calendar dates are `YYYY-MM-DD` strings, compared as text (which orders them as dates). */
export type CalendarDate = string;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for a date that exists in the proleptic Gregorian calendar.
 *
 * @example isCalendarDate('2028-02-29') // true
 * @example isCalendarDate('2026-02-29') // false
 */
export function isCalendarDate(text: unknown): text is CalendarDate {
  if (typeof text !== 'string') return false;
  const m = SHAPE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && leap ? 29 : (DAYS[month - 1] as number);
  return day <= max;
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

/** The closed range [from, to] of dates. */
export interface DateWindow {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

export function isWithin(date: CalendarDate, window: DateWindow): boolean {
  return date >= window.from && date <= window.to;
}

/**
 * A date as an official Chinese text writes it.
 *
 * @example formatDateZh('2025-10-30') // "2025年10月30日"
 * @example formatDateZh('2026-03-01') // "2026年3月1日"
 */
export function formatDateZh(date: CalendarDate): string {
  // The term's dates recur on many reasons: the last one is remembered.
  if (date === lastDate) return lastDateZh;
  lastDate = date;
  lastDateZh = dateZh(date);
  return lastDateZh;
}

let lastDate = '';
let lastDateZh = '';

function dateZh(date: CalendarDate): string {
  // Cheap on purpose: reasons give dates on many results. A leading zero of month or day is dropped.
  const month = date.charCodeAt(5) === 48 ? date[6] : date.slice(5, 7);
  const day = date.charCodeAt(8) === 48 ? date[9] : date.slice(8, 10);
  const year = date.charCodeAt(0) === 48 ? String(Number(date.slice(0, 4))) : date.slice(0, 4);
  return `${year}年${month}月${day}日`;
}
