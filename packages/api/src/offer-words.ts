/**
 * The words of 免申即享 the pages print as they are: the offers' statuses and their labels, and the
 * commitment (承诺) an enterprise makes when it confirms. No imports: the browser loads it as it is
 * (`@ftai/api/offer-words`), without the schemas.
 */

export const OFFER_STATUSES = ['pending', 'confirmed', 'declined', 'expired'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** How an offer's status reads (CHINESE.md). */
export const OFFER_STATUS_LABELS: Readonly<Record<OfferStatus, { readonly zh: string; readonly en: string }>> = {
  pending: { zh: '待确认', en: 'Awaiting confirmation' },
  confirmed: { zh: '已确认申领', en: 'Confirmed' },
  declined: { zh: '已放弃', en: 'Declined' },
  expired: { zh: '已逾期', en: 'Expired' },
};

/** The commitment an enterprise makes when it confirms (承诺), as the form prints it and the audit records it. */
export const OFFER_COMMITMENT =
  '本单位承诺：所依据的信息真实、准确、完整，本单位在丰台区注册、纳税，无严重失信记录；同一事项未重复享受区内其他同类政策支持；如有不实，自愿退回支持资金并承担相应责任。';
