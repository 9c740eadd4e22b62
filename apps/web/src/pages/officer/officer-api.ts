import type {
  ApplicationCounts,
  ApplicationList,
  ApplicationSort,
  ApplicationStatus,
  ApplicationView,
  AssignmentList,
  AuditLog,
  BudgetDashboard,
  CallList,
  EnterpriseView,
  Notice,
  NoticeList,
  ObjectionList,
  OtherAwardList,
  Rubric,
  UserList,
} from '@ftai/api';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useServerPage } from '../../lib/use-server-page';

/** The API's largest page (@ftai/api PAGE_LIMIT_MAX). */
const PAGE_LIMIT_MAX = 500;

/** Query keys of the officer console: a change invalidates by the first element. */
export const keys = {
  calls: ['officer', 'calls'] as const,
  applications: ['officer', 'applications'] as const,
  applicationCounts: (callId: string | undefined, q: string) => ['officer', 'application-counts', callId ?? 'all', q] as const,
  application: (id: string) => ['officer', 'application', id] as const,
  assignments: (applicationId: string) => ['officer', 'assignments', applicationId] as const,
  users: ['officer', 'users'] as const,
  dashboard: (callId: string) => ['officer', 'dashboard', callId] as const,
  notices: ['officer', 'notices'] as const,
  notice: (id: string) => ['officer', 'notice', id] as const,
  objections: (noticeId: string) => ['officer', 'objections', noticeId] as const,
  otherAwards: ['officer', 'other-awards'] as const,
  audit: (q: string) => ['officer', 'audit', q] as const,
};

export function useCalls() {
  return useQuery({ queryKey: keys.calls, queryFn: () => api.get<CallList>('/api/v1/calls').then((r) => r.calls) });
}

/** What the officer's queue asks the server for: a call's applications, filtered, searched and sorted. */
export interface ApplicationQuery {
  readonly callId: string | undefined;
  readonly status?: ApplicationStatus | undefined;
  /** The start of the enterprise's name or credit code, or of the application's id. */
  readonly q?: string | undefined;
  readonly sort?: ApplicationSort | undefined;
  readonly order?: 'asc' | 'desc' | undefined;
}

/** One page of the queue (the server filters, sorts and pages); waits for the call to be known. */
export function useApplications(query: ApplicationQuery, limit = 20) {
  return useServerPage(
    keys.applications,
    '/api/v1/applications',
    { callId: query.callId, status: query.status, q: query.q, sort: query.sort, order: query.order },
    (url) => api.get<ApplicationList>(url),
    limit,
    query.callId !== undefined,
  );
}

/** How many of the call's applications (matching the search) are in each status: the queue's tabs. */
export function useApplicationCounts(callId: string | undefined, q: string) {
  const search = new URLSearchParams();
  if (callId) search.set('callId', callId);
  if (q) search.set('q', q);
  return useQuery({
    queryKey: keys.applicationCounts(callId, q),
    queryFn: () => api.get<ApplicationCounts>(`/api/v1/applications/counts?${search.toString()}`),
    enabled: callId !== undefined,
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: keys.application(id),
    queryFn: () => api.get<ApplicationView>(`/api/v1/applications/${encodeURIComponent(id)}`),
  });
}

/** An application's reviewers: a handful, so the largest page holds them all. */
export function useAssignments(applicationId: string) {
  return useQuery({
    queryKey: keys.assignments(applicationId),
    queryFn: () =>
      api
        .get<AssignmentList>(`/api/v1/reviews?applicationId=${encodeURIComponent(applicationId)}&limit=${PAGE_LIMIT_MAX}`)
        .then((r) => r.assignments),
  });
}

export function useRubric() {
  return useQuery({
    queryKey: ['officer', 'rubric'],
    queryFn: () => api.get<Rubric>('/api/v1/reviews/rubric'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useUsers() {
  return useQuery({ queryKey: keys.users, queryFn: () => api.get<UserList>('/api/v1/users').then((r) => r.users) });
}

export function useDashboard(callId: string | undefined) {
  return useQuery({
    queryKey: keys.dashboard(callId ?? ''),
    queryFn: () => api.get<BudgetDashboard>(`/api/v1/calls/${encodeURIComponent(callId ?? '')}/dashboard`),
    enabled: callId !== undefined,
  });
}

export function useNotices() {
  return useQuery({
    queryKey: keys.notices,
    queryFn: () => api.get<NoticeList>('/api/v1/notices').then((r) => r.notices),
  });
}

export function useNotice(id: string | undefined) {
  return useQuery({
    queryKey: keys.notice(id ?? ''),
    queryFn: () => api.get<Notice>(`/api/v1/notices/${encodeURIComponent(id ?? '')}`),
    enabled: id !== undefined,
  });
}

export function useObjections(noticeId: string | undefined) {
  return useQuery({
    queryKey: keys.objections(noticeId ?? ''),
    queryFn: () => api.get<ObjectionList>(`/api/v1/notices/${encodeURIComponent(noticeId ?? '')}/objections`).then((r) => r.objections),
    enabled: noticeId !== undefined,
  });
}

export function useOtherAwards() {
  return useQuery({
    queryKey: keys.otherAwards,
    queryFn: () => api.get<OtherAwardList>('/api/v1/other-policy-awards'),
  });
}

export function useAudit(params: {
  entity?: string | undefined;
  entityId?: string | undefined;
  before?: number | undefined;
  limit: number;
}) {
  const q = new URLSearchParams();
  if (params.entity) q.set('entity', params.entity);
  if (params.entityId) q.set('entityId', params.entityId);
  if (params.before) q.set('before', String(params.before));
  q.set('limit', String(params.limit));
  const query = q.toString();
  return useQuery({
    queryKey: keys.audit(query),
    queryFn: () => api.get<AuditLog>(`/api/v1/audit?${query}`).then((r) => r.entries),
    placeholderData: (prev) => prev,
  });
}

/**
 * The notice an application is on: of its call's notices (newest first), the one with a line of
 * it (asked of each notice's lines by the server, one line at most). The application's view does
 * not carry the notice's id, the notice's lines do.
 */
export function useNoticeOf(application: { id: string; callId: string }) {
  const notices = useQuery({
    queryKey: [...keys.notices, application.callId],
    queryFn: () => api.get<NoticeList>(`/api/v1/notices?callId=${encodeURIComponent(application.callId)}&limit=100`).then((r) => r.notices),
  });
  const views = useQueries({
    queries: (notices.data ?? []).map((n) => ({
      queryKey: [...keys.notice(n.id), application.id],
      queryFn: () => api.get<Notice>(`/api/v1/notices/${n.id}?limit=1&applicationId=${encodeURIComponent(application.id)}`),
    })),
  });
  const found = views.find((v) => (v.data?.lines.length ?? 0) > 0);
  return { data: found?.data, isLoading: notices.isLoading || views.some((v) => v.isLoading) };
}

export function useEnterprise(creditCode: string | undefined) {
  return useQuery({
    queryKey: ['officer', 'enterprise', creditCode ?? ''],
    queryFn: () => api.get<EnterpriseView>(`/api/v1/enterprises/${encodeURIComponent(creditCode ?? '')}`),
    enabled: creditCode !== undefined,
  });
}
