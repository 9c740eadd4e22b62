import type { AuditLog, MatchJobList, MatchJobStatus, OtherAwardList } from '@ftai/api';
import { api } from '../../api/client';
import { useServerPage } from '../../lib/use-server-page';

/**
 * The officer's server-paged records: the audit log, other policies' awards, the match jobs. Each
 * hook asks the server for one page with the filters given (the database filters, sorts and
 * searches); a change of filter starts again at the first page (useServerPage).
 */

/** Query keys: a change invalidates by prefix (['officer', 'match-jobs'] covers every page of the jobs). */
export const recordKeys = {
  audit: ['officer', 'audit'] as const,
  otherAwards: ['officer', 'other-awards'] as const,
  matchJobs: ['officer', 'match-jobs'] as const,
};

/** GET /api/v1/audit filters: Beijing dates (YYYY-MM-DD), operator (user id), action, entity. */
export type AuditFilters = {
  from?: string | undefined;
  to?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
};

export function useAuditPage(filters: AuditFilters, limit = 20) {
  return useServerPage(recordKeys.audit, '/api/v1/audit', filters, (url) => api.get<AuditLog>(url), limit);
}

/** GET /api/v1/other-policy-awards filters: a year, and a search (enterprise, policy, credit code, subject). */
export type OtherAwardFilters = {
  q?: string | undefined;
  year?: string | undefined;
  sort?: 'imported' | 'amount' | undefined;
};

export function useOtherAwardsPage(filters: OtherAwardFilters, limit = 20) {
  return useServerPage(recordKeys.otherAwards, '/api/v1/other-policy-awards', filters, (url) => api.get<OtherAwardList>(url), limit);
}

/** GET /api/v1/match-jobs: newest first, of one status if asked. */
export function useMatchJobsPage(status: MatchJobStatus | undefined, limit = 20) {
  return useServerPage(recordKeys.matchJobs, '/api/v1/match-jobs', { status }, (url) => api.get<MatchJobList>(url), limit);
}
