import { actsAs, movesFrom } from '@ftai/api';
import type { CurrentUser } from '../auth/current-user.js';
import type { ApplicationStatus } from '../db/schema.js';

/**
 * The statuses `user` may move an application to next, from the status table and the user's
 * role (admins act as officers). Reviewers move nothing; an applicant only its own applications.
 */
export function allowedMoves(
  status: ApplicationStatus,
  user: CurrentUser,
  application: { readonly credit_code: string },
): ApplicationStatus[] {
  const role = actsAs(user.role);
  if (role === 'applicant' && user.creditCode !== application.credit_code) return [];
  return movesFrom(status)
    .filter(([, move]) => move.roles.includes(role))
    .map(([to]) => to);
}
