import type { Offer } from '@ftai/api';
import type { OfferStatus } from '../../api/offer-words';
import { daysBetween } from '../../lib/beijing-date';

/**
 * How an offer stands on `today` (Beijing, YYYY-MM-DD): as the server says, except that one still
 * pending past its deadline is expired already (the server's sweep may not have closed it yet, and
 * refuses to confirm it).
 */
export function offerStanding(offer: Pick<Offer, 'status' | 'deadline'>, today: string): OfferStatus {
  if (offer.status === 'pending' && offer.deadline < today) return 'expired';
  return offer.status;
}

/** Days left to confirm, counting the deadline itself as the last day: 0 on it, null once past. */
export function daysLeft(deadline: string, today: string): number | null {
  const d = daysBetween(today, deadline);
  return d < 0 ? null : d;
}

/** The offers to confirm still, soonest deadline first: what the dashboard puts at the top. */
export function pendingOffers<T extends Pick<Offer, 'status' | 'deadline'>>(offers: readonly T[], today: string): T[] {
  return offers.filter((o) => offerStanding(o, today) === 'pending').sort((a, b) => a.deadline.localeCompare(b.deadline));
}
