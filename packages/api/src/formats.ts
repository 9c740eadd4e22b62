import { z } from 'zod';

/** A calendar date, YYYY-MM-DD (the server's "today" is Beijing's). */
export const calendarDateSchema = z.iso.date();

/** An instant as the server stores it: ISO-8601 in UTC (2026-03-01T08:00:00.000Z). */
export const instantSchema = z.iso.datetime();

/** Money in whole yuan (元), as every answer sends it. */
export const yuanSchema = z.int();
