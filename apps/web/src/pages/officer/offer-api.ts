import type { MatchJobDetail, MatchJobList, OfferBatch, OfferBatchBody, OfferBatchList, OfferBatchPreview, OfferPage } from '@ftai/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { OfferStatus } from '../../api/offer-words';
import { useServerPage } from '../../lib/use-server-page';
import type { ContactRow } from './lib/contacts-csv';

/**
 * 免申即享 for officers: the batches (of a call if asked), one batch with its counts, its offers a
 * page at a time, the preview and the commit of a new batch, and the import of contacts.
 */

/** Query keys: ['officer', 'offer-batches'] covers the list, each batch and its pages of offers. */
export const offerBatchKeys = {
  all: ['officer', 'offer-batches'] as const,
  list: (callId: string | undefined) => ['officer', 'offer-batches', 'list', callId ?? ''] as const,
  batch: (id: string) => ['officer', 'offer-batches', id] as const,
  offers: (id: string) => ['officer', 'offer-batches', id, 'offers'] as const,
};

const batchPath = (id: string) => `/api/v1/offer-batches/${encodeURIComponent(id)}`;

export function useOfferBatches(callId: string | undefined) {
  return useQuery({
    queryKey: offerBatchKeys.list(callId),
    queryFn: () =>
      api.get<OfferBatchList>(`/api/v1/offer-batches${callId ? `?callId=${encodeURIComponent(callId)}` : ''}`).then((r) => r.batches),
  });
}

/** One batch; its counts move as messages go out and enterprises decide: asked again every 15 seconds. */
export function useOfferBatch(id: string) {
  return useQuery({ queryKey: offerBatchKeys.batch(id), queryFn: () => api.get<OfferBatch>(batchPath(id)), refetchInterval: 15_000 });
}

/** A page of a batch's offers, of one status if asked. */
export function useBatchOffers(id: string, status: OfferStatus | undefined, limit = 20) {
  return useServerPage(offerBatchKeys.offers(id), `${batchPath(id)}/offers`, { status }, (url) => api.get<OfferPage>(url), limit);
}

/** What a batch would be: who, how much, against the call's budget. */
export function usePreviewBatch() {
  return useMutation({
    mutationFn: ({ callId, body }: { callId: string; body: OfferBatchBody }) =>
      api.post<OfferBatchPreview>(`/api/v1/calls/${encodeURIComponent(callId)}/offer-batches/preview`, body),
  });
}

/** Creates the batch: its offers, and their messages queued. */
export function useCommitBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ callId, body }: { callId: string; body: OfferBatchBody }) =>
      api.post<OfferBatch>(`/api/v1/calls/${encodeURIComponent(callId)}/offer-batches`, body),
    onSuccess: async (batch) => {
      queryClient.setQueryData(offerBatchKeys.batch(batch.id), batch);
      await queryClient.invalidateQueries({ queryKey: offerBatchKeys.all });
    },
  });
}

/** The match jobs done (their results can become a batch), newest first. */
export function useFinishedMatchJobs() {
  return useQuery({
    queryKey: ['officer', 'match-jobs', 'finished'],
    queryFn: () => api.get<MatchJobList>('/api/v1/match-jobs?status=done&limit=100').then((r) => r.jobs),
  });
}

/** One match job (the one a batch is made from). */
export function useMatchJob(id: string | undefined) {
  return useQuery({
    queryKey: ['officer', 'match-job', id ?? ''],
    queryFn: () => api.get<MatchJobDetail>(`/api/v1/match-jobs/${encodeURIComponent(id ?? '')}`),
    enabled: id !== undefined && id !== '',
  });
}

/** Records the enterprises' contacts (e-mail, mobile), for those with an account or not. */
export function useImportContacts() {
  return useMutation({
    mutationFn: (contacts: readonly ContactRow[]) =>
      api.post<{ updated: number; created: number }>('/api/v1/enterprise-contacts', { contacts }),
  });
}
