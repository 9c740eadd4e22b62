import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { readAnchors } from './anchor-audit.js';
import { type AuditEntry, appendAudit, appendAuditBatch, auditEntryHash } from './append-audit.js';
import { readAuditHead } from './read-audit-head.js';
import { verifyAudit } from './verify-audit.js';

const entry = (i: number): AuditEntry => ({
  actorId: null,
  action: 'test.batch',
  entity: 'test',
  entityId: `e${i}`,
  before: i % 2 ? null : { i },
  after: { i, text: '批量' },
});

describe.each(DIALECTS)('the batch append on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('appends 1,234 entries in order, moving the head once per batch, and the chain verifies and is anchored', async () => {
    const before = await readAuditHead(t.ctx.db);
    await t.ctx.tx((trx) =>
      appendAuditBatch(
        trx,
        Array.from({ length: 1234 }, (_, i) => entry(i)),
        '2027-03-15T02:00:00.000Z',
      ),
    );
    const head = await readAuditHead(t.ctx.db);
    expect(head.seq).toBe(before.seq + 1234);
    const rows = await t.ctx.db.selectFrom('audit_log').selectAll().where('seq', '>', before.seq).orderBy('seq').execute();
    expect(rows.map((r) => r.entity_id)).toEqual(Array.from({ length: 1234 }, (_, i) => `e${i}`));
    expect(rows.at(-1)?.hash).toBe(head.hash);
    // Each entry links to the one before, as one append at a time would write it.
    expect(rows.every((r, i) => r.prev_hash === (i === 0 ? before.hash : rows[i - 1]?.hash))).toBe(true);
    expect(await verifyAudit(t.ctx.db)).toMatchObject({ ok: true, problems: [], headSeq: head.seq });
    expect(readAnchors(t.ctx.config.auditAnchorFile).anchors.at(-1)).toMatchObject({ seq: head.seq, hash: head.hash });
    // An append after the batch goes on from its end.
    await t.ctx.tx((trx) => appendAudit(trx, entry(9999), '2027-03-15T02:00:01.000Z'));
    expect(await verifyAudit(t.ctx.db)).toMatchObject({ ok: true, headSeq: head.seq + 1 });
  });

  it('writes nothing for no entries, and one entry as appendAudit does', async () => {
    const before = await readAuditHead(t.ctx.db);
    await t.ctx.tx((trx) => appendAuditBatch(trx, [], '2027-03-15T02:00:00.000Z'));
    expect(await readAuditHead(t.ctx.db)).toEqual(before);
    await t.ctx.tx((trx) => appendAuditBatch(trx, [entry(1)], '2027-03-15T02:00:00.000Z'));
    expect((await readAuditHead(t.ctx.db)).seq).toBe(before.seq + 1);
    expect(await verifyAudit(t.ctx.db)).toMatchObject({ ok: true });
  });

  it('rolls back with the transaction: no entry, the head where it was', async () => {
    const before = await readAuditHead(t.ctx.db);
    await expect(
      t.ctx.tx(async (trx) => {
        await appendAuditBatch(
          trx,
          Array.from({ length: 700 }, (_, i) => entry(i)),
          '2027-03-15T02:00:00.000Z',
        );
        throw new Error('undone');
      }),
    ).rejects.toThrow('undone');
    expect(await readAuditHead(t.ctx.db)).toEqual(before);
    expect(await verifyAudit(t.ctx.db)).toMatchObject({ ok: true });
  });

  it('refuses, in the database, a head moved forward over an entry that is not there', async () => {
    const head = await readAuditHead(t.ctx.db);
    // An entry two places ahead, leaving a gap: the head may not jump to it.
    const row = {
      seq: head.seq + 2,
      at: '2027-03-15T02:00:00.000Z',
      actor_id: null,
      action: 'forged',
      entity: 'test',
      entity_id: 'gap',
      before_json: null,
      after_json: null,
    };
    const hash = auditEntryHash(null, head.hash, row);
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('audit_log')
          .values({ ...row, prev_hash: head.hash, hash })
          .execute();
        await trx.updateTable('audit_head').set({ seq: row.seq, hash }).where('id', '=', 1).execute();
      }),
    ).rejects.toThrow(/forward/);
    expect(await readAuditHead(t.ctx.db)).toEqual(head);
    expect(await verifyAudit(t.ctx.db)).toMatchObject({ ok: true });
  });
});
