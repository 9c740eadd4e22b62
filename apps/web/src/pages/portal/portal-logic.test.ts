import type { EnterpriseAward as Award, TimelineEvent } from '@ftai/api';
import { APPLICATION_STATUSES } from '@ftai/api/statuses';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import {
  amountsByMeasure,
  awardsByYear,
  createKeyKeeper,
  describeSubmitError,
  isEditable,
  latestMoveTo,
  liveOffer,
  meetsGeneralConditions,
  parentPath,
  splitIssues,
  sumAmounts,
  withoutRefused,
} from './portal-logic';

const event = (seq: number, from: TimelineEvent['from'], to: TimelineEvent['to'], note: string | null = null): TimelineEvent => ({
  seq,
  from,
  to,
  actor: seq % 2 ? '申报专员' : '主管部门 王科长',
  role: seq % 2 ? 'applicant' : 'officer',
  note,
  at: `2026-11-0${seq}T02:00:00.000Z`,
});

describe('the portal’s rules', () => {
  it('lets only a draft or a returned application be edited', () => {
    expect(isEditable('draft')).toBe(true);
    expect(isEditable('returned')).toBe(true);
    for (const s of APPLICATION_STATUSES.filter((s) => s !== 'draft' && s !== 'returned')) expect(isEditable(s), s).toBe(false);
  });

  it('finds the latest return with its note, not an earlier one', () => {
    const timeline = [
      event(1, null, 'draft'),
      event(2, 'draft', 'submitted'),
      event(3, 'submitted', 'formal_check'),
      event(4, 'formal_check', 'returned', '请补充算力合同'),
      event(5, 'returned', 'submitted', 'resubmitted'),
      event(6, 'submitted', 'formal_check'),
      event(7, 'formal_check', 'returned', '发票金额与合同不一致'),
    ];
    expect(latestMoveTo(timeline, 'returned')?.note).toBe('发票金额与合同不一致');
    expect(latestMoveTo(timeline.slice(0, 3), 'returned')).toBeNull();
  });

  it('names each 409 of a submission by its stable code', () => {
    const kind = (code: string, status = 409) => describeSubmitError(new ApiError(status, code, 'detail')).kind;
    expect(kind('FTAI_ERR_CALL_CLOSED')).toBe('call-closed');
    expect(kind('FTAI_ERR_DUPLICATE_SUBJECT')).toBe('duplicate-subject');
    expect(kind('FTAI_ERR_TRANSITION')).toBe('wrong-status');
    expect(kind('FTAI_ERR_CONFLICT')).toBe('changed');
    expect(kind('FTAI_ERR_FORBIDDEN', 403)).toBe('forbidden');
    expect(kind('FTAI_ERR_INTERNAL', 500)).toBe('network');
    expect(describeSubmitError(new TypeError('Failed to fetch')).kind).toBe('network');
    const invalid = describeSubmitError(
      new ApiError(400, 'FTAI_ERR_VALIDATION', 'bad', [{ path: 'facts.computeSpend', code: 'x', message: 'expected an amount' }]),
    );
    expect(invalid.kind === 'invalid' && invalid.issues[0]?.path).toBe('facts.computeSpend');
  });

  it('keeps the Idempotency-Key for a retry only while the outcome is unknown', () => {
    let n = 0;
    const keeper = createKeyKeeper(() => `key-${++n}`);
    const first = keeper.take();
    expect(keeper.take()).toBe(first);
    keeper.settle(new TypeError('Failed to fetch'));
    expect(keeper.take()).toBe(first); // the retry of the same click
    keeper.settle(new ApiError(409, 'FTAI_ERR_CALL_CLOSED', 'closed'));
    expect(keeper.pending).toBeNull();
    const second = keeper.take();
    expect(second).not.toBe(first);
    keeper.settle();
    expect(keeper.pending).toBeNull();
  });

  it('sends facts issues to the editor and the rest above it', () => {
    const issues = [
      { path: 'facts.modelFilings[0].date', code: 'a', message: 'm1' },
      { path: 'facts', code: 'b', message: 'm2' },
      { path: 'enterprise.creditCode', code: 'c', message: 'm3' },
      { path: 'factsheet', code: 'd', message: 'm4' },
    ];
    const { facts, other } = splitIssues(issues);
    expect(facts.map((i) => i.message)).toEqual(['m1', 'm2']);
    expect(other.map((i) => i.message)).toEqual(['m3', 'm4']);
  });

  it('holds the general conditions only when all three hold', () => {
    expect(meetsGeneralConditions({ registeredInFengtai: true, taxResidentInFengtai: true, seriousDishonesty: false })).toBe(true);
    expect(meetsGeneralConditions({ registeredInFengtai: true, taxResidentInFengtai: true })).toBe(true);
    expect(meetsGeneralConditions({ registeredInFengtai: true, taxResidentInFengtai: false })).toBe(false);
    expect(meetsGeneralConditions({ registeredInFengtai: true, taxResidentInFengtai: true, seriousDishonesty: true })).toBe(false);
    expect(meetsGeneralConditions({})).toBe(false);
  });

  it('sums awards by year and status, years ascending', () => {
    const award = (year: number, status: Award['status'], amount: number): Award => ({
      measure: '1',
      subject: null,
      year,
      amount,
      status,
      callId: 'c',
      applicationId: 'a',
      paidAt: null,
    });
    const awards = [award(2026, 'paid', 500_000), award(2025, 'final', 300_000), award(2026, 'committed', 200_000), award(2026, 'paid', 1)];
    expect(awardsByYear(awards)).toEqual([
      { year: 2025, committed: 0, final: 300_000, paid: 0 },
      { year: 2026, committed: 200_000, final: 0, paid: 500_001 },
    ]);
    expect(sumAmounts(awards)).toBe(1_000_001);
    expect(awardsByYear([])).toEqual([]);
    const byMeasure = amountsByMeasure([...awards, { ...award(2026, 'paid', 600_000), measure: '4.3' }]);
    expect(byMeasure).toEqual([
      { measure: '1', amount: 1_000_001 },
      { measure: '4.3', amount: 600_000 },
    ]);
  });
});

