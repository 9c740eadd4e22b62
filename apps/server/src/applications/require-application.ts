import type { Kysely, Selectable } from 'kysely';
import type { CurrentUser } from '../auth/current-user.js';
import type { ApplicationsTable, Database } from '../db/schema.js';
import { forbidden, notFound } from '../errors.js';
import { canSeeApplication } from './can-see-application.js';

export type ApplicationRow = Selectable<ApplicationsTable>;

/**
 * Loads an application for `user`, or answers 404 (no such id) or 403 (not yours).
 * `see`: anyone who may read it; `own`: only the applicant acting for its enterprise, who alone
 * fills, attaches and submits.
 */
export async function requireApplication(
  db: Kysely<Database>,
  user: CurrentUser,
  id: string,
  access: 'see' | 'own',
): Promise<ApplicationRow> {
  const row = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('application');
  if (access === 'own') {
    if (user.role !== 'applicant') throw forbidden(`only the applicant of the enterprise may do this; you are ${user.role}`);
    if (user.creditCode !== row.credit_code) throw forbidden('an applicant acts only on its own enterprise’s applications');
    return row;
  }
  if (!(await canSeeApplication(db, user, row))) {
    throw forbidden(
      user.role === 'reviewer'
        ? 'a reviewer sees only the applications assigned to it, and none of an enterprise it is tied to'
        : 'an applicant sees only its own enterprise’s applications',
    );
  }
  return row;
}
