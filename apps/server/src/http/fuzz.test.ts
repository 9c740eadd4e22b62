import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, CODE_A, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { attachRequiredMaterials } from './attach-materials.js';

/**
 * Thousands of hostile requests to every route, on every database: no answer may be a 5xx.
 * Bodies are valid templates with one part spoiled (U+0000, deep nesting, huge numbers, wrong
 * types, long texts, lone surrogates, lists for objects, __proto__ and constructor keys) or raw
 * junk; GETs get hostile path parameters and query strings. Each route is called by a role that
 * reaches its handler, so that the schema and the handler's queries both run.
 * FUZZ_RUNS scales the run (default 4,000 JSON bodies per database); FUZZ_SEED replays one.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 4000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

const example = JSON.parse(readFileSync(new URL('../../../../examples/request.json', import.meta.url), 'utf8'));

type Role = 'anonymous' | 'admin' | 'officer' | 'reviewer1' | 'applicantA';
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Fixtures {
  callId: string;
  applicationId: string;
  assignmentId: string;
  reviewerId: string;
}

/** A draft of a parameter version (政策参数版本), for its write routes. */
const parameterVersionDraft = {
  changes: [{ parameter: '1.rate', value: '25%' }],
  effectiveOn: '2028-01-01',
  reason: '按年度申报指南调整算力支持比例',
  authority: '2028年度丰台区人工智能产业政策申报指南',
};

