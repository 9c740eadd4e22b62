import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { seedAllocationCall } from './seed-allocation.js';

/**
 * Migration 0016: the commit's update of the applications changes no indexed column and finds
 * room on each page, so PostgreSQL writes it as heap-only (HOT) updates, which add no index
 * entry: at 100,000 applications that is 1 s instead of 13. An index on a column the commit
 * writes (allocated_total, allocation_id, updated_at), or a table without room, undoes it.
 */
describe.runIf(DIALECTS.includes('postgres'))('the allocation commit on PostgreSQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('postgres');
  });
  afterAll(async () => {
    await t.close();
  });

  /** The applications table's update counters, as this schema's statistics hold them. */
  const counters = async () => {
    const { rows } = await sql<{ upd: string; hot: string }>`
      select n_tup_upd as upd, n_tup_hot_upd as hot from pg_stat_user_tables
      where relname = 'applications' and schemaname = current_schema()`.execute(t.ctx.db);
    return { updated: Number(rows[0]?.upd ?? 0), hot: Number(rows[0]?.hot ?? 0) };
  };

  it('updates the allocated applications heap-only (no index entry written), all but a few', async () => {
    const officer = await t.login('officer');
    const { callId } = await seedAllocationCall(t.ctx, { count: 400, createdBy: t.users.officer, creditCodes: [CODE_A, CODE_B] });
    const before = await counters();
    const commit = await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional' });
    expect(commit.statusCode, commit.body.slice(0, 300)).toBe(201);
    const allocated = Number(
      (
        await t.ctx.db
          .selectFrom('applications')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('allocation_id', '=', commit.json().allocationId)
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(allocated).toBeGreaterThan(50);
    // The server's connections report their counters when idle, within about ten seconds.
    let after = await counters();
    for (let waited = 0; after.updated - before.updated < allocated && waited < 20_000; waited += 250) {
      await new Promise((r) => setTimeout(r, 250));
      after = await counters();
    }
    expect(after.updated - before.updated).toBeGreaterThanOrEqual(allocated);
    // A row whose page has no room left is updated with its indexes: a few, not most.
    expect(after.hot - before.hot).toBeGreaterThanOrEqual(0.95 * (after.updated - before.updated));
  }, 40_000);
});
