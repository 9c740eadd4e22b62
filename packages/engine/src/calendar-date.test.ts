import { describe, expect, it } from 'vitest';
import { formatDateZh, isCalendarDate, isWithin, yearOf } from './calendar-date.js';

describe('isCalendarDate', () => {
  it.each([
    '2025-10-30',
    '2028-12-31',
    '2026-01-01',
    '2026-01-31',
    '2026-02-28',
    '2026-04-30',
    '2026-12-31',
    '2028-02-29', // divisible by 4
    '2000-02-29', // divisible by 400
    '2024-02-29',
    '1600-02-29',
    '0000-01-01',
  ])('accepts %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each([
    '2026-02-29', // not a leap year
    '2100-02-29', // divisible by 100, not by 400
    '1900-02-29',
    '2028-02-30',
    '2026-04-31',
    '2026-06-31',
    '2026-09-31',
    '2026-11-31',
    '2026-01-32',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
  ])('refuses the non-existent date %s', (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });

  it.each([
    '2026-1-01',
    '2026-01-1',
    '26-01-01',
    '20260101',
    '2026/01/01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '2026-01-01 ',
    '+2026-01-01',
    '２０２６-01-01',
    '',
    'yesterday',
  ])('refuses the bad shape "%s"', (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });

  it.each([20260101, null, undefined, new Date('2026-01-01'), { date: '2026-01-01' }])('refuses the non-string %o', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe('yearOf', () => {
  it.each([
    { date: '2025-10-30', year: 2025 },
    { date: '2028-12-31', year: 2028 },
    { date: '0999-01-01', year: 999 },
  ])('$date is in $year', ({ date, year }) => {
    expect(yearOf(date)).toBe(year);
  });
});

describe('isWithin', () => {
  const term = { from: '2025-10-30', to: '2028-12-31' };
  it.each([
    { date: '2025-10-29', inside: false },
    { date: '2025-10-30', inside: true }, // first day included
    { date: '2025-10-31', inside: true },
    { date: '2026-06-15', inside: true },
    { date: '2028-12-30', inside: true },
    { date: '2028-12-31', inside: true }, // last day included
    { date: '2029-01-01', inside: false },
    { date: '2024-12-31', inside: false },
  ])('$date inside [2025-10-30, 2028-12-31]: $inside', ({ date, inside }) => {
    expect(isWithin(date, term)).toBe(inside);
  });

  it('a one-day window holds exactly that day', () => {
    const day = { from: '2026-03-01', to: '2026-03-01' };
    expect(isWithin('2026-02-28', day)).toBe(false);
    expect(isWithin('2026-03-01', day)).toBe(true);
    expect(isWithin('2026-03-02', day)).toBe(false);
  });
});

describe('formatDateZh: a date as an official Chinese text writes it', () => {
  it.each([
    { date: '2025-10-30', zh: '2025年10月30日' },
    { date: '2028-12-31', zh: '2028年12月31日' },
    { date: '2026-03-01', zh: '2026年3月1日' }, // no leading zeros in month or day
    { date: '2026-10-01', zh: '2026年10月1日' },
    { date: '2026-01-10', zh: '2026年1月10日' },
    { date: '2028-02-29', zh: '2028年2月29日' },
    { date: '0999-01-01', zh: '999年1月1日' },
  ])('$date → $zh', ({ date, zh }) => {
    expect(formatDateZh(date)).toBe(zh);
  });

  it('never leaves a hyphen, a space or a zero-padded figure', () => {
    for (let month = 1; month <= 12; month++) {
      for (const day of [1, 9, 10, 28]) {
        const date = `2027-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const zh = formatDateZh(date);
        expect(zh).toBe(`2027年${month}月${day}日`);
        expect(zh).not.toMatch(/[-\s]|年0|月0/);
      }
    }
  });
});
