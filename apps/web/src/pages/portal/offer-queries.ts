import type { MessageList, Offer, OfferConfirmBody, OfferList } from '@ftai/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import { useServerPage } from '../../lib/use-server-page';

/**
 * 免申即享 in the portal: the enterprise's offers, one offer (its first look marks it read), its
 * confirmation and decline, and the message centre (站内信) with its unread count.
 */

/** Query keys: invalidating ['portal', 'messages'] refreshes the list's pages and the unread count alike. */
export const offerKeys = {
  offers: ['portal', 'offers'] as const,
  offer: (id: string) => ['portal', 'offers', id] as const,
  messages: ['portal', 'messages'] as const,
  unread: ['portal', 'messages', 'unread'] as const,
};

const offerPath = (id: string) => `/api/v1/offers/${encodeURIComponent(id)}`;

/** The enterprise's offers, newest first. */
export function useOffers() {
  return useQuery({ queryKey: offerKeys.offers, queryFn: () => api.get<OfferList>('/api/v1/offers').then((r) => r.offers) });
}

/** One offer, whole: items with their explanations, the facts, the decision. */
export function useOffer(id: string | undefined) {
  return useQuery({
    queryKey: offerKeys.offer(id ?? ''),
    queryFn: () => api.get<Offer>(offerPath(id ?? '')),
    enabled: id !== undefined,
    // Another enterprise's offer, or none: asked once.
    retry: (count, e) => count < 1 && !(e instanceof ApiError && (e.status === 404 || e.status === 403)),
  });
}

/** After a decision: the offer as answered, and whatever shows it (the dashboard, the applications, the messages). */
function useSettle() {
  const queryClient = useQueryClient();
  return async (offer: Offer) => {
    queryClient.setQueryData(offerKeys.offer(offer.id), offer);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: offerKeys.offers, exact: true }),
      queryClient.invalidateQueries({ queryKey: ['portal', 'applications'] }),
      queryClient.invalidateQueries({ queryKey: offerKeys.messages }),
    ]);
  };
}

/** 确认申领: the commitment, and the bank account where none is on record (confirming twice is harmless). */
export function useConfirmOffer(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (body: OfferConfirmBody) => api.post<Offer>(`${offerPath(id)}/confirm`, body),
    onSuccess: settle,
  });
}

/** 放弃, with the reason the officer reads. */
export function useDeclineOffer(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (reason: string) => api.post<Offer>(`${offerPath(id)}/decline`, { reason }),
    onSuccess: settle,
  });
}

/** A page of the message centre, newest first. */
export function useMessagesPage(limit = 20) {
  return useServerPage([...offerKeys.messages, 'page'], '/api/v1/messages', {}, (url) => api.get<MessageList>(url), limit);
}

/** How many messages are unread: the navigation's badge (asked again every minute, and when the tab is back in front). */
export function useUnreadCount() {
  return useQuery({
    queryKey: offerKeys.unread,
    queryFn: () => api.get<MessageList>('/api/v1/messages?limit=1').then((r) => r.unread),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

/** Marks a message read (its offer too). */
export function useReadMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/api/v1/messages/${encodeURIComponent(id)}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: offerKeys.messages }),
  });
}
