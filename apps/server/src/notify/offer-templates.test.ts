import { describe, expect, it } from 'vitest';
import { offerNoticeMessage, offerReminderMessage, SMS_MAX_CHARS } from './offer-templates.js';
import { OFFER } from './test-fixtures.js';

const HAN = '\\p{Script=Han}';
/** ASCII , : ; ( ) touching a Chinese character on either side: half-width punctuation in a Chinese sentence. */
const HALF_WIDTH = new RegExp(`${HAN}[,:;()]|[,:;()]${HAN}`, 'u');
/** A space between a Chinese character and a figure or Latin letter. */
const SPACED = new RegExp(`${HAN} +[0-9A-Za-z]|[0-9A-Za-z] +${HAN}`, 'u');

function expectOfficialStyle(...texts: string[]) {
  for (const t of texts) {
    expect(t).not.toMatch(HALF_WIDTH);
    expect(t).not.toMatch(SPACED);
  }
}

const chars = (s: string) => [...s].length;

describe('offer notice', () => {
  const m = offerNoticeMessage(OFFER);

  it('names the enterprise and what it is in the subject', () => {
    expect(m.subject).toBe('【免申即享】北京某某科技有限公司可享受丰台区人工智能政策支持（待确认）');
  });

  it('says in the text who, under what, which measures, how much, until when and where', () => {
    expect(m.text.startsWith('北京某某科技有限公司：\n\n')).toBe(true);
    expect(m.text).toContain(
      '根据《丰台区支持人工智能科技创新和产业创新融合发展的若干措施》和“2027年度丰台区人工智能产业支持措施申报（评估2026年度）”的安排，经我局依据掌握的数据测算，贵单位符合以下政策条款的支持条件：',
    );
    expect(m.text).toContain(
      '（一）第二条第（1）项（大模型合规备案）：500,000元；\n（二）第四条第（3）项（研发投入增量）：最高734,567元，以评审认定为准。',
    );
    expect(m.text).toContain('合计：最高1,234,567元。');
    expect(m.text).toContain(
      '本次支持实行“免申即享”，贵单位无需提交申报材料，请于2027年4月30日前登录以下网址确认申领：\nhttps://ftai.example.gov.cn/invitation',
    );
    expect(m.text).toContain('凭统一社会信用代码和邀请码K7M2-Q9XP创建账号，登录后确认申领。');
    expect(m.text).toContain('标“最高”的事项以评审认定为准，支持金额以主管部门审定并经公示的结果为准，相关支持额度受年度总额控制。');
    expect(m.text).toContain('如有疑问，请致电010-63800000。');
    expect(m.text.endsWith('\n\n北京市丰台区科学技术和信息化局')).toBe(true);
    expect(m.text).not.toContain('2027-04-30');
  });

  it('prints a fixed total without 最高, and leaves out the invitation and the telephone when there are none', () => {
    const fixed = offerNoticeMessage({
      ...OFFER,
      items: [{ label: '第二条第（1）项（大模型合规备案）', amount: 500_000, review: false }],
      total: 500_000,
      invitationCode: null,
      phone: '',
    });
    expect(fixed.text).toContain('合计：500,000元。');
    expect(fixed.text).not.toContain('最高');
    expect(fixed.text).not.toContain('邀请码');
    expect(fixed.text).not.toContain('致电');
    expect(fixed.html).not.toContain('邀请码');
    expect(fixed.sms).not.toContain('邀请码');
    expect(fixed.sms).toContain('登录确认申领');
    expect(fixed.text).toContain('支持金额以主管部门审定并经公示的结果为准，相关支持额度受年度总额控制。');
  });

  it('lays the same content out as HTML, with a table of the measures', () => {
    expect(m.html).toContain('<html lang="zh-CN">');
    expect(m.html).toMatch(/<th scope="col"[^>]*>政策条款<\/th>/);
    expect(m.html).toMatch(/<td[^>]*>第二条第（1）项（大模型合规备案）<\/td><td[^>]*>500,000元<\/td>/);
    expect(m.html).toContain('最高734,567元，以评审认定为准</td>');
    expect(m.html).toMatch(
      /<tfoot><tr><th scope="row" colspan="2"[^>]*>合计<\/th><td[^>]*><strong>最高1,234,567元<\/strong><\/td><\/tr><\/tfoot>/,
    );
    expect(m.html).toContain('<a href="https://ftai.example.gov.cn/invitation">https://ftai.example.gov.cn/invitation</a>');
    expect(m.html).toContain('邀请码K7M2-Q9XP');
  });

  it('escapes everything it puts into the HTML', () => {
    const evil = offerNoticeMessage({
      ...OFFER,
      enterpriseName: '北京<script>alert("x")</script>科技有限公司',
      callTitle: 'A & B',
      confirmUrl: 'https://ftai.example.gov.cn/x?a=1&b="2"',
      items: [{ label: '<b>条款</b>', amount: 1, review: false }],
    });
    expect(evil.html).not.toContain('<script>');
    expect(evil.html).not.toContain('<b>');
    expect(evil.html).toContain('北京&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;科技有限公司：');
    expect(evil.html).toContain('“A &amp; B”');
    expect(evil.html).toContain('href="https://ftai.example.gov.cn/x?a=1&amp;b=&quot;2&quot;"');
    expect(evil.html).toContain('&lt;b&gt;条款&lt;/b&gt;');
  });

  it('sends one short SMS line with the enterprise, total, deadline, code and link', () => {
    expect(m.sms).toBe(
      '【丰台区科信局】北京某某科技有限公司可免申即享丰台区人工智能政策支持最高1,234,567元，请于2027年4月30日前凭邀请码K7M2-Q9XP注册并确认申领：https://ftai.example.gov.cn/invitation',
    );
    expect(chars(m.sms)).toBeLessThanOrEqual(SMS_MAX_CHARS);
    expect(m.sms).not.toContain('\n');
  });

  it('shortens the SMS to fit a long name, keeping the figures, the code and the link', () => {
    const longer = offerNoticeMessage({ ...OFFER, enterpriseName: '北京丰台某某人工智能科技发展有限公司' });
    expect(longer.sms).toBe(
      '【丰台区科信局】北京丰台某某人工智能科技发展有限公司可免申即享政策支持最高1,234,567元，请于2027年4月30日前凭邀请码K7M2-Q9XP注册确认：https://ftai.example.gov.cn/invitation',
    );
    const longest = offerNoticeMessage({ ...OFFER, enterpriseName: '北京丰台某某人工智能与工业互联网科技发展有限责任公司' });
    expect(longest.sms).toBe(
      '【丰台区科信局】贵单位可免申即享政策支持最高1,234,567元，请于2027年4月30日前凭邀请码K7M2-Q9XP注册确认：https://ftai.example.gov.cn/invitation',
    );
    expect(chars(longest.sms)).toBeLessThanOrEqual(SMS_MAX_CHARS);
  });

  it('links to the site alone where the whole link does not fit', () => {
    const url = 'https://ftai.example.gov.cn/portal/offers/0f8e2b7c-3d4a-4b1e-9c6f-5a7d8e9f0a1b';
    const signedUp = offerNoticeMessage({ ...OFFER, invitationCode: null, confirmUrl: url });
    expect(signedUp.text).toContain(url);
    expect(signedUp.sms).toBe(
      '【丰台区科信局】北京某某科技有限公司可免申即享丰台区人工智能政策支持最高1,234,567元，请于2027年4月30日前登录确认申领：https://ftai.example.gov.cn',
    );
    const short = offerNoticeMessage({ ...OFFER, invitationCode: null, confirmUrl: 'https://ftai.example.gov.cn/portal/offers/1' });
    expect(short.sms.endsWith('登录确认申领：https://ftai.example.gov.cn/portal/offers/1')).toBe(true);
  });

  it('writes in the official style', () => {
    expectOfficialStyle(m.subject, m.text, m.sms, m.html.replace(/<[^>]*>/g, ''));
  });
});

