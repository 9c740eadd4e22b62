import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
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

/** A message the test's SMTP server took: its envelope's recipients and the mail as a client reads it. */
export interface Received {
  readonly rcptTo: string[];
  readonly mail: ParsedMail;
}

/**
 * An SMTP server in the test's process on a free port (the e-mail channel's tests, the offers' and
 * the end-to-end loop's); `rcptReply` refuses every recipient with that code. A pooled client's
 * connection is waited for at most half a second on close.
 */
export async function startSmtpServer(rcptReply?: number) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    closeTimeout: 500,
    onRcptTo(_address, _session, callback) {
      if (rcptReply === undefined) return callback();
      const error = Object.assign(new Error(rcptReply >= 500 ? 'no such mailbox' : 'try again later'), { responseCode: rcptReply });
      callback(error);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    received,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}
