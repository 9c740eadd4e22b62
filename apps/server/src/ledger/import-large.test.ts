import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { type Client, CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { importOtherAwards } from './import-other-awards.js';

const CODES = [CODE_A, CODE_B, '91110106MA0000K05Q', '91110106MA0000K07Y', '91110106MA0000K095'];
const ROWS = 75_000;
const HEADER = 'creditCode,policy,subject,amount,year';

/** A district's file of `n` awards (about 3.4 MB), each row its own award. */
function districtFile(n: number, policy: string): { csv: string; rows: string[] } {
  const rows = Array.from(
    { length: n },
    (_, i) => `${CODES[i % CODES.length]},${policy},S-${String(i).padStart(6, '0')},${1_000 + (i % 7)},2026`,
  );
  return { csv: `${HEADER}\n${rows.join('\n')}\n`, rows };
}

describe.each(DIALECTS)('a large import of other policies’ awards on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let officerUser: CurrentUser;

  const stored = async (policy: string) =>
    (
      await t.ctx.db
        .selectFrom('other_policy_awards')
        .select(['credit_code', 'policy', 'subject', 'amount', 'year'])
        .where('policy', '=', policy)
        .execute()
    )
      .map((r) => `${r.credit_code},${r.policy},${r.subject},${Number(r.amount)},${Number(r.year)}`)
      .sort();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    const u = await t.ctx.db.selectFrom('users').selectAll().where('id', '=', t.users.officer).executeTakeFirstOrThrow();
    officerUser = { id: u.id, username: u.username, displayName: u.display_name, role: u.role, creditCode: u.credit_code };
  });
  afterAll(async () => {
    await t.close();
  });

  it(`answers another request while it reads and checks ${ROWS.toLocaleString('en-US')} rows, and imports them all`, async () => {
    const { csv, rows } = districtFile(ROWS, '政策甲');
    const events: string[] = [];
    // The same context, with its transaction marked: the import writes only once the file is read and checked.
    const ctx: AppContext = {
      ...t.ctx,
      tx: (work) => {
        events.push('import writes');
        return t.ctx.tx(work);
      },
    };
    const importing = importOtherAwards(ctx, officerUser, csv).then((outcome) => {
      events.push('import done');
      return outcome;
    });
    // Sent once the import has started: it needs the database (the session, the calls).
    const reading = officer.get('/api/v1/calls').then((res) => {
      events.push('GET answered');
      return res;
    });
    const [outcome, res] = await Promise.all([importing, reading]);
    expect(res.statusCode).toBe(200);
    expect(events).toEqual(['GET answered', 'import writes', 'import done']);

    expect(outcome).toMatchObject({ rows: ROWS, amount: rows.reduce((sum, r) => sum + Number(r.split(',')[3]), 0) });
    expect(await stored('政策甲')).toEqual([...rows].sort());
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_id', '=', outcome.batchId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['other-policy-awards.import']);
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ rows: ROWS, amount: outcome.amount });
  }, 120_000);

  it('refuses rows already imported, all rows or none, naming the first lines and counting the rest', async () => {
    // The first 10,000 rows of the file imported above, and one new row: nothing is imported.
    const { rows } = districtFile(10_000, '政策甲');
    const csv = `${HEADER}\n${rows.join('\n')}\n${CODE_A},政策甲,S-NEW,1000,2026\n`;
    const res = await officer.request('POST', '/api/v1/other-policy-awards/import', {
      payload: csv,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toHaveLength(10_000);
    expect(res.json().issues[0]).toMatchObject({
      path: 'rows[2]',
      message: expect.stringContaining(`${CODE_A} 政策甲 S-000000 2026: already imported on`),
    });
    expect(res.json().error).toMatch(/^nothing was imported: 10000 problems in the file: rows\[2\]: .*; and 9990 more$/);
    expect(await stored('政策甲')).toHaveLength(ROWS);
  }, 120_000);

  it('refuses a large file with one bad row and one repeated row, naming both lines, and imports nothing', async () => {
    const { rows } = districtFile(20_000, '政策乙');
    rows[14_000] = `${CODE_A},政策乙,S-X,12.50,2026`;
    rows[19_000] = rows[3] ?? '';
    const csv = `${HEADER}\n${rows.join('\n')}\n`;
    const bad = await officer.request('POST', '/api/v1/other-policy-awards/import', {
      payload: csv,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([
      expect.objectContaining({ path: 'rows[14002].amount', message: expect.stringContaining('12.50 has fen') }),
    ]);

    rows[14_000] = `${CODE_A},政策乙,S-X,12,2026`;
    const repeated = await officer.request('POST', '/api/v1/other-policy-awards/import', {
      payload: `${HEADER}\n${rows.join('\n')}\n`,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().issues).toEqual([
      expect.objectContaining({ path: 'rows[19002]', message: expect.stringContaining('the same award as line 5') }),
    ]);
    expect(await stored('政策乙')).toEqual([]);
  }, 120_000);

  it('reads a broken CSV as one issue with its line, as before', async () => {
    const res = await officer.request('POST', '/api/v1/other-policy-awards/import', {
      payload: `${HEADER}\n${CODE_A},政策丙,"S-1,1000,2026\n`,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      expect.objectContaining({ path: expect.stringMatching(/^rows\[\d+\]$/), message: expect.stringContaining('not readable as CSV') }),
    ]);
  });
});
