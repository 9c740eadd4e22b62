import { createServer } from 'node:net';
import type { AddressObject } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { emailChannel, smtpFailure } from './email-channel.js';
import type { NotifyChannel } from './message.js';
import { offerMessage, type Received, startSmtpServer as smtpServer } from './test-fixtures.js';

const FROM = '丰台区科学技术和信息化局 <noreply@example.gov.cn>';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const first = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)?.value[0];

describe('e-mail channel', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function channelTo(url: string): Promise<NotifyChannel> {
    const channel = emailChannel({ smtpUrl: url, from: FROM });
    cleanup.push(async () => channel.close?.());
    return channel;
  }

  it('sends the offer to the enterprise, in Chinese, traceable to its delivery', async () => {
    const smtp = await smtpServer();
    cleanup.push(smtp.close);
    const channel = await channelTo(smtp.url);
    expect(channel.kind).toBe('email');
    const result = await channel.send(offerMessage({ email: 'contact@mouxie.example.cn' }, 'dlv-0042'));
    expect(result).toEqual({ status: 'sent', providerId: '<dlv-0042@example.gov.cn>' });

    expect(smtp.received).toHaveLength(1);
    const { rcptTo, mail } = smtp.received[0] as Received;
    expect(rcptTo).toEqual(['contact@mouxie.example.cn']);
    expect(first(mail.to)).toEqual({ address: 'contact@mouxie.example.cn', name: '北京某某科技有限公司' });
    expect(first(mail.from)).toEqual({ address: 'noreply@example.gov.cn', name: '丰台区科学技术和信息化局' });
    expect(mail.subject).toBe('【免申即享】北京某某科技有限公司可享受丰台区人工智能政策支持（待确认）');
    expect(mail.text).toContain('（一）第二条第（1）项（大模型合规备案）：500,000元；');
    expect(mail.text).toContain('合计：最高1,234,567元。');
    expect(mail.text).toContain('请于2027年4月30日前登录以下网址确认申领：');
    expect(mail.html).toMatch(/<td[^>]*>第二条第（1）项（大模型合规备案）<\/td><td[^>]*>500,000元<\/td>/);
    expect(mail.html).toContain('最高734,567元，以评审认定为准');
    expect(mail.messageId).toBe('<dlv-0042@example.gov.cn>');
    expect(mail.headers.get('x-ftai-message')).toBe('dlv-0042');
  });

  it('sends several over the pooled connection', async () => {
    const smtp = await smtpServer();
    cleanup.push(smtp.close);
    const channel = await channelTo(smtp.url);
    const results = await Promise.all(['a', 'b', 'c'].map((id) => channel.send(offerMessage({ email: `${id}@example.cn` }, id))));
    expect(results.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(smtp.received.map((r) => r.rcptTo[0]).sort()).toEqual(['a@example.cn', 'b@example.cn', 'c@example.cn']);
  });

  it('fails for good when the server refuses the recipient (550)', async () => {
    const smtp = await smtpServer(550);
    cleanup.push(smtp.close);
    const result = await (await channelTo(smtp.url)).send(offerMessage({ email: 'nobody@example.cn' }));
    expect(result).toMatchObject({ status: 'failed', retry: false });
    expect(result.status === 'failed' && result.error).toMatch(/^EENVELOPE 550: /);
    expect(smtp.received).toHaveLength(0);
  });

  it('fails to be tried again when the server defers the recipient (451)', async () => {
    const smtp = await smtpServer(451);
    cleanup.push(smtp.close);
    const result = await (await channelTo(smtp.url)).send(offerMessage({ email: 'later@example.cn' }));
    expect(result).toMatchObject({ status: 'failed', retry: true });
  });

  it('fails to be tried again when no server answers', async () => {
    const port = await closedPort();
    const result = await (await channelTo(`smtp://127.0.0.1:${port}`)).send(offerMessage({ email: 'contact@example.cn' }));
    expect(result).toMatchObject({ status: 'failed', retry: true });
    expect(result.status === 'failed' && result.error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
  });

  it('skips an enterprise without a usable e-mail address', async () => {
    const channel = await channelTo('smtp://127.0.0.1:1');
    expect(await channel.send(offerMessage({ email: null }))).toEqual({ status: 'skipped', reason: 'no e-mail address on record' });
    expect(await channel.send(offerMessage({ email: '  ' }))).toMatchObject({ status: 'skipped' });
    expect(await channel.send(offerMessage({ email: 'not an address' }))).toMatchObject({ status: 'skipped' });
  });
});

describe('smtpFailure', () => {
  it('decides by the SMTP reply, then by the error code', () => {
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'EENVELOPE', responseCode: 550 })).retry).toBe(false);
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'EENVELOPE', responseCode: 452 })).retry).toBe(true);
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'EPROTOCOL', responseCode: 503 })).retry).toBe(true);
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'EAUTH', responseCode: 535 })).retry).toBe(false);
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'ETIMEDOUT' })).retry).toBe(true);
    expect(smtpFailure(Object.assign(new Error('x'), { code: 'ENOAUTH' })).retry).toBe(false);
    expect(smtpFailure(Object.assign(new Error('closed'), { code: 'ECONNECTION' }))).toEqual({
      status: 'failed',
      error: 'ECONNECTION: closed',
      retry: true,
    });
  });
});
