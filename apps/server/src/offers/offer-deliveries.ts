import type { Answer } from '@ftai/policy-fengtai';
import { measures } from '@ftai/policy-fengtai';
import { tierLabel } from '@ftai/policy-fengtai/report/words';
import type { Kysely, Transaction } from 'kysely';
import { appendAuditBatch } from '../audit/append-audit.js';
import type { ServerConfig } from '../config.js';
import type { AppContext } from '../context.js';
import type { Database, OfferDeliveriesTable } from '../db/schema.js';
import { ascendingIds, newId } from '../ids.js';
import { repeat, reportJobError } from '../jobs/job-queue.js';
import {
  emailChannel,
  httpSmsChannel,
  logSmsChannel,
  type NotifyChannel,
  type OutboundMessage,
  offerNoticeMessage,
  offerReminderMessage,
} from '../notify/index.js';
import { codeDigest, invitationCode } from './invitation-code.js';

type Channel = OfferDeliveriesTable['channel'];
const CHANNELS: readonly Channel[] = ['inbox', 'email', 'sms'];
/** Tries of a message before it fails for good; the waits between them grow (1, 4, 16, 64 minutes). */
const MAX_ATTEMPTS = 5;
/** How long a claimed message is held by the instance sending it before another may try. */
const CLAIM_MS = 5 * 60_000;

const CITATION = new Map(measures.map((m) => [m.id, `${m.citation.zh}（${m.name.zh}）`]));

/** Queues an offer's notice on every channel (站内信, e-mail, SMS), in the caller's transaction. */
export async function scheduleNotices(
  trx: Transaction<Database>,
  offerIds: readonly string[],
  at: string,
  kind: 'notice' | 'reminder' = 'notice',
) {
  if (offerIds.length === 0) return;
  const ids = ascendingIds(offerIds.length * CHANNELS.length);
  let i = 0;
  const rows = offerIds.flatMap((offerId) =>
    CHANNELS.map((channel) => ({
      id: ids[i++] as string,
      offer_id: offerId,
      kind,
      channel,
      status: 'queued' as const,
      attempts: 0,
      address: null,
      provider_id: null,
      error: null,
      created_at: at,
      next_at: at,
      sent_at: null,
    })),
  );
  for (let j = 0; j < rows.length; j += 600) {
    await trx
      .insertInto('offer_deliveries')
      .values(rows.slice(j, j + 600))
      .onConflict((oc) => oc.columns(['offer_id', 'kind', 'channel']).doNothing())
      .execute();
  }
}

/** The channels of the settings: e-mail where an SMTP server is set, SMS through the HTTP provider or the log. */
export interface OfferChannels {
  readonly email: NotifyChannel | null;
  readonly sms: NotifyChannel;
}

export function channelsOf(config: Pick<ServerConfig, 'smtpUrl' | 'mailFrom' | 'smsUrl' | 'smsToken'>): OfferChannels {
  return {
    email: config.smtpUrl ? emailChannel({ smtpUrl: config.smtpUrl, from: config.mailFrom }) : null,
    sms: config.smsUrl ? httpSmsChannel({ url: config.smsUrl, token: config.smsToken }) : logSmsChannel(),
  };
}

