import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImportOutcome } from '@ftai/api';
import { type Kysely, sql } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { badRequest, type FieldIssue } from '../errors.js';
import { newId, sha256 } from '../ids.js';
import { type OtherAwardRow, parseOtherAwardsCsv } from './parse-other-awards-csv.js';

/** Credit codes per look-up of stored awards. */
const LOOKUP_CHUNK = 500;
/** Rows per INSERT: 10 parameters each, far below SQLite's 32,766 and PostgreSQL's 65,535. */
const INSERT_CHUNK = 1000;
/** Rows keyed between turns of the event loop. */
const ROWS_PER_TURN = 2000;
const SHOWN = 10;

/**
 * Imports other district policies' awards, all rows or none: one bad row refuses the file, and
 * the answer lists every bad row. An award already on record (same enterprise, policy, subject
 * or measure, and year), or twice in the file, is a bad row: best-of-never-twice must not count
 * it twice.
 *
 * A district's file runs to tens of thousands of rows, and the server keeps answering meanwhile:
 * the file is parsed and checked outside any transaction, a few thousand rows per turn of the
 * event loop, and the transaction only writes, a thousand rows per statement (on SQLite, whose
 * one connection a transaction holds, other requests wait only for that).
 */
export async function importOtherAwards(ctx: AppContext, officer: CurrentUser, csv: string): Promise<ImportOutcome> {
  const parsed = await parseOtherAwardsCsv(csv);
  if (!parsed.ok) throw refused(parsed.issues);
  const rows = parsed.rows;
  const at = ctx.now();
  const batchId = newId();
  const amount = rows.reduce((sum, r) => sum + r.amount, 0);

  const keys: string[] = [];
  const issues: FieldIssue[] = [];
  const firstLine = new Map<string, number>();
  for (const r of rows) {
    if (keys.length % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    const key = awardKey(r);
    keys.push(key);
    const first = firstLine.get(key);
    if (first !== undefined) issues.push(duplicate(r, `the same award as line ${first}`));
    else firstLine.set(key, r.line);
  }
  const storedBefore = await countStored(ctx.db);
  issues.push(...(await alreadyStored(ctx.db, rows, keys)));
  if (issues.length > 0) throw refused(issues.sort((a, b) => lineOf(a) - lineOf(b)));

  await ctx.tx(async (trx) => {
    // Imports queue on PostgreSQL (readers do not wait); SQLite has one writer anyway.
    if (ctx.dialect === 'postgres') await sql`lock table other_policy_awards in share row exclusive mode`.execute(trx);
    // Awards are never deleted: the same count means nothing was imported since the check.
    if ((await countStored(trx)) !== storedBefore) {
      const late = await alreadyStored(trx, rows, keys);
      if (late.length > 0) throw refused(late.sort((a, b) => lineOf(a) - lineOf(b)));
    }
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      if (i > 0) await nextTurn();
      await trx
        .insertInto('other_policy_awards')
        .values(
          rows.slice(i, i + INSERT_CHUNK).map((r) => ({
            id: newId(),
            credit_code: r.creditCode,
            policy: r.policy,
            subject: r.subject,
            measure: r.measure,
            amount: r.amount,
            year: r.year,
            batch_id: batchId,
            imported_by: officer.id,
            imported_at: at,
          })),
        )
        .execute();
    }
    await appendAudit(
      trx,
      {
        actorId: officer.id,
        action: 'other-policy-awards.import',
        entity: 'other_policy_award_batch',
        entityId: batchId,
        before: null,
        // The rows themselves carry the batch id; the hash ties the entry to the file imported.
        after: { rows: rows.length, amount, csvSha256: sha256(csv) },
      },
      at,
    );
  });
  return { batchId, rows: rows.length, amount };
}

async function countStored(db: Kysely<Database>): Promise<number> {
  const { n } = await db
    .selectFrom('other_policy_awards')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The rows already on record: stored awards are read for a few hundred enterprises at a time, each row looked at once. */
async function alreadyStored(db: Kysely<Database>, rows: readonly OtherAwardRow[], keys: readonly string[]): Promise<FieldIssue[]> {
  const byCode = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const list = byCode.get(r.creditCode);
    if (list) list.push(i);
    else byCode.set(r.creditCode, [i]);
  });
  const codes = [...byCode.keys()];
  const issues: FieldIssue[] = [];
  for (let i = 0; i < codes.length; i += LOOKUP_CHUNK) {
    const chunk = codes.slice(i, i + LOOKUP_CHUNK);
    const stored = await db
      .selectFrom('other_policy_awards')
      .select(['credit_code', 'policy', 'subject', 'measure', 'year', 'batch_id', 'imported_at'])
      .where('credit_code', 'in', chunk)
      .execute();
    if (stored.length > 0) {
      const known = new Map(
        stored.map((s) => [
          awardKey({ creditCode: s.credit_code, policy: s.policy, subject: s.subject, measure: s.measure, year: Number(s.year) }),
          s,
        ]),
      );
      for (const code of chunk) {
        for (const index of byCode.get(code) ?? []) {
          const s = known.get(keys[index] ?? '');
          const r = rows[index];
          if (s && r) issues.push(duplicate(r, `already imported on ${s.imported_at.slice(0, 10)} (batch ${s.batch_id})`));
        }
      }
    }
    await nextTurn();
  }
  return issues;
}

/** What an award supported is its subject or its measure: a subject named "5.1" is no measure 5.1. */
function awardKey(r: Pick<OtherAwardRow, 'creditCode' | 'policy' | 'subject' | 'measure' | 'year'>): string {
  const supported = r.measure === '' ? ['subject', r.subject] : ['measure', r.measure];
  return JSON.stringify([r.creditCode, r.policy, ...supported, r.year]);
}

function duplicate(r: OtherAwardRow, why: string): FieldIssue {
  const supported = r.measure === '' ? r.subject : `measure ${r.measure}`;
  return { path: `rows[${r.line}]`, code: 'FTAI_ERR_INVALID_FIELD', message: `${r.creditCode} ${r.policy} ${supported} ${r.year}: ${why}` };
}

function lineOf(i: FieldIssue): number {
  return Number(/^rows\[(\d+)\]/.exec(i.path)?.[1] ?? 0);
}

function refused(issues: readonly FieldIssue[]) {
  const shown = issues
    .slice(0, SHOWN)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  const more = issues.length > SHOWN ? `; and ${issues.length - SHOWN} more` : '';
  return badRequest(`nothing was imported: ${issues.length} problem${issues.length === 1 ? '' : 's'} in the file: ${shown}${more}`, issues);
}
