import type { Offer, OfferBatch, OfferFilters, OfferPage, OfferStatus, OfferSummary } from '@ftai/api';
import type { Answer } from '@ftai/policy-fengtai';
import type { Kysely, Selectable } from 'kysely';
import type { CurrentUser } from '../auth/current-user.js';
import type { Database, OffersTable } from '../db/schema.js';
import { forbidden, notFound } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/keyset.js';

/** An offer as the API answers it. */
export function offerView(row: Selectable<OffersTable>, callTitle: string, hasBankAccount: boolean): Offer {
  const answer = JSON.parse(row.result_json) as Answer;
  const request = JSON.parse(row.request_json) as { enterprise?: Record<string, unknown>; facts?: Record<string, unknown> };
  return {
    id: row.id,
    batchId: row.batch_id,
    callId: row.call_id,
    callTitle,
    year: Number(row.year),
    creditCode: row.credit_code,
    enterpriseName: row.enterprise_name,
    status: row.status,
    deadline: row.deadline,
    total: Number(row.total),
    items: answer.results
      .filter((r) => r.status === 'granted')
      .map((r) => ({
        measure: r.measure,
        subject: r.subject,
        citation: r.citation,
        amount: r.amount,
        review: r.review,
        explanation: r.explanation ?? [],
      })),
    request: { enterprise: request.enterprise ?? {}, facts: request.facts ?? {} },
    policyVersion: row.policy_version,
    createdAt: row.created_at,
    readAt: row.read_at,
    decidedAt: row.decided_at,
    declineReason: row.decline_reason,
    applicationId: row.application_id,
    hasBankAccount,
  };
}

/**
 * One offer for its enterprise (an applicant acting for it) or an officer; 404 for anyone else, as
 * for an application of another enterprise. The enterprise's first look marks it read.
 */
export async function loadOffer(db: Kysely<Database>, user: CurrentUser, id: string, at: string): Promise<Offer> {
  const row = await db.selectFrom('offers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('offer');
  const isOfficer = user.role === 'officer' || user.role === 'admin';
  if (!isOfficer && (user.role !== 'applicant' || user.creditCode !== row.credit_code)) throw notFound('offer');
  if (!isOfficer && row.read_at === null) {
    await db.updateTable('offers').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
    // Read on its page is read in the message centre too.
    await db.updateTable('messages').set({ read_at: at }).where('offer_id', '=', id).where('read_at', 'is', null).execute();
    row.read_at = at;
  }
  const call = await db.selectFrom('calls').select('title').where('id', '=', row.call_id).executeTakeFirstOrThrow();
  const ent = await db.selectFrom('enterprises').select('bank_account_json').where('credit_code', '=', row.credit_code).executeTakeFirst();
  return offerView(row, call.title, Boolean(ent?.bank_account_json));
}

/** The signed-in enterprise's offers, newest first (a handful: one per call at most). */
export async function listOwnOffers(db: Kysely<Database>, user: CurrentUser): Promise<Offer[]> {
  if (user.role !== 'applicant' || !user.creditCode) throw forbidden('only an applicant acting for an enterprise has offers');
  const rows = await db
    .selectFrom('offers')
    .innerJoin('calls', 'calls.id', 'offers.call_id')
    .selectAll('offers')
    .select('calls.title as call_title')
    .where('offers.credit_code', '=', user.creditCode)
    .orderBy('offers.created_at', 'desc')
    .execute();
  const ent = await db.selectFrom('enterprises').select('bank_account_json').where('credit_code', '=', user.creditCode).executeTakeFirst();
  return rows.map(({ call_title, ...row }) => offerView(row, call_title, Boolean(ent?.bank_account_json)));
}

/** A batch with how its offers stand and how their messages went: counted by the database, set-based. */
export async function batchView(db: Kysely<Database>, id: string): Promise<OfferBatch> {
  const b = await db.selectFrom('offer_batches').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b) throw notFound('offer batch');
  const byStatus = await db
    .selectFrom('offers')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('total').as('amount')])
    .where('batch_id', '=', id)
    .groupBy('status')
    .execute();
  const count = (s: OfferStatus) => Number(byStatus.find((r) => r.status === s)?.n ?? 0);
  const read = await db
    .selectFrom('offers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('batch_id', '=', id)
    .where('read_at', 'is not', null)
    .executeTakeFirstOrThrow();
  const delivered = await db
    .selectFrom('offer_deliveries')
    .innerJoin('offers', 'offers.id', 'offer_deliveries.offer_id')
    .select((eb) => eb.fn.count<number>('offer_deliveries.offer_id').distinct().as('n'))
    .where('offers.batch_id', '=', id)
    .where('offer_deliveries.status', '=', 'sent')
    .executeTakeFirstOrThrow();
  const failed = await db
    .selectFrom('offer_deliveries')
    .innerJoin('offers', 'offers.id', 'offer_deliveries.offer_id')
    .select(['offer_deliveries.channel', (eb) => eb.fn.countAll<number>().as('n')])
    .where('offers.batch_id', '=', id)
    .where('offer_deliveries.status', '=', 'failed')
    .groupBy('offer_deliveries.channel')
    .execute();
  const failedOn = (c: string) => Number(failed.find((r) => r.channel === c)?.n ?? 0);
  return {
    id: b.id,
    callId: b.call_id,
    matchJobId: b.match_job_id,
    title: `免申即享第${b.seq}批`,
    deadline: b.deadline,
    reminderDays: Number(b.reminder_days),
    filters: JSON.parse(b.filters_json) as OfferFilters,
    policyVersion: b.policy_version,
    createdBy: b.created_by,
    createdAt: b.created_at,
    counts: {
      offers: Number(b.offers),
      pending: count('pending'),
      confirmed: count('confirmed'),
      declined: count('declined'),
      expired: count('expired'),
      delivered: Number(delivered.n),
      read: Number(read.n),
      failed: { email: failedOn('email'), sms: failedOn('sms') },
      total: Number(b.total),
      confirmedTotal: Number(byStatus.find((r) => r.status === 'confirmed')?.amount ?? 0),
    },
  };
}

