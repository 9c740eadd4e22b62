import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../ids.js';
import { insertApplication, insertCall } from '../../review/test-fixtures.js';
import { CODE_A, createTestApp, DIALECTS, type TestApp } from '../../test/harness.js';

describe.each(DIALECTS)("an award's call is its application's call (%s)", (dialect) => {
  let t: TestApp;
  let callId: string;
  let otherCallId: string;
  let applicationId: string;
  const award = (call: string) => ({
    id: newId(),
    credit_code: CODE_A,
    measure: '1',
    subject: '',
    year: 2026,
    amount: 100,
    call_id: call,
    application_id: applicationId,
    status: 'committed' as const,
    created_at: t.ctx.now(),
    paid_at: null,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    callId = await insertCall(t.ctx, { year: 2026, totalBudget: 1_000_000, createdBy: t.users.officer });
    otherCallId = await insertCall(t.ctx, { year: 2026, totalBudget: 1_000_000, createdBy: t.users.officer });
    applicationId = await insertApplication(t.ctx, {
      callId,
      creditCode: CODE_A,
      status: 'approved',
      items: [],
      createdBy: t.users.applicantA,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an award in another call than its application, whether inserted or moved there', async () => {
    await expect(t.ctx.db.insertInto('awards').values(award(otherCallId)).execute()).rejects.toThrow(
      /awards_application_call_fkey|must be the call of/,
    );
    const ok = award(callId);
    await t.ctx.db.insertInto('awards').values(ok).execute();
    await expect(t.ctx.db.updateTable('awards').set({ call_id: otherCallId }).where('id', '=', ok.id).execute()).rejects.toThrow(
      /awards_application_call_fkey|must be the call of/,
    );
    const kept = await t.ctx.db.selectFrom('awards').select('call_id').where('id', '=', ok.id).executeTakeFirstOrThrow();
    expect(kept.call_id).toBe(callId);
  });

  it('refuses an award of an application that does not exist', async () => {
    await expect(
      t.ctx.db
        .insertInto('awards')
        .values({ ...award(callId), application_id: newId() })
        .execute(),
    ).rejects.toThrow(/foreign key|must be the call of/i);
  });
});
