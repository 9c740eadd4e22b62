import { validateRequest } from '@ftai/policy-fengtai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEngineRequest } from '../../applications/build-engine-request.js';
import { verifyAudit } from '../../audit/verify-audit.js';
import { CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../../test/harness.js';
import { migrateToLatest } from '../migrate.js';
import type { ApplicationStatus } from '../schema.js';
import { decideLegacyTier, type LegacyMilestone, MILESTONE_TIER_MIGRATION, mapLegacyMilestones } from './0004-milestone-tier-subjects.js';

const row = (r: Partial<LegacyMilestone>): LegacyMilestone => ({
  measure: '5.1',
  year: 2025,
  industrialAI: false,
  facts: undefined,
  engineAmount: undefined,
  approvedAmount: undefined,
  awardAmount: undefined,
  ...r,
});

describe('the tier of a 5.1 award made before tiers were subjects', () => {
  it.each([
    // [what, row, tier, how]
    ['non-industrial 200,000 is 5000万元', row({ engineAmount: 200_000 }), 'revenue-50m', 'exact'],
    [
      'industrial 200,000 is 首次达规 (100,000 + 100,000)',
      row({ industrialAI: true, engineAmount: 200_000 }),
      'above-designated-size',
      'exact',
    ],
    ['industrial 300,000 is 5000万元', row({ industrialAI: true, engineAmount: 300_000 }), 'revenue-50m', 'exact'],
    ['non-industrial 300,000 is 1亿元', row({ engineAmount: 300_000 }), 'revenue-100m', 'exact'],
    ['1,100,000 is 10亿元 for an industrial enterprise', row({ industrialAI: true, engineAmount: 1_100_000 }), 'revenue-1b', 'exact'],
    [
      'the engine amount, not the award cut by the allocation, tells the tier',
      row({ engineAmount: 500_000, approvedAmount: 450_000, awardAmount: 321_000 }),
      'revenue-500m',
      'exact',
    ],
    ['an award below every maximum is the lowest tier that could pay it', row({ awardAmount: 150_000 }), 'revenue-50m', 'inferred'],
    ['… and never a higher one', row({ awardAmount: 250_000 }), 'revenue-100m', 'inferred'],
    [
      'only the tiers the facts reach: 120,000,000 of revenue reaches 1亿元 at most',
      row({ awardAmount: 450_000, facts: { revenue: 120_000_000 } }),
      'revenue-100m',
      'inferred',
    ],
    [
      'revenue given as the applicant typed it, with fen',
      row({ engineAmount: 200_000, facts: { revenue: '50000000.00' } }),
      'revenue-50m',
      'exact',
    ],
    [
      '首次达规 only when the facts say so',
      row({ engineAmount: 100_000, facts: { revenue: 60_000_000, firstAboveDesignatedSize: true } }),
      'above-designated-size',
      'exact',
    ],
    [
      'an exact amount of a tier the facts do not reach is not taken',
      row({ engineAmount: 300_000, facts: { revenue: 60_000_000 } }),
      'revenue-50m',
      'inferred',
    ],
    ['facts that reach no tier at all are no bound', row({ engineAmount: 300_000, facts: { revenue: 1_000 } }), 'revenue-100m', 'exact'],
  ] as const)('%s', (_, input, tier, how) => {
    expect(decideLegacyTier(input)).toMatchObject({ tier, how });
  });

  it('says which amount it matched and which tiers the facts reach', () => {
    expect(decideLegacyTier(row({ approvedAmount: 180_000, awardAmount: 150_000, facts: { revenue: 120_000_000 } }))).toEqual({
      tier: 'revenue-50m',
      how: 'inferred',
      figure: 180_000,
      basis: 'approved amount',
      reachable: ['revenue-50m', 'revenue-100m'],
      reason:
        "approved amount 180000 is no tier's maximum for 非工业智能企业: the lowest tier the facts reach whose maximum (200000) holds it",
    });
  });
});

describe.each(DIALECTS)(`migration ${MILESTONE_TIER_MIGRATION} on %s`, (dialect) => {
  let t: TestApp;
  const at = '2027-05-01T00:00:00.000Z';
  const now = () => new Date(at);
  const ids = { call2025: 'call-2025', call2026: 'call-2026' };

  const insertApplication = async (a: {
    id: string;
    callId: string;
    creditCode: string;
    status: ApplicationStatus;
    request: unknown;
    item?: { engine: number; approved: number | null; allocated: number | null; measure?: string; subject?: string };
  }) => {
    await t.ctx.db
      .insertInto('applications')
      .values({
        id: a.id,
        call_id: a.callId,
        credit_code: a.creditCode,
        status: a.status,
        request_json: JSON.stringify(a.request),
        result_json: null,
        policy_version: '2025.10.30-1',
        engine_total: a.item?.engine ?? 0,
        approved_total: a.item?.approved ?? null,
        allocated_total: a.item?.allocated ?? null,
        score: null,
        created_by: t.users.applicantA,
        created_at: t.ctx.now(),
        updated_at: t.ctx.now(),
        submitted_at: t.ctx.now(),
        notice_id: null,
      })
      .execute();
    if (a.item) {
      await t.ctx.db
        .insertInto('application_items')
        .values({
          application_id: a.id,
          measure: a.item.measure ?? '5.1',
          subject: a.item.subject ?? '',
          article: 5,
          review: 0,
          engine_amount: a.item.engine,
          approved_amount: a.item.approved,
          allocated_amount: a.item.allocated,
        })
        .execute();
    }
  };
  const insertAward = (w: {
    id: string;
    applicationId: string;
    callId: string;
    creditCode: string;
    year: number;
    amount: number;
    measure?: string;
    subject?: string;
  }) =>
    t.ctx.db
      .insertInto('awards')
      .values({
        id: w.id,
        credit_code: w.creditCode,
        measure: w.measure ?? '5.1',
        subject: w.subject ?? '',
        year: w.year,
        amount: w.amount,
        call_id: w.callId,
        application_id: w.applicationId,
        status: 'paid',
        created_at: t.ctx.now(),
        paid_at: '2026-06-30',
      })
      .execute();
  const subjects = async () =>
    Object.fromEntries(
      (await t.ctx.db.selectFrom('awards').select(['id', 'subject']).orderBy('id').execute()).map((w) => [w.id, w.subject]),
    );
  const itemSubjects = async () =>
    Object.fromEntries(
      (
        await t.ctx.db.selectFrom('application_items').select(['application_id', 'measure', 'subject']).orderBy('application_id').execute()
      ).map((i) => [`${i.application_id} ${i.measure}`, i.subject]),
    );
  const auditCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    // The schema as it was before: 5.1 items and awards with subject ''.
    t = await createTestApp(dialect, { migrateUpTo: '0003-other-award-measure' });
    const profile = (code: string, industrialAI?: boolean) =>
      t.ctx.db
        .insertInto('enterprises')
        .values({
          credit_code: code,
          name: code,
          profile_json: JSON.stringify({ creditCode: code, ...(industrialAI === undefined ? {} : { industrialAI }) }),
          created_at: t.ctx.now(),
          updated_at: t.ctx.now(),
        })
        .onConflict((oc) => oc.column('credit_code').doUpdateSet({ profile_json: (eb) => eb.ref('excluded.profile_json') }))
        .execute();
    await profile(CODE_A, false);
    await profile(CODE_B, false); // the application itself says industrial
    await profile('CODE-C', true);
    await profile('CODE-D');
    for (const [id, year] of [
      [ids.call2025, 2025],
      [ids.call2026, 2026],
    ] as const) {
      await t.ctx.db
        .insertInto('calls')
        .values({
          id,
          year,
          title: `${year + 1}年度申报`,
          opens_on: `${year + 1}-03-01`,
          closes_on: `${year + 1}-04-30`,
          total_budget: 10_000_000,
          status: 'closed',
          created_by: t.users.officer,
          created_at: t.ctx.now(),
        })
        .execute();
    }
    // A: non-industrial, 5000万元 in 2025, allocated below its maximum.
    await insertApplication({
      id: 'app-a',
      callId: ids.call2025,
      creditCode: CODE_A,
      status: 'paid',
      request: { enterprise: {}, facts: { revenue: 60_000_000, previousRevenue: 40_000_000 } },
      item: { engine: 200_000, approved: 200_000, allocated: 150_000 },
    });
    await insertAward({ id: 'award-a', applicationId: 'app-a', callId: ids.call2025, creditCode: CODE_A, year: 2025, amount: 150_000 });
    // B: the application's own override says industrial: 300,000 is 5000万元, not 1亿元.
    await insertApplication({
      id: 'app-b',
      callId: ids.call2025,
      creditCode: CODE_B,
      status: 'paid',
      request: { enterprise: { industrialAI: true }, facts: { revenue: 150_000_000 } },
      item: { engine: 300_000, approved: 300_000, allocated: 300_000 },
    });
    await insertAward({ id: 'award-b', applicationId: 'app-b', callId: ids.call2025, creditCode: CODE_B, year: 2025, amount: 300_000 });
    // C: industrial by its profile, first above designated size: 200,000.
    await insertApplication({
      id: 'app-c',
      callId: ids.call2025,
      creditCode: 'CODE-C',
      status: 'final',
      request: { facts: { firstAboveDesignatedSize: true } },
      item: { engine: 200_000, approved: 200_000, allocated: 200_000 },
    });
    await insertAward({ id: 'award-c', applicationId: 'app-c', callId: ids.call2025, creditCode: 'CODE-C', year: 2025, amount: 200_000 });
    // D: a ledger row with no item left, status not given: 250,000 is no maximum.
    await insertApplication({
      id: 'app-d',
      callId: ids.call2025,
      creditCode: 'CODE-D',
      status: 'paid',
      request: { enterprise: {}, facts: { revenue: 120_000_000 } },
    });
    await insertAward({ id: 'award-d', applicationId: 'app-d', callId: ids.call2025, creditCode: 'CODE-D', year: 2025, amount: 250_000 });
    // A in 2026: an application under review, not awarded yet: its item gets its tier.
    await insertApplication({
      id: 'app-e',
      callId: ids.call2026,
      creditCode: CODE_A,
      status: 'under_review',
      request: { enterprise: {}, facts: { revenue: 550_000_000, previousRevenue: 60_000_000 } },
      item: { engine: 500_000, approved: null, allocated: null },
    });
    // Left alone: another measure, and a 5.1 row that already names its tier.
    await insertApplication({
      id: 'app-f',
      callId: ids.call2026,
      creditCode: CODE_B,
      status: 'approved',
      request: { facts: { computeSpend: 1_000_000 } },
      item: { engine: 200_000, approved: 200_000, allocated: 200_000, measure: '1' },
    });
    await insertAward({
      id: 'award-f',
      applicationId: 'app-f',
      callId: ids.call2026,
      creditCode: CODE_B,
      year: 2026,
      amount: 200_000,
      measure: '1',
    });
    await insertAward({
      id: 'award-g',
      applicationId: 'app-f',
      callId: ids.call2026,
      creditCode: CODE_B,
      year: 2026,
      amount: 100_000,
      subject: 'above-designated-size',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives every 5.1 award and item its tier, by amount and industrial status, and audits it row by row', async () => {
    const entriesBefore = await auditCount();
    // This migration first; later ones (tested on their own) follow it.
    expect((await migrateToLatest(t.ctx.db, t.dialect, { now }))[0]).toBe(MILESTONE_TIER_MIGRATION);

    expect(await subjects()).toEqual({
      'award-a': 'revenue-50m',
      'award-b': 'revenue-50m',
      'award-c': 'above-designated-size',
      'award-d': 'revenue-100m',
      'award-f': '',
      'award-g': 'above-designated-size',
    });
    expect(await itemSubjects()).toEqual({
      'app-a 5.1': 'revenue-50m',
      'app-b 5.1': 'revenue-50m',
      'app-c 5.1': 'above-designated-size',
      'app-e 5.1': 'revenue-500m',
      'app-f 1': '',
    });

    const entries = await t.ctx.db.selectFrom('audit_log').selectAll().where('seq', '>', entriesBefore).execute();
    expect(entries).toHaveLength(1);
    const entry = entries[0];
    expect(entry).toMatchObject({
      action: 'ledger.milestone-tiers',
      entity: 'migration',
      entity_id: MILESTONE_TIER_MIGRATION,
      actor_id: null,
      at,
    });
    const after = JSON.parse(entry?.after_json ?? '{}');
    expect(after).toMatchObject({ mapped: 5, awards: 4, items: 4 });
    expect(after.rule).toContain('lowest');
    expect(after.inferred).toEqual([{ applicationId: 'app-d', awardId: 'award-d', tier: 'revenue-100m' }]);
    expect(after.repeatedTiers).toEqual([]);
    const byApp = Object.fromEntries(after.rows.map((r: { applicationId: string }) => [r.applicationId, r]));
    expect(byApp['app-a']).toMatchObject({
      awardId: 'award-a',
      creditCode: CODE_A,
      year: 2025,
      awardAmount: 150_000,
      engineAmount: 200_000,
      industrialAI: false,
      industrialSource: 'profile',
      tier: 'revenue-50m',
      how: 'exact',
      basis: 'engine amount',
    });
    expect(byApp['app-b']).toMatchObject({ industrialAI: true, industrialSource: 'application', tier: 'revenue-50m', how: 'exact' });
    expect(byApp['app-c']).toMatchObject({ industrialAI: true, industrialSource: 'profile', tier: 'above-designated-size', how: 'exact' });
    expect(byApp['app-d']).toMatchObject({
      awardId: 'award-d',
      engineAmount: null,
      industrialSource: 'not given',
      tier: 'revenue-100m',
      how: 'inferred',
      basis: 'award amount',
      reachable: ['revenue-50m', 'revenue-100m'],
    });
    expect(byApp['app-e']).toMatchObject({ awardId: null, applicationStatus: 'under_review', tier: 'revenue-500m', how: 'exact' });
    expect(await verifyAudit(t.ctx.db)).toMatchObject({ ok: true, problems: [] });
  });

  it('is a no-op when run again', async () => {
    const entries = await auditCount();
    const before = [await subjects(), await itemSubjects()];
    expect(await migrateToLatest(t.ctx.db, t.dialect, { now })).toEqual([]);
    expect(await mapLegacyMilestones(t.ctx.db, now)).toBe(0);
    expect([await subjects(), await itemSubjects()]).toEqual(before);
    expect(await auditCount()).toBe(entries);
    expect(await verifyAudit(t.ctx.db)).toMatchObject({ ok: true });
  });

  it('leaves a ledger the engine takes as history, and the items approval and allocation join on', async () => {
    await t.ctx.db.updateTable('calls').set({ status: 'open' }).where('id', '=', ids.call2026).execute();
    const application = await t.ctx.db.selectFrom('applications').selectAll().where('id', '=', 'app-e').executeTakeFirstOrThrow();
    const request = await buildEngineRequest(t.ctx.db, application);
    expect(request.history).toEqual([{ measure: '5.1', year: 2025, subject: 'revenue-50m', amount: 150_000 }]);
    const validation = validateRequest(request);
    expect(validation.ok).toBe(true);

    const officer = await t.login('officer');
    await t.ctx.db.updateTable('applications').set({ status: 'under_review' }).where('id', '=', 'app-e').execute();
    const approved = await officer.post('/api/v1/applications/app-e/approve', {
      items: [{ measure: '5.1', subject: 'revenue-500m', amount: 400_000 }],
    });
    expect(approved.statusCode, approved.body).toBe(200);
    await t.ctx.db.updateTable('applications').set({ status: 'rejected' }).where('id', '=', 'app-f').execute();
    const committed = await officer.post(`/api/v1/calls/${ids.call2026}/allocation/commit`, { method: 'proportional' });
    expect(committed.statusCode, committed.body).toBe(201);
    const award = await t.ctx.db
      .selectFrom('awards')
      .select(['measure', 'subject', 'amount'])
      .where('application_id', '=', 'app-e')
      .executeTakeFirstOrThrow();
    expect(award).toEqual({ measure: '5.1', subject: 'revenue-500m', amount: 400_000 });
    expect(await verifyAudit(t.ctx.db)).toMatchObject({ ok: true });
  });
});
