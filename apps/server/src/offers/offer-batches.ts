import type { OfferBatchBody, OfferBatchPreview, OfferFilters, OfferSummary } from '@ftai/api';
import { calculate, type Edition, validateRequest } from '@ftai/policy-fengtai';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { ascendingIds } from '../ids.js';
import { editionInEffect } from '../policy-versions/editions.js';
import { type GrantedRow, grantedRows, passes } from './granted-rows.js';
import { scheduleNotices } from './offer-deliveries.js';

/** Offers written per statement at a commit. */
const CHUNK = 500;
/** Enterprises a preview shows, largest totals first. */
const SAMPLE = 20;

interface Selection {
  readonly rows: GrantedRow[];
  readonly preview: OfferBatchPreview;
}

/** The call, open or not yet closed for good, that a batch is for. */
async function requireCall(trx: Transaction<Database> | AppContext['db'], callId: string) {
  const call = await trx.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirst();
  if (!call) throw notFound('call');
  if (call.status === 'closed') throw conflict('FTAI_ERR_CALL_CLOSED', `the call ${call.title} is closed: it takes no offers`);
  return call;
}

/**
 * Which granted rows of the job a batch takes, and what they come to against the call's budget:
 * rows of the call's year with a credit code, that pass the filters, of enterprises with neither
 * an application nor an offer in the call yet (a registry naming one enterprise twice: its first
 * row). Streams the job's notify list; keeps only the rows taken.
 */
async function select(
  ctx: AppContext,
  db: Transaction<Database> | AppContext['db'],
  callId: string,
  body: OfferBatchBody,
): Promise<Selection> {
  const call = await requireCall(db, callId);
  // A confirmation submits an application in the call: the offer cannot outlast the call's last day.
  if (body.deadline > call.closes_on) {
    throw badRequest(
      `deadline: expected the call's last day (${call.closes_on}) or earlier: a confirmation submits an application in the call`,
      [{ path: 'deadline', code: 'FTAI_ERR_INVALID_FIELD', message: `expected ${call.closes_on} or earlier, the call's last day` }],
    );
  }
  const filters: OfferFilters = body.filters ?? {};
  const taken = new Set<string>();
  for (const r of await db.selectFrom('applications').select('credit_code').where('call_id', '=', callId).execute())
    taken.add(r.credit_code);
  for (const r of await db.selectFrom('offers').select('credit_code').where('call_id', '=', callId).execute()) taken.add(r.credit_code);
  const skipped = { noCreditCode: 0, otherYear: 0, alreadyInCall: 0, filtered: 0 };
  const rows: GrantedRow[] = [];
  const seen = new Set<string>();
  for await (const row of grantedRows(ctx, db, body.matchJobId)) {
    if (!row.creditCode) skipped.noCreditCode++;
    else if (row.year !== Number(call.year)) skipped.otherYear++;
    else if (taken.has(row.creditCode) || seen.has(row.creditCode)) skipped.alreadyInCall++;
    else if (!passes(row, filters)) skipped.filtered++;
    else {
      seen.add(row.creditCode);
      rows.push(row);
    }
  }
  const byMeasure = new Map<string, { enterprises: number; amount: number }>();
  let total = 0;
  for (const row of rows) {
    total += row.total;
    const counted = new Set<string>();
    for (const m of row.measures) {
      const t = byMeasure.get(m.measure) ?? { enterprises: 0, amount: 0 };
      if (!counted.has(m.measure)) t.enterprises++;
      counted.add(m.measure);
      t.amount += m.amount;
      byMeasure.set(m.measure, t);
    }
  }
  const requestedRow = await db
    .selectFrom('applications')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('engine_total'), eb.lit(0)).as('sum'))
    .where('call_id', '=', callId)
    .where('status', 'not in', ['draft', 'rejected'])
    .executeTakeFirstOrThrow();
  const pendingRow = await db
    .selectFrom('offers')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('total'), eb.lit(0)).as('sum'))
    .where('call_id', '=', callId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  const requested = Number(requestedRow.sum) + Number(pendingRow.sum);
  const budget = Number(call.total_budget);
  const accounts = await accountsOf(
    db,
    rows.map((r) => r.creditCode as string),
  );
  const sample = [...rows]
    .sort((a, b) => b.total - a.total)
    .slice(0, SAMPLE)
    .map((r) => summaryOf(r, accounts));
  return {
    rows,
    preview: {
      enterprises: rows.length,
      total,
      byMeasure: [...byMeasure]
        .map(([measure, t]) => ({ measure, ...t }))
        .sort((a, b) => a.measure.localeCompare(b.measure, 'en', { numeric: true })),
      skipped,
      budget: { total: budget, requested, left: budget - requested - total, covered: budget - requested - total >= 0 },
      sample,
    },
  };
}

