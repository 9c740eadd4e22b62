import { describe, expect, it } from 'vitest';
import { OFFER_STATUS_COLORS, OFFER_STATUSES } from './offer-words';

describe('the words of 免申即享 the pages print', () => {
  it('give every status a colour', () => {
    expect(Object.keys(OFFER_STATUS_COLORS).sort()).toEqual([...OFFER_STATUSES].sort());
  });
});
