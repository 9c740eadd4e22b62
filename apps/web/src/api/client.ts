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

/** Sends a request as the API expects it (language, CSRF token, idempotency key); an answer other than 2xx throws ApiError. */
async function send(method: string, path: string, body?: unknown, o: RequestOptions = {}): Promise<Response> {
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
  if (!res.ok) {
    const text = await res.text();
    // Another server on the way (a proxy's error page) may answer without the body: each part is optional.
    const d = ((text ? safeJson(text) : undefined) ?? {}) as Partial<ErrorBody>;
    // `message` is what a person reads (in the page's language); `error` as the server words it.
    throw new ApiError(res.status, d.code ?? `HTTP_${res.status}`, d.message ?? d.error ?? res.statusText, d.issues ?? []);
  }
  return res;
}

async function request<T>(method: string, path: string, body?: unknown, o: RequestOptions = {}): Promise<T> {
  const text = await (await send(method, path, body, o)).text();
  return (text ? safeJson(text) : undefined) as T;
}

/** A file the API answers (a PDF): its bytes and the name its Content-Disposition gives (the UTF-8 one first). */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}

function filenameOf(disposition: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // a malformed name: the plain one below
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

async function download(method: string, path: string, body?: unknown, o?: RequestOptions): Promise<DownloadedFile> {
  const res = await send(method, path, body, o);
  return { blob: await res.blob(), filename: filenameOf(res.headers.get('content-disposition'), path.split('/').pop() ?? 'download') };
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
  /** A file the API makes (a receipt's PDF), with the API's error in the page's language if it cannot. */
  getFile: (path: string, o?: RequestOptions) => download('GET', path, undefined, o),
  /** A file made from a request (POST): the calculation report's PDF. */
  postForFile: (path: string, body?: unknown, o?: RequestOptions) => download('POST', path, body ?? {}, o),
};

/** Saves a file in the browser under its name, as a download link would. */
export function saveFile({ blob, filename }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A fresh Idempotency-Key for one user action (retries of that action reuse it). */
export const newIdempotencyKey = (): string => crypto.randomUUID();
