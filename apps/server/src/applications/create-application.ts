import type { CreateApplicationBody } from '@ftai/api';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { conflict, fieldError, forbidden } from '../errors.js';
import { newId } from '../ids.js';
import { storedRequest } from './check-application-input.js';

/**
 * Creates a draft for the applicant's own enterprise in an open call. The dates are checked at
 * submission, not here: an enterprise may prepare its draft before the call opens. An enterprise
 * has at most `maxDraftsPerCall` drafts in one call at a time: a draft is never deleted, so
 * without a limit an account could pile up rows without end; submitting one frees its place.
 * The draft's first timeline event (from nothing to draft) records who started it.
 */
export async function createApplication(ctx: AppContext, user: CurrentUser, input: CreateApplicationBody): Promise<string> {
  const creditCode = user.creditCode;
  if (user.role !== 'applicant' || !creditCode) throw forbidden('only an applicant acting for an enterprise may start an application');
  const id = newId();
  const at = ctx.now();
  const request = storedRequest(input.enterprise, input.facts);
  await ctx.tx(async (trx) => {
    const call = await trx.selectFrom('calls').select(['id', 'status']).where('id', '=', input.callId).executeTakeFirst();
    if (!call) throw fieldError('callId', `expected the id of a call, got ${JSON.stringify(input.callId)}: there is no such call`);
    if (call.status !== 'open') throw conflict('FTAI_ERR_CALL_CLOSED', `the call ${call.id} is closed: it takes no new applications`);
    // Drafts of one call queue on PostgreSQL, so that two started at once cannot both take the last place.
    if (ctx.dialect === 'postgres') await trx.selectFrom('calls').select('id').where('id', '=', call.id).forUpdate().execute();
    const { n } = await trx
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('call_id', '=', call.id)
      .where('credit_code', '=', creditCode)
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    const limit = ctx.config.maxDraftsPerCall;
    if (Number(n) >= limit) {
      throw conflict(
        'FTAI_ERR_DRAFT_LIMIT',
        `your enterprise already has ${Number(n)} drafts in call ${call.id}, the limit of ${limit}: continue one of them (PUT /api/v1/applications/:id) or submit it before starting another`,
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
        after: { callId: call.id, creditCode, status: 'draft', request },
      },
      at,
    );
  });
  return id;
}
