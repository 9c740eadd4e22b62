import type { AssignmentList, Rubric } from '@ftai/api';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The signed-in reviewer's assignments, newest first. */
export function useAssignments() {
  return useQuery({ queryKey: ['reviews'], queryFn: () => api.get<AssignmentList>('/api/v1/reviews') });
}

/** The rubric: criteria with Chinese and English labels and their maximum points. */
export function useRubric() {
  return useQuery({
    queryKey: ['review-rubric'],
    queryFn: () => api.get<Rubric>('/api/v1/reviews/rubric'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
