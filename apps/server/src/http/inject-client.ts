import type { FastifyInstance } from 'fastify';

export interface InjectOptions {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly idempotencyKey?: string;
  /** Leave the CSRF token out (to test that it is required). */
  readonly noCsrf?: boolean;
  readonly payload?: unknown;
}

/**
 * A caller of the app without a port (`app.inject`): keeps the cookies and sends the CSRF token,
 * as a browser would. Used by the tests and by the demo seeder, so that both go through every rule.
 */
export class InjectClient {
  cookies: Record<string, string> = {};
  csrf = '';
  constructor(readonly app: FastifyInstance) {}

  async request(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, o: InjectOptions = {}) {
    const headers: Record<string, string> = { ...o.headers };
    const cookie = Object.entries(this.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    if (cookie) headers.cookie = cookie;
    if (this.csrf && !o.noCsrf) headers['x-csrf-token'] = this.csrf;
    if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(o.payload !== undefined ? { payload: o.payload as string } : o.body !== undefined ? { payload: o.body as object } : {}),
    });
    for (const c of res.cookies) {
      // A cleared cookie comes back empty; expiry is the server's business (its clock may be a test's).
      if (c.value === '') delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    return res;
  }
  get = (url: string, o?: InjectOptions) => this.request('GET', url, o);
  post = (url: string, body?: unknown, o?: InjectOptions) => this.request('POST', url, { ...o, body });
  put = (url: string, body?: unknown, o?: InjectOptions) => this.request('PUT', url, { ...o, body });
  patch = (url: string, body?: unknown, o?: InjectOptions) => this.request('PATCH', url, { ...o, body });

  /** Signs in; throws with the server's answer if that fails. */
  async login(username: string, password: string): Promise<this> {
    const res = await this.post('/api/v1/auth/login', { username, password });
    if (res.statusCode !== 200) throw new Error(`sign-in as ${username}: ${res.statusCode} ${res.body}`);
    this.csrf = (res.json() as { csrfToken: string }).csrfToken;
    return this;
  }
}
