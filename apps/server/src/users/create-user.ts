import type { User } from '@ftai/api';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import { hashPassword } from '../auth/password.js';
import { assertStrongPassword } from '../auth/password-policy.js';
import type { AppContext } from '../context.js';
import type { Database, Role } from '../db/schema.js';
import { HttpError } from '../errors.js';
import { newId } from '../ids.js';

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly creditCode?: string | undefined;
  readonly enterpriseName?: string | undefined;
  readonly password: string;
  /** Who creates it; null from the command line. */
  readonly actorId: string | null;
}

/**
 * Creates an account (and, for an applicant, its enterprise if new), audited. A weak password
 * (password-policy.ts) is refused with 400 FTAI_ERR_WEAK_PASSWORD, whoever asks.
 */
export async function createUser(ctx: AppContext, u: NewUser): Promise<User> {
  const hash = await strongPasswordHash(ctx, u);
  return ctx.tx((trx) => insertUser(trx, u, hash, ctx.now()));
}

/** The password's hash, once the password policy has passed it (400 FTAI_ERR_WEAK_PASSWORD otherwise). */
export async function strongPasswordHash(ctx: AppContext, u: Pick<NewUser, 'password' | 'username' | 'displayName'>): Promise<string> {
  assertStrongPassword(u.password, u.username, u.displayName);
  return hashPassword(u.password, ctx.config.scryptLogN);
}

/** The account written in the caller's transaction (createUser's, or a sign-up with an invitation's). */
export async function insertUser(trx: Transaction<Database>, u: NewUser, hash: string, at: string): Promise<User> {
  const id = newId();
  const taken = await trx.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
  if (taken) throw new HttpError(409, 'FTAI_ERR_CONFLICT', `the user name ${u.username} is taken`);
  if (u.creditCode) {
    const known = await trx.selectFrom('enterprises').select('credit_code').where('credit_code', '=', u.creditCode).executeTakeFirst();
    if (!known) {
      const name = u.enterpriseName ?? u.creditCode;
      await trx
        .insertInto('enterprises')
        .values({
          credit_code: u.creditCode,
          name,
          profile_json: JSON.stringify({ creditCode: u.creditCode, name }),
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
  }
  await trx
    .insertInto('users')
    .values({
      id,
      username: u.username,
      display_name: u.displayName,
      role: u.role,
      credit_code: u.creditCode ?? null,
      password_hash: hash,
      disabled: 0,
      created_at: at,
    })
    .execute();
  await appendAudit(
    trx,
    {
      actorId: u.actorId,
      action: 'user.create',
      entity: 'user',
      entityId: id,
      before: null,
      after: { username: u.username, role: u.role, creditCode: u.creditCode ?? null },
    },
    at,
  );
  return { id, username: u.username, displayName: u.displayName, role: u.role, creditCode: u.creditCode ?? null };
}