/** Who reaches each write route's handler, and a body it would take. Routes not listed get an officer and {}. */
const WRITES: Record<string, { role: Role; body?: (f: Fixtures) => unknown }> = {
  'POST /api/v1/auth/login': { role: 'anonymous', body: () => ({ username: 'officer', password: 'wrong-password' }) },
  'POST /api/v1/auth/logout': { role: 'anonymous' },
  'POST /api/v1/calculate': { role: 'anonymous', body: () => example },
  'POST /api/v1/calculate/report.pdf': { role: 'anonymous', body: () => example },
  'POST /api/v1/calls/{id}/offer-batches/preview': { role: 'officer', body: () => ({ matchJobId: 'no-such-job', deadline: '2099-01-01' }) },
  'POST /api/v1/calls/{id}/offer-batches': {
    role: 'officer',
    body: () => ({ matchJobId: 'no-such-job', deadline: '2099-01-01', reminderDays: 3 }),
  },
  'POST /api/v1/offers/{id}/confirm': { role: 'applicantA', body: () => ({ commitment: true }) },
  'POST /api/v1/offers/{id}/decline': { role: 'applicantA', body: () => ({ reason: '数据有误' }) },
  'POST /api/v1/messages/{id}/read': { role: 'applicantA' },
  'POST /api/v1/enterprise-contacts': { role: 'officer', body: () => ({ contacts: [{ creditCode: CODE_A, email: 'a@example.com' }] }) },
  'POST /api/v1/auth/invitation': {
    role: 'anonymous',
    body: () => ({
      code: 'AAAA-BBBB',
      creditCode: CODE_A,
      username: 'fuzz.invited',
      displayName: 'Fuzz',
      password: 'correct-horse-battery',
    }),
  },
  'POST /api/v1/users': {
    role: 'admin',
    body: () => ({ username: 'fuzz.user', displayName: 'Fuzz', role: 'applicant', creditCode: CODE_A, password: 'correct-horse-battery' }),
  },
  'POST /api/v1/users/{id}/links': { role: 'officer', body: () => ({ creditCode: CODE_A, relation: '前雇员' }) },
  'PUT /api/v1/enterprises/me': { role: 'applicantA', body: () => ({ ...example.enterprise, creditCode: undefined }) },
  'PUT /api/v1/enterprises/me/bank-account': {
    role: 'applicantA',
    body: () => ({ accountName: CODE_A, bankName: '北京银行丰台支行', accountNo: '01090000000000001' }),
  },
  'POST /api/v1/calls': {
    role: 'officer',
    body: () => ({
      year: 2026,
      title: '申报',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 100,
      articleBudgets: { '1': 50 },
    }),
  },
  'PATCH /api/v1/calls/{id}': { role: 'officer', body: () => ({ title: '申报', closesOn: '2027-05-30', articleBudgets: { '2': 10 } }) },
  'POST /api/v1/applications': {
    role: 'applicantA',
    body: (f) => ({ callId: f.callId, facts: example.facts, enterprise: { name: example.enterprise.name } }),
  },
  'PUT /api/v1/applications/{id}': { role: 'applicantA', body: () => ({ facts: example.facts, enterprise: { startup: true } }) },
  'POST /api/v1/applications/{id}/estimate': { role: 'applicantA' },
  'POST /api/v1/applications/{id}/submit': { role: 'applicantA' },
  'POST /api/v1/applications/{id}/withdraw': { role: 'applicantA', body: () => ({ reason: '补充材料' }) },
  'POST /api/v1/applications/{id}/transitions': { role: 'officer', body: () => ({ to: 'returned', note: '请补充材料' }) },
  'POST /api/v1/applications/{id}/assignments': { role: 'officer', body: (f) => ({ reviewerId: f.reviewerId }) },
  'POST /api/v1/assignments/{id}/withdraw': { role: 'officer' },
  'POST /api/v1/assignments/{id}/declaration': { role: 'reviewer1', body: () => ({ noConflict: true, note: '无' }) },
  'POST /api/v1/assignments/{id}/score': {
    role: 'reviewer1',
    body: () => ({ scores: { innovation: 20, feasibility: 20, impact: 20, compliance: 10 }, comment: '良好' }),
  },
  'POST /api/v1/applications/{id}/approve': {
    role: 'officer',
    body: () => ({ items: [{ measure: '1', subject: null, amount: 100 }], note: 'ok' }),
  },
  'POST /api/v1/calls/{id}/allocation/preview': { role: 'officer', body: () => ({ method: 'proportional' }) },
  'POST /api/v1/calls/{id}/allocation/commit': { role: 'officer', body: () => ({ method: 'score' }) },
  'POST /api/v1/other-policy-awards/import': {
    role: 'officer',
    body: () => ({ csv: `creditCode,policy,subject,amount,year\n${CODE_A},丰台区某项政策,SC-1,100,2025\n` }),
  },
  'POST /api/v1/match-jobs': { role: 'officer', body: () => ({ source: 'platform', year: 2026 }) },
  'POST /api/v1/calls/{id}/notice': { role: 'officer', body: () => ({ objectionDays: 5 }) },
  'POST /api/v1/notices/{id}/objections': { role: 'anonymous', body: () => ({ name: '张三', contact: '13800000000', text: '异议' }) },
  // The notice page's form (application/x-www-form-urlencoded): the fuzzer's JSON bodies meet the content-type check.
  'POST /notices/{id}/objections': { role: 'anonymous', body: () => ({ name: '张三', contact: '13800000000', text: '异议' }) },
  'POST /api/v1/notices/{id}/revisions': { role: 'officer', body: () => ({ reason: '更正金额', objectionDays: 5 }) },
  'POST /api/v1/match-jobs/{id}/cancel': { role: 'officer' },
  'POST /api/v1/applications/{id}/attachments': { role: 'applicantA' },
  'POST /api/v1/applications/{id}/finalize': { role: 'officer', body: () => ({ note: 'ok', objectionsReviewed: true }) },
  'POST /api/v1/applications/{id}/pay': { role: 'officer', body: () => ({ paidOn: '2027-03-15', reference: 'PAY-1' }) },
  'POST /api/v1/policy/versions': { role: 'officer', body: () => parameterVersionDraft },
  'PUT /api/v1/policy/versions/{number}': { role: 'officer', body: () => parameterVersionDraft },
  'POST /api/v1/policy/versions/{number}/submit': { role: 'officer', body: () => ({}) },
  'POST /api/v1/policy/versions/{number}/approve': { role: 'officer', body: () => ({ note: '同意' }) },
  'POST /api/v1/policy/versions/{number}/reject': { role: 'officer', body: () => ({ note: '依据文件有误' }) },
  'POST /api/v1/policy/versions/{number}/withdraw': { role: 'officer', body: () => ({ note: '撤回重拟' }) },
  'POST /api/v1/simulations': {
    role: 'officer',
    body: (f) => ({ population: { kind: 'call', callId: f.callId }, versionA: 1, versionB: 1, callId: f.callId }),
  },
  'POST /api/v1/simulations/{id}/cancel': { role: 'officer' },
  'POST /api/v1/simulations/{id}/estimates': {
    role: 'officer',
    body: () => ({ side: 'b', year: 2027, overall: '8%', measures: { '1': '12.5%', '4.3': '-5%' }, note: '按上年增长测算' }),
  },
};

