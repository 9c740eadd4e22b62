import { describe, expect, it } from 'vitest';
import { batchFilters, batchRequest, fieldOfIssue } from './offer-batch-form';

describe('the form of a new offer batch', () => {
  it('sends only the filters that narrow', () => {
    expect(batchFilters({ measures: [], review: 'any', minTotal: null })).toBeUndefined();
    expect(batchFilters({ measures: ['2.1', '5.3a'], minTotal: 0, maxTotal: 500_000, review: 'without' })).toEqual({
      measures: ['2.1', '5.3a'],
      minTotal: 0,
      maxTotal: 500_000,
      review: 'without',
    });
  });

  it('asks for the call, the job, the deadline and the reminder', () => {
    expect(batchRequest({ job: 'job-1', callId: 'call-1', deadline: '2027-04-20', reminderDays: 0, review: 'any' })).toEqual({
      callId: 'call-1',
      body: { matchJobId: 'job-1', deadline: '2027-04-20', reminderDays: 0 },
    });
    expect(batchRequest({ job: 'j', callId: 'c', deadline: '2027-04-20', reminderDays: null }).body.reminderDays).toBe(3);
  });

  it('puts the API’s issues on the form’s fields', () => {
    expect(fieldOfIssue('filters.minTotal')).toBe('minTotal');
    expect(fieldOfIssue('filters.measures[2]')).toBe('measures');
    expect(fieldOfIssue('matchJobId')).toBe('job');
    expect(fieldOfIssue('deadline')).toBe('deadline');
    expect(fieldOfIssue('')).toBeNull();
  });
});
