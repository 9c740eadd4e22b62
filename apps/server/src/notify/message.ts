/** Who a message goes to: the enterprise, and the addresses on record for it (null where none is). */
export interface Recipient {
  readonly creditCode: string;
  readonly enterpriseName: string;
  readonly email: string | null;
  readonly phone: string | null;
}

/**
 * One message to one enterprise, written once for every channel: the e-mail's subject, plain text
 * and HTML, and the short SMS line. `id` names the delivery, so that what arrives can be traced
 * back to it (the e-mail's Message-ID and X-Ftai-Message header, the SMS provider's request).
 */
export interface OutboundMessage {
  readonly id: string;
  readonly recipient: Recipient;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly sms: string;
}

/**
 * What became of a message on one channel: sent (with the provider's id for it, where it gives
 * one), skipped (nothing to send it to, e.g. no e-mail address on record), or failed. A failure with
 * `retry` passed (connection refused, SMTP 4xx, HTTP 429 or 5xx) may go through later; one without
 * (SMTP 5xx, HTTP 4xx) would be refused again.
 */
export type DeliveryResult =
  | { readonly status: 'sent'; readonly providerId: string | null }
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'failed'; readonly error: string; readonly retry: boolean };

/**
 * A way to reach an enterprise (e-mail or SMS). `send` never throws for a delivery problem: it
 * answers with a DeliveryResult. `close` lets go of pooled connections on shutdown.
 */
export interface NotifyChannel {
  readonly kind: 'email' | 'sms';
  send(message: OutboundMessage): Promise<DeliveryResult>;
  close?(): Promise<void>;
}
