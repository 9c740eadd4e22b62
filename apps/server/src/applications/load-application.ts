import { type Answer, MEASURE_IDS } from '@ftai/policy-fengtai';
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../auth/current-user.js';
import { type CallView, loadCall } from '../calls/load-call.js';
import type { ApplicationStatus, Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { allowedMoves } from './allowed-moves.js';
import { type ApplicationSummary, selectSummaries, toSummary } from './application-summary.js';
import { parseStoredRequest, type StoredRequest } from './check-application-input.js';
import { type AttachmentView, listAttachments } from './list-attachments.js';
import { loadTimeline, type TimelineEvent } from './load-timeline.js';
import { type NeedsFacts, needsFacts } from './needs-facts.js';

export interface ApplicationItemView {
  readonly measure: string;
  /** The object's id for per-subject measures, the tier for 5.1, null for other enterprise-level ones. */
  readonly subject: string | null;
  readonly article: number;
  /** The engine's figure is a ceiling: an expert review may approve less. */
  readonly review: boolean;
  readonly engineAmount: number;
  readonly approvedAmount: number | null;
  readonly allocatedAmount: number | null;
}

export interface ApplicationView extends ApplicationSummary {
  readonly call: CallView | null;
  /** What the applicant filled, as sent. */
  readonly request: StoredRequest;
  /** The engine's answer stored at submission (Chinese explanations), or null before. */
  readonly result: Answer | null;
  readonly policyVersion: string | null;
  readonly items: ApplicationItemView[];
  /**
   * The stored answer's `incomplete` results (待补充信息): no item, no money, until the facts
   * named are given and the application is submitted again.
   */
  readonly needsFacts: NeedsFacts[];
  readonly timeline: TimelineEvent[];
  readonly attachments: AttachmentView[];
  /** Where `viewer` may move it next. */
  readonly allowedMoves: ApplicationStatus[];
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
  };
}
