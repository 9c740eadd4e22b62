import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { vacuumSoon } from './refresh-statistics.js';

describe.runIf(DIALECTS.includes('postgres'))('vacuumSoon on PostgreSQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp('postgres');
  });
  afterAll(async () => {
    await t.close();
  });

  it('vacuums the tables in the background, throttled on its own connection, which goes back to the pool as it came', async () => {
    const lastVacuum = async () => {
      const { rows } = await sql<{ at: string | null }>`
        select last_vacuum as at from pg_stat_user_tables where relname = 'awards' and schemaname = current_schema()`.execute(t.ctx.db);
      return rows[0]?.at ?? null;
    };
    const before = await lastVacuum();
    const errors: unknown[] = [];
    vacuumSoon(t.ctx.db, 'postgres', ['awards'], (error) => errors.push(error));
    let after = before;
    for (let i = 0; i < 100 && after === before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await lastVacuum();
    }
    expect(errors).toEqual([]);
    expect(after).not.toBe(before);
    // Ten queries at once take every connection of the pool (ten at most), the vacuum's among them:
    // each answers with the default again.
    const delays = await Promise.all(
      Array.from({ length: 10 }, () => sql<{ vacuum_cost_delay: string }>`show vacuum_cost_delay`.execute(t.ctx.db)),
    );
    expect(new Set(delays.map((d) => d.rows[0]?.vacuum_cost_delay))).toEqual(new Set(['0']));
  });
});
