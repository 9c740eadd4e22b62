import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertApplication, insertCall } from '../../review/test-fixtures.js';
import { CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../../test/harness.js';
import { migrateToLatest } from '../migrate.js';
import { APPLICATION_NUMBERS_MIGRATION } from './0024-application-numbers.js';

describe.each(DIALECTS)('migration 0024 on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2027-03-15T02:00:00Z', migrateUpTo: '0023-enterprise-bank-account' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('numbers the applications already submitted, per call in the order of submission; drafts stay without', async () => {
    const callId = await insertCall(t.ctx, { year: 2026, totalBudget: 1_000_000, createdBy: t.users.officer });
    const items = [{ measure: '1', subject: null, engineAmount: 100_000 }];
    const later = await insertApplication(t.ctx, {
      callId,
      creditCode: CODE_A,
      status: 'under_review',
      items,
      createdBy: t.users.applicantA,
      submittedAt: '2027-03-10T02:00:00.000Z',
    });
    const earlier = await insertApplication(t.ctx, {
      callId,
      creditCode: CODE_B,
      status: 'submitted',
      items,
      createdBy: t.users.applicantB,
      // 2026-12-31 17:00 UTC is 2027-01-01 01:00 in Beijing: the year of the number is Beijing's.
      submittedAt: '2026-12-31T17:00:00.000Z',
    });
    const draft = await insertApplication(t.ctx, { callId, creditCode: CODE_A, status: 'draft', items: [], createdBy: t.users.applicantA });

    expect(await migrateToLatest(t.ctx.db, dialect)).toContain(APPLICATION_NUMBERS_MIGRATION);
    const numbers = Object.fromEntries(
      (await t.ctx.db.selectFrom('applications').select(['id', 'number']).execute()).map((r) => [r.id, r.number]),
    );
    expect(numbers).toEqual({ [earlier]: '丰科AI申〔2027〕0001号', [later]: '丰科AI申〔2027〕0002号', [draft]: null });
    const call = await t.ctx.db.selectFrom('calls').select('application_count').where('id', '=', callId).executeTakeFirstOrThrow();
    expect(Number(call.application_count)).toBe(2);
  });
});
