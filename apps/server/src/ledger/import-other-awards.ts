import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { badRequest, type FieldIssue } from '../errors.js';
import { newId, sha256 } from '../ids.js';
import { type OtherAwardRow, parseOtherAwardsCsv } from './parse-other-awards-csv.js';

export interface ImportOutcome {
  readonly batchId: string;
  /** How many awards were imported. */
  readonly rows: number;
  /** Their sum, whole yuan. */
  readonly amount: number;
}

const CHUNK = 500;
const SHOWN = 10;

/**
 * Imports other district policies' awards, all rows or none: one bad row refuses the file, and
 * the answer lists every bad row. An award already on record (same enterprise, policy, subject
 * or measure, and year), or twice in the file, is a bad row: best-of-never-twice must not count
 * it twice.
 */
export async function importOtherAwards(ctx: AppContext, officer: CurrentUser, csv: string): Promise<ImportOutcome> {
  const parsed = parseOtherAwardsCsv(csv);
  if (!parsed.ok) throw refused(parsed.issues);
  const rows = parsed.rows;
  const at = ctx.now();
  const batchId = newId();
  const amount = rows.reduce((sum, r) => sum + r.amount, 0);

  await ctx.tx(async (trx) => {
    const issues: FieldIssue[] = [];
    const firstLine = new Map<string, number>();
    for (const r of rows) {
      const key = awardKey(r);
      const first = firstLine.get(key);
      if (first !== undefined) issues.push(duplicate(r, `the same award as line ${first}`));
      else firstLine.set(key, r.line);
    }
    const codes = [...new Set(rows.map((r) => r.creditCode))];
    for (let i = 0; i < codes.length; i += CHUNK) {
      const stored = await trx
        .selectFrom('other_policy_awards')
        .select(['credit_code', 'policy', 'subject', 'measure', 'year', 'batch_id', 'imported_at'])
        .where('credit_code', 'in', codes.slice(i, i + CHUNK))
        .execute();
      const known = new Map(
        stored.map((s) => [
          awardKey({ creditCode: s.credit_code, policy: s.policy, subject: s.subject, measure: s.measure, year: Number(s.year) }),
          s,
        ]),
      );
      for (const r of rows) {
        const s = known.get(awardKey(r));
        if (s) issues.push(duplicate(r, `already imported on ${s.imported_at.slice(0, 10)} (batch ${s.batch_id})`));
      }
    }
    if (issues.length > 0) throw refused(issues.sort((a, b) => lineOf(a) - lineOf(b)));

    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx
        .insertInto('other_policy_awards')
        .values(
          rows.slice(i, i + CHUNK).map((r) => ({
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
