import { describe, expect, it } from 'vitest';
import { ascendingIds, newId } from './ids.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ascendingIds', () => {
  it('gives random version-4 UUIDs, as newId does, strictly ascending', () => {
    expect(newId()).toMatch(UUID_V4);
    // 300,000 ids: about ten pairs share their first 32 bits, which the order among ties must handle.
    const ids = ascendingIds(300_000);
    expect(ids).toHaveLength(300_000);
    for (const id of ids) if (!UUID_V4.test(id)) expect(id).toMatch(UUID_V4);
    let descents = 0;
    for (let i = 1; i < ids.length; i++) if (!((ids[i - 1] as string) < (ids[i] as string))) descents++;
    expect(descents).toBe(0);
    expect(new Set(ids).size).toBe(ids.length);
    // Spread over the whole range, not bunched: the first ones start 0…, the last ones f….
    expect(ids[0]?.startsWith('0')).toBe(true);
    expect(ids.at(-1)?.startsWith('f')).toBe(true);
  });

  it('gives nothing for none and one for one', () => {
    expect(ascendingIds(0)).toEqual([]);
    expect(ascendingIds(1)[0]).toMatch(UUID_V4);
  });
});
