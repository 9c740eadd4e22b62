import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { sha256 } from '../ids.js';

/** The row of `shared_secrets` that holds the key invitation codes are made with. */
const INVITATION_KEY = 'invitation-key';

/** Letters and digits no one misreads (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

async function invitationKey(db: Kysely<Database>, at: string): Promise<string> {
  await db
    .insertInto('shared_secrets')
    .values({ name: INVITATION_KEY, value: randomBytes(32).toString('base64url'), created_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('shared_secrets').select('value').where('name', '=', INVITATION_KEY).executeTakeFirstOrThrow();
  return row.value;
}

/**
 * The invitation code of an offer (邀请码, e.g. K7M2-Q9XP): made from the offer's id with a key of
 * the database's (HMAC), so every message of the offer, a reminder or a resend, carries the same
 * code without the code being stored: the database keeps only its digest (invitations.code_hash).
 */
export async function invitationCode(db: Kysely<Database>, offerId: string, at: string): Promise<string> {
  const mac = createHmac('sha256', await invitationKey(db, at))
    .update(`offer:${offerId}`)
    .digest();
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[(mac[i] as number) % ALPHABET.length];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A code as typed (spaces, lower case, no dash) in the form it is digested in. */
export function normaliseCode(code: string): string {
  const plain = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return plain.length === 8 ? `${plain.slice(0, 4)}-${plain.slice(4)}` : plain;
}

export const codeDigest = (code: string): string => sha256(normaliseCode(code));
