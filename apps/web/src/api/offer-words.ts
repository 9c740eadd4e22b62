/**
 * The words of 免申即享 the pages print: the statuses and the commitment from the contract
 * (@ftai/api/offer-words, which the browser takes without the schemas), and what only the pages
 * need: the statuses' colours and the commitment in English.
 */

import type { OfferStatus } from '@ftai/api/offer-words';

export { OFFER_COMMITMENT, OFFER_STATUS_LABELS, OFFER_STATUSES, type OfferStatus } from '@ftai/api/offer-words';

/** The tag colour of each status. */
export const OFFER_STATUS_COLORS: Readonly<Record<OfferStatus, string>> = {
  pending: 'gold',
  confirmed: 'green',
  declined: 'default',
  expired: 'red',
};

/** The commitment in English, for the page in English (the Chinese one is what the enterprise signs). */
export const OFFER_COMMITMENT_EN =
  'We declare that the information relied on is true, accurate and complete; that we are registered and pay taxes in Fengtai District and have no record of serious dishonesty; that we have not received other support of the district for the same item; and that, should any of this be untrue, we will return the support and bear the consequences.';
