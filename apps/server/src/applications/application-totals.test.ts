import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertApplication, insertCall } from '../review/test-fixtures.js';
import { CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { countApplications, listApplications } from './list-applications.js';

describe.each(DIALECTS)('the applications’ totals the database keeps, by status and by measure (migration 0019), on %s', (dialect) => {
  let t: TestApp;
  const calls: string[] = [];

  /** The kept totals and the same figures counted over the rows, both without the keys at zero. */
  const both = async () => {
    const db = t.ctx.db;
    const kept = await db
      .selectFrom('application_totals')
      .select(['call_id', 'status', 'n', 'requested', 'approved'])
      .where((eb) => eb.or([eb('n', '!=', 0), eb('requested', '!=', 0), eb('approved', '!=', 0)]))
      .orderBy('call_id')
      .orderBy('status')
      .execute();
    const counted = await db
      .selectFrom('applications')
      .select((eb) => [
        'call_id',
        'status',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.case().when('status', '=', 'draft').then(0).else(eb.ref('engine_total')).end()).as('requested'),
        eb.fn.coalesce(eb.fn.sum<number>('approved_total'), eb.lit(0)).as('approved'),
      ])
      .groupBy(['call_id', 'status'])
      .orderBy('call_id')
      .orderBy('status')
      .execute();
    const itemsKept = await db
      .selectFrom('application_item_totals')
      .select(['call_id', 'measure', 'requested', 'approved'])
      .where((eb) => eb.or([eb('requested', '!=', 0), eb('approved', '!=', 0)]))
      .orderBy('call_id')
      .orderBy('measure')
      .execute();
    const itemsCounted = await db
      .selectFrom('application_items as i')
      .innerJoin('applications as a', 'a.id', 'i.application_id')
      .select((eb) => [
        'a.call_id',
        'i.measure',
        eb.fn.sum<number>('i.engine_amount').as('requested'),
        eb.fn.coalesce(eb.fn.sum<number>('i.approved_amount'), eb.lit(0)).as('approved'),
      ])
      .groupBy(['a.call_id', 'i.measure'])
      .orderBy('a.call_id')
      .orderBy('i.measure')
      .execute();
    const byStatus = (rows: { call_id: string; status: string; n: unknown; requested: unknown; approved: unknown }[]) =>
      rows.filter((r) => Number(r.n) !== 0).map((r) => [r.call_id, r.status, Number(r.n), Number(r.requested), Number(r.approved)]);
    const byMeasure = (rows: { call_id: string; measure: string; requested: unknown; approved: unknown }[]) =>
      rows
        .filter((r) => Number(r.requested) !== 0 || Number(r.approved) !== 0)
        .map((r) => [r.call_id, r.measure, Number(r.requested), Number(r.approved)]);
    return {
      kept: byStatus(kept),
      counted: byStatus(counted),
      itemsKept: byMeasure(itemsKept),
      itemsCounted: byMeasure(itemsCounted),
    };
  };
  const agree = async () => {
    const now = await both();
    expect(now.kept).toEqual(now.counted);
    expect(now.itemsKept).toEqual(now.itemsCounted);
    return now;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const year of [2026, 2025]) calls.push(await insertCall(t.ctx, { year, totalBudget: 10_000_000, createdBy: t.users.officer }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('follows every write of applications and their items, and the lists and counts read it', async () => {
    expect((await both()).kept).toEqual([]);
    const [c0, c1] = calls as [string, string];
    const draft = await insertApplication(t.ctx, {
      callId: c0,
      creditCode: CODE_A,
      status: 'draft',
      items: [],
      createdBy: t.users.officer,
    });
    const submitted = await insertApplication(t.ctx, {
      callId: c0,
      creditCode: CODE_B,
      status: 'under_review',
      items: [
        { measure: '4.3', subject: null, engineAmount: 300_000 },
        { measure: '5.1', subject: 'revenue-50m', engineAmount: 1_000_000 },
      ],
      createdBy: t.users.officer,
    });
    await insertApplication(t.ctx, {
      callId: c1,
      creditCode: CODE_A,
      status: 'approved',
      items: [{ measure: '4.3', subject: null, engineAmount: 200_000, approvedAmount: 150_000 }],
      createdBy: t.users.officer,
    });
    let now = await agree();
    expect(now.kept).toContainEqual([c0, 'draft', 1, 0, 0]);
    expect(now.itemsKept).toContainEqual([c1, '4.3', 200_000, 150_000]);

    // A draft's autosave changes its amount asked: no total moves.
    await t.ctx.db.updateTable('applications').set({ engine_total: 5_000 }).where('id', '=', draft).execute();
    now = await agree();
    expect(now.kept).toContainEqual([c0, 'draft', 1, 0, 0]);

    // Submission (items written, delete then insert), approval (amounts and status), an
    // allocation (only allocated amounts), all in statements of one or many rows.
    await t.ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('applications').set({ status: 'submitted', engine_total: 80_000 }).where('id', '=', draft).execute();
      await trx.deleteFrom('application_items').where('application_id', '=', draft).execute();
      await trx
        .insertInto('application_items')
        .values(
          ['4.3', '6.2a'].map((measure, i) => ({
            application_id: draft,
            measure,
            subject: '',
            article: measure === '4.3' ? 4 : 6,
            review: 0,
            engine_amount: 40_000 * (i + 1),
            approved_amount: null,
            allocated_amount: null,
          })),
        )
        .execute();
    });
    now = await agree();
    await t.ctx.db
      .updateTable('application_items')
      .set({ approved_amount: sql<number>`engine_amount / 2` })
      .where('application_id', '=', submitted)
      .execute();
    await t.ctx.db.updateTable('applications').set({ status: 'approved', approved_total: 650_000 }).where('id', '=', submitted).execute();
    await t.ctx.db.updateTable('application_items').set({ allocated_amount: 1 }).execute();
    now = await agree();
    expect(now.itemsKept).toContainEqual([c0, '5.1', 1_000_000, 500_000]);
    await t.ctx.db.updateTable('applications').set({ status: 'public_notice' }).where('status', '=', 'approved').execute();
    now = await agree();
    expect(now.kept).toContainEqual([c0, 'public_notice', 1, 1_300_000, 650_000]);
    expect(now.kept).toContainEqual([c1, 'public_notice', 1, 200_000, 150_000]);

    // What the queue and the lists read: the same figures as counted over the rows.
    const officer = { id: t.users.officer, role: 'officer' } as Parameters<typeof listApplications>[1];
    const source = { db: t.ctx.db, dialect };
    const page = await listApplications(source, officer, { callId: c0, limit: 1 });
    expect(page.page.total).toBe(2);
    expect((await listApplications(source, officer, { callId: c0, status: 'public_notice', limit: 50 })).page.total).toBe(1);
    expect((await listApplications(source, officer, { status: 'public_notice', limit: 50 })).page.total).toBe(2);
    expect(await listApplications(source, officer, { callId: c1, status: 'draft', limit: 50 })).toMatchObject({
      applications: [],
      page: { total: 0, next: null },
    });
    const counts = await countApplications(source, officer, { callId: c0 });
    expect(counts).toMatchObject({ total: 2, requested: 1_380_000, approved: 650_000 });
    expect(counts.counts).toMatchObject({ submitted: 1, public_notice: 1, draft: 0 });
    // Searched, the figures are counted over the rows the search finds.
    expect((await countApplications(source, officer, { creditCode: CODE_A })).total).toBe(2);
  });

  it('is rolled back with the transaction that wrote the rows', async () => {
    const before = await both();
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await trx.updateTable('applications').set({ status: 'rejected' }).execute();
        await trx.deleteFrom('application_items').execute();
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await both()).toEqual(before);
  });
});
