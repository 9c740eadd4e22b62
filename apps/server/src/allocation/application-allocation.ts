import type { ApplicationAllocation } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { committedItem, parseStoredAllocation } from './committed-allocation-pages.js';

/** An item of the application as stored: what committedItem needs of it. */
interface StoredItem {
  readonly measure: string;
  readonly subject: string;
  readonly article: number | string;
  readonly approved_amount: number | string | null;
  readonly allocated_amount: number | string | null;
}

/**
 * How the committed allocation treated one application (审定 → 核拨, the ratio, +1 元), for the
 * enterprise and the officer: its items approved above 0, and the bindings that scaled one of them
 * (without the other enterprises the summary names). Null before an allocation is committed.
 */
export async function applicationAllocation(
  db: Kysely<Database>,
  applicationId: string,
  items: readonly StoredItem[],
): Promise<ApplicationAllocation | null> {
  const row = await db
    .selectFrom('applications as a')
    .innerJoin('allocations as l', 'l.id', 'a.allocation_id')
    .select(['a.submitted_at', 'l.id', 'l.method', 'l.result_json', 'l.committed_at'])
    .where('a.id', '=', applicationId)
    .executeTakeFirst();
  if (!row) return null;
  const stored = parseStoredAllocation(row.result_json);
  const steps = stored.steps ?? null;
  const explained = items
    .filter((i) => Number(i.approved_amount ?? 0) > 0)
    .map((i) =>
      committedItem(
        {
          measure: i.measure,
          subject: i.subject,
          article: Number(i.article),
          approved: Number(i.approved_amount ?? 0),
          allocated: Number(i.allocated_amount ?? 0),
        },
        { id: applicationId, submittedAt: row.submitted_at },
        { method: row.method, steps },
      ),
    );
  const bindings = (stored.summary?.bindings ?? [])
    .filter((b) => explained.some((i) => i.scaledBy?.includes(b.scope) && (b.scope === 'total' || b.article === i.article)))
    .map(({ remainderItems: _named, ...binding }) => binding);
  return { allocationId: row.id, method: row.method, committedAt: row.committed_at, bindings, items: explained };
}