/** Who reads each GET route; the rest are read by an officer. */
const READERS: Record<string, Role> = {
  'GET /api/v1/enterprises/me': 'applicantA',
  'GET /api/v1/reviews': 'reviewer1',
};

// ---- hostile values ----------------------------------------------------------------------------

/** A value JSON.stringify cannot write (it recurses): spliced into the text after stringifying. */
class Deep {
  constructor(
    readonly depth: number,
    readonly isList: boolean,
  ) {}
  text(): string {
    return this.isList ? `${'['.repeat(this.depth)}0${']'.repeat(this.depth)}` : `${'{"a":'.repeat(this.depth)}0${'}'.repeat(this.depth)}`;
  }
}

function serialise(body: unknown): string {
  const deep: Deep[] = [];
  const text = JSON.stringify(body, (_k, v) => {
    if (v instanceof Deep) {
      deep.push(v);
      return `\uE000${deep.length - 1}\uE000`;
    }
    return v;
  });
  return (text ?? 'null').replace(/"\uE000(\d+)\uE000"/g, (_m, i: string) => (deep[Number(i)] as Deep).text());
}

const withNul = fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([a, b]) => `${a}\u0000${b}`);
const oddText = fc.constantFrom(
  '\uD800',
  'a\uDC00b',
  '\uDFFF\uD800',
  '\u202Eevil',
  '\uFEFF',
  '\u200B',
  'e\u0301',
  '\uFFFF',
  '\u{10FFFF}',
  '🀄'.repeat(300),
  '𠀀'.repeat(60),
  '',
  ' ',
  '\t\n\r',
  '%00',
  '\\u0000',
  "'; drop table users; --",
  '$1',
  '../../etc/passwd',
  '2026-02-30',
  '9999-99-99',
  '1e309',
  'NaN',
  '-0',
);
const longText = fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n));
const hugeNumber = fc.constantFrom(
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  2 ** 63,
  -(2 ** 63),
  2 ** 31,
  -0,
  5e-324,
  0.1 + 0.2,
  123456789.123456,
  -1,
);
const protoObject = fc
  .constantFrom(
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    '{"constructor":"x"}',
    '{"prototype":{}}',
    '{"toString":1,"hasOwnProperty":2,"valueOf":3}',
  )
  .map((t) => JSON.parse(t) as unknown);
const deepValue = fc.tuple(fc.integer({ min: 60, max: 6_000 }), fc.boolean()).map(([d, isList]) => new Deep(d, isList));
const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.array(fc.jsonValue(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  withNul,
  oddText,
  longText,
  hugeNumber,
  protoObject,
  deepValue,
  wrongType,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constant([]),
  fc.constant({}),
);
const hostileKey = fc.oneof(withNul, oddText, fc.constantFrom('__proto__', 'constructor', 'prototype', 'x'.repeat(5000), ''));

/** Every place in a JSON value: [] is the value itself. */
function placesOf(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) placesOf(v, [...at, i], out);
  } else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) placesOf(v, [...at, k], out);
  return out;
}

type Spoil = { op: 'replace' | 'addKey' | 'wrap' | 'whole'; place: number; value: unknown; key: string };
const spoil = fc.record({
  op: fc.constantFrom('replace', 'replace', 'replace', 'addKey', 'wrap', 'whole'),
  place: fc.nat(),
  value: hostileValue,
  key: hostileKey,
}) as fc.Arbitrary<Spoil>;

/** The template with one part spoiled. */
function spoilBody(template: unknown, s: Spoil): unknown {
  if (s.op === 'whole' || template === undefined) return s.value;
  const body = structuredClone(template);
  const places = placesOf(body);
  const path = places[s.place % places.length] as (string | number)[];
  if (path.length === 0) return s.op === 'wrap' ? [body] : s.value;
  let parent = body as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (s.op === 'replace') parent[last] = s.value;
  else if (s.op === 'wrap') parent[last] = [parent[last]];
  else {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, s.key, { value: s.value, enumerable: true, writable: true, configurable: true });
    } else parent[last] = s.value;
  }
  return body;
}

