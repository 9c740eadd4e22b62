import type { AppContext } from '../context.js';
import type { ApplicationStatus } from '../db/schema.js';
import { newId } from '../ids.js';

/*
 * Test data for the notice tests. Until the application, review and allocation routes land, these
 * put applications straight into the states the notice needs, with the rows those routes write:
 * application items with approved and allocated amounts, the allocated total, and one `awards`
 * row per item allocated above 0 (status committed), as the allocation commit writes them. The
 * amounts are fixed figures within each measure's cap, as an approval and allocation could give.
 */

/** What the fixtures need of a test app (structurally the harness's TestApp, without importing it). */
export interface FixtureApp {
  readonly ctx: AppContext;
  readonly users: { readonly officer: string; readonly applicantA: string; readonly applicantB: string };
  login(username: string): Promise<{ post(url: string, body?: unknown): Promise<{ statusCode: number; body: string; json(): unknown }> }>;
}

export interface FixtureItem {
  readonly measure: string;
  /** The tier for 5.1; '' for other enterprise-level measures. */
  readonly subject: string;
  readonly article: number;
  readonly review: boolean;
  readonly engineAmount: number;
  /** null: not approved yet. */
  readonly approvedAmount: number | null;
  /** null: not allocated yet. */
  readonly allocatedAmount: number | null;
}

export interface FixtureApplication {
  readonly callId: string;
  readonly year: number;
  /** The applicant account (its enterprise is the applicant). */
  readonly applicantId: string;
  readonly status: ApplicationStatus;
  readonly items: readonly FixtureItem[];
}

