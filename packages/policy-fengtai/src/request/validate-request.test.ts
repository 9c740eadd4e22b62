import { describe, expect, it } from 'vitest';
import { buildRequest, CREDIT_CODE, ENTERPRISE, type RequestParts } from '../test-helpers.js';
import { FACTS, type FactSpec, type FactValueSpec } from './facts.js';
import { fastAccepts } from './fast-validate.js';
import { factsSchema, requestSchema } from './request-schema.js';
import { describeIssues, type ValidationIssue, validateRequest, validateRequestWithZod } from './validate-request.js';

/**
 * The issues for a request that must be refused. Every such case also checks the fast path
 * (fast-validate.ts): it accepts exactly when zod does (so it refuses every input zod refuses),
 * and validateRequest answers exactly as zod alone does.
 */
function issuesOf(input: unknown): readonly ValidationIssue[] {
  expect(fastAccepts(input), 'the fast path and zod disagree').toBe(requestSchema.safeParse(input).success);
  const v = validateRequest(input);
  expect(v).toStrictEqual(validateRequestWithZod(input));
  if (v.ok) throw new Error(`expected the request to be refused: ${JSON.stringify(input)}`);
  return v.issues;
}

/** The one issue of a request built from parts; its path and code are checked by the caller. */
function oneIssue(parts: RequestParts): ValidationIssue {
  const issues = issuesOf(buildRequest(parts));
  expect(issues, JSON.stringify(issues)).toHaveLength(1);
  return issues[0] as ValidationIssue;
}

/** The request is refused with exactly this path and code, and a message that says what was expected. */
function expectRefused(parts: RequestParts, path: string, code: ValidationIssue['code'] = 'FTAI_ERR_INVALID_FIELD'): ValidationIssue {
  const issue = oneIssue(parts);
  expect({ path: issue.path, code: issue.code }).toEqual({ path, code });
  expect(issue.message).toMatch(/expected/);
  expect(describeIssues([issue])).toBe(`${path}: ${issue.message}`);
  return issue;
}