/** What a message of an offer says, and to whom. */
async function compose(ctx: AppContext, offerId: string, kind: 'notice' | 'reminder', deliveryId: string): Promise<OutboundMessage | null> {
  const offer = await ctx.db
    .selectFrom('offers')
    .innerJoin('calls', 'calls.id', 'offers.call_id')
    .innerJoin('enterprises', 'enterprises.credit_code', 'offers.credit_code')
    .select([
      'offers.id',
      'offers.status',
      'offers.credit_code',
      'offers.enterprise_name',
      'offers.deadline',
      'offers.result_json',
      'calls.title',
      'calls.notice_issuer',
      'calls.notice_phone',
      'enterprises.name',
      'enterprises.contact_email',
      'enterprises.contact_phone',
    ])
    .where('offers.id', '=', offerId)
    .executeTakeFirst();
  if (offer?.status !== 'pending') return null;
  const hasAccount = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('credit_code', '=', offer.credit_code)
    .where('disabled', '=', 0)
    .executeTakeFirst();
  let code: string | null = null;
  if (!hasAccount) {
    code = await invitationCode(ctx.db, offer.id, ctx.now());
    await ctx.db
      .insertInto('invitations')
      .values({
        code_hash: codeDigest(code),
        credit_code: offer.credit_code,
        offer_id: offer.id,
        expires_at: `${offer.deadline}T15:59:59.999Z`,
        used_at: null,
        used_by: null,
        created_at: ctx.now(),
      })
      .onConflict((oc) => oc.column('code_hash').doNothing())
      .execute();
  }
  const answer = JSON.parse(offer.result_json) as Answer;
  const name = offer.enterprise_name ?? offer.name;
  const input = {
    enterpriseName: name,
    callTitle: offer.title,
    items: answer.results
      .filter((r) => r.status === 'granted')
      .map((r) => ({
        label: `${CITATION.get(r.measure) ?? r.citation}${r.subject ? `（${tierLabel(r.subject, 'zh')}）` : ''}`,
        amount: r.amount,
        review: r.review,
      })),
    total: answer.total,
    deadline: offer.deadline,
    confirmUrl: code ? `${ctx.config.publicUrl}/invitation` : `${ctx.config.publicUrl}/portal/offers/${offer.id}`,
    invitationCode: code,
    issuer: offer.notice_issuer,
    phone: offer.notice_phone,
  };
  const daysLeft = Math.max(0, Math.round((Date.parse(offer.deadline) - Date.parse(ctx.today())) / 86_400_000));
  const text = kind === 'notice' ? offerNoticeMessage(input) : offerReminderMessage({ ...input, daysLeft });
  return {
    id: deliveryId,
    recipient: { creditCode: offer.credit_code, enterpriseName: name, email: offer.contact_email, phone: offer.contact_phone },
    ...text,
  };
}

/**
 * Sends the messages that are due, at most `limit` e-mails and SMS (the rate limit), each claimed
 * first with a conditional update so that two instances never send one twice. 站内信 is written at
 * once; an e-mail or SMS that fails for a passing reason is tried again later, up to 5 times; one
 * with no address is skipped. Returns how many were handled.
 */
export async function deliverDue(ctx: AppContext, channels: OfferChannels, limit: number): Promise<number> {
  const now = ctx.now();
  const due = await ctx.db
    .selectFrom('offer_deliveries')
    .select(['id', 'offer_id', 'kind', 'channel', 'attempts'])
    .where('status', '=', 'queued')
    .where('next_at', '<=', now)
    .orderBy('next_at')
    .orderBy('id')
    .limit(Math.max(1, limit))
    .execute();
  let handled = 0;
  for (const d of due) {
    const claimed = await ctx.db
      .updateTable('offer_deliveries')
      .set({ next_at: new Date(Date.parse(now) + CLAIM_MS).toISOString() })
      .where('id', '=', d.id)
      .where('status', '=', 'queued')
      .where('next_at', '<=', now)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    handled++;
    const attempts = Number(d.attempts) + 1;
    try {
      const message = await compose(ctx, d.offer_id, d.kind, d.id);
      if (!message) {
        await finish(ctx.db, d.id, { status: 'skipped', attempts, error: 'the offer is no longer pending' }, ctx.now());
        continue;
      }
      if (d.channel === 'inbox') {
        await ctx.db
          .insertInto('messages')
          .values({
            id: newId(),
            credit_code: message.recipient.creditCode,
            offer_id: d.offer_id,
            subject: message.subject,
            body: message.text,
            created_at: ctx.now(),
            read_at: null,
          })
          .execute();
        await finish(ctx.db, d.id, { status: 'sent', attempts, address: message.recipient.creditCode }, ctx.now());
        continue;
      }
      const channel = d.channel === 'email' ? channels.email : channels.sms;
      if (!channel) {
        await finish(ctx.db, d.id, { status: 'skipped', attempts, error: 'no SMTP server is set (FTAI_SMTP_URL)' }, ctx.now());
        continue;
      }
      const address = d.channel === 'email' ? message.recipient.email : message.recipient.phone;
      const result = await channel.send(message);
      if (result.status === 'sent')
        await finish(ctx.db, d.id, { status: 'sent', attempts, address, providerId: result.providerId }, ctx.now());
      else if (result.status === 'skipped')
        await finish(ctx.db, d.id, { status: 'skipped', attempts, address, error: result.reason }, ctx.now());
      else if (result.retry && attempts < MAX_ATTEMPTS) await retryLater(ctx, d.id, attempts, result.error);
      else await finish(ctx.db, d.id, { status: 'failed', attempts, address, error: result.error }, ctx.now());
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      if (attempts < MAX_ATTEMPTS) await retryLater(ctx, d.id, attempts, why);
      else await finish(ctx.db, d.id, { status: 'failed', attempts, error: why }, ctx.now());
    }
  }
  return handled;
}

