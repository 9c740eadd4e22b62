import type { Call, UpdateCallBody } from '@ftai/api';
import { measures } from '@ftai/policy-fengtai';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { type FieldIssue, fieldError, HttpError, notFound } from '../errors.js';
import { yuan } from '../yuan-text.js';
import { refuseArticleBudgetsAboveTotal } from './article-budgets.js';
import { loadCall } from './load-call.js';

const articleOf = new Map<string, number>(measures.map((m) => [m.id, m.article]));

/**
 * An officer changes a call: title, dates, status, budgets, the expert reviews an approval needs
 * (from the next approval on: approvals already given stand). A budget is never set below what the
 * call's committed awards already hold (年度总额控制): the money is promised to enterprises, and
 * the budget left for the next allocation would turn negative. The total and each article budget
 * are checked against the awards of the call and of that article.
 */
export async function updateCall(ctx: AppContext, officer: CurrentUser, callId: string, change: UpdateCallBody): Promise<Call> {
  const at = ctx.now();
  await ctx.tx(async (trx) => {
    // Changes and allocation commits of one call queue on PostgreSQL (commitAllocation locks the
    // same row), so that an allocation committed meanwhile is counted. SQLite has one writer.
    let lock = trx.selectFrom('calls').select('id').where('id', '=', callId);
    if (ctx.dialect === 'postgres') lock = lock.forUpdate();
    if (!(await lock.executeTakeFirst())) throw notFound('call');
    const before = await loadCall(trx, callId, ctx.today());
    if (!before) throw notFound('call');
    const opens = change.opensOn ?? before.opensOn;
    const closes = change.closesOn ?? before.closesOn;
    if (opens > closes) throw fieldError('closesOn', `expected a date on or after opensOn ${opens}`);

    if (change.totalBudget !== undefined || change.articleBudgets !== undefined) {
      const awards = await trx
        .selectFrom('awards')
        .select((eb) => ['measure', eb.fn.sum<number | string>('amount').as('amount')])
        .where('call_id', '=', callId)
        .groupBy('measure')
        .execute();
      let allocated = 0;
      const allocatedByArticle = new Map<number, number>();
      for (const a of awards) {
        const amount = Number(a.amount);
        allocated += amount;
        const article = articleOf.get(a.measure);
        if (article !== undefined) allocatedByArticle.set(article, (allocatedByArticle.get(article) ?? 0) + amount);
      }
      const issues: FieldIssue[] = [];
      if (change.totalBudget !== undefined && change.totalBudget < allocated) {
        issues.push({
          path: 'totalBudget',
          code: 'FTAI_ERR_BUDGET_BELOW_ALLOCATED',
          message: `expected at least ${yuan(allocated)} yuan, the amount already allocated to awards of this call; got ${yuan(change.totalBudget)}`,
        });
      }
      for (const [article, budget] of Object.entries(change.articleBudgets ?? {})) {
        const held = allocatedByArticle.get(Number(article)) ?? 0;
        if (budget < held) {
          issues.push({
            path: `articleBudgets.${article}`,
            code: 'FTAI_ERR_BUDGET_BELOW_ALLOCATED',
            message: `expected at least ${yuan(held)} yuan, the amount already allocated to awards of article ${article}; got ${yuan(budget)}`,
          });
        }
      }
      if (issues.length > 0) {
        throw new HttpError(
          409,
          'FTAI_ERR_BUDGET_BELOW_ALLOCATED',
          `a budget cannot be lowered below what is already allocated: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          issues,
        );
      }
      // The budgets the call will have: the articles' within the total, as at its creation.
      refuseArticleBudgetsAboveTotal(change.totalBudget ?? before.totalBudget, change.articleBudgets ?? before.articleBudgets);
    }

    await trx
      .updateTable('calls')
      .set({
        ...(change.title !== undefined && { title: change.title }),
        opens_on: opens,
        closes_on: closes,
        ...(change.totalBudget !== undefined && { total_budget: change.totalBudget }),
        ...(change.requiredReviews !== undefined && { required_reviews: change.requiredReviews }),
        ...(change.applicationNumberFormat !== undefined && { application_number_format: change.applicationNumberFormat }),
        ...(change.noticeIssuer !== undefined && { notice_issuer: change.noticeIssuer }),
        ...(change.noticePhone !== undefined && { notice_phone: change.noticePhone }),
        ...(change.noticeAddress !== undefined && { notice_address: change.noticeAddress }),
        ...(change.status !== undefined && { status: change.status }),
      })
      .where('id', '=', callId)
      .execute();
    if (change.articleBudgets) {
      await trx.deleteFrom('call_budgets').where('call_id', '=', callId).execute();
      for (const [article, budget] of Object.entries(change.articleBudgets)) {
        await trx
          .insertInto('call_budgets')
          .values({ call_id: callId, article: Number(article), budget })
          .execute();
      }
    }
    const after = await loadCall(trx, callId, ctx.today());
    await appendAudit(trx, { actorId: officer.id, action: 'call.update', entity: 'call', entityId: callId, before, after }, at);
  });
  const view = await loadCall(ctx.db, callId, ctx.today());
  if (!view) throw notFound('call');
  return view;
}