describe('withoutRefused (autosave keeps every valid field)', () => {
  it('leaves out a refused fact and keeps the rest', () => {
    expect(withoutRefused({ computeSpend: -1, dataTradeSales: 5 }, [{ path: 'facts.computeSpend' }])).toEqual({ dataTradeSales: 5 });
  });

  it('leaves out a refused field of a row, and a refused row whole, later rows first', () => {
    const facts = {
      modelFilings: [
        { name: '甲', date: '2025-02-30' },
        { name: '乙', date: '2025-03-01' },
        { name: '丙', date: 'x' },
      ],
      computeSpend: 100,
    };
    const out = withoutRefused(facts, [{ path: 'facts.modelFilings[0].date' }, { path: 'facts.modelFilings[2]' }]);
    expect(out).toEqual({ modelFilings: [{ name: '甲' }, { name: '乙', date: '2025-03-01' }], computeSpend: 100 });
    // The page's own facts are not touched.
    expect(facts.modelFilings).toHaveLength(3);
    expect(facts.modelFilings[0]?.date).toBe('2025-02-30');
  });

  it('saves nothing apart when an issue is not about one fact', () => {
    expect(withoutRefused({ computeSpend: 1 }, [{ path: 'facts' }])).toBeNull();
    expect(withoutRefused({ computeSpend: 1 }, [{ path: 'enterprise.startup' }])).toBeNull();
  });
});

describe('parentPath', () => {
  it('names what holds a field or a row', () => {
    expect(parentPath('facts.modelFilings[1].id')).toBe('facts.modelFilings[1]');
    expect(parentPath('facts.modelFilings[1]')).toBe('facts.modelFilings');
    expect(parentPath('facts.computeSpend')).toBe('facts');
  });
});

describe('liveOffer (一企一报)', () => {
  it('continues a draft, supplements a returned one, shows the rest', () => {
    expect(liveOffer('draft')).toBe('continue');
    expect(liveOffer('returned')).toBe('supplement');
    expect(liveOffer('submitted')).toBe('view');
    expect(liveOffer('paid')).toBe('view');
  });
});
