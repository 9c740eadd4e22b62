import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Call } from '../../api/types';
import type { ApplicationSummary, ApplicationView, Enterprise } from './application-types';

/** The applicant's enterprise with its profile and past awards. */
export function useEnterprise() {
  return useQuery({ queryKey: ['portal', 'enterprise'], queryFn: () => api.get<Enterprise>('/api/v1/enterprises/me') });
}

/** Every annual call (the home page shares the cache). */
export function useCalls() {
  return useQuery({ queryKey: ['calls'], queryFn: () => api.get<{ calls: Call[] }>('/api/v1/calls') });
}

/** The applicant's applications, newest first. */
export function useMyApplications() {
  return useQuery({
    queryKey: ['portal', 'applications'],
    queryFn: () => api.get<{ applications: ApplicationSummary[] }>('/api/v1/applications'),
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
