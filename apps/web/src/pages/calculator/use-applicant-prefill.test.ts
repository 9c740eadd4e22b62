import type { ApplicationView, EnterpriseView } from '@ftai/api';
import { describe, expect, it } from 'vitest';
import { applicantStart } from './use-applicant-prefill';

const enterprise = {
  creditCode: '91110106MA01ABCD1X',
  name: '北京丰智科技有限公司',
  profile: { registeredInFengtai: true, taxResidentInFengtai: true, aiPartnerProgram: true, industrialAI: false },
  bankAccount: null,
  awards: [
    { measure: '1', subject: null, year: 2025, amount: 150_000, status: 'paid', callId: 'c1', applicationId: 'a1', paidAt: '2026-06-01' },
    { measure: '1', subject: null, year: 2026, amount: 200_000, status: 'committed', callId: 'c2', applicationId: 'a2', paidAt: null },
  ],
  updatedAt: '2026-11-01T00:00:00Z',
} as EnterpriseView;

describe('applicantStart (the calculator for a signed-in applicant)', () => {
  it('starts from the profile, the awards of earlier years and the latest facts, with their topics ticked', () => {
    const latest = { request: { facts: { computeSpend: 1_000_000 } } } as unknown as ApplicationView;
    const s = applicantStart(2026, enterprise, latest);
    expect(s.year).toBe(2026);
    expect(s.enterprise).toEqual({
      creditCode: '91110106MA01ABCD1X',
      name: '北京丰智科技有限公司',
      registeredInFengtai: true,
      taxResidentInFengtai: true,
      // Left open in the profile: the calculator's own start.
      seriousDishonesty: false,
      aiPartnerProgram: true,
      industrialAI: false,
      startup: false,
    });
    // The award of the year estimated is not history of it.
    expect(s.history).toEqual([{ measure: '1', year: 2025, subject: null, amount: 150_000 }]);
    expect(s.facts).toEqual({ computeSpend: 1_000_000 });
    expect(s.topics).toEqual(['compute']);
  });

  it('starts with no facts for an enterprise without an application', () => {
    const s = applicantStart(2027, enterprise, null);
    expect(s.facts).toEqual({});
    expect(s.topics).toEqual([]);
    expect(s.history.map((h) => h.year)).toEqual([2025, 2026]);
  });
});
