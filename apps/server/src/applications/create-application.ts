import type { CreateApplicationBody, StoredRequest } from '@ftai/api';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { conflict, fieldError, forbidden } from '../errors.js';
import { newId } from '../ids.js';
import { storedRequest } from './check-application-input.js';

/**
 * Creates a draft for the applicant's own enterprise in an open call. The dates are checked at
 * submission, not here: an enterprise may prepare its draft before the call opens. An enterprise
 * makes one application per call (一企一报): while it has one that is not rejected (a draft, one
 * submitted or withdrawn, one under way or decided), another is refused with 409
 * FTAI_ERR_APPLICATION_EXISTS naming it, to be continued instead; the portal finds it before
 * offering 申报. The draft's first timeline event (from nothing to draft) records who started it.
 */
export async function createApplication(ctx: AppContext, user: CurrentUser, input: CreateApplicationBody): Promise<string> {
  const request = storedRequest(input.enterprise, input.facts);
  return ctx.tx((trx) => insertDraft(ctx, trx, user, input.callId, request, null));
}

/**
 * The draft itself, in the caller's transaction (createApplication's, or a 免申即享 confirmation's,
 * which names its offer): the checks above, the row, its first timeline event and the audit entry.
 */
export async function insertDraft(
  ctx: AppContext,
  trx: Transaction<Database>,
  user: CurrentUser,
  callId: string,
  request: StoredRequest,
  offerId: string | null,
): Promise<string> {
  const creditCode = user.creditCode;
  if (user.role !== 'applicant' || !creditCode) throw forbidden('only an applicant acting for an enterprise may start an application');
  const id = newId();
  const at = ctx.now();
  const call = await trx.selectFrom('calls').select(['id', 'status']).where('id', '=', callId).executeTakeFirst();
  if (!call) throw fieldError('callId', `expected the id of a call, got ${JSON.stringify(callId)}: there is no such call`);
  if (call.status !== 'open') throw conflict('FTAI_ERR_CALL_CLOSED', `the call ${call.id} is closed: it takes no new applications`);
  // Drafts of one call queue on PostgreSQL, so that two started at once cannot both be the enterprise's one.
  if (ctx.dialect === 'postgres') await trx.selectFrom('calls').select('id').where('id', '=', call.id).forUpdate().execute();
  // 一企一报: the enterprise's live application in this call (any but a rejected one) is continued, not doubled.
  const live = await trx
    .selectFrom('applications')
    .select(['id', 'number', 'status'])
    .where('call_id', '=', call.id)
    .where('credit_code', '=', creditCode)
    .where('status', '!=', 'rejected')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (live) {
    throw conflict(
      'FTAI_ERR_APPLICATION_EXISTS',
      `your enterprise already has application ${live.id}${live.number ? ` (${live.number})` : ''} in status ${live.status} in call ${call.id}: continue it (GET /api/v1/applications/${live.id}) instead of starting another; one enterprise makes one application per call`,
    );
  }
  await trx
    .insertInto('applications')
    .values({
      id,
      call_id: call.id,
      credit_code: creditCode,
      status: 'draft',
      request_json: JSON.stringify(request),
      result_json: null,
      policy_version: null,
      engine_total: 0,
      approved_total: null,
      allocated_total: null,
      score: null,
      created_by: user.id,
      created_at: at,
      updated_at: at,
      submitted_at: null,
      notice_id: null,
      ...(offerId === null ? {} : { offer_id: offerId }),
    })
    .execute();
  await trx
    .insertInto('application_events')
    .values({ id: newId(), application_id: id, seq: 1, from_status: null, to_status: 'draft', actor_id: user.id, note: null, at })
    .execute();
  await appendAudit(
    trx,
    {
      actorId: user.id,
      action: 'application.create',
      entity: 'application',
      entityId: id,
      before: null,
      after: { callId: call.id, creditCode, status: 'draft', request, ...(offerId === null ? {} : { offerId }) },
    },
    at,
  );
  return id;
}
