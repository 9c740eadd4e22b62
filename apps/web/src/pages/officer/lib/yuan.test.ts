import { describe, expect, it } from 'vitest';
import { beijingDate, nextDay } from './beijing-date';
import { groupThousands, percentOf, toWan, ungroupThousands } from './yuan';

describe('yuan in inputs and axes', () => {
  it('groups and ungroups thousands', () => {
    expect(groupThousands(12_000_000)).toBe('12,000,000');
    expect(groupThousands('999')).toBe('999');
    expect(groupThousands(undefined)).toBe('');
    expect(ungroupThousands('12,000, 000')).toBe('12000000');
    expect(ungroupThousands(undefined)).toBe('');
  });

  it('shows ten-thousands on axes and floors percentages', () => {
    expect(toWan(12_000_000)).toBe('1,200');
    expect(toWan(12_345, 1)).toBe('1.2');
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(5, 0)).toBeNull();
    expect(percentOf(5, null)).toBeNull();
  });
});

describe('Beijing dates', () => {
  it('is already tomorrow in Beijing after 16:00 UTC', () => {
    expect(beijingDate(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
    expect(beijingDate(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
  });

  it('steps over month and year ends', () => {
    expect(nextDay('2026-11-30')).toBe('2026-12-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});
