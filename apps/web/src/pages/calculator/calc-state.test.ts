/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Answer } from '@ftai/api';
import { factsSchema } from '@ftai/policy-fengtai';
import { describe, expect, it } from 'vitest';
import { cleanFacts, FACT_FIELDS, shiftDecimal, TOPICS, toMoney, topicsOf } from '../../components/facts-editor/fact-fields';
import {
  buildRequest,
  type CalcState,
  defaultYear,
  emptyState,
  failsGeneralConditions,
  firstStepOfIssues,
  readRequest,
  requestFileName,
  stepOfIssue,
  summarizeAnswer,
} from './calc-state';

const CASES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..', 'packages', 'policy-fengtai', 'cases');
const cases = readdirSync(CASES)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: f, ...(JSON.parse(readFileSync(join(CASES, f), 'utf8')) as { name: string; request: Record<string, unknown> }) }));

describe('the shared cases survive request → form state → request', () => {
  it('finds the 21 shared cases', () => {
    expect(cases).toHaveLength(21);
  });
  it.each(cases.map((c) => [c.name, c.request] as const))('%s', (_name, request) => {
    const state = readRequest(request);
    expect(buildRequest(state)).toEqual(request);
    // … and once more, through JSON as the download and upload do.
    expect(buildRequest(readRequest(JSON.parse(JSON.stringify(buildRequest(state)))))).toEqual(request);
  });
  it('ticks the topics the facts touch', () => {
    const incubator = cases.find((c) => c.file.startsWith('16-'));
    expect(readRequest(incubator?.request).topics).toEqual(['incubator']);
    const revenue = cases.find((c) => c.file.startsWith('12-'));
    expect(readRequest(revenue?.request).topics).toEqual(['revenue']);
    const jointFund = cases.find((c) => c.file.startsWith('10-'));
    expect(readRequest(jointFund?.request).topics).toEqual(['jointFund', 'challenge']);
  });
});

describe('topics and fact fields', () => {
  it('cover every field of the contract, each under exactly one topic, in contract order', () => {
    const contract = Object.keys(factsSchema.shape);
    expect(FACT_FIELDS.map((f) => f.key)).toEqual(contract);
    const byTopic = TOPICS.flatMap((tp) => tp.fields);
    expect([...byTopic].sort()).toEqual([...contract].sort());
    expect(new Set(byTopic).size).toBe(byTopic.length);
  });
  it('has the 21 topics of the checklist', () => {
    expect(TOPICS.map((tp) => tp.key)).toEqual([
      'compute',
      'models',
      'modelServices',
      'data',
      'dataSpaces',
      'jointFund',
      'challenge',
      'rd',
      'keyProjects',
      'revenue',
      'recognitions',
      'agents',
      'scenarios',
      'firstSet',
      'standards',
      'platforms',
      'incubator',
      'parks',
      'ventureFund',
      'education',
      'events',
    ]);
  });
  it.each([
    [{}, []],
    [{ computeSpend: 1 }, ['compute']],
    [{ revenue: 1, dataProductSales: 2 }, ['data', 'revenue']],
    [{ modelFilings: [] }, []],
    [{ incubator: {} }, []],
    [{ incubator: { rating: 'ministry-excellent' } }, ['incubator']],
    [{ computeSpend: undefined, firstAboveDesignatedSize: false }, ['revenue']],
    [{ unknownField: 3 }, []],
  ] as const)('topicsOf(%j) = %j', (facts, topics) => {
    expect(topicsOf(facts as Record<string, unknown>)).toEqual(topics);
  });
});

describe('money, rates and cleaning', () => {
  it.each([
    [5000000, 5000000],
    [1234567.89, 1234567.89],
    [1234567.891, 1234567.89],
    [0.005, 0.01],
    [2.675, 2.68],
    ['1000.50', 1000.5],
    [' 42 ', 42],
    ['-5', -5],
    ['9999999999999.99', 9999999999999.99],
    // Beyond 13 digits of yuan a number would round what was typed: the text goes to the API as typed.
    ['123456789012345678', '123456789012345678'],
    ['abc', undefined],
    [Number.NaN, undefined],
    [null, undefined],
  ] as const)('toMoney(%j) = %j', (input, expected) => {
    expect(toMoney(input)).toBe(expected);
  });
  it.each([
    [0.15, 2, 15],
    [15, -2, 0.15],
    [7.5, -2, 0.075],
    [0.075, 2, 7.5],
    [-0.2, 2, -20],
    [0.123456, 2, 12.3456],
    [1, -2, 0.01],
    [0, 2, 0],
  ])('shiftDecimal(%d, %d) = %d', (value, places, expected) => {
    expect(shiftDecimal(value, places)).toBe(expected);
  });
  it('drops empty fields, objects with nothing in them and empty lists, keeps list rows in place', () => {
    expect(
      cleanFacts({
        computeSpend: undefined,
        revenue: 100.456,
        modelFilings: [{ id: ' M-1 ', date: '2026-03-01', industrial: undefined }, {}, { id: 'M-3', industrial: false }],
        openDatasets: [],
        incubator: { rating: undefined, investment: undefined },
        ventureFund: { aiInvestment: '30000000' },
        industryAverageGrowthRate: '0.15',
      }),
    ).toEqual({
      revenue: 100.46,
      modelFilings: [{ id: 'M-1', date: '2026-03-01' }, {}, { id: 'M-3', industrial: false }],
      ventureFund: { aiInvestment: 30000000 },
      industryAverageGrowthRate: 0.15,
    });
  });
});

