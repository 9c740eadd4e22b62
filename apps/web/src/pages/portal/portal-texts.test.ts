import { describe, expect, it } from 'vitest';
import { portal } from '../../locales/portal';
import { review } from '../../locales/review';

/** Every key path of a nested texts object, with the kind of each leaf's placeholders. */
function leaves(o: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string')
      out.set(
        path,
        [...v.matchAll(/\{\{(\w+)\}\}/g)]
          .map((m) => m[1])
          .sort()
          .join(','),
      );
    else for (const [p, x] of leaves(v as object, path)) out.set(p, x);
  }
  return out;
}

describe('the portal and review texts', () => {
  for (const [name, texts] of [
    ['portal', portal],
    ['review', review],
  ] as const) {
    it(`${name}: Chinese and English have the same keys and the same placeholders`, () => {
      const zh = leaves(texts.zh);
      const en = leaves(texts.en);
      expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
      for (const [key, placeholders] of zh) expect(`${key}: ${en.get(key)}`).toBe(`${key}: ${placeholders}`);
      const empty = (o: object): string[] =>
        Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? (v.trim() ? [] : [k]) : empty(v as object)));
      expect([...empty(texts.zh), ...empty(texts.en)]).toEqual([]);
    });
  }
});
