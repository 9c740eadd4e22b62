import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { appendAudit } from './append-audit.js';

interface Entry {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  actorName?: string | null;
  actorRole?: string | null;
  entityLabel?: string | null;
}
interface Page {
  entries: Entry[];
  page: { limit: number; next: string | null; total: number };
}

/**
 * The entries this suite writes, oldest first: two operators, three actions, two entities, on
 * Beijing dates 2027-03-10 to 2027-03-12 (16:00Z is midnight in Beijing).
 */
const WRITTEN = [
  { at: '2027-03-09T16:00:00.000Z', who: 'officer', action: 'call.create', entity: 'call', entityId: 'C-1' }, // 03-10 00:00
  { at: '2027-03-10T03:00:00.000Z', who: 'officer', action: 'call.update', entity: 'call', entityId: 'C-1' }, // 03-10 11:00
  { at: '2027-03-10T15:59:59.999Z', who: 'admin', action: 'call.update', entity: 'call', entityId: 'C-2' }, // 03-10 23:59
  { at: '2027-03-10T16:00:00.000Z', who: 'admin', action: 'user.create', entity: 'user', entityId: 'U-1' }, // 03-11 00:00
  { at: '2027-03-11T08:00:00.000Z', who: 'officer', action: 'call.update', entity: 'call', entityId: 'C-1' }, // 03-11 16:00
  { at: '2027-03-12T01:00:00.000Z', who: 'officer', action: 'user.create', entity: 'user', entityId: 'U-2' }, // 03-12 09:00
  { at: '2027-03-12T02:00:00.000Z', who: 'admin', action: 'call.create', entity: 'call', entityId: 'C-2' }, // 03-12 10:00
] as const;

describe.each(DIALECTS)('audit log pages on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  /** The seq of each WRITTEN entry. */
  let seqs: number[];
  const ids = (page: Page) => page.entries.map((e) => e.seq);
  const get = async (query: string) => {
    const res = await officer.get(`/api/v1/audit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  /** Every entry the query matches, page after page. */
  const all = async (query: string) => {
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = await get(`${query}${after ? `&after=${after}` : ''}`);
      seen.push(...ids(page));
      after = page.page.next;
      pages++;
    } while (after !== null && pages < 50);
    return { seen, pages };
  };
  const written = (pick: (w: (typeof WRITTEN)[number]) => boolean) => WRITTEN.flatMap((w, i) => (pick(w) ? [seqs[i] as number] : []));

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    seqs = [];
    for (const w of WRITTEN) {
      await t.ctx.tx((trx) =>
        appendAudit(
          trx,
          { actorId: t.users[w.who], action: w.action, entity: w.entity, entityId: w.entityId, before: null, after: { w } },
          w.at,
        ),
      );
      const head = await t.ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirstOrThrow();
      seqs.push(Number(head.seq));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('pages newest first, every entry once, and oldest first when asked', async () => {
    const total = Number(
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const first = await get('limit=3');
    expect(first.page).toMatchObject({ limit: 3, total });
    expect(first.entries).toHaveLength(3);
    const desc = await all('limit=3');
    expect(desc.seen).toHaveLength(total);
    expect(desc.seen).toEqual([...desc.seen].sort((a, b) => b - a));
    expect(desc.pages).toBe(Math.ceil(total / 3));
    const asc = await all('limit=4&order=asc');
    expect(asc.seen).toEqual([...desc.seen].reverse());
  });

  it('filters by Beijing dates, operator, action and entity, in the database', async () => {
    // Beijing 2027-03-11 runs from 2027-03-10T16:00Z to 2027-03-11T16:00Z.
    expect((await all('from=2027-03-11&to=2027-03-11&limit=2')).seen).toEqual(
      written((w) => w.at >= '2027-03-10T16:00:00.000Z' && w.at < '2027-03-11T16:00:00.000Z').reverse(),
    );
    expect((await all('from=2027-03-10&to=2027-03-10')).seen).toEqual(written((w) => w.at < '2027-03-10T16:00:00.000Z').reverse());
    // The harness's own entries (its users, at 2027-03-15) lie after `to`.
    expect((await get('to=2027-03-12')).page.total).toBe(WRITTEN.length);
    expect((await all('from=2027-03-12&to=2027-03-12')).seen).toEqual(written((w) => w.at >= '2027-03-11T16:00:00.000Z').reverse());
    expect((await all(`actorId=${t.users.admin}&limit=2`)).seen).toEqual(written((w) => w.who === 'admin').reverse());
    expect((await all(`actorId=${t.users.officer}&action=call.update&limit=1`)).seen).toEqual(
      written((w) => w.who === 'officer' && w.action === 'call.update').reverse(),
    );
    expect((await all('entity=call&entityId=C-2')).seen).toEqual(written((w) => w.entityId === 'C-2').reverse());
    const users = await get('entity=user&to=2027-03-12&order=asc');
    expect(users.entries.map((e) => [e.action, e.entityId])).toEqual([
      ['user.create', 'U-1'],
      ['user.create', 'U-2'],
    ]);
    expect(users.page).toMatchObject({ total: 2, next: null });
    expect(await get('action=no.such')).toEqual({ entries: [], page: { limit: 50, next: null, total: 0 } });
  });

  it('names each operator and role, and each record that has a name (export-audit-xlsx.test.ts: every kind)', async () => {
    const page = await get('to=2027-03-12&order=asc');
    expect(page.entries.map((e) => [e.actorName, e.actorRole])).toEqual(
      WRITTEN.map((w) => (w.who === 'admin' ? ['admin', 'admin'] : ['officer', 'officer'])),
    );
    // C-1, U-1…: no such call or user, so no name; the number stays.
    expect(page.entries.map((e) => e.entityLabel)).toEqual(WRITTEN.map(() => null));
    expect(page.entries.map((e) => e.entityId)).toEqual(WRITTEN.map((w) => w.entityId));
    // The harness's users: written by no one (the system), each named by its display name.
    const users = await get('from=2027-03-13&entity=user&order=asc');
    expect(users.entries.slice(0, 2).map((e) => [e.actorName, e.actorRole, e.entityLabel])).toEqual([
      [null, null, 'admin'],
      [null, null, 'officer'],
    ]);
  });

  it('refuses a bad date, a range backwards, and a cursor of another list', async () => {
    const bad = await officer.get('/api/v1/audit?from=2027-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['query.from']);
    const backwards = await officer.get('/api/v1/audit?from=2027-03-12&to=2027-03-11');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().issues).toMatchObject([{ path: 'query.to', message: 'expected a date on or after from (2027-03-12)' }]);
    const otherSort = Buffer.from(JSON.stringify(['created', '2027-03-10', 'x'])).toString('base64url');
    const cursor = await officer.get(`/api/v1/audit?after=${otherSort}`);
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().issues.map((i: { path: string }) => i.path)).toEqual(['after']);
    expect((await officer.get('/api/v1/audit?limit=501')).statusCode).toBe(400);
    expect((await officer.get('/api/v1/audit?before=3')).statusCode).toBe(400);
    expect((await (await t.login('applicantA')).get('/api/v1/audit')).statusCode).toBe(403);
  });
});
