import type { Kysely } from 'kysely';
import { GENESIS } from '../db/migrations/0001-initial.js';
import type { Database } from '../db/schema.js';
import { sha256 } from '../ids.js';
import { auditHashInput } from './append-audit.js';

export interface AuditProblem {
  readonly seq: number;
  readonly problem: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly headSeq: number;
  readonly problems: readonly AuditProblem[];
}

/**
 * Recomputes the whole chain: an edited entry breaks its own hash, a deleted one leaves a gap in
 * the sequence and a broken link, a deleted tail falls short of the head.
 */
export async function verifyAudit(db: Kysely<Database>, pageSize = 1000): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let prevHash = GENESIS;
  let expected = 1;
  let entries = 0;
  let after = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    if (page.length === 0) break;
    for (const raw of page) {
      const row = { ...raw, seq: Number(raw.seq) };
      entries++;
      if (row.seq !== expected) problems.push({ seq: row.seq, problem: `entries ${expected}–${row.seq - 1} are missing` });
      if (row.prev_hash !== prevHash) problems.push({ seq: row.seq, problem: 'does not link to the entry before it' });
      if (sha256(auditHashInput(row.prev_hash, row)) !== row.hash)
        problems.push({ seq: row.seq, problem: 'was changed after it was written' });
      prevHash = row.hash;
      expected = row.seq + 1;
      after = row.seq;
    }
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const headSeq = Number(head?.seq ?? 0);
  if (!head) problems.push({ seq: 0, problem: 'the chain head is missing' });
  else if (headSeq !== expected - 1 || head.hash !== prevHash) {
    problems.push({
      seq: headSeq,
      problem: `the chain ends at ${expected - 1} but its head says ${headSeq}: entries were removed or added outside the log`,
    });
  }
  return { ok: problems.length === 0, entries, headSeq, problems };
}
