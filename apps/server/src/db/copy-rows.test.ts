import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { copyRows } from './copy-rows.js';
import { insertRows } from './insert-rows.js';

const HOSTILE = ['tab\there', 'line\nbreak', 'cr\rhere', 'back\\slash', '\\N', '\\.', '', '北京“测试”科技有限公司', 'a\\tb', '=1+2'];

describe.skipIf(!DIALECTS.includes('postgres'))('COPY rows on the transaction’s own connection (PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('postgres');
    await sql`create table copy_probe (n integer, a text, b bigint, c boolean)`.execute(t.ctx.db);
  });
  afterAll(async () => {
    await t.close();
  });

  const rowsOf = (from: number) =>
    HOSTILE.map((a, i) => ({ n: from + i, a, b: i % 3 === 0 ? null : 9_007_199_254_740_991 - i, c: i % 2 === 0 }));
  const read = async (min: number, max: number) =>
    (
      await sql<{
        n: number;
        a: string;
        b: number | null;
        c: boolean;
      }>`select n, a, b, c from copy_probe where n between ${min} and ${max} order by n`.execute(t.ctx.db)
    ).rows.map((r) => ({ ...r, b: r.b === null ? null : Number(r.b) }));

  it('writes every value back exactly: escapes, nulls, large integers, booleans', async () => {
    const rows = rowsOf(0);
    const copied = await t.ctx.db.transaction().execute((trx) => copyRows(trx, 'copy_probe', ['n', 'a', 'b', 'c'], rows));
    expect(copied).toBe(true);
    expect(await read(0, 99)).toEqual(rows);
  });

  it('belongs to the transaction: rolled back with it, and invisible to others before the commit', async () => {
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await copyRows(trx, 'copy_probe', ['n', 'a', 'b', 'c'], rowsOf(100));
        expect(await read(100, 199)).toEqual([]);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await read(100, 199)).toEqual([]);
  });

  it('declines outside a transaction, where insertRows inserts another way', async () => {
    expect(await copyRows(t.ctx.db, 'copy_probe', ['n'], [{ n: 1 }])).toBe(false);
    await insertRows(t.ctx.db as never, 'copy_probe' as never, rowsOf(200) as never);
    expect(await read(200, 299)).toEqual(rowsOf(200));
  });

  it('refuses a value COPY cannot write, and the transaction fails whole', async () => {
    await expect(
      t.ctx.db.transaction().execute((trx) =>
        copyRows(
          trx,
          'copy_probe',
          ['n', 'a'],
          [
            { n: 300, a: 'ok' },
            { n: 301, a: { x: 1 } },
          ],
        ),
      ),
    ).rejects.toThrow(/expected a string, number, boolean or null/);
    expect(await read(300, 399)).toEqual([]);
  });
});

describe('COPY rows on SQLite', () => {
  it('declines, and insertRows inserts in multi-row statements', async () => {
    const t = await createTestApp('sqlite');
    try {
      await sql`create table copy_probe (n integer, a text)`.execute(t.ctx.db);
      expect(await t.ctx.db.transaction().execute((trx) => copyRows(trx, 'copy_probe', ['n', 'a'], [{ n: 1, a: 'x' }]))).toBe(false);
      await t.ctx.db.transaction().execute((trx) => insertRows(trx as never, 'copy_probe' as never, [{ n: 2, a: 'tab\there' }] as never));
      expect((await sql<{ n: number; a: string }>`select n, a from copy_probe`.execute(t.ctx.db)).rows).toEqual([{ n: 2, a: 'tab\there' }]);
    } finally {
      await t.close();
    }
  });
});
