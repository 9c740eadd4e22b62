import { type RawBuilder, sql } from 'kysely';
import type { Dialect } from '../db/database.js';

/**
 * The database's clock as ISO-8601 UTC text with milliseconds (`2026-12-02T04:55:00.123Z`), the
 * same on both dialects, so that leases written by one instance are read by another against one
 * clock (no skew between hosts), and compared as text. The configured clock (ctx.now) is the
 * business clock and may stand still in tests: leases need real time.
 */
export function databaseNow(dialect: Dialect, plusSeconds = 0): RawBuilder<string> {
  if (dialect === 'postgres') {
    return sql<string>`to_char((clock_timestamp() + make_interval(secs => ${plusSeconds}::float8)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  }
  return sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`${plusSeconds >= 0 ? '+' : ''}${plusSeconds} seconds`})`;
}
