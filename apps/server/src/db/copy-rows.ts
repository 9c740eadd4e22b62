import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PostgresAdapter, type QueryExecutorProvider, sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * The pool's connections by their server process id, so that COPY can run on the connection a
 * Kysely transaction holds: Kysely gives no access to its pg client, but the transaction can ask
 * the server which process it talks to (pg_backend_pid), and the pg client knows its own.
 */
const clients = new Map<number, pg.PoolClient>();

/** Follows a pool's connections (openDatabase calls it for the PostgreSQL pool). */
export function trackConnections(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const pid = (client as unknown as { processID: number | null }).processID;
    if (pid === null) return;
    clients.set(pid, client);
    client.once('end', () => {
      if (clients.get(pid) === client) clients.delete(pid);
    });
  });
  pool.on('remove', (client) => {
    const pid = (client as unknown as { processID: number | null }).processID;
    if (pid !== null && clients.get(pid) === client) clients.delete(pid);
  });
}

/** A value in COPY's text format: \N for null, backslash, tab, newline and CR escaped. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value !== 'string') throw new TypeError(`COPY: expected a string, number, boolean or null, got ${typeof value}`);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Characters sent to the server at a time. */
const CHUNK = 1 << 16;

/**
 * Writes `rows` into `table` with COPY … FROM STDIN on the connection of `trx`, a Kysely
 * transaction on PostgreSQL: in the transaction, streamed in chunks, the fastest way in (the
 * server writes whole pages of rows at a time). Every row has `columns`, as the table names
 * them. Returns false, having written nothing, on SQLite, outside a transaction, or when the
 * connection is not one this process tracks (the caller then inserts another way).
 */
export async function copyRows(
  trx: QueryExecutorProvider & { readonly isTransaction: boolean },
  table: string,
  columns: readonly string[],
  rows: Iterable<Readonly<Record<string, unknown>>>,
): Promise<boolean> {
  if (!trx.isTransaction || !(trx.getExecutor().adapter instanceof PostgresAdapter)) return false;
  const { rows: found } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
  const client = clients.get(Number(found[0]?.pid));
  if (!client) return false;
  const name = (s: string) => `"${s.replace(/"/g, '""')}"`;
  function* text(): Generator<string> {
    let chunk = '';
    for (const row of rows) {
      chunk += `${columns.map((c) => copyText(row[c])).join('\t')}\n`;
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(text()), client.query(copyFrom(`copy ${name(table)} (${columns.map(name).join(', ')}) from stdin`)));
  return true;
}