describe('building the request', () => {
  const state = (over: Partial<CalcState>): CalcState => ({ ...emptyState(2026), ...over });

  it('sends only the facts of the ticked topics', () => {
    const s = state({ topics: ['compute'], facts: { computeSpend: 5000000, revenue: 120000000 } });
    expect(buildRequest(s).facts).toEqual({ computeSpend: 5000000 });
    expect(buildRequest({ ...s, topics: [] }).facts).toBeUndefined();
  });
  it('keeps answered yes/no questions, drops empty texts, upper-cases the credit code', () => {
    const r = buildRequest(
      state({
        enterprise: { creditCode: ' 91110106ma0000k54t ', name: '  ', registeredInFengtai: true, industrialAI: false, startup: undefined },
      }),
    );
    expect(r.enterprise).toEqual({ creditCode: '91110106MA0000K54T', registeredInFengtai: true, industrialAI: false });
  });
  it('writes history subjects as null for enterprise-level measures, money with 2 decimals', () => {
    const r = buildRequest(
      state({
        history: [
          { measure: '1', year: 2025, subject: '', amount: 900000.123 },
          { measure: '2.1', year: 2025, subject: 'M-1', amount: 500000 },
        ],
        otherPolicyAwards: [{ policy: ' 丰台区某项措施 ', subject: 'SC-1', amount: 450000 }],
      }),
    );
    expect(r.history).toEqual([
      { measure: '1', year: 2025, subject: null, amount: 900000.12 },
      { measure: '2.1', year: 2025, subject: 'M-1', amount: 500000 },
    ]);
    expect(r.otherPolicyAwards).toEqual([{ policy: '丰台区某项措施', subject: 'SC-1', amount: 450000 }]);
  });
  it('names 5.1’s tier as the subject of its history', () => {
    const r = buildRequest(state({ history: [{ measure: '5.1', year: 2025, subject: 'revenue-50m', amount: 200000 }] }));
    expect(r.history).toEqual([{ measure: '5.1', year: 2025, subject: 'revenue-50m', amount: 200000 }]);
    expect(readRequest(r).history).toEqual([{ measure: '5.1', year: 2025, subject: 'revenue-50m', amount: 200000 }]);
  });
  it('gives the history of support in kind (5.4) amount 0, whatever was typed', () => {
    const r = buildRequest(
      state({
        history: [
          { measure: '5.4', year: 2025, subject: null },
          { measure: '5.4', year: 2026, subject: '', amount: 12345 },
        ],
      }),
    );
    expect(r.history).toEqual([
      { measure: '5.4', year: 2025, subject: null, amount: 0 },
      { measure: '5.4', year: 2026, subject: null, amount: 0 },
    ]);
  });
  it('sends another policy’s award with the subject or the measure it names, never both', () => {
    const r = buildRequest(
      state({
        otherPolicyAwards: [
          // Switched to a measure after typing a subject: only the measure goes.
          { policy: '丰台区专精特新企业奖励', target: 'measure', subject: 'LG-7', measure: '5.3a', amount: 500000 },
          { policy: '丰台区某项措施', target: 'subject', subject: 'SC-1', measure: '5.3a', amount: 450000 },
          { policy: '丰台区某项措施', subject: 'P-1', amount: 1 },
        ],
      }),
    );
    expect(r.otherPolicyAwards).toEqual([
      { policy: '丰台区专精特新企业奖励', measure: '5.3a', amount: 500000 },
      { policy: '丰台区某项措施', subject: 'SC-1', amount: 450000 },
      { policy: '丰台区某项措施', subject: 'P-1', amount: 1 },
    ]);
  });
  it('reads an award that names a measure back as a measure row', () => {
    const s = readRequest({ year: 2026, enterprise: {}, otherPolicyAwards: [{ policy: 'X', measure: '5.3a', amount: 500000 }] });
    expect(s.otherPolicyAwards).toEqual([{ policy: 'X', target: 'measure', measure: '5.3a', amount: 500000 }]);
  });
  it('leaves out empty history and other awards', () => {
    expect(buildRequest(state({}))).toEqual({
      year: 2026,
      enterprise: {
        registeredInFengtai: true,
        taxResidentInFengtai: true,
        seriousDishonesty: false,
        aiPartnerProgram: false,
        industrialAI: false,
        startup: false,
      },
    });
  });
  it('reads money given as decimal strings as numbers', () => {
    const s = readRequest({
      year: 2026,
      enterprise: {},
      facts: { computeSpend: '1234567.89' },
      history: [{ measure: '1', year: 2025, subject: null, amount: '100' }],
    });
    expect(buildRequest(s)).toEqual({
      year: 2026,
      enterprise: {},
      facts: { computeSpend: 1234567.89 },
      history: [{ measure: '1', year: 2025, subject: null, amount: 100 }],
    });
  });
  it('names the download after the year and the credit code', () => {
    expect(requestFileName({ year: 2026, enterprise: { creditCode: '91110106MA0000K54T' } })).toBe(
      'ftai-request-2026-91110106MA0000K54T.json',
    );
    expect(requestFileName({ year: 2027, enterprise: {} })).toBe('ftai-request-2027-enterprise.json');
  });
  it('starts in this year, inside the policy term', () => {
    expect(defaultYear(new Date('2026-11-28T00:00:00Z'))).toBe(2026);
    expect(defaultYear(new Date('2031-01-01T00:00:00Z'))).toBe(2028);
    expect(defaultYear(new Date('2024-06-01T00:00:00Z'))).toBe(2025);
  });
});