describe('a valid request', () => {
  it('needs only year and enterprise', () => {
    expect(validateRequest({ year: 2026, enterprise: {} }).ok).toBe(true);
  });

  it('accepts the example of CALCULATION.md', () => {
    const v = validateRequest({
      year: 2026,
      enterprise: { ...ENTERPRISE, aiPartnerProgram: true, industrialAI: false, startup: false },
      facts: {
        computeSpend: 5000000,
        modelFilings: [{ id: 'Beijing-Wudao-20260301', date: '2026-03-01', industrial: false }],
        generalModelPurchase: 400000,
        openDatasets: [{ id: 'DS-1', date: '2026-05-20' }],
        dataAssetRegistrationFees: 60000,
        dataProductSales: 3000000,
        trustedDataSpaces: [{ id: 'TDS-1', investment: 4000000, industrial: true }],
        jointFundContribution: 1000000,
        challengeProjects: [{ id: 'JB-1', field: 'robot', totalInvestment: 5000000 }],
        rdSpend: 12000000,
        previousRdSpend: 9000000,
        keyProjects: [{ id: 'KP-1', level: 'national', funding: 8000000 }],
        revenue: 120000000,
        previousRevenue: 60000000,
        priorMaxRevenue: 60000000,
        firstAboveDesignatedSize: false,
        industryAverageGrowthRate: 0.15,
        recognitions: [{ id: 'R-1', type: 'high-tech', level: 'national', date: '2026-11-10', renewal: false }],
        agentCompetitionPrizes: [{ id: 'AC-1', industrial: false, prize: 800000, date: '2026-08-18' }],
        scenarioProjects: [{ id: 'SC-1', totalInvestment: 2000000, industrial: false, municipalSubsidy: 0 }],
        benchmarkCases: [{ id: 'BC-1', level: 'municipal', date: '2026-09-01' }],
        firstSetProducts: [
          { id: 'FS-1', inBeijingCatalogue: true, catalogueDate: '2026-04-01', municipalSubsidy: 1000000, industrial: false },
        ],
        standards: [{ id: 'GB/T 00000-2026', level: 'national', date: '2026-06-01' }],
        servicePlatforms: [{ id: 'SP-1', investment: 10000000 }],
        incubator: { rating: 'municipal-benchmark', investment: 3000000, incubatedAIEnterprises: 4, investedAIEnterprises: 1 },
        industrialParks: [{ id: 'PK-1', investment: 20000000 }],
        ventureFund: { aiInvestment: 30000000 },
        industryEducationBase: { interns: 40, hires: 8 },
        events: [{ id: 'EV-1', kind: 'forum', date: '2026-10-01' }],
      },
      history: [
        { measure: '1', year: 2025, subject: null, amount: 900000 },
        { measure: '5.1', year: 2025, subject: 'revenue-50m', amount: 200000 },
      ],
      otherPolicyAwards: [
        { policy: '丰台区某项措施', subject: 'SC-1', amount: 450000 },
        { policy: '丰台区专精特新企业奖励', measure: '5.3a', amount: 500000 },
      ],
    });
    expect(v.ok, v.ok ? '' : describeIssues(v.issues)).toBe(true);
    if (v.ok) {
      expect(v.request.facts?.agentCompetitionPrizes?.[0]?.date).toBe('2026-08-18');
      expect(v.request.facts?.firstSetProducts?.[0]?.catalogueDate).toBe('2026-04-01');
      expect(v.request.otherPolicyAwards?.[1]).toEqual({ policy: '丰台区专精特新企业奖励', measure: '5.3a', amount: 50000000 });
    }
  });

  it.each([
    { name: 'a whole number', input: 1234567, fen: 123456700 },
    { name: 'a number with fen', input: 1234567.89, fen: 123456789 },
    { name: 'a decimal string', input: '1234567.89', fen: 123456789 },
    { name: 'a string with one decimal', input: '0.1', fen: 10 },
    { name: 'a number with one decimal', input: 0.1, fen: 10 },
    { name: 'one fen', input: 0.01, fen: 1 },
    { name: 'a whole-number string', input: '5000000', fen: 500000000 },
    { name: 'zero', input: 0, fen: 0 },
    { name: 'the largest amount', input: '9999999999999.99', fen: 999999999999999 },
  ])('money as $name is parsed exactly', ({ input, fen }) => {
    const v = validateRequest(buildRequest({ facts: { computeSpend: input } }));
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.request.facts?.computeSpend).toBe(fen);
  });

  it.each([{ date: '2028-02-29' }, { date: '2000-02-29' }, { date: '2026-12-31' }])('accepts the date $date', ({ date }) => {
    expect(validateRequest(buildRequest({ facts: { standards: [{ id: 'S', level: 'national', date }] } })).ok).toBe(true);
  });

  it.each([0, 10, '10', '1000%', -1, '0.15', 0.123456])('accepts the growth rate %s', (rate) => {
    expect(validateRequest(buildRequest({ facts: { industryAverageGrowthRate: rate } })).ok).toBe(true);
  });

  it('accepts the same id in different lists, and history with the request year', () => {
    const v = validateRequest(
      buildRequest({
        facts: {
          servicePlatforms: [{ id: 'X', investment: 1 }],
          industrialParks: [{ id: 'X', investment: 1 }],
        },
        history: [{ measure: '7.1', year: 2026, subject: 'X', amount: '0.01' }],
      }),
    );
    expect(v.ok).toBe(true);
  });
});

describe('unknown fields → FTAI_ERR_UNKNOWN_FIELD with the exact path', () => {
  const filing = { id: 'M-1', date: '2026-03-01' };
  it.each([
    { path: 'foo', parts: {}, extra: (r: Record<string, unknown>) => Object.assign(r, { foo: 1 }) },
    { path: 'enterprise.foo', parts: { enterprise: { foo: 1 } } },
    { path: 'enterprise.creditcode', parts: { enterprise: { creditcode: CREDIT_CODE } } },
    { path: 'facts.foo', parts: { facts: { foo: 1 } } },
    { path: 'facts.computespend', parts: { facts: { computespend: 1 } } },
    { path: 'facts.modelFilings[0].foo', parts: { facts: { modelFilings: [{ ...filing, foo: 1 }] } } },
    { path: 'facts.modelFilings[1].foo', parts: { facts: { modelFilings: [filing, { id: 'M-2', date: '2026-03-01', foo: 1 }] } } },
    { path: 'facts.scenarioProjects[0].subsidy', parts: { facts: { scenarioProjects: [{ id: 'SC-1', subsidy: 1 }] } } },
    { path: 'facts.recognitions[0].foo', parts: { facts: { recognitions: [{ id: 'R', type: 'high-tech', date: '2026-01-01', foo: 1 }] } } },
    { path: 'facts.incubator.foo', parts: { facts: { incubator: { foo: 1 } } } },
    { path: 'facts.ventureFund.foo', parts: { facts: { ventureFund: { aiInvestment: 1, foo: 1 } } } },
    { path: 'facts.industryEducationBase.foo', parts: { facts: { industryEducationBase: { interns: 1, hires: 1, foo: 1 } } } },
    { path: 'history[0].foo', parts: { history: [{ measure: '1', year: 2025, subject: null, amount: 1, foo: 1 }] } },
    { path: 'otherPolicyAwards[0].foo', parts: { otherPolicyAwards: [{ policy: 'P', subject: 'S', amount: 1, foo: 1 }] } },
  ])('$path', ({ path, parts, extra }) => {
    const request = buildRequest(parts as RequestParts);
    const issues = issuesOf(extra ? extra(request) : request);
    expect(issues).toEqual([{ path, code: 'FTAI_ERR_UNKNOWN_FIELD', message: expect.stringContaining('unknown field') }]);
    expect(describeIssues(issues)).toContain(path);
  });

  it('names every unknown field', () => {
    const issues = issuesOf({ ...buildRequest({ enterprise: { a: 1 }, facts: { b: 1 } }), c: 1 });
    expect(issues.map((i) => i.path).sort()).toEqual(['c', 'enterprise.a', 'facts.b']);
    expect(issues.every((i) => i.code === 'FTAI_ERR_UNKNOWN_FIELD')).toBe(true);
  });
});

