import type { UserRow } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Every account, by user name, as officers and admins see them (GET /api/v1/users). */
export async function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name as displayName', 'role', 'credit_code as creditCode', 'disabled', 'created_at as createdAt'])
    .orderBy('username')
    .execute();
  return users.map((u) => ({ ...u, disabled: u.disabled === 1 }));
}