/** Which of these enterprises have an account, and their contacts on record. */
async function accountsOf(db: Transaction<Database> | AppContext['db'], codes: readonly string[]) {
  const out = new Map<string, { hasAccount: boolean; email: string | null; phone: string | null }>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    const part = codes.slice(i, i + CHUNK);
    const users = await db.selectFrom('users').select('credit_code').where('credit_code', 'in', part).where('disabled', '=', 0).execute();
    const contacts = await db
      .selectFrom('enterprises')
      .select(['credit_code', 'contact_email', 'contact_phone'])
      .where('credit_code', 'in', part)
      .execute();
    for (const c of contacts) out.set(c.credit_code, { hasAccount: false, email: c.contact_email, phone: c.contact_phone });
    for (const u of users) {
      const e = out.get(u.credit_code as string) ?? { hasAccount: false, email: null, phone: null };
      out.set(u.credit_code as string, { ...e, hasAccount: true });
    }
  }
  return out;
}

function summaryOf(
  r: GrantedRow,
  accounts: Map<string, { hasAccount: boolean; email: string | null; phone: string | null }>,
): OfferSummary {
  const a = accounts.get(r.creditCode as string);
  return {
    id: null,
    creditCode: r.creditCode as string,
    enterpriseName: r.name,
    total: r.total,
    measures: [...new Set(r.measures.map((m) => m.measure))],
    review: r.measures.some((m) => m.review === true),
    status: null,
    hasAccount: a?.hasAccount ?? false,
    email: a?.email ?? null,
    phone: a?.phone ?? null,
  };
}

/** POST /api/v1/calls/:id/offer-batches/preview: what a commit would create, changing nothing. */
export async function previewOfferBatch(ctx: AppContext, callId: string, body: OfferBatchBody): Promise<OfferBatchPreview> {
  checkDeadline(ctx, body);
  return (await select(ctx, ctx.db, callId, body)).preview;
}

function checkDeadline(ctx: AppContext, body: OfferBatchBody): void {
  if (body.deadline <= ctx.today()) {
    throw badRequest(`deadline: expected a day after today (${ctx.today()}, Beijing time)`, [
      { path: 'deadline', code: 'FTAI_ERR_INVALID_FIELD', message: `expected a day after today (${ctx.today()})` },
    ]);
  }
}

/**
 * POST /api/v1/calls/:id/offer-batches: one offer per enterprise the selection takes, each with its
 * items recomputed from its registry row's request (Chinese explanations) under the policy version
 * in force, in one transaction with the batch, the enterprises not yet known, the messages to send
 * (offer-deliveries.ts) and the audit entry. A second commit of the same job and filters finds the
 * enterprises already offered and takes none of them twice.
 */