describe('missing fields → FTAI_ERR_MISSING_FIELD', () => {
  it.each([
    { path: 'year', input: { enterprise: {} }, expected: 'expected the assessment year' },
    { path: 'enterprise', input: { year: 2026 }, expected: 'expected an object' },
    { path: 'facts.modelFilings[0].date', input: buildRequest({ facts: { modelFilings: [{ id: 'M-1' }] } }), expected: 'expected a date' },
    {
      path: 'facts.events[0].id',
      input: buildRequest({ facts: { events: [{ kind: 'forum', date: '2026-01-01' }] } }),
      expected: 'expected a text',
    },
    {
      path: 'history[0].year',
      input: buildRequest({ history: [{ measure: '1', subject: null, amount: 1 }] }),
      expected: 'expected a year',
    },
  ])('$path', ({ path, input, expected }) => {
    const issues = issuesOf(input);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path, code: 'FTAI_ERR_MISSING_FIELD' });
    expect(issues[0]?.message).toContain(expected);
    expect(describeIssues(issues)).toMatch(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: missing: expected`));
  });

  it('names both when year and enterprise are missing', () => {
    const issues = issuesOf({});
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['year', 'FTAI_ERR_MISSING_FIELD'],
      ['enterprise', 'FTAI_ERR_MISSING_FIELD'],
    ]);
  });
});

describe('wrong types → FTAI_ERR_INVALID_FIELD, not "missing"', () => {
  it.each([
    { path: 'year', parts: { year: '2026' as unknown as number }, says: 'got "2026"' },
    { path: 'year', parts: { year: 2026.5 }, says: 'expected a whole year' },
    { path: 'year', parts: { year: 1999 }, says: 'expected a year from 2000 to 2100' },
    { path: 'year', parts: { year: 2101 }, says: 'expected a year from 2000 to 2100' },
    { path: 'enterprise.registeredInFengtai', parts: { enterprise: { registeredInFengtai: 'yes' } }, says: 'expected true or false' },
    { path: 'enterprise.aiPartnerProgram', parts: { enterprise: { aiPartnerProgram: 1 } }, says: 'expected true or false' },
    { path: 'enterprise.name', parts: { enterprise: { name: 42 } }, says: 'expected a text' },
    { path: 'facts.computeSpend', parts: { facts: { computeSpend: true } }, says: 'expected a non-negative amount' },
    { path: 'facts.computeSpend', parts: { facts: { computeSpend: -5 } }, says: 'expected a non-negative amount in yuan, got -5' },
    {
      path: 'facts.computeSpend',
      parts: { facts: { computeSpend: '123456789012345678' } },
      says: 'expected an amount of at most 9,999,999,999,999.99 yuan, got "123456789012345678"',
    },
    {
      path: 'facts.computeSpend',
      parts: { facts: { computeSpend: 1e21 } },
      says: 'expected an amount of at most 9,999,999,999,999.99 yuan',
    },
    { path: 'facts.computeSpend', parts: { facts: { computeSpend: '1.234' } }, says: 'with at most 2 decimals (fen), got "1.234"' },
    { path: 'facts.computeSpend', parts: { facts: { computeSpend: null } }, says: 'got null' },
    { path: 'facts.modelFilings', parts: { facts: { modelFilings: {} } }, says: 'expected a list' },
    { path: 'facts.modelFilings[0]', parts: { facts: { modelFilings: ['M-1'] } }, says: 'expected an object' },
    { path: 'facts.modelFilings[0].date', parts: { facts: { modelFilings: [{ id: 'M-1', date: 20260301 }] } }, says: 'expected a date' },
    {
      path: 'facts.modelFilings[0].id',
      parts: { facts: { modelFilings: [{ id: '', date: '2026-03-01' }] } },
      says: 'expected a non-empty text',
    },
    { path: 'facts.incubator', parts: { facts: { incubator: [] } }, says: 'expected an object' },
    {
      path: 'facts.keyProjects[0].level',
      parts: { facts: { keyProjects: [{ id: 'K', level: 'district', funding: 1 }] } },
      says: 'national, municipal',
    },
    {
      path: 'facts.standards[0].level',
      parts: { facts: { standards: [{ id: 'S', level: 'local', date: '2026-01-01' }] } },
      says: 'international, national, industry',
    },
    { path: 'facts.incubator.rating', parts: { facts: { incubator: { rating: 'excellent' } } }, says: 'ministry-excellent' },
    {
      path: 'facts.events[0].kind',
      parts: { facts: { events: [{ id: 'E', kind: 'party', date: '2026-01-01' }] } },
      says: 'expected one of',
    },
    { path: 'history', parts: { history: {} as unknown as unknown[] }, says: 'expected a list' },
    {
      path: 'history[0].subject',
      parts: { history: [{ measure: '1', year: 2025, subject: 5, amount: 1 }] },
      says: "expected the subject's id or null",
    },
  ])('$path: $says', ({ path, parts, says }) => {
    const issue = expectRefused(parts as RequestParts, path);
    expect(issue.message).toContain(says);
    expect(issue.message).not.toMatch(/^missing/);
  });

  it('a request that is not an object', () => {
    for (const input of [null, [], 'x', 2026]) {
      const issues = issuesOf(input);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path: '', code: 'FTAI_ERR_INVALID_FIELD' });
      expect(issues[0]?.message).toContain('expected an object');
    }
  });
});

describe('money', () => {
  const general = 'expected a non-negative amount in yuan with at most 2 decimals';
  it.each([
    { name: 'negative', value: -1, says: 'expected a non-negative amount in yuan, got -1' },
    { name: 'negative fen', value: -0.01, says: 'expected a non-negative amount in yuan, got -0.01' },
    { name: 'a negative string', value: '-5', says: 'expected a non-negative amount in yuan, got "-5"' },
    { name: '3 decimals', value: 1.001, says: `${general} (fen), got 1.001` },
    { name: '3 decimals as a string', value: '1.001', says: `${general} (fen)` },
    { name: '3 decimals of zeros as a string', value: '1.000', says: `${general} (fen)` },
    { name: 'binary fraction noise', value: 0.1 + 0.2, says: `${general} (fen)` },
    { name: 'exponent', value: '1e6', says: general },
    { name: 'a comma', value: '1,000', says: general },
    { name: 'blank', value: '', says: general },
    { name: 'a leading plus', value: '+5', says: general },
    { name: 'not finite', value: Number.POSITIVE_INFINITY, says: general },
    { name: 'NaN', value: Number.NaN, says: general },
    { name: 'too large', value: 10000000000000, says: 'expected an amount of at most 9,999,999,999,999.99 yuan, got 10000000000000' },
    { name: 'too large, as typed', value: '99999999999999999999', says: 'at most 9,999,999,999,999.99 yuan, got "99999999999999999999"' },
  ])('$name is refused: $says', ({ value, says }) => {
    const issue = expectRefused({ facts: { computeSpend: value } }, 'facts.computeSpend');
    expect(issue.message).toContain(says);
  });

  it.each([
    { path: 'facts.trustedDataSpaces[0].investment', parts: { facts: { trustedDataSpaces: [{ id: 'T', investment: -1 }] } } },
    { path: 'facts.agentCompetitionPrizes[0].prize', parts: { facts: { agentCompetitionPrizes: [{ id: 'A', prize: '1.234' }] } } },
    { path: 'facts.ventureFund.aiInvestment', parts: { facts: { ventureFund: { aiInvestment: -100 } } } },
    { path: 'history[0].amount', parts: { history: [{ measure: '1', year: 2025, subject: null, amount: -1 }] } },
    { path: 'otherPolicyAwards[0].amount', parts: { otherPolicyAwards: [{ policy: 'P', subject: 'S', amount: 0.001 }] } },
  ])('everywhere: $path', ({ path, parts }) => {
    expectRefused(parts as RequestParts, path);
  });
});

describe('dates', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31', '2026-02-29', '2100-02-29', '2026-1-01', '26-01-01', '2026/01/01', ''])(
    '%s is refused',
    (date) => {
      const issue = expectRefused({ facts: { modelFilings: [{ id: 'M-1', date }] } }, 'facts.modelFilings[0].date');
      expect(issue.message).toContain('YYYY-MM-DD');
      expect(issue.message).toContain(JSON.stringify(date));
    },
  );
});

describe('credit code', () => {
  it.each([
    { name: 'a wrong check character', code: '91110106MA0000K01D', says: 'check character is D, expected C' },
    { name: 'too short', code: '91110106MA0000K01', says: 'expected 18 characters, got 17' },
    { name: 'too long', code: '91110106MA0000K01CC', says: 'expected 18 characters, got 19' },
    { name: 'the letter I', code: '91110106MA0000I01C', says: 'other than I, O, S, V, Z' },
    { name: 'the letter O', code: '91110106MAO000K01C', says: 'other than I, O, S, V, Z' },
    { name: 'the letter S', code: '91110106MA0000S01C', says: 'other than I, O, S, V, Z' },
    { name: 'the letter V', code: 'V1110106MA0000K01C', says: 'other than I, O, S, V, Z' },
    { name: 'the letter Z', code: '91110106MA0000K01Z', says: 'other than I, O, S, V, Z' },
    { name: 'lower case', code: '91110106ma0000k01c', says: 'other than I, O, S, V, Z' },
    { name: 'a letter in the area code', code: '9111A106MA0000K01C', says: 'area code' },
    { name: 'a number', code: 911101, says: 'expected an 18-character unified social credit code' },
  ])('$name is refused', ({ code, says }) => {
    const issue = expectRefused({ enterprise: { creditCode: code } }, 'enterprise.creditCode');
    expect(issue.message).toContain(says);
  });

  it('the valid code is accepted and left out is fine', () => {
    expect(validateRequest(buildRequest({ enterprise: { creditCode: CREDIT_CODE } })).ok).toBe(true);
    expect(validateRequest(buildRequest({ enterprise: { creditCode: undefined } })).ok).toBe(true);
  });
});

describe('history', () => {
  const entry = (e: Record<string, unknown>) => ({ history: [{ measure: '1', year: 2025, subject: null, amount: 100, ...e }] });

  it.each([
    { name: 'an unknown measure id', e: { measure: '11' }, path: 'history[0].measure', says: 'expected a measure id of the catalogue' },
    { name: 'a measure id without its letter', e: { measure: '5.3' }, path: 'history[0].measure', says: 'got "5.3"' },
    {
      name: 'subject null for a per-subject measure',
      e: { measure: '2.1' },
      path: 'history[0].subject',
      says: 'measure 2.1 is granted per subject',
    },
    { name: 'subject null for 6.2b', e: { measure: '6.2b' }, path: 'history[0].subject', says: "expected the subject's id" },
    {
      name: 'a subject for an enterprise measure',
      e: { measure: '4.3', subject: 'X' },
      path: 'history[0].subject',
      says: 'expected null: measure 4.3 is granted per enterprise',
    },
    {
      name: 'a year after the request year',
      e: { year: 2027 },
      path: 'history[0].year',
      says: 'not after the assessment year 2026, got 2027',
    },
    { name: 'a year before the policy', e: { year: 2024 }, path: 'history[0].year', says: 'expected a year from 2025' },
    { name: 'a fractional year', e: { year: 2025.5 }, path: 'history[0].year', says: 'expected a whole year' },
  ])('$name is refused', ({ e, path, says }) => {
    const issue = expectRefused(entry(e), path);
    expect(issue.message).toContain(says);
  });

  it('points at the right entry', () => {
    const issue = expectRefused(
      {
        history: [
          { measure: '1', year: 2025, subject: null, amount: 1 },
          { measure: '7.1', year: 2025, subject: null, amount: 1 },
        ],
      },
      'history[1].subject',
    );
    expect(issue.message).toContain('7.1');
  });

  it('every per-subject measure wants a subject, 5.1 its tier, every other measure null', () => {
    const perSubject = ['2.1', '3.4', '4.2', '4.4', '6.1', '6.2a', '6.2b', '6.3b', '6.4', '7.1', '7.2', '8.4', '10.4'];
    const enterprise = ['1', '2.2', '3.1', '3.2', '3.3', '4.1', '4.3', '5.2', '5.3a', '5.3b', '6.2c', '6.3a', '8.1'];
    for (const measure of perSubject) {
      expect(validateRequest(buildRequest(entry({ measure, subject: 'X' }))).ok, measure).toBe(true);
      expect(validateRequest(buildRequest(entry({ measure, subject: null }))).ok, measure).toBe(false);
    }
    for (const measure of [...enterprise, '8.2', '8.3', '9.1', '9.2', '9.3', '10.1', '10.2', '10.3']) {
      expect(validateRequest(buildRequest(entry({ measure, subject: null }))).ok, measure).toBe(true);
      expect(validateRequest(buildRequest(entry({ measure, subject: 'X' }))).ok, measure).toBe(false);
    }
    expect(validateRequest(buildRequest(entry({ measure: '5.4', subject: null, amount: 0 }))).ok).toBe(true);
    for (const tier of ['revenue-1b', 'revenue-500m', 'revenue-100m', 'revenue-50m', 'above-designated-size']) {
      expect(validateRequest(buildRequest(entry({ measure: '5.1', subject: tier }))).ok, tier).toBe(true);
    }
  });

  const TIERS = 'one of revenue-1b, revenue-500m, revenue-100m, revenue-50m, above-designated-size';
  it.each([
    { name: '5.1 with subject null', e: { measure: '5.1', subject: null }, got: 'got null' },
    { name: '5.1 with an unknown tier', e: { measure: '5.1', subject: 'revenue-2b' }, got: 'got "revenue-2b"' },
    { name: '5.1 with an object id', e: { measure: '5.1', subject: 'SC-1' }, got: 'got "SC-1"' },
    { name: '5.1 with a tier label', e: { measure: '5.1', subject: '1亿元' }, got: 'got "1亿元"' },
  ])('a 5.1 entry names its tier: $name is refused, naming the tiers', ({ e, got }) => {
    const issue = expectRefused(entry(e), 'history[0].subject');
    expect(issue.message).toContain(TIERS);
    expect(issue.message).toContain(got);
  });

  it.each([
    { name: '1 yuan', amount: 1, got: 'got 1' },
    { name: 'one fen', amount: 0.01, got: 'got 0.01' },
    { name: 'a decimal string', amount: '300.00', got: 'got 300' },
  ])('a 5.4 entry (in kind) carries amount 0: $name is refused', ({ amount, got }) => {
    const issue = expectRefused(entry({ measure: '5.4', amount }), 'history[0].amount');
    expect(issue.message).toContain('expected 0: measure 5.4 is support in kind');
    expect(issue.message).toContain(got);
  });

  it.each([0, '0', '0.00', 0.0])('a 5.4 entry with amount %s is accepted', (amount) => {
    expect(validateRequest(buildRequest(entry({ measure: '5.4', amount }))).ok).toBe(true);
  });
});

describe('other policy awards: either subject or measure', () => {
  const ENTERPRISE_MEASURES = '1, 2.2, 3.1, 3.2, 3.3, 4.1, 4.3, 5.1, 5.2, 5.3a, 5.3b, 5.4, 6.2c, 6.3a, 8.1, 8.2, 8.3, 9.3, 10.2';
  const award = (a: Record<string, unknown>) => ({ otherPolicyAwards: [{ policy: 'P', amount: 1, ...a }] });

  it.each([
    { name: 'a subject', a: { subject: 'SC-1' } },
    { name: 'an enterprise-level measure', a: { measure: '5.3a' } },
    { name: 'measure 1', a: { measure: '1' } },
    { name: 'measure 5.1', a: { measure: '5.1' } },
    { name: 'measure 10.2', a: { measure: '10.2' } },
  ])('$name is accepted', ({ a }) => {
    expect(validateRequest(buildRequest(award(a))).ok).toBe(true);
  });

  it.each([
    { name: 'both subject and measure', a: { subject: 'SC-1', measure: '5.3a' }, says: 'not both' },
    { name: 'neither', a: {}, says: 'got neither' },
  ])('$name is refused, naming the two fields and the measures allowed', ({ a, says }) => {
    const issue = expectRefused(award(a), 'otherPolicyAwards[0]');
    expect(issue.message).toContain('expected either subject');
    expect(issue.message).toContain(`or measure (one of ${ENTERPRISE_MEASURES}`);
    expect(issue.message).toContain(says);
  });

  it.each([
    { name: 'a per-subject measure (6.2a)', measure: '6.2a', got: 'got "6.2a"' },
    { name: 'a per-subject measure (2.1)', measure: '2.1', got: 'got "2.1"' },
    { name: 'a service (9.1)', measure: '9.1', got: 'got "9.1"' },
    { name: 'a service (10.3)', measure: '10.3', got: 'got "10.3"' },
    { name: 'not a measure', measure: '11', got: 'got "11"' },
    { name: 'a measure without its letter', measure: '5.3', got: 'got "5.3"' },
    { name: 'a number', measure: 5.1, got: 'got 5.1' },
    { name: 'a tier', measure: 'revenue-100m', got: 'got "revenue-100m"' },
  ])('a measure that is $name is refused, naming the measures allowed', ({ measure, got }) => {
    const issue = expectRefused(award({ measure }), 'otherPolicyAwards[0].measure');
    expect(issue.message).toContain(`expected one of ${ENTERPRISE_MEASURES}`);
    expect(issue.message).toContain(got);
  });

  it('points at the right award', () => {
    const issue = expectRefused(
      {
        otherPolicyAwards: [
          { policy: 'P', subject: 'S', amount: 1 },
          { policy: 'Q', amount: 2 },
        ],
      },
      'otherPolicyAwards[1]',
    );
    expect(issue.message).toContain('got neither');
  });
});

describe('the optional dates of 6.1 and 6.3a', () => {
  it.each([
    {
      path: 'facts.agentCompetitionPrizes[0].date',
      parts: { facts: { agentCompetitionPrizes: [{ id: 'A', date: '2026-02-30' }] } },
      got: '"2026-02-30"',
    },
    {
      path: 'facts.agentCompetitionPrizes[0].date',
      parts: { facts: { agentCompetitionPrizes: [{ id: 'A', date: '2026-8-18' }] } },
      got: '"2026-8-18"',
    },
    {
      path: 'facts.agentCompetitionPrizes[1].date',
      parts: { facts: { agentCompetitionPrizes: [{ id: 'A' }, { id: 'B', date: '2027-02-29' }] } },
      got: '"2027-02-29"',
    },
    {
      path: 'facts.firstSetProducts[0].catalogueDate',
      parts: { facts: { firstSetProducts: [{ id: 'F', catalogueDate: '2026-13-01' }] } },
      got: '"2026-13-01"',
    },
    {
      path: 'facts.firstSetProducts[0].catalogueDate',
      parts: { facts: { firstSetProducts: [{ id: 'F', inBeijingCatalogue: true, catalogueDate: '2026-04-31' }] } },
      got: '"2026-04-31"',
    },
  ])('$path: a date that does not exist ($got) is refused', ({ path, parts, got }) => {
    const issue = expectRefused(parts as RequestParts, path);
    expect(issue.message).toContain('YYYY-MM-DD');
    expect(issue.message).toContain(got);
  });

  it('a date that is not a text is refused too', () => {
    const issue = expectRefused(
      { facts: { firstSetProducts: [{ id: 'F', catalogueDate: 20260401 }] } },
      'facts.firstSetProducts[0].catalogueDate',
    );
    expect(issue.message).toContain('expected a date YYYY-MM-DD');
  });

  it('both may be left out, or given', () => {
    expect(validateRequest(buildRequest({ facts: { agentCompetitionPrizes: [{ id: 'A' }], firstSetProducts: [{ id: 'F' }] } })).ok).toBe(
      true,
    );
    expect(
      validateRequest(
        buildRequest({
          facts: {
            agentCompetitionPrizes: [{ id: 'A', date: '2028-02-29' }],
            firstSetProducts: [{ id: 'F', catalogueDate: '2028-02-29' }],
          },
        }),
      ).ok,
    ).toBe(true);
  });
});

describe('growth rate', () => {
  it.each([
    { value: 10.000001, says: 'got 10.000001' },
    { value: 11, says: 'expected a growth rate from -1 to 10' },
    { value: '1000.1%', says: 'expected a growth rate from -1 to 10' },
    { value: -1.5, says: 'expected a growth rate from -1 to 10' },
    { value: 0.1234567, says: 'at most 6 decimals' },
    { value: 'fast', says: 'got "fast"' },
    { value: true, says: 'got true' },
  ])('$value is refused', ({ value, says }) => {
    const issue = expectRefused({ facts: { industryAverageGrowthRate: value } }, 'facts.industryAverageGrowthRate');
    expect(issue.message).toContain(says);
  });
});

describe('counts', () => {
  it.each([
    { path: 'facts.incubator.incubatedAIEnterprises', parts: { facts: { incubator: { incubatedAIEnterprises: 1.5 } } }, says: 'got 1.5' },
    { path: 'facts.incubator.investedAIEnterprises', parts: { facts: { incubator: { investedAIEnterprises: -1 } } }, says: 'at least 0' },
    {
      path: 'facts.industryEducationBase.interns',
      parts: { facts: { industryEducationBase: { interns: '3', hires: 1 } } },
      says: 'got "3"',
    },
    {
      path: 'facts.industryEducationBase.hires',
      parts: { facts: { industryEducationBase: { interns: 3, hires: 0.5 } } },
      says: 'whole number',
    },
  ])('$path: $says', ({ path, parts, says }) => {
    const issue = expectRefused(parts as RequestParts, path);
    expect(issue.message).toContain(says);
  });
});

describe('duplicate ids within a list', () => {
  /** The least item a list takes: its required fields, each with a valid value of its kind (facts.ts). */
  const VALUES: Record<FactValueSpec['kind'], (f: FactValueSpec) => unknown> = {
    money: () => 1,
    count: () => 1,
    bool: () => true,
    date: () => '2026-01-01',
    text: () => 'X',
    rate: () => 0.1,
    enum: (f) => f.options?.[0]?.value,
  };
  const lists = (FACTS as readonly FactSpec[]).flatMap((f) => (f.kind === 'list' ? [f] : []));
  it('covers every list of the facts', () => {
    const shape = factsSchema.shape as Record<string, { _zod: { def: { type: string; innerType?: { _zod: { def: { type: string } } } } } }>;
    const arrays = Object.keys(shape).filter((k) => shape[k]?._zod.def.innerType?._zod.def.type === 'array');
    expect(lists.map((l) => l.key)).toEqual(arrays);
    expect(arrays.length).toBeGreaterThan(10);
  });
  it.each(
    lists.map((l) => ({
      list: l.key,
      unique: l.unique,
      item: Object.fromEntries(l.item.filter((f) => f.required).map((f) => [f.key, VALUES[f.kind](f)])),
    })),
  )('$list', ({ list, unique, item }) => {
    expect(validateRequest(buildRequest({ facts: { [list]: [item, { ...item, [unique]: 'Y' }] } })).ok).toBe(true);
    const issue = expectRefused({ facts: { [list]: [item, { ...item }] } }, `facts.${list}[1].${unique}`);
    expect(issue.message).toBe(`expected a unique id in ${list}, got ${JSON.stringify(item[unique])} twice`);
  });
});

describe('recognition levels', () => {
  const rec = (type: string, level?: string) => ({
    facts: { recognitions: [{ id: 'R', type, date: '2026-01-01', ...(level === undefined ? {} : { level }) }] },
  });
  it.each([
    { type: 'little-giant', level: 'municipal', says: 'expected national for little-giant, got "municipal"' },
    { type: 'high-tech', level: 'municipal', says: 'expected national for high-tech' },
    { type: 'beijing-srdi-sme', level: 'national', says: 'expected municipal for beijing-srdi-sme' },
    { type: 'key-lab', level: undefined, says: 'expected national or municipal for key-lab' },
    { type: 'pilot-base', level: undefined, says: 'expected national or municipal for pilot-base' },
  ])('$type with level $level is refused', ({ type, level, says }) => {
    const issue = expectRefused(rec(type, level), 'facts.recognitions[0].level');
    expect(issue.message).toContain(says);
  });

  it.each([
    { type: 'little-giant', level: undefined },
    { type: 'little-giant', level: 'national' },
    { type: 'beijing-srdi-sme', level: 'municipal' },
    { type: 'key-lab', level: 'municipal' },
  ])('$type with level $level is accepted', ({ type, level }) => {
    expect(validateRequest(buildRequest(rec(type, level))).ok).toBe(true);
  });
});

describe('the highest revenue of earlier years includes last year', () => {
  it('priorMaxRevenue below previousRevenue is refused, naming both', () => {
    const issue = expectRefused(
      { facts: { revenue: 1, previousRevenue: 60000000, priorMaxRevenue: 59999999.99 } },
      'facts.priorMaxRevenue',
    );
    expect(issue.message).toBe(
      "expected at least previousRevenue (60000000): the highest revenue of any earlier year includes last year's, got 59999999.99",
    );
  });

  it.each([
    { previousRevenue: 60000000, priorMaxRevenue: 60000000 },
    { previousRevenue: 60000000, priorMaxRevenue: 60000000.01 },
    { previousRevenue: 60000000 },
    { priorMaxRevenue: 0 },
  ])('is accepted: %o', (facts) => {
    expect(validateRequest(buildRequest({ facts })).ok).toBe(true);
  });
});
