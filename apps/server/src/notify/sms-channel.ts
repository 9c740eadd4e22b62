import type { DeliveryResult, NotifyChannel, OutboundMessage } from './message.js';

/** The HTTP SMS provider (FTAI_SMS_URL, FTAI_SMS_TOKEN) and how long to wait for it. */
export interface HttpSmsSettings {
  /** Where to POST JSON {to, text, id}. */
  readonly url: string;
  /** Sent as `authorization: Bearer …` when set. */
  readonly token: string | undefined;
  /** Milliseconds before the request is given up (and tried again later); 10,000 by default. */
  readonly timeoutMs?: number;
}

/**
 * A mainland mobile number as providers take it (11 digits starting with 1), or null. Spaces,
 * hyphens and a +86, 0086 or 86 prefix are allowed: "+86 138-0013-8000" → "13800138000".
 */
export function mobileNumber(phone: string | null): string | null {
  if (phone === null) return null;
  const digits = phone.trim().replace(/[\s-]/g, '');
  const match = /^(?:\+86|0086|86)?(1\d{10})$/.exec(digits);
  return match?.[1] ?? null;
}

/** The recipient's mobile number, or why the SMS is skipped. */
function target(message: OutboundMessage): { to: string } | { status: 'skipped'; reason: string } {
  const phone = message.recipient.phone?.trim() ?? '';
  if (phone === '') return { status: 'skipped', reason: 'no mobile number on record' };
  const to = mobileNumber(phone);
  return to ? { to } : { status: 'skipped', reason: `not a mainland mobile number: ${phone}` };
}

/**
 * The log-only SMS driver, the default where no provider is set: writes each SMS as a JSON line
 * {id, to, text} (to standard output unless told otherwise) and counts it sent, so that a test or
 * a pilot sees what would go out. Skipped without a mobile number.
 */
export function logSmsChannel(write: (line: string) => void = (line) => process.stdout.write(line)): NotifyChannel {
  return {
    kind: 'sms',
    async send(message: OutboundMessage): Promise<DeliveryResult> {
      const t = target(message);
      if (!('to' in t)) return t;
      write(`${JSON.stringify({ id: message.id, to: t.to, text: message.sms })}\n`);
      return { status: 'sent', providerId: null };
    },
  };
}

/** At most this much of a provider's error answer goes into the failure's text. */
const ANSWER_CHARS = 200;

/**
 * The HTTP SMS driver: POSTs JSON {to, text, id} to the provider (with the bearer token when one
 * is set), waiting `timeoutMs` at most. 2xx is sent, with the provider's id from the answer's `id`
 * where it has one; 408, 429, 5xx, a timeout or no connection fail to be tried again; other answers
 * (4xx: a request the provider refuses) fail for good. Skipped without a mainland mobile number.
 */
export function httpSmsChannel(settings: HttpSmsSettings): NotifyChannel {
  const timeoutMs = settings.timeoutMs ?? 10_000;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (settings.token) headers.authorization = `Bearer ${settings.token}`;
  return {
    kind: 'sms',
    async send(message: OutboundMessage): Promise<DeliveryResult> {
      const t = target(message);
      if (!('to' in t)) return t;
      let response: Response;
      try {
        response = await fetch(settings.url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ to: t.to, text: message.sms, id: message.id }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const e = error as Error & { cause?: { code?: string } };
        const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.message);
        return { status: 'failed', error: `SMS provider unreachable: ${why}`, retry: true };
      }
      // A body lost on the way counts as empty: a 2xx was still sent.
      const body = await response.text().catch(() => '');
      if (response.ok) return { status: 'sent', providerId: providerId(body) };
      const retry = response.status === 408 || response.status === 429 || response.status >= 500;
      const said = body.trim().slice(0, ANSWER_CHARS);
      return { status: 'failed', error: `SMS provider answered ${response.status}${said ? `: ${said}` : ''}`, retry };
    },
  };
}

/** The `id` of a JSON answer ({"id": "…"} or a number), or null. */
function providerId(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'id' in parsed) {
      const id = (parsed as { id: unknown }).id;
      if (typeof id === 'string' && id !== '') return id;
      if (typeof id === 'number' && Number.isFinite(id)) return String(id);
    }
  } catch {
    // Not JSON: no id.
  }
  return null;
}
