import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { fieldError } from '../errors.js';

export interface Stored<T> {
  readonly status: number;
  readonly body: T;
}

/**
 * Runs a state change at most once per `Idempotency-Key`: a retry with the same key (same user,
 * same route) gets the first answer again instead of doing the work twice. The key is stored in
 * the same transaction as the work.
 */
export async function idempotent<T>(
  ctx: AppContext,
  req: FastifyRequest,
  userId: string,
  work: (trx: Transaction<Database>) => Promise<Stored<T>>,
): Promise<Stored<T>> {
  const header = req.headers['idempotency-key'];
  const key = Array.isArray(header) ? header[0] : header;
  if (key !== undefined && (key.length < 8 || key.length > 200)) {
    throw fieldError('headers.idempotency-key', `expected 8 to 200 characters, got ${key.length}`);
  }
  const route = `${req.method} ${req.url.split('?')[0]}`;
  if (key === undefined) return ctx.tx(work);
  const find = (db: AppContext['db']) =>
    db
      .selectFrom('idempotency_keys')
      .select(['status_code', 'response_json'])
      .where('user_id', '=', userId)
      .where('route', '=', route)
      .where('key', '=', key)
      .executeTakeFirst();
  try {
    return await runOnce(ctx, key, route, userId, find, work);
  } catch (error) {
    // A concurrent request with the same key won the race: its work stands and ours rolled back.
    const seen = await find(ctx.db);
    if (seen) return { status: seen.status_code, body: JSON.parse(seen.response_json) as T };
    throw error;
  }
}

async function runOnce<T>(
  ctx: AppContext,
  key: string,
  route: string,
  userId: string,
  find: (db: Transaction<Database>) => Promise<{ status_code: number; response_json: string } | undefined>,
  work: (trx: Transaction<Database>) => Promise<Stored<T>>,
): Promise<Stored<T>> {
  return ctx.tx(async (trx) => {
    const seen = await find(trx);
    if (seen) return { status: seen.status_code, body: JSON.parse(seen.response_json) as T };
    const result = await work(trx);
    await trx
      .insertInto('idempotency_keys')
      .values({
        key,
        user_id: userId,
        route,
        status_code: result.status,
        response_json: JSON.stringify(result.body),
        created_at: ctx.now(),
      })
      .execute();
    return result;
  });
}
