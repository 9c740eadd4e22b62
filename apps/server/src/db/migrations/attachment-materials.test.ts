import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAND_IN_PDF, uploadFile } from '../../http/attach-materials.js';
import { newId } from '../../ids.js';
import { insertApplication, insertCall } from '../../review/test-fixtures.js';
import { CODE_A, createTestApp, DIALECTS, type TestApp } from '../../test/harness.js';
import { migrateToLatest } from '../migrate.js';

describe.each(DIALECTS)('migration 0026 on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2027-03-15T02:00:00Z', migrateUpTo: '0025-call-notice-contacts' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('ties no file attached before it to a material (其他材料); files after it may be', async () => {
    const callId = await insertCall(t.ctx, { year: 2026, totalBudget: 1_000_000, createdBy: t.users.officer });
    const id = await insertApplication(t.ctx, { callId, creditCode: CODE_A, status: 'draft', items: [], createdBy: t.users.applicantA });
    const before = newId();
    await sql`insert into attachments (id, application_id, sha256, filename, mime, size, uploaded_by, at)
      values (${before}, ${id}, ${'0'.repeat(64)}, ${'营业执照.pdf'}, ${'application/pdf'}, ${1024}, ${t.users.applicantA}, ${'2027-03-10T02:00:00.000Z'})`.execute(
      t.ctx.db,
    );

    expect(await migrateToLatest(t.ctx.db, dialect)).toContain('0026-attachment-materials');
    const applicant = await t.login('applicantA');
    const tied = await uploadFile(applicant, id, '算力合同.pdf', STAND_IN_PDF, { measure: '1', material: 'contract' });
    expect(tied.statusCode, tied.body).toBe(201);
    const list = (await applicant.get(`/api/v1/applications/${id}/attachments`)).json().attachments;
    expect(
      list.map((a: { id: string; measure: string | null; material: string | null }) => [a.id === before, a.measure, a.material]),
    ).toEqual([
      [true, null, null],
      [false, '1', 'contract'],
    ]);
  });
});
