import type { Call } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { loadCall } from './load-call.js';

/** Every call, the newest assessment year first, then the latest to open. */
export async function listCalls(db: Kysely<Database>, today: string): Promise<Call[]> {
  const calls = await db.selectFrom('calls').select('id').orderBy('year', 'desc').orderBy('opens_on', 'desc').execute();
  const views = await Promise.all(calls.map((c) => loadCall(db, c.id, today)));
  return views.filter((c) => c !== undefined);
}