describe('steps and answers', () => {
  it.each([
    ['year', 0],
    ['enterprise.creditCode', 0],
    ['facts.modelFilings[0].date', 2],
    ['facts', 2],
    ['history[1].measure', 3],
    ['otherPolicyAwards[0].amount', 3],
    ['', 0],
  ])('an issue at %s goes back to step %d', (path, step) => {
    expect(stepOfIssue(path)).toBe(step);
  });
  it('goes to the earliest step with an issue', () => {
    expect(firstStepOfIssues([{ path: 'history[0].year' }, { path: 'facts.revenue' }])).toBe(2);
    expect(firstStepOfIssues([])).toBe(4);
  });
  it('tells when a general condition fails', () => {
    expect(failsGeneralConditions({ registeredInFengtai: true, taxResidentInFengtai: true, seriousDishonesty: false })).toBe(false);
    expect(failsGeneralConditions({})).toBe(false);
    expect(failsGeneralConditions({ registeredInFengtai: false })).toBe(true);
    expect(failsGeneralConditions({ seriousDishonesty: true })).toBe(true);
  });
  it('sums up an answer', () => {
    const answer: Answer = {
      policy: { id: 'fengtai-ai-2025', version: '1' },
      year: 2026,
      creditCode: null,
      total: 1400000,
      results: [
        { measure: '8.1', subject: null, status: 'granted', amount: 900000, review: true, citation: '第八条第（1）项' },
        { measure: '8.2', subject: null, status: 'granted', amount: 500000, review: false, citation: '第八条第（2）项' },
        { measure: '6.2b', subject: 'SC-1', status: 'excluded', amount: 0, review: false, citation: '第六条第（2）项' },
        {
          measure: '5.2',
          subject: null,
          status: 'incomplete',
          amount: 0,
          review: true,
          citation: '第五条第（2）项',
          reasons: ['缺少“上年度主营业务收入”，无法测算'],
          missing: ['facts.previousRevenue'],
        },
        { measure: '4.1', subject: null, status: 'pending', amount: 0, review: false, citation: '第四条第（1）项' },
        { measure: '9.1', subject: null, status: 'service', amount: 0, review: false, citation: '第九条第（1）项' },
      ],
    };
    const s = summarizeAnswer(answer);
    expect(s.total).toBe(1400000);
    expect(s.granted.map((r) => r.measure)).toEqual(['8.1', '8.2']);
    expect(s.review.map((r) => r.measure)).toEqual(['8.1']);
    expect(s.refused.map((r) => r.measure)).toEqual(['6.2b']);
    expect(s.incomplete.map((r) => r.missing)).toEqual([['facts.previousRevenue']]);
    expect(s.other.map((r) => r.measure)).toEqual(['4.1', '9.1']);
  });
});