async function retryLater(ctx: AppContext, id: string, attempts: number, error: string): Promise<void> {
  const wait = 60_000 * 4 ** (attempts - 1);
  await ctx.db
    .updateTable('offer_deliveries')
    .set({ attempts, error, next_at: new Date(Date.parse(ctx.now()) + wait).toISOString() })
    .where('id', '=', id)
    .execute();
}

async function finish(
  db: Kysely<Database>,
  id: string,
  r: { status: 'sent' | 'skipped' | 'failed'; attempts: number; address?: string | null; providerId?: string | null; error?: string },
  at: string,
): Promise<void> {
  await db
    .updateTable('offer_deliveries')
    .set({
      status: r.status,
      attempts: r.attempts,
      address: r.address ?? null,
      provider_id: r.providerId ?? null,
      error: r.error ?? null,
      next_at: null,
      sent_at: r.status === 'sent' ? at : null,
    })
    .where('id', '=', id)
    .execute();
}

/**
 * The offers' deadlines: a pending offer whose reminder day has come gets its reminder queued (once);
 * one whose deadline has passed (Beijing) expires, each with an audit entry. Conditional updates:
 * safe on every instance at once.
 */
export async function sweepOffers(ctx: AppContext): Promise<{ reminded: number; expired: number }> {
  const today = ctx.today();
  const at = ctx.now();
  let expired = 0;
  for (;;) {
    const ids = (
      await ctx.db.selectFrom('offers').select('id').where('status', '=', 'pending').where('deadline', '<', today).limit(500).execute()
    ).map((r) => r.id);
    if (ids.length === 0) break;
    const done = await ctx.tx(async (trx) => {
      const rows = await trx
        .updateTable('offers')
        .set({ status: 'expired', decided_at: at })
        .where('id', 'in', ids)
        .where('status', '=', 'pending')
        .returning(['id', 'credit_code', 'deadline'])
        .execute();
      await appendAuditBatch(
        trx,
        rows.map((r) => ({
          actorId: null,
          action: 'offer.expire',
          entity: 'offer',
          entityId: r.id,
          before: { status: 'pending' },
          after: { status: 'expired', deadline: r.deadline, creditCode: r.credit_code },
        })),
        at,
      );
      await trx.updateTable('invitations').set({ expires_at: at }).where('offer_id', 'in', ids).where('used_at', 'is', null).execute();
      return rows.length;
    });
    expired += done;
    if (done === 0) break;
  }
  const due = await ctx.db
    .selectFrom('offers')
    .innerJoin('offer_batches', 'offer_batches.id', 'offers.batch_id')
    .select(['offers.id', 'offers.deadline', 'offer_batches.reminder_days'])
    .where('offers.status', '=', 'pending')
    .where('offers.reminded_at', 'is', null)
    .where('offer_batches.reminder_days', '>', 0)
    .where('offers.deadline', '>=', today)
    .limit(5000)
    .execute();
  const remind = due.filter((o) => Date.parse(o.deadline) - Date.parse(today) <= Number(o.reminder_days) * 86_400_000).map((o) => o.id);
  let reminded = 0;
  for (let i = 0; i < remind.length; i += 500) {
    const part = remind.slice(i, i + 500);
    reminded += await ctx.tx(async (trx) => {
      const rows = await trx
        .updateTable('offers')
        .set({ reminded_at: at })
        .where('id', 'in', part)
        .where('reminded_at', 'is', null)
        .where('status', '=', 'pending')
        .returning('id')
        .execute();
      await scheduleNotices(
        trx,
        rows.map((r) => r.id),
        at,
        'reminder',
      );
      return rows.length;
    });
  }
  return { reminded, expired };
}

/**
 * The messenger of this instance: every FTAI_NOTIFY_POLL_SECONDS it sweeps the deadlines and sends
 * what is due, within FTAI_NOTIFY_PER_MINUTE. The queued messages are rows of the database, so a
 * message outlives the process that queued it and any instance may send it. Returns its stop.
 */
export function startOfferMessenger(ctx: AppContext, channels: OfferChannels = channelsOf(ctx.config)): () => Promise<void> {
  const seconds = ctx.config.notifyPollSeconds;
  const perRun = Math.max(1, Math.floor((ctx.config.notifyPerMinute * seconds) / 60));
  const stop = repeat('offer messages', seconds, async () => {
    await sweepOffers(ctx);
    await deliverDue(ctx, channels, perRun);
  });
  return async () => {
    stop();
    await Promise.all([channels.email?.close?.(), channels.sms.close?.()]).catch((error) => reportJobError('offer messages: close', error));
  };
}