/** Opens a call through the API, as an officer does. */
export async function openCall(t: FixtureApp, year = 2026): Promise<string> {
  const officer = await t.login('officer');
  const res = await officer.post('/api/v1/calls', {
    year,
    title: `${year + 1}年度人工智能科技创新和产业创新融合发展支持资金申报`,
    opensOn: '2027-03-01',
    closesOn: '2027-04-30',
    totalBudget: 5_000_000,
  });
  if (res.statusCode !== 201) throw new Error(`open call: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** Writes an application with its items (and awards for allocated items) directly. Returns its id. */
export async function insertApplication(ctx: AppContext, a: FixtureApplication): Promise<string> {
  const user = await ctx.db.selectFrom('users').select(['credit_code']).where('id', '=', a.applicantId).executeTakeFirstOrThrow();
  if (!user.credit_code) throw new Error('fixture: expected an applicant account');
  const creditCode = user.credit_code;
  const id = newId();
  const at = ctx.now();
  const isAllocated = a.items.every((i) => i.allocatedAmount !== null);
  const sum = (pick: (i: FixtureItem) => number | null) => a.items.reduce((s, i) => s + (pick(i) ?? 0), 0);
  await ctx.tx(async (trx) => {
    await trx
      .insertInto('applications')
      .values({
        id,
        call_id: a.callId,
        credit_code: creditCode,
        status: a.status,
        request_json: JSON.stringify({ year: a.year, enterprise: { creditCode } }),
        result_json: null,
        policy_version: null,
        engine_total: sum((i) => i.engineAmount),
        approved_total: a.items.every((i) => i.approvedAmount !== null) ? sum((i) => i.approvedAmount) : null,
        allocated_total: isAllocated ? sum((i) => i.allocatedAmount) : null,
        score: null,
        created_by: a.applicantId,
        created_at: at,
        updated_at: at,
        submitted_at: at,
        notice_id: null,
      })
      .execute();
    await trx
      .insertInto('application_events')
      .values({
        id: newId(),
        application_id: id,
        seq: 1,
        from_status: null,
        to_status: a.status,
        actor_id: a.applicantId,
        note: 'fixture',
        at,
      })
      .execute();
    for (const i of a.items) {
      await trx
        .insertInto('application_items')
        .values({
          application_id: id,
          measure: i.measure,
          subject: i.subject,
          article: i.article,
          review: i.review ? 1 : 0,
          engine_amount: i.engineAmount,
          approved_amount: i.approvedAmount,
          allocated_amount: i.allocatedAmount,
        })
        .execute();
      if (i.allocatedAmount !== null && i.allocatedAmount > 0) {
        await trx
          .insertInto('awards')
          .values({
            id: newId(),
            credit_code: creditCode,
            measure: i.measure,
            subject: i.subject,
            year: a.year,
            amount: i.allocatedAmount,
            call_id: a.callId,
            application_id: id,
            status: 'committed',
            created_at: at,
            paid_at: null,
          })
          .execute();
      }
    }
  });
  return id;
}

/** Enterprise A: 第一条 and 6.2a allocated below approval; 2.2 reviewed down to nothing (no award). */
export const ITEMS_A: readonly FixtureItem[] = [
  { measure: '6.2a', subject: 'SC-1', article: 6, review: false, engineAmount: 600_000, approvedAmount: 600_000, allocatedAmount: 480_000 },
  { measure: '1', subject: '', article: 1, review: false, engineAmount: 1_000_000, approvedAmount: 1_000_000, allocatedAmount: 800_000 },
  { measure: '2.2', subject: '', article: 2, review: true, engineAmount: 200_000, approvedAmount: 0, allocatedAmount: 0 },
];

/** Enterprise B: 3.2 in full, 2.1 for one filed model, 5.1 for revenue first reaching 5000万元 (its tier). */
export const ITEMS_B: readonly FixtureItem[] = [
  { measure: '3.2', subject: '', article: 3, review: false, engineAmount: 100_000, approvedAmount: 100_000, allocatedAmount: 100_000 },
  {
    measure: '5.1',
    subject: 'revenue-50m',
    article: 5,
    review: true,
    engineAmount: 200_000,
    approvedAmount: 180_000,
    allocatedAmount: 150_000,
  },
  {
    measure: '2.1',
    subject: 'Beijing-202601',
    article: 2,
    review: true,
    engineAmount: 500_000,
    approvedAmount: 500_000,
    allocatedAmount: 400_000,
  },
];

export interface ApprovedCall {
  readonly callId: string;
  readonly appA: string;
  readonly appB: string;
}

/**
 * A call with one approved application each for enterprises A and B. `allocateB: false` leaves B
 * approved but not allocated, as before the budget allocation is run.
 */
export async function seedApprovedCall(t: FixtureApp, options: { year?: number; allocateB?: boolean } = {}): Promise<ApprovedCall> {
  const year = options.year ?? 2026;
  const callId = await openCall(t, year);
  const appA = await insertApplication(t.ctx, { callId, year, applicantId: t.users.applicantA, status: 'approved', items: ITEMS_A });
  const itemsB = options.allocateB === false ? ITEMS_B.map((i) => ({ ...i, allocatedAmount: null })) : ITEMS_B;
  const appB = await insertApplication(t.ctx, { callId, year, applicantId: t.users.applicantB, status: 'approved', items: itemsB });
  return { callId, appA, appB };
}

/** The name of the i-th bulk enterprise (from 1): 北京规模测试0001号科技有限公司 … */
export const bulkEnterpriseName = (i: number) => `北京规模测试${String(i).padStart(4, '0')}号科技有限公司`;

/** A credit code of 18 characters for the i-th bulk enterprise (not checksummed: the fixtures write it directly). */
export const bulkCreditCode = (i: number) => `91110106BULK${String(i).padStart(6, '0')}`;

/**
 * A call with `count` approved and allocated applications of as many enterprises, written in
 * multi-row inserts (a notice of a thousand applications in a second): each with 第一条 (800,000
 * allocated) and 3.2 (100,000 + i). Returns the call and the applications' ids, in enterprise order.
 */
export async function seedManyApproved(t: FixtureApp, count: number, year = 2026): Promise<{ callId: string; ids: string[] }> {
  const callId = await openCall(t, year);
  const at = t.ctx.now();
  const ids: string[] = [];
  const rows = Array.from({ length: count }, (_, k) => {
    const i = k + 1;
    const id = newId();
    ids.push(id);
    return { i, id, code: bulkCreditCode(i) };
  });
  await t.ctx.tx(async (trx) => {
    for (let from = 0; from < rows.length; from += 200) {
      const slice = rows.slice(from, from + 200);
      await trx
        .insertInto('enterprises')
        .values(
          slice.map((r) => ({ credit_code: r.code, name: bulkEnterpriseName(r.i), profile_json: '{}', created_at: at, updated_at: at })),
        )
        .execute();
      await trx
        .insertInto('applications')
        .values(
          slice.map((r) => ({
            id: r.id,
            call_id: callId,
            credit_code: r.code,
            status: 'approved' as const,
            request_json: JSON.stringify({ year, enterprise: { creditCode: r.code } }),
            result_json: null,
            policy_version: null,
            engine_total: 1_200_000,
            approved_total: 1_200_000,
            allocated_total: 900_000 + r.i,
            score: null,
            created_by: t.users.officer,
            created_at: at,
            updated_at: at,
            submitted_at: at,
            notice_id: null,
          })),
        )
        .execute();
      await trx
        .insertInto('application_events')
        .values(
          slice.map((r) => ({
            id: newId(),
            application_id: r.id,
            seq: 1,
            from_status: null,
            to_status: 'approved' as const,
            actor_id: t.users.officer,
            note: 'fixture',
            at,
          })),
        )
        .execute();
      const items = slice.flatMap((r) => [
        { r, measure: '1', article: 1, amount: 800_000 },
        { r, measure: '3.2', article: 3, amount: 100_000 + r.i },
      ]);
      await trx
        .insertInto('application_items')
        .values(
          items.map(({ r, measure, article, amount }) => ({
            application_id: r.id,
            measure,
            subject: '',
            article,
            review: 0,
            engine_amount: amount,
            approved_amount: amount,
            allocated_amount: amount,
          })),
        )
        .execute();
      await trx
        .insertInto('awards')
        .values(
          items.map(({ r, measure, amount }) => ({
            id: newId(),
            credit_code: r.code,
            measure,
            subject: '',
            year,
            amount,
            call_id: callId,
            application_id: r.id,
            status: 'committed' as const,
            created_at: at,
            paid_at: null,
          })),
        )
        .execute();
    }
  });
  return { callId, ids };
}
