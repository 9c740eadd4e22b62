import type { ErrorBody, FieldIssue } from '@ftai/api';

export type { FieldIssue };

/** An answer other than 2xx: the server's message, stable code and field issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

let csrfToken = '';
/** Kept from sign-in (and /auth/me): every state change sends it as x-csrf-token. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export interface RequestOptions {
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
}

async function request<T>(method: string, path: string, body?: unknown, o: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  // The API words its error messages (`message`) in the page's language.
  headers['accept-language'] = typeof document !== 'undefined' && document.documentElement.lang.startsWith('en') ? 'en' : 'zh-CN';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
  const res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal: o.signal });
  const text = await res.text();
  const data = text ? safeJson(text) : undefined;
  if (!res.ok) {
    // Another server on the way (a proxy's error page) may answer without the body: each part is optional.
    const d = (data ?? {}) as Partial<ErrorBody>;
    // `message` is what a person reads (in the page's language); `error` as the server words it.
    throw new ApiError(res.status, d.code ?? `HTTP_${res.status}`, d.message ?? d.error ?? res.statusText, d.issues ?? []);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { error: text };
  }
}

/** The platform's API (same origin). */
export const api = {
  get: <T>(path: string, o?: RequestOptions) => request<T>('GET', path, undefined, o),
  post: <T>(path: string, body?: unknown, o?: RequestOptions) => request<T>('POST', path, body ?? {}, o),
  put: <T>(path: string, body?: unknown, o?: RequestOptions) => request<T>('PUT', path, body ?? {}, o),
  patch: <T>(path: string, body?: unknown, o?: RequestOptions) => request<T>('PATCH', path, body ?? {}, o),
};

/** A fresh Idempotency-Key for one user action (retries of that action reuse it). */
export const newIdempotencyKey = (): string => crypto.randomUUID();
