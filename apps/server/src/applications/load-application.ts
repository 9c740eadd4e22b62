import type { Answer, ApplicationView, BankAccount } from '@ftai/api';
import { MEASURE_IDS } from '@ftai/policy-fengtai';
import type { Kysely } from 'kysely';
import { applicationAllocation } from '../allocation/application-allocation.js';
import type { CurrentUser } from '../auth/current-user.js';
import { loadCall } from '../calls/load-call.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { reviewProgress } from '../review/review-progress.js';
import { allowedMoves } from './allowed-moves.js';
import { selectSummaries, toSummary } from './application-summary.js';
import { parseStoredRequest } from './check-application-input.js';
import { listAttachments } from './list-attachments.js';
import { loadTimeline } from './load-timeline.js';
import { needsFacts } from './needs-facts.js';

async function bankAccountOf(db: Kysely<Database>, creditCode: string): Promise<BankAccount | null> {
  const e = await db.selectFrom('enterprises').select('bank_account_json').where('credit_code', '=', creditCode).executeTakeFirst();
  return e?.bank_account_json ? (JSON.parse(e.bank_account_json) as BankAccount) : null;
}

/** The whole of one application as `viewer` sees it (visibility is checked by the caller). */
export async function loadApplication(db: Kysely<Database>, id: string, viewer: CurrentUser, today: string): Promise<ApplicationView> {
  const summary = await selectSummaries(db).where('applications.id', '=', id).executeTakeFirst();
  const stored = await db
    .selectFrom('applications')
    .select(['request_json', 'result_json', 'policy_version'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!summary || !stored) throw notFound('application');
  const items = await db.selectFrom('application_items').selectAll().where('application_id', '=', id).execute();
  // Catalogue order (1, 2.1 … 10.4), as the engine lists its results; text order would put 10.x before 2.x.
  items.sort(
    (a, b) =>
      MEASURE_IDS.indexOf(a.measure) - MEASURE_IDS.indexOf(b.measure) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0),
  );
  const result = stored.result_json === null ? null : (JSON.parse(stored.result_json) as Answer);
  return {
    ...toSummary(summary),
    call: (await loadCall(db, summary.call_id, today)) ?? null,
    request: parseStoredRequest(stored.request_json),
    result,
    policyVersion: stored.policy_version,
    items: items.map((i) => ({
      measure: i.measure,
      subject: i.subject === '' ? null : i.subject,
      article: Number(i.article),
      review: Number(i.review) === 1,
      engineAmount: Number(i.engine_amount),
      approvedAmount: i.approved_amount === null ? null : Number(i.approved_amount),
      allocatedAmount: i.allocated_amount === null ? null : Number(i.allocated_amount),
    })),
    needsFacts: result === null ? [] : needsFacts(result),
    timeline: await loadTimeline(db, id),
    attachments: await listAttachments(db, id),
    allowedMoves: allowedMoves(summary.status, viewer, summary),
    reviews: await reviewProgress(db, id),
    allocation: await applicationAllocation(db, id, items),
    // Where the money goes, for those who pay it and the enterprise itself; a reviewer has no need of it.
    bankAccount: viewer.role === 'reviewer' ? null : await bankAccountOf(db, summary.credit_code),
  };
}
