import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEngine } from '../applications/run-engine.js';
import { verifyAudit } from '../audit/verify-audit.js';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { type ScaleSeedOutcome, seedScale } from './seed-scale.js';

describe.each(DIALECTS)('the bulk seeder of the scale benchmark on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let outcome: ScaleSeedOutcome;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    // Batches of 15: three transactions, the last one short.
    outcome = await seedScale(t.ctx, { applications: 40, batch: 15 });
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('ends 80 % of the applications approved, the rest under review, rejected or submitted', async () => {
    const rows = await t.ctx.db
      .selectFrom('applications')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('call_id', '=', outcome.callId)
      .groupBy('status')
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))).toEqual({
      approved: 32,
      under_review: 4,
      rejected: 2,
      submitted: 2,
    });
    expect(outcome.approved).toBe(32);
    // The ones the benchmark reads one by one: approved, from across the call.
    const samples = await t.ctx.db.selectFrom('applications').select('status').where('id', 'in', outcome.sampleIds).execute();
    expect(samples.map((s) => s.status)).toEqual(Array(outcome.sampleIds.length).fill('approved'));
    expect(outcome.sampleIds.length).toBeGreaterThanOrEqual(10);
    const enterprises = await t.ctx.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('role', '=', 'applicant')
      .executeTakeFirstOrThrow();
    expect(Number(enterprises.n)).toBe(40 + 2); // the harness's two applicants
  });

  it('stores what the engine answers for the stored request, as submission does', async () => {
    const apps = await t.ctx.db
      .selectFrom('applications')
      .selectAll()
      .where('call_id', '=', outcome.callId)
      .orderBy('created_at')
      .limit(6)
      .execute();
    for (const app of apps) {
      const answer = await runEngine(t.ctx.db, app, 'zh', t.ctx.today());
      expect(JSON.parse(app.result_json ?? 'null')).toEqual(answer);
      expect(Number(app.engine_total)).toBe(answer.total);
      const items = await t.ctx.db.selectFrom('application_items').selectAll().where('application_id', '=', app.id).execute();
      const granted = answer.results.filter((r) => r.status === 'granted');
      expect(items.map((i) => [i.measure, i.subject, Number(i.engine_amount)]).sort()).toEqual(
        granted.map((r) => [r.measure, r.subject ?? '', r.amount]).sort(),
      );
    }
  });

  it('approves each item at most at the engine figure, and the approved total is their sum', async () => {
    const items = await t.ctx.db
      .selectFrom('application_items')
      .innerJoin('applications', 'applications.id', 'application_items.application_id')
      .select(['applications.id', 'applications.approved_total', 'application_items.engine_amount', 'application_items.approved_amount'])
      .where('applications.status', '=', 'approved')
      .where('applications.call_id', '=', outcome.callId)
      .execute();
    const sums = new Map<string, number>();
    for (const i of items) {
      expect(Number(i.approved_amount)).toBeLessThanOrEqual(Number(i.engine_amount));
      sums.set(i.id, (sums.get(i.id) ?? 0) + Number(i.approved_amount));
    }
    const apps = await t.ctx.db
      .selectFrom('applications')
      .select(['id', 'approved_total'])
      .where('status', '=', 'approved')
      .where('call_id', '=', outcome.callId)
      .execute();
    for (const a of apps) expect(Number(a.approved_total)).toBe(sums.get(a.id) ?? 0);
    expect(apps.reduce((s, a) => s + Number(a.approved_total), 0)).toBe(outcome.approvedTotal);
  });

  it('shows an approved application to the officer with its timeline, its reviews and its score', async () => {
    const app = await t.ctx.db
      .selectFrom('applications')
      .select(['id', 'score'])
      .where('status', '=', 'approved')
      .where('call_id', '=', outcome.callId)
      .executeTakeFirstOrThrow();
    const view = await officer.get(`/api/v1/applications/${app.id}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ id: app.id, status: 'approved' });
    const timeline = await officer.get(`/api/v1/applications/${app.id}/timeline`);
    expect(timeline.statusCode).toBe(200);
    expect((timeline.json() as { events: { to: string }[] }).events.map((e) => e.to)).toEqual([
      'draft',
      'submitted',
      'formal_check',
      'under_review',
      'approved',
    ]);
    const reviews = await t.ctx.db.selectFrom('review_assignments').select('total_score').where('application_id', '=', app.id).execute();
    expect(reviews).toHaveLength(2);
    expect(Number(app.score)).toBe(Math.floor(reviews.reduce((s, r) => s + Number(r.total_score), 0) / 2));
  });

  it('sets the budget to the approved sum over 5.6 through the call', async () => {
    const call = await officer.get(`/api/v1/calls/${outcome.callId}`);
    expect(call.statusCode).toBe(200);
    expect((call.json() as { totalBudget: number }).totalBudget).toBe(outcome.totalBudget);
    expect(Math.abs(outcome.approvedTotal / outcome.totalBudget - 5.6)).toBeLessThan(0.1);
  });

  it('chains every audit entry as appendAudit does: the log verifies, entry for entry', async () => {
    const verification = await verifyAudit(t.ctx.db);
    expect(verification.problems).toEqual([]);
    expect(verification.ok).toBe(true);
    // user, profile, create, submit, its move; then check, review, 2 × (assign, declare, score), and the decision.
    expect(outcome.auditEntries).toBe(40 * 5 + 38 * 8 + 32 * 2 + 2 * 1);
  });

  it('leaves a call the allocation can be planned for', async () => {
    const preview = await officer.post(`/api/v1/calls/${outcome.callId}/allocation/preview`, { method: 'proportional' });
    expect(preview.statusCode).toBe(200);
  });

  it('refuses to seed the same database twice', async () => {
    await expect(seedScale(t.ctx, { applications: 1 })).rejects.toThrow(/seeded already/);
  });
});

describe.each(DIALECTS)('the bulk seeder before migration 0014 on %s', (dialect) => {
  let t: TestApp;
  afterAll(async () => {
    await t.close();
  });

  it('moves the head entry by entry, as the older triggers demand, and the chain verifies', async () => {
    t = await createTestApp(dialect, { migrateUpTo: '0013-shared-limits' });
    const outcome = await seedScale(t.ctx, { applications: 5 });
    const head = await t.ctx.db.selectFrom('audit_head').select(['seq']).executeTakeFirstOrThrow();
    const verification = await verifyAudit(t.ctx.db);
    expect(verification.problems.filter((p) => p.code !== 'trigger')).toEqual([]);
    expect(verification.entries).toBe(Number(head.seq));
    expect(outcome.auditEntries).toBe(5 * (5 + 8 + 2)); // all five approved
  }, 60_000);
});
