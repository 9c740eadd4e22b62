import type { CurrentUser } from '../auth/current-user.js';
import type { ApplicationStatus, Role } from '../db/schema.js';
import { TRANSITIONS } from './status-machine.js';

/**
 * The statuses `user` may move an application to next, from the status machine and the user's
 * role (admins act as officers). Reviewers move nothing; an applicant only its own applications.
 */
export function allowedMoves(
  status: ApplicationStatus,
  user: CurrentUser,
  application: { readonly credit_code: string },
): ApplicationStatus[] {
  const role: Role = user.role === 'admin' ? 'officer' : user.role;
  if (role === 'applicant' && user.creditCode !== application.credit_code) return [];
  return (Object.entries(TRANSITIONS[status]) as [ApplicationStatus, readonly Role[]][])
    .filter(([, roles]) => roles.includes(role))
    .map(([to]) => to);
}
