import type { ApplicationList, ApplicationView, CallList, EnterpriseView } from '@ftai/api';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The applicant's enterprise with its profile and past awards. */
export function useEnterprise() {
  return useQuery({ queryKey: ['portal', 'enterprise'], queryFn: () => api.get<EnterpriseView>('/api/v1/enterprises/me') });
}

/** Every annual call (the home page shares the cache). */
export function useCalls() {
  return useQuery({ queryKey: ['calls'], queryFn: () => api.get<CallList>('/api/v1/calls') });
}

/** The applicant's applications, newest first. */
export function useMyApplications() {
  return useQuery({
    queryKey: ['portal', 'applications'],
    queryFn: () => api.get<ApplicationList>('/api/v1/applications'),
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
