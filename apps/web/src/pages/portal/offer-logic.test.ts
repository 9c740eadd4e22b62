import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../lib/beijing-date';
import { daysLeft, offerStanding, pendingOffers } from './offer-logic';

describe('an offer as the portal shows it', () => {
  it('is expired once its deadline has passed, whatever the sweep has done', () => {
    expect(offerStanding({ status: 'pending', deadline: '2027-04-20' }, '2027-04-20')).toBe('pending');
    expect(offerStanding({ status: 'pending', deadline: '2027-04-20' }, '2027-04-21')).toBe('expired');
    expect(offerStanding({ status: 'confirmed', deadline: '2027-04-20' }, '2027-05-01')).toBe('confirmed');
  });

  it('counts the days left with the deadline as the last day', () => {
    expect(daysLeft('2027-04-20', '2027-04-17')).toBe(3);
    expect(daysLeft('2027-04-20', '2027-04-20')).toBe(0);
    expect(daysLeft('2027-04-20', '2027-04-21')).toBeNull();
    expect(daysBetween('2027-02-27', '2027-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2028-01-01')).toBe(366);
  });

  it('lists the offers to confirm, soonest deadline first', () => {
    const offers = [
      { id: 'a', status: 'pending' as const, deadline: '2027-05-01' },
      { id: 'b', status: 'confirmed' as const, deadline: '2027-04-01' },
      { id: 'c', status: 'pending' as const, deadline: '2027-04-20' },
      { id: 'd', status: 'pending' as const, deadline: '2027-03-01' },
    ];
    expect(pendingOffers(offers, '2027-04-10').map((o) => o.id)).toEqual(['c', 'a']);
  });
});
