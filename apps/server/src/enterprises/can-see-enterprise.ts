import { actsAs } from '@ftai/api';
import type { CurrentUser } from '../auth/current-user.js';

/** Officers (and admins, acting as officers) see every enterprise; an applicant only its own; a reviewer none. */
export function canSeeEnterprise(user: CurrentUser, creditCode: string): boolean {
  return actsAs(user.role) === 'officer' || (user.role === 'applicant' && user.creditCode === creditCode);
}
