import { createServer, type IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { httpSmsChannel, logSmsChannel, mobileNumber } from './sms-channel.js';
import { offerMessage } from './test-fixtures.js';

interface Request {
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/** A fake SMS provider on a free port: answers each POST with the next of `answers` (status and body), the last one over again. */
async function provider(answers: readonly { status: number; body?: string; delayMs?: number }[]) {
  const requests: Request[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      const answer = answers[Math.min(requests.length, answers.length) - 1] ?? { status: 200 };
      setTimeout(() => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body ?? '');
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/sms`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('mobile numbers', () => {
  it('takes a mainland mobile number, with or without +86, spaces and hyphens', () => {
    expect(mobileNumber('13800138000')).toBe('13800138000');
    expect(mobileNumber('+86 138-0013-8000')).toBe('13800138000');
    expect(mobileNumber('008613800138000')).toBe('13800138000');
    expect(mobileNumber('010-63800000')).toBeNull();
    expect(mobileNumber('1380013800')).toBeNull();
    expect(mobileNumber('23800138000')).toBeNull();
    expect(mobileNumber(null)).toBeNull();
  });
});

describe('log-only SMS', () => {
  it('writes the SMS as a JSON line and counts it sent', async () => {
    const lines: string[] = [];
    const channel = logSmsChannel((line) => lines.push(line));
    expect(channel.kind).toBe('sms');
    const message = offerMessage({ phone: '+86 138 0013 8000' }, 'dlv-7');
    expect(await channel.send(message)).toEqual({ status: 'sent', providerId: null });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0] as string)).toEqual({ id: 'dlv-7', to: '13800138000', text: message.sms });
  });

  it('skips an enterprise without a mobile number, or with a landline', async () => {
    const lines: string[] = [];
    const channel = logSmsChannel((line) => lines.push(line));
    expect(await channel.send(offerMessage({ phone: null }))).toEqual({ status: 'skipped', reason: 'no mobile number on record' });
    expect(await channel.send(offerMessage({ phone: '010-63800000' }))).toEqual({
      status: 'skipped',
      reason: 'not a mainland mobile number: 010-63800000',
    });
    expect(lines).toEqual([]);
  });
});

describe('HTTP SMS provider', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0)) await c();
  });

  async function start(answers: readonly { status: number; body?: string; delayMs?: number }[]) {
    const p = await provider(answers);
    cleanup.push(p.close);
    return p;
  }

  it('posts {to, text, id} with the bearer token and takes the provider’s id', async () => {
    const p = await start([{ status: 200, body: '{"id":"sms-123","ok":true}' }]);
    const channel = httpSmsChannel({ url: p.url, token: 'secret-token' });
    const message = offerMessage({ phone: '13800138000' }, 'dlv-9');
    expect(await channel.send(message)).toEqual({ status: 'sent', providerId: 'sms-123' });
    expect(p.requests).toHaveLength(1);
    const [req] = p.requests;
    expect(req?.headers.authorization).toBe('Bearer secret-token');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.body).toEqual({ to: '13800138000', text: message.sms, id: 'dlv-9' });
  });

  it('sends no authorization without a token, and counts a 2xx without an id sent', async () => {
    const p = await start([{ status: 202, body: 'queued' }]);
    const result = await httpSmsChannel({ url: p.url, token: undefined }).send(offerMessage({ phone: '13800138000' }));
    expect(result).toEqual({ status: 'sent', providerId: null });
    expect(p.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('fails to be tried again on 503 and 429', async () => {
    const p = await start([{ status: 503, body: '{"error":"maintenance"}' }, { status: 429 }]);
    const channel = httpSmsChannel({ url: p.url, token: 't' });
    expect(await channel.send(offerMessage({ phone: '13800138000' }))).toEqual({
      status: 'failed',
      error: 'SMS provider answered 503: {"error":"maintenance"}',
      retry: true,
    });
    expect(await channel.send(offerMessage({ phone: '13800138000' }))).toMatchObject({ status: 'failed', retry: true });
  });

  it('fails for good on 400', async () => {
    const p = await start([{ status: 400, body: '{"error":"bad number"}' }]);
    const result = await httpSmsChannel({ url: p.url, token: 't' }).send(offerMessage({ phone: '13800138000' }));
    expect(result).toEqual({ status: 'failed', error: 'SMS provider answered 400: {"error":"bad number"}', retry: false });
  });

  it('fails to be tried again when the provider is slow or away', async () => {
    const p = await start([{ status: 200, body: '{"id":"late"}', delayMs: 2_000 }]);
    const slow = await httpSmsChannel({ url: p.url, token: 't', timeoutMs: 100 }).send(offerMessage({ phone: '13800138000' }));
    expect(slow).toEqual({ status: 'failed', error: 'SMS provider unreachable: no answer within 100 ms', retry: true });
    await p.close();
    const away = await httpSmsChannel({ url: p.url, token: 't' }).send(offerMessage({ phone: '13800138000' }));
    expect(away).toMatchObject({ status: 'failed', retry: true });
    expect(away.status === 'failed' && away.error).toContain('ECONNREFUSED');
  });

  it('skips an invalid number without asking the provider', async () => {
    const p = await start([{ status: 200 }]);
    const result = await httpSmsChannel({ url: p.url, token: 't' }).send(offerMessage({ phone: '12345' }));
    expect(result).toEqual({ status: 'skipped', reason: 'not a mainland mobile number: 12345' });
    expect(p.requests).toHaveLength(0);
  });
});
