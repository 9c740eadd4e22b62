import type { OfferConfirmBody, User } from '@ftai/api';
import { insertDraft } from '../applications/create-application.js';
import { submitApplication } from '../applications/submit-application.js';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { writeBankAccount } from '../enterprises/update-bank-account.js';
import { conflict, forbidden, HttpError, notFound } from '../errors.js';
import { insertUser, type NewUser } from '../users/create-user.js';
import { codeDigest } from './invitation-code.js';

/** The offer, locked for the decision on PostgreSQL, for its own enterprise only. */
async function offerForDecision(ctx: AppContext, trx: Parameters<Parameters<AppContext['tx']>[0]>[0], user: CurrentUser, id: string) {
  if (user.role !== 'applicant' || !user.creditCode) throw forbidden('only an applicant acting for the enterprise may decide on its offer');
  let q = trx.selectFrom('offers').selectAll().where('id', '=', id);
  if (ctx.dialect === 'postgres') q = q.forUpdate();
  const offer = await q.executeTakeFirst();
  if (!offer || offer.credit_code !== user.creditCode) throw notFound('offer');
  return offer;
}

/** An offer past its deadline (Beijing) that the sweep has not closed yet is closed here, as the sweep would. */
function refuseDecided(status: string, what: string): never {
  throw conflict('FTAI_ERR_CONFLICT', `the offer is ${status}: it can no longer be ${what}`);
}

/**
 * 确认申领: the enterprise confirms its offer with the commitment (承诺) and its bank account (given
 * now, or on record). In one transaction: the account, an application in the call marked with the
 * offer, with the offer's facts, submitted at once (the engine runs again with the enterprise's
 * ledger, as at any submission; no materials asked: the offer rests on the bureau's data), and the
 * offer confirmed with an audit entry. The rest of the cycle is the normal one. Confirming an offer
 * already confirmed does nothing and answers its application.
 */
export async function confirmOffer(ctx: AppContext, user: CurrentUser, id: string, body: OfferConfirmBody): Promise<string> {
  return ctx.tx(async (trx) => {
    const offer = await offerForDecision(ctx, trx, user, id);
    if (offer.status === 'confirmed' && offer.application_id) return offer.application_id;
    if (offer.status !== 'pending') refuseDecided(offer.status, 'confirmed');
    const at = ctx.now();
    if (offer.deadline < ctx.today()) refuseDecided('expired', 'confirmed');
    if (body.bankAccount) await writeBankAccount(trx, user, offer.credit_code, body.bankAccount, at);
    const ent = await trx
      .selectFrom('enterprises')
      .select('bank_account_json')
      .where('credit_code', '=', offer.credit_code)
      .executeTakeFirst();
    if (!ent?.bank_account_json) {
      throw new HttpError(
        400,
        'FTAI_ERR_BANK_ACCOUNT_MISSING',
        `no bank account on record for enterprise ${offer.credit_code}: give bankAccount (收款账户) to confirm the offer`,
        [
          {
            path: 'bankAccount',
            code: 'FTAI_ERR_MISSING_FIELD',
            message: 'missing: expected the bank account (收款账户) the support is paid to',
          },
        ],
      );
    }
    const request = JSON.parse(offer.request_json) as { enterprise?: Record<string, unknown>; facts?: Record<string, unknown> };
    const applicationId = await insertDraft(
      ctx,
      trx,
      user,
      offer.call_id,
      { enterprise: request.enterprise ?? {}, facts: request.facts ?? {} },
      offer.id,
    );
    await submitApplication(ctx, trx, user, applicationId, { offer: true });
    await trx
      .updateTable('offers')
      .set({ status: 'confirmed', decided_at: at, decided_by: user.id, application_id: applicationId, read_at: offer.read_at ?? at })
      .where('id', '=', offer.id)
      .execute();
    await appendAudit(
      trx,
      {
        actorId: user.id,
        action: 'offer.confirm',
        entity: 'offer',
        entityId: offer.id,
        before: { status: 'pending' },
        after: { status: 'confirmed', applicationId, commitment: true, bankAccountGiven: body.bankAccount !== undefined },
      },
      at,
    );
    return applicationId;
  });
}

/** 放弃: the enterprise declines its offer, with a reason the officer reads; audited. */
export async function declineOffer(ctx: AppContext, user: CurrentUser, id: string, reason: string): Promise<void> {
  await ctx.tx(async (trx) => {
    const offer = await offerForDecision(ctx, trx, user, id);
    if (offer.status !== 'pending') refuseDecided(offer.status, 'declined');
    const at = ctx.now();
    await trx
      .updateTable('offers')
      .set({ status: 'declined', decided_at: at, decided_by: user.id, decline_reason: reason, read_at: offer.read_at ?? at })
      .where('id', '=', offer.id)
      .execute();
    await appendAudit(
      trx,
      {
        actorId: user.id,
        action: 'offer.decline',
        entity: 'offer',
        entityId: offer.id,
        before: { status: 'pending' },
        after: { status: 'declined', reason },
      },
      at,
    );
  });
}

/**
 * 凭邀请码注册: an enterprise without an account creates one with the code its message carried,
 * bound to its credit code, single use, until the offer's deadline. The account and the code's use
 * are one transaction; the answer names the offer to land on.
 */
export async function signUpWithInvitation(
  ctx: AppContext,
  input: { code: string; creditCode: string } & Omit<NewUser, 'role' | 'creditCode' | 'actorId' | 'enterpriseName'>,
  hash: string,
): Promise<{ user: User; offerId: string }> {
  const at = ctx.now();
  return ctx.tx(async (trx) => {
    const invitation = await trx.selectFrom('invitations').selectAll().where('code_hash', '=', codeDigest(input.code)).executeTakeFirst();
    // One answer for a wrong code, another enterprise's code, a used or an expired one: a code is not to be guessed at.
    const refuse = () =>
      new HttpError(
        400,
        'FTAI_ERR_VALIDATION',
        'code: the invitation code is not valid for this credit code, or has been used or has expired',
        [
          {
            path: 'code',
            code: 'FTAI_ERR_INVALID_FIELD',
            message: 'expected the invitation code sent to the enterprise, unused and before its deadline',
          },
        ],
      );
    if (
      !invitation ||
      invitation.credit_code !== input.creditCode.toUpperCase() ||
      invitation.used_at !== null ||
      invitation.expires_at < at
    )
      throw refuse();
    const used = await trx
      .updateTable('invitations')
      .set({ used_at: at })
      .where('code_hash', '=', invitation.code_hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw refuse();
    const user = await insertUser(
      trx,
      {
        username: input.username,
        displayName: input.displayName,
        password: input.password,
        role: 'applicant',
        creditCode: invitation.credit_code,
        actorId: null,
      },
      hash,
      at,
    );
    await trx.updateTable('invitations').set({ used_by: user.id }).where('code_hash', '=', invitation.code_hash).execute();
    await appendAudit(
      trx,
      {
        actorId: user.id,
        action: 'invitation.use',
        entity: 'offer',
        entityId: invitation.offer_id,
        before: null,
        after: { creditCode: invitation.credit_code, userId: user.id },
      },
      at,
    );
    return { user, offerId: invitation.offer_id };
  });
}
