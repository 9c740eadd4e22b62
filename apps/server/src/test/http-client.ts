/**
 * A caller of a server on a real port (startServer, `ftai serve`), as a browser is: keeps the
 * cookies, sends the CSRF token. Cookies and token may be handed to another instance's client.
 */
export class HttpClient {
  cookies: Record<string, string> = {};
  csrf = '';
  constructor(public base: string) {}

  async request(
    method: string,
    path: string,
    o: { json?: unknown; body?: FormData | Uint8Array; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...o.headers };
    const cookie = Object.entries(this.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    if (cookie) headers.cookie = cookie;
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    let body: FormData | Uint8Array | string | undefined = o.body;
    if (o.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(o.json);
    }
    const res = await fetch(`${this.base}${path}`, { method, headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '') delete this.cookies[name];
      else this.cookies[name] = value;
    }
    return res;
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, { ...(headers && { headers }) });
  post = (path: string, json?: unknown, headers?: Record<string, string>) =>
    this.request('POST', path, { ...(json !== undefined && { json }), ...(headers && { headers }) });

  /** Signs in; throws with the server's answer if that fails. */
  async login(username: string, password: string): Promise<this> {
    const res = await this.post('/api/v1/auth/login', { username, password });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status} ${body}`);
    this.csrf = (JSON.parse(body) as { csrfToken: string }).csrfToken;
    return this;
  }

  /** The same session (cookies and CSRF token) at another instance. */
  at(base: string): HttpClient {
    const c = new HttpClient(base);
    c.cookies = { ...this.cookies };
    c.csrf = this.csrf;
    return c;
  }
}
