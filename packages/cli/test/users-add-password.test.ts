import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `ftai users add` through the real binary (bin/ftai.js over dist/; `npx tsc -b` first), on a fresh SQLite folder. */
const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'ftai.js');

describe('ftai users add: the password rule of the API', () => {
  let data: string;
  beforeAll(() => {
    data = mkdtempSync(join(tmpdir(), 'ftai-users-'));
  });
  afterAll(() => {
    rmSync(data, { recursive: true, force: true });
  });
  const add = (username: string, password: string) =>
    spawnSync(
      process.execPath,
      [BIN, 'users', 'add', '--username', username, '--role', 'officer', '--password', password, '--data', data],
      {
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, DATABASE_URL: '', FTAI_SCRYPT_LOG_N: '10' },
      },
    );

  it.each([
    ['          ', /at least 12 characters, got 10/],
    ['1234567890', /at least 12 characters/],
    ['password1234', /too easy to guess/],
    ['wang-officer-2026', /must not be or contain the user name/],
  ])('refuses %j with FTAI_ERR_WEAK_PASSWORD and creates nothing', (password, message) => {
    const run = add('wang', password);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('FTAI_ERR_WEAK_PASSWORD');
    expect(run.stdout).toBe('');
  });

  it('creates the account with a strong password', () => {
    const run = add('wang', 'lantern-orchid-basalt-27');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^created officer wang /);
  });
});