export async function commitOfferBatch(ctx: AppContext, officer: CurrentUser, callId: string, body: OfferBatchBody): Promise<string> {
  checkDeadline(ctx, body);
  const at = ctx.now();
  const batchId = await ctx.tx(async (trx) => {
    if (ctx.dialect === 'postgres') {
      // Two commits for one call queue here: the second sees the first's offers and skips them.
      await trx.selectFrom('calls').select('id').where('id', '=', callId).forUpdate().execute();
    }
    const { rows, preview } = await select(ctx, trx, callId, body);
    // The parameter version in effect today: every offer's items, and the batch, cite it.
    const edition = await editionInEffect(trx, ctx.today());
    if (rows.length === 0)
      throw conflict('FTAI_ERR_CONFLICT', 'the batch would offer nothing: no enterprise of the match is left after the filters');
    const seqRow = await trx
      .selectFrom('offer_batches')
      .select((eb) => eb.fn.coalesce(eb.fn.max<number>('seq'), eb.lit(0)).as('seq'))
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow();
    const [id] = ascendingIds(1) as [string];
    const filters = body.filters ?? {};
    await trx
      .insertInto('offer_batches')
      .values({
        id,
        call_id: callId,
        match_job_id: body.matchJobId,
        seq: Number(seqRow.seq) + 1,
        deadline: body.deadline,
        reminder_days: body.reminderDays ?? 3,
        filters_json: JSON.stringify(filters),
        policy_version: edition.version,
        offers: rows.length,
        total: preview.total,
        created_by: officer.id,
        created_at: at,
      })
      .execute();
    const ids = ascendingIds(rows.length);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const part = rows.slice(i, i + CHUNK);
      const values = part.map((row, j) => offerRow(ids[i + j] as string, id, callId, body.deadline, row, at, edition));
      await trx.insertInto('offers').values(values).execute();
      const codes = part.map((r) => r.creditCode as string);
      const known = new Set(
        (await trx.selectFrom('enterprises').select('credit_code').where('credit_code', 'in', codes).execute()).map((e) => e.credit_code),
      );
      // An enterprise known only by its credit code (contacts imported without a name) takes the
      // registry's name: found with one query per chunk, written one by one (a rare few).
      const unnamed = await trx
        .selectFrom('enterprises')
        .select('credit_code')
        .where('credit_code', 'in', codes)
        .whereRef('name', '=', 'credit_code')
        .execute();
      for (const { credit_code } of unnamed) {
        const name = part.find((r) => r.creditCode === credit_code)?.name;
        if (name) await trx.updateTable('enterprises').set({ name, updated_at: at }).where('credit_code', '=', credit_code).execute();
      }
      const fresh = part.filter((r) => !known.has(r.creditCode as string));
      if (fresh.length > 0) {
        await trx
          .insertInto('enterprises')
          .values(
            fresh.map((r) => ({
              credit_code: r.creditCode as string,
              name: r.name ?? (r.creditCode as string),
              profile_json: JSON.stringify({ ...r.request.enterprise, creditCode: r.creditCode, name: r.name ?? r.creditCode }),
              created_at: at,
              updated_at: at,
            })),
          )
          .execute();
      }
      await scheduleNotices(
        trx,
        values.map((v) => v.id),
        at,
      );
    }
    await appendAudit(
      trx,
      {
        actorId: officer.id,
        action: 'offer-batch.create',
        entity: 'offer_batch',
        entityId: id,
        before: null,
        after: {
          callId,
          matchJobId: body.matchJobId,
          filters,
          deadline: body.deadline,
          reminderDays: body.reminderDays ?? 3,
          offers: rows.length,
          total: preview.total,
          policyVersion: edition.version,
        },
      },
      at,
    );
    return id;
  });
  return batchId;
}

/** An offer's row: its items recomputed from the row's request under `edition`, with every explanation step in Chinese. */
function offerRow(id: string, batchId: string, callId: string, deadline: string, row: GrantedRow, at: string, edition: Edition) {
  const request = { year: row.year, ...row.request };
  const v = validateRequest(request);
  // The row was matched on this request: it cannot have turned invalid, short of another policy version.
  if (!v.ok) throw new Error(`registry row ${row.row}: its request no longer validates (${v.issues[0]?.message ?? ''})`);
  const answer = calculate(v.request, { lang: 'zh', explain: true, edition });
  return {
    id,
    batch_id: batchId,
    call_id: callId,
    credit_code: row.creditCode as string,
    enterprise_name: row.name,
    year: row.year,
    status: 'pending' as const,
    deadline,
    total: answer.total,
    review: answer.results.some((r) => r.status === 'granted' && r.review) ? 1 : 0,
    measures: [...new Set(answer.results.filter((r) => r.status === 'granted').map((r) => r.measure))].join(','),
    request_json: JSON.stringify(row.request),
    result_json: JSON.stringify(answer),
    policy_version: answer.policy.version,
    created_at: at,
    read_at: null,
    reminded_at: null,
    decided_at: null,
    decided_by: null,
    decline_reason: null,
    application_id: null,
  };
}