describe('offer reminder', () => {
  const r = offerReminderMessage({ ...OFFER, daysLeft: 5 });

  it('says how many days are left, in the subject, the text and the SMS', () => {
    expect(r.subject).toBe('【免申即享】提醒：北京某某科技有限公司可享受的丰台区人工智能政策支持尚待确认，5天后截止');
    expect(r.text).toContain('贵单位可享受的丰台区人工智能政策支持尚未确认申领，确认申领将于5天后（2027年4月30日）截止。');
    expect(r.text).toContain('合计：最高1,234,567元。');
    expect(r.text).toContain('请于2027年4月30日前登录以下网址确认申领：');
    expect(r.html).toContain('5天后（2027年4月30日）截止');
    expect(r.sms).toBe(
      '【丰台区科信局】提醒：北京某某科技有限公司的免申即享政策支持最高1,234,567元待确认，2027年4月30日截止，请凭邀请码K7M2-Q9XP注册确认：https://ftai.example.gov.cn/invitation',
    );
    expect(chars(r.sms)).toBeLessThanOrEqual(SMS_MAX_CHARS);
    expectOfficialStyle(r.subject, r.text, r.sms, r.html.replace(/<[^>]*>/g, ''));
    const signedIn = offerReminderMessage({ ...OFFER, invitationCode: null, daysLeft: 5 });
    expect(signedIn.sms).toBe(
      '【丰台区科信局】提醒：北京某某科技有限公司的免申即享政策支持最高1,234,567元待确认，5天后（2027年4月30日）截止，请登录确认申领：https://ftai.example.gov.cn/invitation',
    );
  });

  it('says 今日截止 on the last day', () => {
    const last = offerReminderMessage({ ...OFFER, daysLeft: 0 });
    expect(last.subject.endsWith('，今日截止')).toBe(true);
    expect(last.text).toContain('确认申领将于今日（2027年4月30日）截止。');
  });
});
