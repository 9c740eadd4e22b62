import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwardStatus } from '../db/schema.js';
import { insertApplication, insertCall } from '../review/test-fixtures.js';
import { type Client, CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';

/** A third enterprise whose name holds LIKE's wildcards, to show the search takes them literally. */
const CODE_C = '91110106MA0000K05X';
const NAME_C = '丰台百分_100%科技有限公司';

interface Row {
  creditCode: string;
  enterpriseName: string;
  measure: string;
  subject: string | null;
  year: number;
  amount: number;
  status: string;
  callId: string;
}
interface LedgerPage {
  rows: Row[];
  total: number;
  page: { limit: number; next: string | null; total: number };
}
interface OtherPage {
  awards: { id: string; creditCode: string; policy: string; subject: string | null; amount: number; year: number }[];
  total: number;
  page: { limit: number; next: string | null; total: number };
}

/** The awards written: 15 of them over three enterprises and two calls, some at the same instant, some of the same amount. */
interface Award {
  id: string;
  code: string;
  call: 0 | 1;
  measure: string;
  subject: string;
  amount: number;
  status: AwardStatus;
  createdAt: string;
}
const CODES = [CODE_A, CODE_B, CODE_C] as const;
const MEASURES = ['4.3', '5.1', '6.2a'] as const;
const STATUSES: AwardStatus[] = ['committed', 'final', 'paid'];
const AWARDS: Award[] = Array.from({ length: 15 }, (_, i) => ({
  id: `aw${String(i).padStart(2, '0')}`,
  code: CODES[i % 3] as string,
  call: (i % 5 === 4 ? 1 : 0) as 0 | 1,
  measure: MEASURES[Math.floor(i / 3) % 3] as string,
  subject: `S-${i}`,
  amount: ((i * 7) % 5) * 10_000 + 10_000,
  status: STATUSES[Math.floor(i / 5)] as AwardStatus,
  // Three awards to an instant: the id breaks the tie.
  createdAt: `2027-03-1${Math.floor(i / 3)}T02:00:00.000Z`,
}));

const byCreatedDesc = (a: Award, b: Award) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
const byAmountAsc = (a: Award, b: Award) => a.amount - b.amount || a.id.localeCompare(b.id);
const sum = (awards: Award[]) => awards.reduce((s, a) => s + a.amount, 0);

describe.each(DIALECTS)('ledger and other awards pages on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  const callIds: string[] = [];
  /** The award ids of a page, as subjects (S-n) name them. */
  const subjects = (awards: Award[]) => awards.map((a) => a.subject);
  const get = async <T>(c: Client, url: string) => {
    const res = await c.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };
  /** Every row the query matches, page after page (the subjects, in order), and how many pages it took. */
  const walk = async (c: Client, query: string) => {
    const seen: (string | null)[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: LedgerPage = await get<LedgerPage>(c, `/api/v1/ledger?${query}${after ? `&after=${after}` : ''}`);
      seen.push(...page.rows.map((r) => r.subject));
      after = page.page.next;
      pages++;
    } while (after !== null && pages < 50);
    return { seen, pages };
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    const at = t.ctx.now();
    await t.ctx.db
      .insertInto('enterprises')
      .values({ credit_code: CODE_C, name: NAME_C, profile_json: '{}', created_at: at, updated_at: at })
      .execute();
    callIds.push(await insertCall(t.ctx, { year: 2026, totalBudget: 10_000_000, createdBy: t.users.officer }));
    callIds.push(await insertCall(t.ctx, { year: 2025, totalBudget: 10_000_000, createdBy: t.users.officer }));
    const apps = new Map<string, string>();
    for (const a of AWARDS) {
      const key = `${a.code}|${a.call}`;
      if (!apps.has(key))
        apps.set(
          key,
          await insertApplication(t.ctx, {
            callId: callIds[a.call] as string,
            creditCode: a.code,
            status: 'approved',
            items: [],
            createdBy: t.users.officer,
          }),
        );
      await t.ctx.db
        .insertInto('awards')
        .values({
          id: a.id,
          credit_code: a.code,
          measure: a.measure,
          subject: a.subject,
          year: a.call === 0 ? 2026 : 2025,
          amount: a.amount,
          call_id: callIds[a.call] as string,
          application_id: apps.get(key) as string,
          status: a.status,
          created_at: a.createdAt,
          paid_at: a.status === 'paid' ? '2027-04-01' : null,
        })
        .execute();
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('pages the ledger newest first, every award once, with the sum of all it matches', async () => {
    const first = await get<LedgerPage>(officer, '/api/v1/ledger?limit=4');
    expect(first.page).toMatchObject({ limit: 4, total: 15 });
    expect(first.total).toBe(sum(AWARDS));
    expect(first.rows).toHaveLength(4);
    const walked = await walk(officer, 'limit=4');
    expect(walked.seen).toEqual(subjects([...AWARDS].sort(byCreatedDesc)));
    expect(walked.pages).toBe(4);
    expect((await walk(officer, 'limit=4&order=asc')).seen).toEqual(subjects([...AWARDS].sort(byCreatedDesc).reverse()));
    // By amount, smallest first: equal amounts in id order.
    expect((await walk(officer, 'limit=6&sort=amount&order=asc')).seen).toEqual(subjects([...AWARDS].sort(byAmountAsc)));
    expect((await walk(officer, 'limit=5&sort=amount')).seen).toEqual(subjects([...AWARDS].sort(byAmountAsc).reverse()));
    // A row shows its enterprise's name.
    expect(first.rows[0]).toMatchObject({ creditCode: CODE_C, enterpriseName: NAME_C, year: 2025 });
  });

  it('filters the ledger by call, enterprise, measure, status and year, and searches names and credit codes', async () => {
    const expectMatch = async (query: string, pick: (a: Award) => boolean) => {
      const matched = AWARDS.filter(pick).sort(byCreatedDesc);
      expect((await walk(officer, `limit=2&${query}`)).seen, query).toEqual(subjects(matched));
      const first = await get<LedgerPage>(officer, `/api/v1/ledger?limit=2&${query}`);
      // The sum and the count of the awards matched (one aggregate), with and without the search.
      expect(first.total, query).toBe(sum(matched));
      expect(first.page.total, query).toBe(matched.length);
    };
    await expectMatch(`callId=${callIds[1]}`, (a) => a.call === 1);
    await expectMatch('year=2026', (a) => a.call === 0);
    await expectMatch(`creditCode=${CODE_B}`, (a) => a.code === CODE_B);
    await expectMatch('measure=5.1&status=final', (a) => a.measure === '5.1' && a.status === 'final');
    await expectMatch(`callId=${callIds[0]}&status=paid`, (a) => a.call === 0 && a.status === 'paid');
    // Search: any part of the name, the start of the credit code (in any case), wildcards taken literally.
    await expectMatch(`q=${encodeURIComponent('测试甲')}`, (a) => a.code === CODE_A);
    await expectMatch(`q=${CODE_B.slice(0, 17).toLowerCase()}`, (a) => a.code === CODE_B);
    await expectMatch(`q=${encodeURIComponent('_100%')}`, (a) => a.code === CODE_C);
    await expectMatch(`q=${encodeURIComponent('%')}`, (a) => a.code === CODE_C);
    await expectMatch(`q=${encodeURIComponent('科技')}`, () => true);
    await expectMatch('q=K01C', () => false);
    expect(await get(officer, `/api/v1/ledger?measure=9.9`)).toEqual({ rows: [], total: 0, page: { limit: 50, next: null, total: 0 } });
  });

  it('keeps an applicant to its own enterprise while paging and searching', async () => {
    const applicantB = await t.login('applicantB');
    const own = await walk(applicantB, 'limit=2');
    expect(own.seen).toEqual(subjects(AWARDS.filter((a) => a.code === CODE_B).sort(byCreatedDesc)));
    expect((await get<LedgerPage>(applicantB, `/api/v1/ledger?q=${encodeURIComponent('测试甲')}`)).rows).toEqual([]);
  });

  it('refuses an unknown sort or status, and a cursor of another sort', async () => {
    const badSort = await officer.get('/api/v1/ledger?sort=name');
    expect(badSort.statusCode).toBe(400);
    expect(badSort.json().issues.map((i: { path: string }) => i.path)).toEqual(['query.sort']);
    expect((await officer.get('/api/v1/ledger?status=lost')).json().issues.map((i: { path: string }) => i.path)).toEqual(['query.status']);
    const next = (await get<LedgerPage>(officer, '/api/v1/ledger?limit=2')).page.next;
    const mixed = await officer.get(`/api/v1/ledger?limit=2&sort=amount&after=${next}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().issues.map((i: { path: string }) => i.path)).toEqual(['after']);
    expect((await officer.get('/api/v1/ledger?q=')).statusCode).toBe(400);
  });

  describe('other policies’ awards', () => {
    /** Imported in two batches a minute apart: 9 awards. */
    const imported: { subject: string; code: string; policy: string; amount: number; year: number; batch: number }[] = [];
    const batchIds: string[] = [];

    beforeAll(async () => {
      for (const [batch, day] of [
        [0, '2027-03-15T02:01:00Z'],
        [1, '2027-03-15T02:02:00Z'],
      ] as const) {
        t.clock.set(day);
        const rows = Array.from({ length: batch === 0 ? 5 : 4 }, (_, i) => {
          const n = batch * 10 + i;
          const row = {
            subject: `OT-${n}`,
            code: (i % 2 === 0 ? CODE_A : CODE_B) as string,
            policy: i % 2 === 0 ? '丰台区首台套支持政策' : '丰台区应用场景建设支持政策',
            amount: (n % 4) * 100_000 + 50_000,
            year: 2024 + (i % 3),
            batch,
          };
          imported.push(row);
          return `${row.code},${row.policy},${row.subject},${row.amount},${row.year}`;
        });
        const res = await officer.post('/api/v1/other-policy-awards/import', {
          csv: ['统一社会信用代码,政策名称,支持对象,金额（元）,年度', ...rows].join('\n'),
        });
        expect(res.statusCode, res.body).toBe(201);
        batchIds.push(res.json().batchId);
      }
    });

    const walkOther = async (query: string) => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: OtherPage = await get<OtherPage>(officer, `/api/v1/other-policy-awards?${query}${after ? `&after=${after}` : ''}`);
        seen.push(...page.awards.map((a) => a.subject ?? ''));
        after = page.page.next;
        pages++;
      } while (after !== null && pages < 50);
      return seen;
    };

    it('pages newest import first, every award once, with the sum of all it matches', async () => {
      const first = await get<OtherPage>(officer, '/api/v1/other-policy-awards?limit=2');
      expect(first.page).toMatchObject({ limit: 2, total: 9 });
      expect(first.total).toBe(imported.reduce((s, a) => s + a.amount, 0));
      const seen = await walkOther('limit=2');
      expect(seen).toHaveLength(9);
      expect(new Set(seen).size).toBe(9);
      // The second batch, imported later, comes first.
      expect(seen.slice(0, 4).sort()).toEqual(['OT-10', 'OT-11', 'OT-12', 'OT-13']);
      expect(await walkOther('limit=4&order=asc')).toEqual([...seen].reverse());
      const amounts = (await walkOther('limit=3&sort=amount')).map((s) => imported.find((a) => a.subject === s)?.amount);
      expect(amounts).toEqual([...amounts].sort((a, b) => (b ?? 0) - (a ?? 0)));
    });

    it('filters by enterprise, batch and year, and searches names, policies, credit codes and subjects', async () => {
      const expectMatch = async (query: string, pick: (a: (typeof imported)[number]) => boolean) => {
        const matched = imported.filter(pick);
        expect((await walkOther(`limit=2&${query}`)).sort(), query).toEqual(matched.map((a) => a.subject).sort());
        expect((await get<OtherPage>(officer, `/api/v1/other-policy-awards?${query}`)).total, query).toBe(
          matched.reduce((s, a) => s + a.amount, 0),
        );
      };
      await expectMatch(`creditCode=${CODE_B}`, (a) => a.code === CODE_B);
      await expectMatch(`batchId=${batchIds[0]}`, (a) => a.batch === 0);
      await expectMatch('year=2025', (a) => a.year === 2025);
      await expectMatch(`creditCode=${CODE_A}&year=2024`, (a) => a.code === CODE_A && a.year === 2024);
      await expectMatch(`q=${encodeURIComponent('应用场景')}`, (a) => a.policy === '丰台区应用场景建设支持政策');
      await expectMatch(`q=${encodeURIComponent('测试乙')}`, (a) => a.code === CODE_B);
      await expectMatch('q=ot-1', (a) => a.subject.startsWith('OT-1'));
      await expectMatch('q=OT-12', (a) => a.subject === 'OT-12');
      await expectMatch(`q=${CODE_A}`, (a) => a.code === CODE_A);
      const badYear = await officer.get('/api/v1/other-policy-awards?year=24');
      expect(badYear.json().issues.map((i: { path: string }) => i.path)).toEqual(['query.year']);
    });
  });
});
