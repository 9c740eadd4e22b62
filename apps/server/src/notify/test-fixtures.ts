import type { OutboundMessage } from './message.js';
import { type OfferMessageInput, offerNoticeMessage } from './offer-templates.js';

/** An offer of two measures, one of them a maximum, to an enterprise without an account. */
export const OFFER: OfferMessageInput = {
  enterpriseName: '北京某某科技有限公司',
  callTitle: '2027年度丰台区人工智能产业支持措施申报（评估2026年度）',
  items: [
    { label: '第二条第（1）项（大模型合规备案）', amount: 500_000, review: false },
    { label: '第四条第（3）项（研发投入增量）', amount: 734_567, review: true },
  ],
  total: 1_234_567,
  deadline: '2027-04-30',
  confirmUrl: 'https://ftai.example.gov.cn/invitation',
  invitationCode: 'K7M2-Q9XP',
  issuer: '北京市丰台区科学技术和信息化局',
  phone: '010-63800000',
};

/** The notice of OFFER as a message to the given addresses. */
export function offerMessage(recipient: { email?: string | null; phone?: string | null } = {}, id = 'dlv-0001'): OutboundMessage {
  return {
    id,
    recipient: {
      creditCode: '91110106MA0000000X',
      enterpriseName: OFFER.enterpriseName,
      email: recipient.email ?? null,
      phone: recipient.phone ?? null,
    },
    ...offerNoticeMessage(OFFER),
  };
}