/** Raw bodies no JSON serialiser would write. */
const RAW: readonly { payload: string | Buffer; type: string }[] = [
  { payload: '', type: 'application/json' },
  { payload: '{', type: 'application/json' },
  { payload: '{"a":1,}', type: 'application/json' },
  { payload: 'null', type: 'application/json' },
  { payload: '"\\u0000"', type: 'application/json' },
  { payload: '\uFEFF{}', type: 'application/json' },
  { payload: `${'['.repeat(200_000)}${']'.repeat(200_000)}`, type: 'application/json' },
  { payload: `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, type: 'application/json' },
  { payload: '{"__proto__":{"x":1}}', type: 'application/json' },
  { payload: '{"a":"\\ud800"}', type: 'application/json' },
  { payload: '{"a":1e99999}', type: 'application/json' },
  { payload: '{"a":123456789012345678901234567890}', type: 'application/json' },
  { payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x80, 0x22, 0x7d]), type: 'application/json' },
  { payload: Buffer.from('{"a":"b"}', 'utf16le'), type: 'application/json; charset=utf-16' },
  { payload: 'a\u0000b', type: 'text/plain' },
  { payload: 'creditCode,policy\n\u0000,\u0000\n', type: 'text/csv' },
  { payload: '<x/>', type: 'application/xml' },
  { payload: 'a=1&b=\u0000', type: 'application/x-www-form-urlencoded' },
  {
    payload: '--X\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.pdf"\r\n\r\n%PDF-1.4\r\n--X--\r\n',
    type: 'multipart/form-data; boundary=X',
  },
  {
    payload: '--X\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8\'\'%00%ED%A0%80.csv\r\n\r\na,b\r\n--X--\r\n',
    type: 'multipart/form-data; boundary=X',
  },
  { payload: '--X\r\n\r\n', type: 'multipart/form-data; boundary=X' },
  { payload: 'x', type: 'multipart/form-data' },
];

/** Percent-encodes any string, lone surrogates too (as the invalid UTF-8 a client could send). */
function encode(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c >= 0xd800 && c <= 0xdfff)
      out += `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`;
    else out += encodeURIComponent(ch);
  }
  return out;
}

const hostileSegment = fc.oneof(
  fc.constantFrom(
    '%00',
    'a%00b',
    '%ED%A0%80',
    '%FF',
    '%',
    '%E0%A4%A',
    '..',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e',
    '%20',
    'null',
    'undefined',
    '0',
    '-1',
    '1e309',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(encode),
  fc.integer({ min: 101, max: 20_000 }).map((n) => 'x'.repeat(n)),
  withNul.map(encode),
);
const hostileQuery = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          'lang',
          'status',
          'callId',
          'creditCode',
          'year',
          'limit',
          'before',
          'offset',
          'explain',
          '__proto__',
          'constructor',
          'a[b]',
        ),
        hostileKey.map(encode),
      ),
      fc.oneof(hostileSegment, fc.constantFrom('', 'en', 'true', '2026', '1e400', '-1', '99999999999999999999')),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));

// ---- the run -----------------------------------------------------------------------------------

describe.each(DIALECTS)('fuzz on %s', (dialect) => {
  let t: TestApp;
  const clients = {} as Record<Role, Client>;
  const f: Fixtures = { callId: '', applicationId: '', assignmentId: 'none', reviewerId: '' };

  beforeAll(async () => {
    // The example claims every measure: its required materials (57 files) are more than the
    // default limit of 50 files an application takes.
    t = await createTestApp(dialect, { loginAttemptsPerMinute: 1_000_000, config: { maxAttachmentsPerApplication: 100 } });
    clients.anonymous = t.anonymous();
    for (const role of ['admin', 'officer', 'reviewer1', 'applicantA'] as const) clients[role] = await t.login(role);
    const { officer, applicantA, reviewer1 } = clients;
    const call = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '申报',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 5_000_000,
    });
    f.callId = call.json().id;
    const app = await applicantA.post('/api/v1/applications', { callId: f.callId, facts: example.facts, enterprise: { name: 'x' } });
    f.applicationId = app.json().id;
    f.reviewerId = t.users.reviewer1;
    await attachRequiredMaterials(applicantA, f.applicationId);
    await applicantA.post(`/api/v1/applications/${f.applicationId}/submit`);
    await officer.post(`/api/v1/applications/${f.applicationId}/transitions`, { to: 'formal_check' });
    await officer.post(`/api/v1/applications/${f.applicationId}/transitions`, { to: 'under_review' });
    const assignment = await officer.post(`/api/v1/applications/${f.applicationId}/assignments`, { reviewerId: f.reviewerId });
    if (assignment.statusCode === 201) f.assignmentId = assignment.json().id;
    // A second draft, for the applicant's edits.
    await applicantA.post('/api/v1/applications', { callId: f.callId, facts: {} });
    expect(reviewer1).toBeDefined();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it(`answers hostile requests to every route without a 5xx (seed ${SEED})`, { timeout: Math.max(300_000, RUNS * 60) }, async () => {
    const started = Date.now();
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .map((m) => m.toUpperCase() as Method)
        .filter((m) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(m))
        .map((method) => ({ method, path, key: `${method} ${path}` })),
    );
    const writes = routes.filter((r) => r.method !== 'GET');
    const reads = routes.filter((r) => r.method === 'GET');
    const unlisted = writes.filter((r) => !(r.key in WRITES)).map((r) => r.key);
    const fill = (path: string, hostile?: string) =>
      path.replace(/\{(\w+)\}/g, (_m, name: string) => {
        if (hostile !== undefined) return hostile;
        if (name === 'creditCode') return CODE_A;
        if (path.startsWith('/api/v1/calls/')) return f.callId;
        if (path.startsWith('/api/v1/applications/')) return f.applicationId;
        if (path.startsWith('/api/v1/assignments/')) return f.assignmentId;
        if (path.startsWith('/api/v1/users/')) return f.reviewerId;
        if (path.startsWith('/api/v1/policy/versions/')) return '1';
        return 'no-such-id';
      });

    let sent = 0;
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const send = async (role: Role, method: Method, url: string, payload?: string | Buffer, type = 'application/json') => {
      const res = await clients[role].request(method, url, {
        ...(payload !== undefined ? { payload, headers: { 'content-type': type } } : {}),
      });
      sent++;
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) {
        const shown = typeof payload === 'string' ? payload.slice(0, 200) : payload ? `<${payload.length} bytes>` : '';
        failures.push(`${res.statusCode} ${method} ${url.slice(0, 200)} as ${role} ${shown} → ${res.body.slice(0, 300)}`);
      }
    };

    // JSON bodies: each write route in turn, its template spoiled; one in ten with a hostile path parameter.
    const spoils = fc.sample(fc.tuple(spoil, fc.nat(9), hostileSegment), { numRuns: RUNS, seed: SEED });
    for (const [i, [s, dice, segment]] of spoils.entries()) {
      const route = writes[i % writes.length] as (typeof writes)[number];
      const spec = WRITES[route.key] ?? { role: 'officer' as const };
      const body = spoilBody(spec.body?.(f), s);
      await send(spec.role, route.method, fill(route.path, dice === 0 ? segment : undefined), serialise(body));
    }
    // Raw bodies to every write route.
    for (const route of writes) {
      const spec = WRITES[route.key] ?? { role: 'officer' as const };
      for (const raw of RAW) await send(spec.role, route.method, fill(route.path), raw.payload, raw.type);
    }
    // Hostile path parameters and query strings to every read route, and to the writes' queries.
    const gets = fc.sample(fc.tuple(hostileSegment, hostileQuery, fc.boolean()), {
      numRuns: Math.max(reads.length * 20, RUNS / 4),
      seed: SEED + 1,
    });
    for (const [i, [segment, query, hostilePath]] of gets.entries()) {
      const route = reads[i % reads.length] as (typeof reads)[number];
      const hasParam = route.path.includes('{');
      const url = `${fill(route.path, hasParam && hostilePath ? segment : undefined)}?${query}`;
      await send(READERS[route.key] ?? 'officer', 'GET', url);
    }
    for (const [i, [, query]] of gets.slice(0, writes.length * 5).entries()) {
      const route = writes[i % writes.length] as (typeof writes)[number];
      const spec = WRITES[route.key] ?? { role: 'officer' as const };
      await send(spec.role, route.method, `${fill(route.path)}?${query}`, serialise(spec.body?.(f) ?? {}));
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz on ${dialect}: ${sent} requests to ${writes.length} write and ${reads.length} read routes in ${seconds} s, ${failures.length} answered ≥ 500` +
        ` (by status: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([code, n]) => `${code}×${n}`)
          .join(' ')})` +
        (unlisted.length ? `; write routes without a template (officer, {}): ${unlisted.join(', ')}` : ''),
    );
    expect(sent).toBeGreaterThan(RUNS);
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
