import { PAGE_LIMIT_MAX, pageQueryShape } from '@ftai/api';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError } from '../errors.js';
import { createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { encodeCursor, type KeysetOrder, keysetPage } from './keyset.js';

/** A table of its own: text keys with ties, whole-number keys with ties, and a key that may be missing. */
interface ProbeDb {
  keyset_probe: { id: string; at: string; n: number; maybe: number | null };
}
interface Row {
  id: string;
  at: string;
  n: number;
  maybe: number | null;
}

const ORDERS: Record<'at' | 'n' | 'maybe', Omit<KeysetOrder, 'order'>> = {
  at: { sort: 'at', key: 'keyset_probe.at', keyType: 'text', id: 'keyset_probe.id' },
  n: { sort: 'n', key: 'keyset_probe.n', keyType: 'number', id: 'keyset_probe.id' },
  maybe: { sort: 'maybe', key: sql`coalesce(${sql.ref('keyset_probe.maybe')}, -1)`, keyType: 'number', id: 'keyset_probe.id' },
};
const keyOf = (sort: keyof typeof ORDERS, r: Row): string | number => (sort === 'at' ? r.at : sort === 'n' ? r.n : (r.maybe ?? -1));

function sorted(rows: readonly Row[], sort: keyof typeof ORDERS, order: 'asc' | 'desc'): string[] {
  const cmp = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
  const list = [...rows].sort((a, b) => cmp(keyOf(sort, a), keyOf(sort, b)) || cmp(a.id, b.id));
  if (order === 'desc') list.reverse();
  return list.map((r) => r.id);
}

const row = (i: number, over: Partial<Row> = {}): Row => ({
  id: `r${String(i).padStart(3, '0')}`,
  at: `2027-01-0${1 + (i % 5)}T00:00:00.000Z`,
  n: (i * 7) % 4,
  maybe: i % 3 === 0 ? null : i % 5,
  ...over,
});

describe.each(DIALECTS)('keyset paging on %s', (dialect) => {
  let t: TestApp;
  let db: Kysely<ProbeDb>;
  const rows: Row[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    db = t.ctx.db as unknown as Kysely<ProbeDb>;
    await db.schema
      .createTable('keyset_probe')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('maybe', 'integer')
      .execute();
    for (let i = 0; i < 23; i++) rows.push(row(i));
    await db.insertInto('keyset_probe').values(rows).execute();
  });
  afterAll(async () => {
    await t.close();
  });

  const query = () => db.selectFrom('keyset_probe').select(['id', 'at', 'n', 'maybe']);
  const page = (sort: keyof typeof ORDERS, order: 'asc' | 'desc', limit?: number, after?: string) =>
    keysetPage(
      query(),
      { ...ORDERS[sort], order },
      { ...(limit !== undefined && { limit }), ...(after !== undefined && { after }) },
      (r) => [keyOf(sort, r), r.id],
    );

  it.each(['at', 'n', 'maybe'] as const)('pages by %s both ways, with rows added meanwhile, each row once', async (sort) => {
    for (const order of ['asc', 'desc'] as const) {
      const before = [...rows];
      const seen: string[] = [];
      let next: string | null | undefined;
      let added: Row[] = [];
      let cursorId = '';
      for (let n = 0; n < 100 && next !== null; n++) {
        const p = await page(sort, order, 4, next);
        seen.push(...p.rows.map((r) => r.id));
        expect(p.page.total).toBe(rows.length);
        next = p.page.next;
        if (n === 1) {
          // After the second page: a row at either end of the order, and one tied with the cursor's key.
          const last = p.rows.at(-1) as Row;
          cursorId = last.id;
          added = [
            row(900 + rows.length, { at: '2026-01-01T00:00:00.000Z', n: -5, maybe: -7 }),
            row(950 + rows.length, { at: '2028-01-01T00:00:00.000Z', n: 50, maybe: 50 }),
            row(990 + rows.length, { at: last.at, n: last.n, maybe: last.maybe }),
          ];
          await db.insertInto('keyset_probe').values(added).execute();
          rows.push(...added);
        }
      }
      // Every row there at the start, once, in order; of the added ones, those after the cursor.
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => before.some((r) => r.id === id))).toEqual(sorted(before, sort, order));
      const inOrder = sorted(rows, sort, order);
      const pastCursor = inOrder.slice(inOrder.indexOf(cursorId) + 1);
      expect(seen.filter((id) => added.some((r) => r.id === id))).toEqual(pastCursor.filter((id) => added.some((r) => r.id === id)));
      expect(seen).toEqual(inOrder.filter((id) => seen.includes(id)));
    }
  });

  it('gives no next page after the last row, even when it fills the page, and takes 50 rows unless told', async () => {
    const all = (await page('at', 'asc', PAGE_LIMIT_MAX)).rows.length;
    const exact = await page('at', 'asc', all);
    expect(exact.rows).toHaveLength(all);
    expect(exact.page).toEqual({ limit: all, next: null, total: all });
    const short = await page('at', 'asc', all - 1);
    expect(short.page.next).not.toBeNull();
    expect((await page('at', 'asc', 1, short.page.next as string)).rows).toHaveLength(1);
    const dflt = await page('n', 'desc');
    expect(dflt.page.limit).toBe(50);
    expect(dflt.rows).toHaveLength(Math.min(50, all));
  });

  it('refuses a cursor that is not one, of another sort, or with a key of the wrong type, as a 400 naming `after`', async () => {
    const refused = async (sort: keyof typeof ORDERS, after: string) => {
      const err = await page(sort, 'asc', 5, after).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, after).toBeInstanceOf(HttpError);
      expect((err as HttpError).statusCode).toBe(400);
      expect((err as HttpError).issues.map((i) => i.path)).toEqual(['after']);
    };
    const ofAt = (await page('at', 'asc', 2)).page.next as string;
    await refused('n', ofAt);
    await refused('at', 'garbage');
    await refused('at', Buffer.from('{"a":1}').toString('base64url'));
    await refused('at', Buffer.from(JSON.stringify(['at', 'x'])).toString('base64url'));
    await refused('at', encodeCursor('at', 5, 'r001'));
    await refused('n', encodeCursor('n', '5', 'r001'));
    await refused('n', encodeCursor('n', 1.5, 'r001'));
    await refused('maybe', Buffer.from(JSON.stringify(['maybe', 1, 7])).toString('base64url'));
  });

  it('bounds the page size from 1 to 500, 50 when left out', () => {
    const schema = z.strictObject(pageQueryShape);
    expect(schema.parse({}).limit).toBe(50);
    expect(schema.parse({ limit: '1' }).limit).toBe(1);
    expect(schema.parse({ limit: '500' }).limit).toBe(500);
    for (const limit of ['0', '501', '2.5', 'ten', '-1']) {
      const parsed = schema.safeParse({ limit });
      expect(parsed.success, limit).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['limit']);
    }
    expect(schema.safeParse({ after: 'x'.repeat(1025) }).success).toBe(false);
    expect(schema.safeParse({ order: 'up' }).success).toBe(false);
  });
});
