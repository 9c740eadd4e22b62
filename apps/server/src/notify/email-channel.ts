import type { NodemailerError } from 'nodemailer';
import { createTransport } from 'nodemailer';
import type { DeliveryResult, NotifyChannel, OutboundMessage } from './message.js';

/** The SMTP server and sender of the e-mails (FTAI_SMTP_URL, FTAI_MAIL_FROM). */
export interface EmailSettings {
  /** smtp://user:pass@host:587 (STARTTLS where offered) or smtps://user:pass@host:465; query options override the defaults. */
  readonly smtpUrl: string;
  /** The sender, e.g. "丰台区科学技术和信息化局 <noreply@example.gov.cn>". */
  readonly from: string;
}

/** The header that carries the delivery's id, beside a Message-ID made from it. */
export const TRACE_HEADER = 'X-Ftai-Message';

/** A loose check of an address: something@something, no spaces or angle brackets. */
const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** Codes of failures that retrying the same message would meet again (bad settings or a bad message). */
const PERMANENT = new Set([
  'EAUTH',
  'ENOAUTH',
  'ECONFIG',
  'EENVELOPE',
  'EMESSAGE',
  'EMAXRECIPIENTS',
  'EREQUIRETLS',
  'EFILEACCESS',
  'EURLACCESS',
  'ERR_ACCESS_DENIED',
]);

/** The domain of the sender's address, for Message-IDs. */
function senderDomain(from: string): string {
  const match = /@([^\s<>@]+?)>?\s*$/.exec(from.trim());
  return match?.[1] ?? 'ftai.localhost';
}

/**
 * A nodemailer error as a failure: an SMTP reply decides by its class (4xx and 503 again later,
 * other 5xx never); without one, a connection, socket, DNS or TLS problem is tried again and a
 * rejected envelope, a bad message or failed authentication is not.
 */
export function smtpFailure(error: unknown): DeliveryResult & { status: 'failed' } {
  const e = (error ?? {}) as NodemailerError;
  const message = e instanceof Error ? e.message : String(error);
  const code = typeof e.code === 'string' ? e.code : undefined;
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const what = [code, reply].filter((p) => p !== undefined).join(' ');
  const retry =
    reply !== undefined ? !(e.permanent ?? (reply >= 500 && reply < 600 && reply !== 503)) : !(code !== undefined && PERMANENT.has(code));
  return { status: 'failed', error: what ? `${what}: ${message}` : message, retry };
}

/**
 * The e-mail channel: sends the message's subject, text and HTML through the SMTP server over a
 * small pool of connections, to the enterprise's address under its name. The Message-ID and the
 * X-Ftai-Message header carry the delivery's id, so a bounce or a mail log leads back to it; the
 * result's providerId is that Message-ID. Skipped without a usable address.
 */
export function emailChannel(settings: EmailSettings): NotifyChannel {
  const transport = createTransport({
    url: settings.smtpUrl,
    pool: true,
    maxConnections: 3,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  const domain = senderDomain(settings.from);
  return {
    kind: 'email',
    async send(message: OutboundMessage): Promise<DeliveryResult> {
      const address = message.recipient.email?.trim() ?? '';
      if (address === '') return { status: 'skipped', reason: 'no e-mail address on record' };
      if (!ADDRESS.test(address)) return { status: 'skipped', reason: `not an e-mail address: ${address}` };
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: { name: message.recipient.enterpriseName, address },
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: `<${message.id}@${domain}>`,
          headers: { [TRACE_HEADER]: message.id },
        });
        return { status: 'sent', providerId: info.messageId || null };
      } catch (error) {
        return smtpFailure(error);
      }
    },
    async close(): Promise<void> {
      transport.close();
    },
  };
}
