import { describe, expect, it } from 'vitest';
import { officer } from '../../locales/officer';

/** Every key path of a texts object, `audit.kind.added` …, with its value. */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) for (const [p, x] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, x);
  } else {
    out.set(path, value);
  }
  return out;
}

const interpolations = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the officer texts', () => {
  const zh = leaves(officer.zh);
  const en = leaves(officer.en);

  it('have the same keys in Chinese and English', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('are never empty, and name the same figures in both languages', () => {
    for (const [key, text] of zh) {
      expect(String(text).trim(), key).not.toBe('');
      expect(String(en.get(key)).trim(), key).not.toBe('');
      expect(interpolations(en.get(key)), key).toEqual(interpolations(text));
    }
  });
});