/** The batches of a call (or all), newest first. */
export async function listBatches(db: Kysely<Database>, callId: string | undefined): Promise<OfferBatch[]> {
  let q = db.selectFrom('offer_batches').select('id').orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (callId) q = q.where('call_id', '=', callId);
  const ids = await q.limit(200).execute();
  return Promise.all(ids.map((r) => batchView(db, r.id)));
}

/** A page of a batch's offers (keyset on the id), with whether each enterprise has an account and its contacts. */
export async function offerPage(
  db: Kysely<Database>,
  batchId: string,
  query: { limit: number; after?: string | undefined; status?: OfferStatus | undefined },
): Promise<OfferPage> {
  if (!(await db.selectFrom('offer_batches').select('id').where('id', '=', batchId).executeTakeFirst())) throw notFound('offer batch');
  let base = db.selectFrom('offers').where('batch_id', '=', batchId);
  if (query.status) base = base.where('status', '=', query.status);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let q = base
    .leftJoin('enterprises', 'enterprises.credit_code', 'offers.credit_code')
    .select([
      'offers.id',
      'offers.credit_code',
      'offers.enterprise_name',
      'offers.total',
      'offers.measures',
      'offers.review',
      'offers.status',
      'enterprises.contact_email',
      'enterprises.contact_phone',
    ])
    .orderBy('offers.id');
  const after = query.after ? decodeCursor(query.after, 'id') : undefined;
  if (after) q = q.where('offers.id', '>', after.id);
  const rows = await q.limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const codes = page.map((r) => r.credit_code);
  const users = codes.length
    ? new Set(
        (await db.selectFrom('users').select('credit_code').where('credit_code', 'in', codes).where('disabled', '=', 0).execute()).map(
          (u) => u.credit_code,
        ),
      )
    : new Set<string | null>();
  const offers: OfferSummary[] = page.map((r) => ({
    id: r.id,
    creditCode: r.credit_code,
    enterpriseName: r.enterprise_name,
    total: Number(r.total),
    measures: r.measures === '' ? [] : r.measures.split(','),
    review: Number(r.review) === 1,
    status: r.status,
    hasAccount: users.has(r.credit_code),
    email: r.contact_email ?? null,
    phone: r.contact_phone ?? null,
  }));
  const last = page.at(-1);
  return {
    offers,
    page: {
      limit: query.limit,
      next: rows.length > query.limit && last ? encodeCursor('id', last.id, last.id) : null,
      total: Number(total.n),
    },
  };
}
