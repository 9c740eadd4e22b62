import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calculate } from './calculate.js';
import { validateRequest } from './request/validate-request.js';

/**
 * The shared calculation cases (../shared/cases), copied into cases/ so that a fresh clone
 * without ../shared still runs them. Each must match to the yuan.
 */
const here = dirname(fileURLToPath(import.meta.url));
const copyDir = join(here, '..', 'cases');
const sharedDir = join(here, '..', '..', '..', '..', 'shared', 'cases');

interface PolicyCase {
  name: string;
  request: unknown;
  expect: { results: { measure: string; subject: string | null; status: string; amount: number }[]; total: number };
}

const files = readdirSync(copyDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('shared calculation cases', () => {
  it('has the cases', () => {
    expect(files.length).toBeGreaterThanOrEqual(21);
  });

  for (const file of files) {
    const c = JSON.parse(readFileSync(join(copyDir, file), 'utf8')) as PolicyCase;
    it(c.name, () => {
      const v = validateRequest(c.request);
      if (!v.ok) throw new Error(JSON.stringify(v.issues));
      const answer = calculate(v.request);
      for (const want of c.expect.results) {
        const got = answer.results.find((r) => r.measure === want.measure && r.subject === want.subject);
        expect(got, `${want.measure}/${want.subject}`).toBeDefined();
        expect({ status: got?.status, amount: got?.amount }).toEqual({ status: want.status, amount: want.amount });
      }
      expect(answer.total).toBe(c.expect.total);
    });
  }

  it.runIf(existsSync(sharedDir))('the copy equals ../shared/cases', () => {
    const shared = readdirSync(sharedDir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toEqual(shared);
    for (const f of shared) {
      expect(readFileSync(join(copyDir, f), 'utf8'), f).toBe(readFileSync(join(sharedDir, f), 'utf8'));
    }
  });
});
