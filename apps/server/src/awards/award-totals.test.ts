import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwardStatus } from '../db/schema.js';
import { insertApplication, insertCall } from '../review/test-fixtures.js';
import { CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';

describe.each(DIALECTS)('the awards’ totals the database keeps, by measure and by enterprise (migration 0018), on %s', (dialect) => {
  let t: TestApp;
  const calls: string[] = [];
  const apps: string[] = [];

  /** award_totals, and the same grouping counted over the awards, both without the rows at zero. */
  const both = async () => {
    const kept = await t.ctx.db
      .selectFrom('award_totals')
      .select(['call_id', 'year', 'measure', 'status', 'n', 'amount'])
      .where('n', '!=', 0)
      .orderBy('call_id')
      .orderBy('year')
      .orderBy('measure')
      .orderBy('status')
      .execute();
    const counted = await t.ctx.db
      .selectFrom('awards')
      .select((eb) => ['call_id', 'year', 'measure', 'status', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount').as('amount')])
      .groupBy(['call_id', 'year', 'measure', 'status'])
      .orderBy('call_id')
      .orderBy('year')
      .orderBy('measure')
      .orderBy('status')
      .execute();
    const norm = (rows: { call_id: string; year: number; measure: string; status: string; n: unknown; amount: unknown }[]) =>
      rows.map((r) => [r.call_id, Number(r.year), r.measure, r.status, Number(r.n), Number(r.amount)]);
    const enterprisesKept = await t.ctx.db
      .selectFrom('award_enterprise_totals')
      .select(['call_id', 'credit_code', 'allocated', 'paid'])
      .where((eb) => eb.or([eb('allocated', '!=', 0), eb('paid', '!=', 0)]))
      .orderBy('call_id')
      .orderBy('credit_code')
      .execute();
    const enterprisesCounted = await t.ctx.db
      .selectFrom('awards')
      .select((eb) => [
        'call_id',
        'credit_code',
        eb.fn.sum<number>('amount').as('allocated'),
        eb.fn.sum<number>(eb.case().when('status', '=', 'paid').then(eb.ref('amount')).else(0).end()).as('paid'),
      ])
      .groupBy(['call_id', 'credit_code'])
      .orderBy('call_id')
      .orderBy('credit_code')
      .execute();
    const byEnterprise = (rows: { call_id: string; credit_code: string; allocated: unknown; paid: unknown }[]) =>
      rows.map((r) => [r.call_id, r.credit_code, Number(r.allocated), Number(r.paid)]);
    expect(byEnterprise(enterprisesKept)).toEqual(byEnterprise(enterprisesCounted));
    return { kept: norm(kept), counted: norm(counted) };
  };
  const award = (i: number, status: AwardStatus = 'committed') => ({
    id: `w${i}`,
    credit_code: i % 2 === 0 ? CODE_A : CODE_B,
    measure: ['4.3', '5.1', '6.2a'][i % 3] as string,
    subject: `S-${i}`,
    year: 2026,
    amount: 10_000 * (i + 1),
    call_id: calls[i % 2] as string,
    application_id: apps[i % 2] as string,
    status,
    created_at: '2027-03-10T02:00:00.000Z',
    paid_at: null,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const year of [2026, 2025]) calls.push(await insertCall(t.ctx, { year, totalBudget: 10_000_000, createdBy: t.users.officer }));
    for (const [i, code] of [CODE_A, CODE_B].entries())
      apps.push(
        await insertApplication(t.ctx, {
          callId: calls[i] as string,
          creditCode: code,
          status: 'approved',
          items: [],
          createdBy: t.users.officer,
        }),
      );
  });
  afterAll(async () => {
    await t.close();
  });

  it('follows every insert, update and delete of awards, in one statement or many', async () => {
    expect((await both()).kept).toEqual([]);
    // Many rows in one statement (as the allocation commit writes them), then one more.
    await t.ctx.db
      .insertInto('awards')
      .values(Array.from({ length: 12 }, (_, i) => award(i)))
      .execute();
    await t.ctx.db.insertInto('awards').values(award(12)).execute();
    let now = await both();
    expect(now.kept).toEqual(now.counted);
    expect(now.kept.reduce((s, r) => s + (r[4] as number), 0)).toBe(13);

    // Status moves (finalise, pay), an amount corrected, an award moved to another call (with an
    // application of that call: an award's call is its application's, migration 0021).
    await t.ctx.db
      .updateTable('awards')
      .set({ status: 'final' })
      .where('call_id', '=', calls[0] as string)
      .execute();
    await t.ctx.db.updateTable('awards').set({ status: 'paid', paid_at: '2027-04-01' }).where('id', 'in', ['w0', 'w2']).execute();
    await t.ctx.db.updateTable('awards').set({ amount: 1 }).where('id', '=', 'w3').execute();
    await t.ctx.db
      .updateTable('awards')
      .set({ call_id: calls[0] as string, application_id: apps[0] as string, year: 2025 })
      .where('id', '=', 'w5')
      .execute();
    // An update that changes nothing the totals group by.
    await t.ctx.db.updateTable('awards').set({ subject: 'renamed' }).where('id', '=', 'w7').execute();
    now = await both();
    expect(now.kept).toEqual(now.counted);
    expect(now.kept).toContainEqual([calls[0], 2026, '4.3', 'paid', 1, 10_000]);

    await t.ctx.db.deleteFrom('awards').where('id', 'in', ['w1', 'w4', 'w8']).execute();
    now = await both();
    expect(now.kept).toEqual(now.counted);
    await t.ctx.db.deleteFrom('awards').execute();
    expect((await both()).kept).toEqual([]);
  });

  it('is rolled back with the transaction that wrote the awards', async () => {
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await trx.insertInto('awards').values(award(20)).execute();
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect((await both()).kept).toEqual([]);
    if (dialect === 'postgres') {
      // One statement of many rows adds one grouped row per key, not a row each.
      await sql`insert into awards select * from json_populate_recordset(null::awards, ${JSON.stringify(Array.from({ length: 30 }, (_, i) => award(100 + i)))})`.execute(
        t.ctx.db,
      );
      const now = await both();
      expect(now.kept).toEqual(now.counted);
    }
  });
});
