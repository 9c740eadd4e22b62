import { type RawBuilder, sql } from 'kysely';

/** `text` as a LIKE pattern that matches it literally: `%`, `_` and `\` escaped (used with `escape '\'`). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Whether the column holds `text` anywhere, ignoring case, alike on both databases (PostgreSQL's
 * LIKE minds case, SQLite's does not for ASCII: both sides are lowered).
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) like ${`%${likeLiteral(text.toLowerCase())}%`} escape '\\'`;
}

/** Whether the column starts with `text`, ignoring case, alike on both databases. */
export function startsWithText(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) like ${`${likeLiteral(text.toLowerCase())}%`} escape '\\'`;
}
