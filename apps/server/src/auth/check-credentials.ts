import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { HttpError } from '../errors.js';
import type { CurrentUser } from './current-user.js';
import { verifyPassword } from './password.js';

/**
 * The account a user name and password sign in as, or 401 FTAI_ERR_LOGIN. An unknown name is
 * checked against `dummy` (a hash of the same cost), so that it takes as long to refuse as a known
 * name with a wrong password; a disabled account is refused with the same words.
 */
export async function checkCredentials(db: Kysely<Database>, username: string, password: string, dummy: string): Promise<CurrentUser> {
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const ok = await verifyPassword(password, user?.password_hash ?? dummy);
  if (!user || !ok || user.disabled) throw new HttpError(401, 'FTAI_ERR_LOGIN', 'wrong user name or password');
  return { id: user.id, username: user.username, displayName: user.display_name, role: user.role, creditCode: user.credit_code };
}
