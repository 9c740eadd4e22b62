import type { Assignment, AssignmentList, ReviewStage, Rubric } from '@ftai/api';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useServerPage } from '../../lib/use-server-page';

/** A page of the signed-in reviewer's assignments, newest first, of one stage or all (the server pages). */
export function useAssignments(stage: ReviewStage | undefined, limit = 20, enabled = true) {
  return useServerPage(['reviews', 'page'], '/api/v1/reviews', { stage }, (url) => api.get<AssignmentList>(url), limit, enabled);
}

/** How many assignments wait in each stage: the total of a one-row page of each. */
export function useStageCounts(stages: readonly ReviewStage[]) {
  return useQueries({
    queries: stages.map((stage) => ({
      queryKey: ['reviews', 'count', stage],
      queryFn: () => api.get<AssignmentList>(`/api/v1/reviews?stage=${stage}&limit=1`).then((r) => r.page.total),
    })),
  });
}

/** One of the reviewer's assignments, by its id (null once it is gone: withdrawn, or never its). */
export function useAssignment(id: string | undefined) {
  return useQuery({
    queryKey: ['reviews', 'one', id ?? ''],
    queryFn: (): Promise<Assignment | null> =>
      api.get<AssignmentList>(`/api/v1/reviews?assignmentId=${encodeURIComponent(id ?? '')}&limit=1`).then((r) => r.assignments[0] ?? null),
    enabled: id !== undefined,
  });
}

/** The rubric: criteria with Chinese and English labels and their maximum points. */
export function useRubric() {
  return useQuery({
    queryKey: ['review-rubric'],
    queryFn: () => api.get<Rubric>('/api/v1/reviews/rubric'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
