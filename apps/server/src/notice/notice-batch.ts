import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Which of its call's notices each of `ids` is, by publication (1 for the first; a tie of the
 * same instant goes by id): one query for the set, over the call's notices (a call has a few).
 */
export async function noticeBatches(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('notices as n')
    .select([
      'n.id',
      (eb) =>
        eb
          .selectFrom('notices as o')
          .select(sql<number | string | bigint>`count(*)`.as('c'))
          .whereRef('o.call_id', '=', 'n.call_id')
          .where((w) =>
            w.or([
              w('o.published_at', '<', w.ref('n.published_at')),
              w.and([w('o.published_at', '=', w.ref('n.published_at')), w('o.id', '<=', w.ref('n.id'))]),
            ]),
          )
          .as('batch'),
    ])
    .where('n.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.batch ?? 1)]));
}
