import type {
  ApplicationList,
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

/** Query keys of the officer console: a change invalidates by the first element. */
export const keys = {
  calls: ['officer', 'calls'] as const,
  applications: (callId?: string) => ['officer', 'applications', callId ?? 'all'] as const,
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

export function useApplications(callId: string | undefined) {
  return useQuery({
    queryKey: keys.applications(callId),
    queryFn: () =>
      api.get<ApplicationList>(`/api/v1/applications${callId ? `?callId=${encodeURIComponent(callId)}` : ''}`).then((r) => r.applications),
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: keys.application(id),
    queryFn: () => api.get<ApplicationView>(`/api/v1/applications/${encodeURIComponent(id)}`),
  });
}

export function useAssignments(applicationId: string) {
  return useQuery({
    queryKey: keys.assignments(applicationId),
    queryFn: () => api.get<AssignmentList>(`/api/v1/reviews?applicationId=${encodeURIComponent(applicationId)}`).then((r) => r.assignments),
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
 * The notice an application is on: of its call's notices (newest first), the one whose lines
 * name it. The application's view does not carry the notice's id, the notice's lines do.
 */
export function useNoticeOf(application: { id: string; callId: string }) {
  const notices = useNotices();
  const ofCall = (notices.data ?? []).filter((n) => n.call.id === application.callId);
  const views = useQueries({
    queries: ofCall.map((n) => ({ queryKey: keys.notice(n.id), queryFn: () => api.get<Notice>(`/api/v1/notices/${n.id}`) })),
  });
  const found = views.find((v) => v.data?.lines.some((l) => l.applicationId === application.id));
  return { data: found?.data, isLoading: notices.isLoading || views.some((v) => v.isLoading) };
}

export function useEnterprise(creditCode: string | undefined) {
  return useQuery({
    queryKey: ['officer', 'enterprise', creditCode ?? ''],
    queryFn: () => api.get<EnterpriseView>(`/api/v1/enterprises/${encodeURIComponent(creditCode ?? '')}`),
    enabled: creditCode !== undefined,
  });
}
