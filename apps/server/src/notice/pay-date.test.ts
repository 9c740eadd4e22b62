import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { type ApprovedCall, seedApprovedCall } from './test-fixtures.js';

interface Issue {
  path: string;
  message: string;
}

describe.each(DIALECTS)('the date of a payment on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let seeded: ApprovedCall;

  const payments = async () =>
    (await t.ctx.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).filter((a) => a.action === 'award.pay').length;

  beforeAll(async () => {
    // 2027-03-15 01:00 in Beijing, still 2027-03-14 in UTC: the notice is published on the 15th.
    t = await createTestApp(dialect, { now: '2027-03-14T17:00:00Z' });
    officer = await t.login('officer');
    seeded = await seedApprovedCall(t);
    const published = await officer.post(`/api/v1/calls/${seeded.callId}/notice`, {});
    expect(published.statusCode, published.body).toBe(201);
    t.clock.set('2027-03-25T02:00:00Z');
    officer = await t.login('officer'); // sessions last hours, not days
    for (const id of [seeded.appA, seeded.appB]) {
      const final = await officer.post(`/api/v1/applications/${id}/finalize`, { objectionsReviewed: true });
      expect(final.statusCode, final.body).toBe(200);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['1900-01-01', 'a date of another century'],
    ['2027-03-01', 'the day the call opened, before the notice'],
    ['2027-03-14', 'the day before the notice in Beijing (its UTC date)'],
  ])('refuses %s (%s): money leaves after the awards are published', async (paidOn) => {
    const res = await officer.post(`/api/v1/applications/${seeded.appA}/pay`, { paidOn });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      {
        path: 'paidOn',
        code: 'FTAI_ERR_INVALID_FIELD',
        message: `expected a date on or after 2027-03-15, the day its awards were published on notice; got ${paidOn}`,
      },
    ]);
    expect(await payments()).toBe(0);
  });

  it('refuses a date after today (Beijing) or one that does not exist', async () => {
    for (const paidOn of ['2027-03-26', '2027-02-30', '2027-3-20']) {
      const res = await officer.post(`/api/v1/applications/${seeded.appA}/pay`, { paidOn });
      expect(res.statusCode, paidOn).toBe(400);
      expect(res.json().issues.map((i: Issue) => i.path)).toEqual(['paidOn']);
    }
    expect(await payments()).toBe(0);
  });

  it('records a payment on the day of publication and on today', async () => {
    const first = await officer.post(`/api/v1/applications/${seeded.appA}/pay`, { paidOn: '2027-03-15' });
    expect(first.statusCode, first.body).toBe(200);
    const second = await officer.post(`/api/v1/applications/${seeded.appB}/pay`, { paidOn: '2027-03-25' });
    expect(second.statusCode, second.body).toBe(200);
    const paid = await t.ctx.db.selectFrom('awards').select(['application_id', 'paid_at']).where('status', '=', 'paid').execute();
    expect(new Set(paid.map((p) => `${p.application_id === seeded.appA ? 'A' : 'B'} ${p.paid_at}`))).toEqual(
      new Set(['A 2027-03-15', 'B 2027-03-25']),
    );
    expect(await payments()).toBe(2);
  });
});
