import type { MessageList } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../auth/current-user.js';
import type { Database } from '../db/schema.js';
import { forbidden, notFound } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/keyset.js';

function enterpriseOf(user: CurrentUser): string {
  if (user.role !== 'applicant' || !user.creditCode) throw forbidden('only an applicant acting for an enterprise has a message centre');
  return user.creditCode;
}

/** 站内信: a page of the enterprise's messages, newest first, and how many are unread. */
export async function listMessages(
  db: Kysely<Database>,
  user: CurrentUser,
  query: { limit: number; after?: string | undefined },
): Promise<MessageList> {
  const code = enterpriseOf(user);
  const counts = await db
    .selectFrom('messages')
    .select([(eb) => eb.fn.countAll<number>().as('all'), (eb) => eb.fn.count<number>('read_at').as('read')])
    .where('credit_code', '=', code)
    .executeTakeFirstOrThrow();
  let q = db.selectFrom('messages').selectAll().where('credit_code', '=', code).orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (query.after) {
    const { key, id } = decodeCursor(query.after, 'created_at');
    q = q.where((eb) => eb.or([eb('created_at', '<', String(key)), eb.and([eb('created_at', '=', String(key)), eb('id', '<', id)])]));
  }
  const rows = await q.limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    messages: page.map((m) => ({
      id: m.id,
      subject: m.subject,
      body: m.body,
      offerId: m.offer_id,
      createdAt: m.created_at,
      readAt: m.read_at,
    })),
    unread: Number(counts.all) - Number(counts.read),
    page: {
      limit: query.limit,
      next: rows.length > query.limit && last ? encodeCursor('created_at', last.created_at, last.id) : null,
      total: Number(counts.all),
    },
  };
}

/** Marks a message read (its offer too: the enterprise has seen it). */
export async function readMessage(db: Kysely<Database>, user: CurrentUser, id: string, at: string): Promise<void> {
  const code = enterpriseOf(user);
  const m = await db
    .selectFrom('messages')
    .select(['id', 'offer_id'])
    .where('id', '=', id)
    .where('credit_code', '=', code)
    .executeTakeFirst();
  if (!m) throw notFound('message');
  await db.updateTable('messages').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
  if (m.offer_id) await db.updateTable('offers').set({ read_at: at }).where('id', '=', m.offer_id).where('read_at', 'is', null).execute();
}
