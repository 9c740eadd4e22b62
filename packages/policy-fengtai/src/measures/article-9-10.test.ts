import { describe, expect, it } from 'vitest';
import { calc, granted, hasResult, outcome, result, resultOf } from '../test-helpers.js';

describe('第九条(1)(2), 第十条(1)(3): services', () => {
  it.each(['9.1', '9.2', '10.1'])('%s is listed for every enterprise as a service, amount 0', (measure) => {
    const a = calc({ facts: {} });
    const r = resultOf(a, measure);
    expect(outcome(r)).toEqual({ status: 'service', amount: 0 });
    expect(r.reasons?.length).toBeGreaterThan(0);
    expect(a.total).toBe(0);
  });

  it('10.3 is a service for partner-program enterprises only', () => {
    expect(outcome(result({ enterprise: { aiPartnerProgram: true } }, '10.3'))).toEqual({ status: 'service', amount: 0 });
    expect(hasResult(calc({ enterprise: { aiPartnerProgram: false } }), '10.3')).toBe(false);
  });

  it('says what the service is', () => {
    expect(result({}, '9.2', null, { lang: 'en' }).reasons).toEqual(['a service (financing channels), not money']);
  });
});

describe('第九条(3) (9.3): venture funds, 2% of investment in AI enterprises', () => {
  it.each([
    { name: '2% of 30,000,000', investment: 30000000, status: 'granted', amount: 600000 },
    { name: 'cap exactly: 2% of 50,000,000', investment: 50000000, status: 'granted', amount: 1000000 },
    { name: 'one yuan over: 2% of 50,000,050', investment: 50000050, status: 'granted', amount: 1000000 },
    { name: 'fen floored: 2% of 1,234,567.89 = 24,691.3578', investment: 1234567.89, status: 'granted', amount: 24691 },
    { name: '49.99 yuan: 2% = 0.9998', investment: 49.99, status: 'ineligible', amount: 0 },
    { name: '50 yuan: 2% = 1', investment: '50.00', status: 'granted', amount: 1 },
    { name: 'nothing invested', investment: 0, status: 'ineligible', amount: 0 },
  ])('$name → $status $amount', ({ investment, status, amount }) => {
    expect(outcome(result({ facts: { ventureFund: { aiInvestment: investment } } }, '9.3'))).toEqual({ status, amount });
  });

  it('per year', () => {
    const facts = { ventureFund: { aiInvestment: 30000000 } };
    expect(result({ facts, history: [granted('9.3', 2026)] }, '9.3').status).toBe('excluded');
    expect(result({ facts, history: [granted('9.3', 2025)] }, '9.3').status).toBe('granted');
  });
});

describe('第十条(2) (10.2): industry–education bases', () => {
  it.each([
    { name: '40 interns, 8 hires', base: { interns: 40, hires: 8 }, status: 'granted', amount: 200000 },
    { name: 'one hire', base: { interns: 0, hires: 1 }, status: 'granted', amount: 200000 },
    { name: 'one intern', base: { interns: 1, hires: 0 }, status: 'granted', amount: 200000 },
    { name: 'no interns and no hires', base: { interns: 0, hires: 0 }, status: 'ineligible', amount: 0 },
  ])('$name → $status $amount', ({ base, status, amount }) => {
    const r = result({ facts: { industryEducationBase: base } }, '10.2');
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.review).toBe(true);
  });

  it.each([
    { name: 'second year', year: 2027, history: [granted('10.2', 2026)], status: 'granted' },
    { name: 'third year', year: 2028, history: [granted('10.2', 2026), granted('10.2', 2027)], status: 'excluded' },
    { name: 'skipped year lost', year: 2028, history: [granted('10.2', 2026)], status: 'excluded' },
    { name: 'continuing after 2028', year: 2029, history: [granted('10.2', 2028)], status: 'granted' },
    { name: 'new after 2028', year: 2029, history: [], status: 'excluded' },
    { name: 'before 2025', year: 2024, history: [], status: 'excluded' },
  ])('consecutive years, 2: $name → $status', ({ year, history, status }) => {
    expect(result({ year, facts: { industryEducationBase: { interns: 5, hires: 1 } }, history }, '10.2').status).toBe(status);
  });
});

describe('第十条(4) (10.4): major events, per event', () => {
  it('500,000 for each event in the year', () => {
    const a = calc({
      facts: {
        events: [
          { id: 'EV-1', kind: 'forum', date: '2026-10-01' },
          { id: 'EV-2', kind: 'contest', date: '2026-11-01' },
          { id: 'EV-3', kind: 'training', date: '2025-11-01' },
        ],
      },
    });
    expect(outcome(resultOf(a, '10.4', 'EV-1'))).toEqual({ status: 'granted', amount: 500000 });
    expect(outcome(resultOf(a, '10.4', 'EV-2'))).toEqual({ status: 'granted', amount: 500000 });
    expect(outcome(resultOf(a, '10.4', 'EV-3'))).toEqual({ status: 'ineligible', amount: 0 });
    expect(resultOf(a, '10.4', 'EV-1').review).toBe(true);
    expect(a.total).toBe(1000000);
  });

  it.each([
    { name: 'held 2025-10-29', year: 2025, date: '2025-10-29', history: [], status: 'excluded' },
    { name: 'held 2025-10-30', year: 2025, date: '2025-10-30', history: [], status: 'granted' },
    { name: 'held in 2029', year: 2029, date: '2029-03-01', history: [], status: 'excluded' },
    { name: 'this event granted before', year: 2026, date: '2026-10-01', history: [granted('10.4', 2025, 'EV-1')], status: 'excluded' },
    { name: 'another event granted before', year: 2026, date: '2026-10-01', history: [granted('10.4', 2025, 'EV-0')], status: 'granted' },
  ])('$name → $status', ({ year, date, history, status }) => {
    expect(result({ year, facts: { events: [{ id: 'EV-1', kind: 'conference', date }] }, history }, '10.4', 'EV-1').status).toBe(status);
  });
});
