import type { Call, CreateCallBody } from '@ftai/api';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { notFound } from '../errors.js';
import { newId } from '../ids.js';
import { refuseArticleBudgetsAboveTotal } from './article-budgets.js';
import { loadCall } from './load-call.js';

/**
 * An officer opens an annual call (按年度征集申报) for assessment year `year`: its dates, its total
 * budget and the articles' budgets, the expert reviews an approval needs (DEFAULT_REQUIRED_REVIEWS
 * unless given), open at once. Audited (`call.create`) in the same transaction.
 */
export async function createCall(ctx: AppContext, officer: CurrentUser, call: CreateCallBody): Promise<Call> {
  refuseArticleBudgetsAboveTotal(call.totalBudget, call.articleBudgets ?? {});
  const id = newId();
  const at = ctx.now();
  await ctx.tx(async (trx) => {
    await trx
      .insertInto('calls')
      .values({
        id,
        year: call.year,
        title: call.title,
        opens_on: call.opensOn,
        closes_on: call.closesOn,
        total_budget: call.totalBudget,
        // Left out, the column's default (DEFAULT_REQUIRED_REVIEWS) applies.
        ...(call.requiredReviews !== undefined && { required_reviews: call.requiredReviews }),
        ...(call.applicationNumberFormat !== undefined && { application_number_format: call.applicationNumberFormat }),
        ...(call.noticeIssuer !== undefined && { notice_issuer: call.noticeIssuer }),
        ...(call.noticePhone !== undefined && { notice_phone: call.noticePhone }),
        ...(call.noticeAddress !== undefined && { notice_address: call.noticeAddress }),
        status: 'open',
        created_by: officer.id,
        created_at: at,
      })
      .execute();
    for (const [article, budget] of Object.entries(call.articleBudgets ?? {})) {
      await trx
        .insertInto('call_budgets')
        .values({ call_id: id, article: Number(article), budget })
        .execute();
    }
    await appendAudit(trx, { actorId: officer.id, action: 'call.create', entity: 'call', entityId: id, before: null, after: call }, at);
  });
  const view = await loadCall(ctx.db, id, ctx.today());
  if (!view) throw notFound('call');
  return view;
}
