import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../audit/verify-audit.js';
import { type Client, CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { ALLOCATION_SHEET, ALLOCATION_SUMMARY_SHEET } from './export-allocation-xlsx.js';
import { seedAllocationCall } from './seed-allocation.js';

interface Item {
  measure: string;
  subject: string;
  article: number;
  approved: number;
  allocated: number;
}
interface Planned {
  applicationId: string;
  creditCode: string;
  submittedAt: string | null;
  approved: number;
  allocated: number;
  items: Item[];
}
interface Page {
  applications: Planned[];
  page: { limit: number; next: string | null; total: number };
}

/** A reference item, read the plain way: one application at a time. */
interface RefItem {
  key: string;
  article: number;
  approved: number;
  score: number | null;
  order: string;
  allocated: number;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rule written as plainly as possible (article budgets first, then the total; largest
 * remainder: larger remainder, larger amount, earlier submission, key; score: higher score, null
 * last, earlier submission, key), against which the set-based plan is checked.
 */
function reference(
  items: RefItem[],
  total: number,
  perArticle: Record<number, number>,
  method: 'proportional' | 'score',
): Map<string, number> {
  const amount = new Map(items.map((i) => [i.key, i.approved]));
  const reduce = (scope: RefItem[], limit: number) => {
    const sum = scope.reduce((s, i) => s + (amount.get(i.key) ?? 0), 0);
    if (sum <= limit) return;
    if (method === 'score') {
      const ranked = [...scope].sort(
        (a, b) =>
          (a.score === b.score ? 0 : a.score === null ? 1 : b.score === null ? -1 : b.score - a.score) ||
          byCodeUnits(a.order, b.order) ||
          byCodeUnits(a.key, b.key),
      );
      let left = limit;
      for (const i of ranked) {
        const give = Math.min(amount.get(i.key) ?? 0, left);
        left -= give;
        amount.set(i.key, give);
      }
      return;
    }
    const shares = scope.map((i) => {
      const w = BigInt(amount.get(i.key) ?? 0);
      const q = BigInt(limit) * w;
      return { i, w, floor: q / BigInt(sum), rem: q % BigInt(sum) };
    });
    let leftover = BigInt(limit) - shares.reduce((s, x) => s + x.floor, 0n);
    shares.sort(
      (a, b) =>
        (a.rem === b.rem ? 0 : a.rem > b.rem ? -1 : 1) ||
        (a.w === b.w ? 0 : a.w > b.w ? -1 : 1) ||
        byCodeUnits(a.i.order, b.i.order) ||
        byCodeUnits(a.i.key, b.i.key),
    );
    for (const x of shares) {
      amount.set(x.i.key, Number(x.floor + (leftover > 0n ? 1n : 0n)));
      if (leftover > 0n) leftover -= 1n;
    }
  };
  for (const article of Object.keys(perArticle)
    .map(Number)
    .sort((a, b) => a - b)) {
    reduce(
      items.filter((i) => i.article === article),
      perArticle[article] ?? 0,
    );
  }
  reduce(items, total);
  return amount;
}

describe.each(DIALECTS)('allocation of a large call on %s', (dialect) => {
  const COUNT = 2_000;
  let t: TestApp;
  let officer: Client;
  let callId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    ({ callId } = await seedAllocationCall(t.ctx, { count: COUNT, createdBy: t.users.officer, creditCodes: [CODE_A, CODE_B] }));
  });
  afterAll(async () => {
    await t.close();
  });

  /** Every page of `url` (limit 500), following page.next. */
  const allPages = async (url: string): Promise<{ applications: Planned[]; pages: number; total: number }> => {
    const applications: Planned[] = [];
    let after: string | null = null;
    let pages = 0;
    let total = 0;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const res = await officer.get(`${url}${sep}limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const page = res.json() as Page;
      applications.push(...page.applications);
      after = page.page.next;
      total = page.page.total;
      pages += 1;
    } while (after !== null);
    return { applications, pages, total };
  };

  /** The reference plan, reading the call the plain way: the waiting applications, then each one's items. */
  const referencePlan = async (method: 'proportional' | 'score') => {
    const call = await t.ctx.db.selectFrom('calls').select('total_budget').where('id', '=', callId).executeTakeFirstOrThrow();
    const budgets = await t.ctx.db.selectFrom('call_budgets').select(['article', 'budget']).where('call_id', '=', callId).execute();
    const apps = await t.ctx.db
      .selectFrom('applications')
      .select(['id', 'score', 'submitted_at'])
      .where('call_id', '=', callId)
      .where('status', '=', 'approved')
      .execute();
    const items: RefItem[] = [];
    for (const a of apps) {
      const mine = await t.ctx.db
        .selectFrom('application_items')
        .select(['measure', 'subject', 'article', 'approved_amount'])
        .where('application_id', '=', a.id)
        .execute();
      for (const i of mine) {
        if (Number(i.approved_amount ?? 0) <= 0) continue;
        items.push({
          key: `${a.id}|${i.measure}|${i.subject}`,
          article: Number(i.article),
          approved: Number(i.approved_amount),
          score: a.score === null ? null : Number(a.score),
          order: `${a.submitted_at ?? ''}|${a.id}`,
          allocated: 0,
        });
      }
    }
    const perArticle = Object.fromEntries(budgets.map((b) => [Number(b.article), Number(b.budget)]));
    return { apps, items, amounts: reference(items, Number(call.total_budget), perArticle, method), total: Number(call.total_budget) };
  };

  const keyed = (applications: Planned[]) =>
    new Map(applications.flatMap((a) => a.items.map((i) => [`${a.applicationId}|${i.measure}|${i.subject}`, i.allocated] as const)));

  /** The 分配明细 sheet read back: one [applicationId, measure, subject, approved, allocated] per item row. */
  const readWorkbook = async (body: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(ALLOCATION_SHEET);
    const summary = workbook.getWorksheet(ALLOCATION_SUMMARY_SHEET);
    const rows: [string, string, string, number, number][] = [];
    let totalRow: unknown[] = [];
    sheet?.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.values as unknown[];
      if (v[2] === '合计') totalRow = v;
      else rows.push([String(v[4]), String(v[7] ?? ''), String(v[9] ?? ''), Number(v[11]), Number(v[12])]);
    });
    const figures = new Map<string, unknown>();
    summary?.eachRow((row, n) => {
      if (n > 1) figures.set(String((row.values as unknown[])[1]), (row.values as unknown[])[2]);
    });
    return { rows, totalRow, figures };
  };

  it('plans exactly what the plain reference computes, by score too', async () => {
    for (const method of ['proportional', 'score'] as const) {
      const preview = await officer.post(`/api/v1/calls/${callId}/allocation/preview`, { method });
      expect(preview.statusCode).toBe(200);
      const body = preview.json();
      const ref = await referencePlan(method);
      const all = await allPages(`/api/v1/calls/${callId}/allocation/applications?method=${method}&plan=${body.planId}`);
      expect(all.applications.slice(0, 50)).toEqual(body.applications);
      expect(all.total).toBe(ref.apps.length);
      expect(all.applications).toHaveLength(ref.apps.length);
      expect(all.pages).toBe(Math.ceil(ref.apps.length / 500));
      expect(Object.fromEntries(keyed(all.applications))).toEqual(Object.fromEntries(ref.amounts));
      // The budget binds: everything it holds is given, to the yuan.
      const allocated = [...ref.amounts.values()].reduce((s, v) => s + v, 0);
      expect(allocated).toBe(ref.total);
      expect(body.summary).toMatchObject({
        applications: ref.apps.length,
        items: ref.items.length,
        approved: ref.items.reduce((s, i) => s + i.approved, 0),
        allocated,
        oversubscribed: true,
        awards: [...ref.amounts.values()].filter((v) => v > 0).length,
      });
      // Pages come in keyset order: submission time, then id; each application's sums add up.
      const order = all.applications.map((a) => [a.submittedAt ?? '', a.applicationId] as const);
      const sorted = [...order].sort(([s1, i1], [s2, i2]) => byCodeUnits(s1, s2) || byCodeUnits(i1, i2));
      expect(order).toEqual(sorted);
      for (const a of all.applications) expect(a.allocated).toBe(a.items.reduce((s, i) => s + i.allocated, 0));
    }
  });

  it('pages the plan by its id and refuses a cursor or a plan it does not know', async () => {
    const preview = (await officer.post(`/api/v1/calls/${callId}/allocation/preview`, { method: 'proportional' })).json();
    expect(preview.page).toMatchObject({ limit: 50, total: preview.summary.applications });
    const url = `/api/v1/calls/${callId}/allocation/applications?method=proportional`;
    const second = await officer.get(`${url}&plan=${preview.planId}&limit=50&after=${encodeURIComponent(preview.page.next)}`);
    expect(second.statusCode).toBe(200);
    const ids = new Set(preview.applications.map((a: Planned) => a.applicationId));
    expect(second.json().applications).toHaveLength(50);
    expect(second.json().applications.filter((a: Planned) => ids.has(a.applicationId))).toEqual([]);
    // Without `plan` the plan is computed again; the same data gives the same plan.
    const fresh = await officer.get(`${url}&limit=50&after=${encodeURIComponent(preview.page.next)}`);
    expect(fresh.json()).toEqual(second.json());

    const stale = await officer.get(`${url}&plan=${'f'.repeat(64)}`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toContain('preview again');
    const badCursor = await officer.get(`${url}&after=not-a-cursor`);
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().issues.map((i: { path: string }) => i.path)).toEqual(['after']);
    const badMethod = await officer.get(`/api/v1/calls/${callId}/allocation/applications?method=lottery`);
    expect(badMethod.statusCode).toBe(400);
    const applicant = await t.login('applicantA');
    expect((await applicant.get(`${url}`)).statusCode).toBe(403);
    expect((await applicant.get(`/api/v1/calls/${callId}/allocation/export.xlsx?method=score`)).statusCode).toBe(403);
  });

  it('exports the whole plan as a workbook equal to the plan', async () => {
    const preview = (await officer.post(`/api/v1/calls/${callId}/allocation/preview`, { method: 'proportional' })).json();
    const all = await allPages(`/api/v1/calls/${callId}/allocation/applications?method=proportional&plan=${preview.planId}`);
    const res = await officer.get(`/api/v1/calls/${callId}/allocation/export.xlsx?method=proportional&plan=${preview.planId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const book = await readWorkbook(res.rawPayload);
    const expected = all.applications.flatMap((a) =>
      a.items.length === 0
        ? [[a.applicationId, '', '', 0, 0]]
        : a.items.map((i) => [a.applicationId, i.measure, i.subject, i.approved, i.allocated]),
    );
    expect(book.rows).toEqual(expected);
    expect(book.totalRow[11]).toBe(preview.summary.approved);
    expect(book.totalRow[12]).toBe(preview.summary.allocated);
    expect(book.figures.get('方案校验值（SHA-256）')).toBe(preview.planId);
    expect(book.figures.get('分配金额合计（元）')).toBe(preview.summary.allocated);
    // The amounts keep their format and the texts none (each column's one style, shared by its cells).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(ALLOCATION_SHEET);
    expect([sheet?.getCell('K2').numFmt, sheet?.getCell('L2').numFmt, sheet?.getCell(`L${expected.length + 1}`).numFmt]).toEqual([
      '#,##0',
      '#,##0',
      '#,##0',
    ]);
    expect(sheet?.getCell('B2').numFmt).toBeUndefined();
  });

  it('commits in batches what the preview showed, with a small audit entry and key, and pages and exports it', async () => {
    const preview = (await officer.post(`/api/v1/calls/${callId}/allocation/preview`, { method: 'proportional' })).json();
    const planned = await allPages(`/api/v1/calls/${callId}/allocation/applications?method=proportional&plan=${preview.planId}`);
    const ref = await referencePlan('proportional');

    // A commit of a plan the data no longer gives writes nothing.
    const wrong = await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional', planId: 'a'.repeat(64) });
    expect(wrong.statusCode).toBe(409);
    expect(await t.ctx.db.selectFrom('awards').select('id').where('call_id', '=', callId).execute()).toEqual([]);

    const commit = await officer.post(
      `/api/v1/calls/${callId}/allocation/commit`,
      { method: 'proportional', planId: preview.planId },
      { idempotencyKey: 'scale-commit-0001' },
    );
    expect(commit.statusCode, commit.body.slice(0, 300)).toBe(201);
    const c = commit.json();
    expect(c.summary).toEqual(preview.summary);
    expect(c.applications).toEqual(preview.applications);
    expect(c.awards).toBe(preview.summary.awards);

    const items = await t.ctx.db
      .selectFrom('application_items as i')
      .innerJoin('applications as a', 'a.id', 'i.application_id')
      .select(['i.application_id', 'i.measure', 'i.subject', 'i.approved_amount', 'i.allocated_amount'])
      .where('a.call_id', '=', callId)
      .where('a.status', '=', 'approved')
      .execute();
    for (const i of items) {
      const key = `${i.application_id}|${i.measure}|${i.subject}`;
      expect([key, Number(i.allocated_amount)]).toEqual([key, ref.amounts.get(key) ?? 0]);
    }
    const awards = await t.ctx.db
      .selectFrom('awards')
      .select(['application_id', 'measure', 'subject', 'amount'])
      .where('call_id', '=', callId)
      .execute();
    expect(awards).toHaveLength(c.awards);
    expect(Object.fromEntries(awards.map((w) => [`${w.application_id}|${w.measure}|${w.subject}`, Number(w.amount)]))).toEqual(
      Object.fromEntries([...ref.amounts].filter(([, v]) => v > 0)),
    );
    const totals = await t.ctx.db
      .selectFrom('applications')
      .select(['id', 'allocated_total'])
      .where('call_id', '=', callId)
      .where('status', '=', 'approved')
      .execute();
    const byApp = new Map(planned.applications.map((a) => [a.applicationId, a.allocated]));
    for (const a of totals) expect([a.id, Number(a.allocated_total)]).toEqual([a.id, byApp.get(a.id)]);

    // The audit entry and the idempotency key hold a summary, not the plan.
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'allocation.commit')
      .where('entity_id', '=', c.allocationId)
      .executeTakeFirstOrThrow();
    expect(audit.after_json?.length).toBeLessThan(2_000);
    expect(JSON.parse(audit.after_json ?? '{}')).toMatchObject({
      planId: preview.planId,
      applications: preview.summary.applications,
      items: preview.summary.items,
      awards: c.awards,
      total: preview.summary.allocated,
    });
    const key = await t.ctx.db
      .selectFrom('idempotency_keys')
      .select('response_json')
      .where('key', '=', 'scale-commit-0001')
      .executeTakeFirstOrThrow();
    // One page of 50 applications (the whole plan's answer was ~800 bytes an application, 1.2 MB here).
    expect(c.applications).toHaveLength(50);
    expect(key.response_json.length).toBeLessThan(64_000);
    const retry = await officer.post(
      `/api/v1/calls/${callId}/allocation/commit`,
      { method: 'proportional', planId: preview.planId },
      { idempotencyKey: 'scale-commit-0001' },
    );
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(c);
    expect(await verifyAudit(t.ctx.db)).toMatchObject({ ok: true });

    // The committed allocation pages and exports from the tables, as the preview showed it.
    const committed = await allPages(`/api/v1/allocations/${c.allocationId}/applications`);
    expect(committed.applications).toEqual(planned.applications);
    const next = await officer.get(`/api/v1/allocations/${c.allocationId}/applications?after=${encodeURIComponent(c.page.next)}`);
    expect(next.json().applications).toEqual(planned.applications.slice(50, 100));
    const res = await officer.get(`/api/v1/allocations/${c.allocationId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const book = await readWorkbook(res.rawPayload);
    expect(book.rows).toEqual(
      planned.applications.flatMap((a) =>
        a.items.length === 0
          ? [[a.applicationId, '', '', 0, 0]]
          : a.items.map((i) => [a.applicationId, i.measure, i.subject, i.approved, i.allocated]),
      ),
    );
    expect(book.figures.get('分配记录编号')).toBe(c.allocationId);
    expect((await officer.get('/api/v1/allocations/none/applications')).statusCode).toBe(404);
    expect((await officer.get('/api/v1/allocations/none/export.xlsx')).statusCode).toBe(404);
  });
});
