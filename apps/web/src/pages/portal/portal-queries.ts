import type { ApplicationCounts, ApplicationList, ApplicationStatus, ApplicationView, CallList, EnterpriseView } from '@ftai/api';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useServerPage } from '../../lib/use-server-page';

/** The applicant's enterprise with its profile and past awards (asked only while `enabled`: the calculator asks it for an applicant only). */
export function useEnterprise(enabled = true) {
  return useQuery({ queryKey: ['portal', 'enterprise'], queryFn: () => api.get<EnterpriseView>('/api/v1/enterprises/me'), enabled });
}

/** Every annual call (the home page shares the cache). */
export function useCalls() {
  return useQuery({ queryKey: ['calls'], queryFn: () => api.get<CallList>('/api/v1/calls') });
}

/** A page of the applicant's applications, newest first (the server pages). */
export function useMyApplications(limit = 10) {
  return useServerPage(['portal', 'applications', 'page'], '/api/v1/applications', {}, (url) => api.get<ApplicationList>(url), limit);
}

/**
 * The applicant's applications in one status, newest first: the returned ones (with the officer's
 * note), the drafts (one a call at most). The first page of them; an enterprise has a handful.
 */
export function useMyApplicationsIn(status: ApplicationStatus) {
  return useQuery({
    queryKey: ['portal', 'applications', status],
    queryFn: () => api.get<ApplicationList>(`/api/v1/applications?status=${status}&limit=50`).then((r) => r.applications),
  });
}

/** How many applications the applicant has (in each status), and their sums asked for and approved. */
export function useMyApplicationCounts() {
  return useQuery({
    queryKey: ['portal', 'applications', 'counts'],
    queryFn: () => api.get<ApplicationCounts>('/api/v1/applications/counts'),
  });
}

/** One application, whole (request, stored result, items, timeline, attachments). */
export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: ['application', id],
    queryFn: () => api.get<ApplicationView>(`/api/v1/applications/${encodeURIComponent(id ?? '')}`),
    enabled: id !== undefined,
  });
}

/**
 * The enterprise's live application in each call (一企一报: any not rejected; the newest if
 * several), by call id: what 申报 offers to continue instead of starting another.
 */
export function useLiveApplications(callIds: readonly string[]) {
  return useQueries({
    queries: callIds.map((callId) => ({
      queryKey: ['portal', 'applications', 'live', callId],
      queryFn: () =>
        api
          .get<ApplicationList>(`/api/v1/applications?callId=${encodeURIComponent(callId)}&limit=10`)
          .then((r) => r.applications.find((a) => a.status !== 'rejected') ?? null),
    })),
    combine: (results) => ({
      byCall: new Map(callIds.map((id, i) => [id, results[i]?.data ?? null] as const)),
      isLoading: results.some((r) => r.isLoading),
    }),
  });
}
