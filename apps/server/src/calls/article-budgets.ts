import { type FieldIssue, HttpError } from '../errors.js';
import { yuan } from '../yuan-text.js';

/**
 * An article's budget is a part of the call's total (相关支持额度受年度总额控制): no article may be
 * given more than the total, whatever the other articles get (their budgets are each a ceiling,
 * not shares that must add up). Refused with 400, naming each article and both figures.
 */
export function refuseArticleBudgetsAboveTotal(total: number, articleBudgets: Readonly<Record<string, number>>): void {
  const issues: FieldIssue[] = Object.entries(articleBudgets)
    .filter(([, budget]) => budget > total)
    .map(([article, budget]) => ({
      path: `articleBudgets.${article}`,
      code: 'FTAI_ERR_BUDGET_ABOVE_TOTAL',
      message: `expected at most ${yuan(total)} yuan, the call's total budget; got ${yuan(budget)} for article ${article}`,
    }));
  if (issues.length > 0) {
    throw new HttpError(
      400,
      'FTAI_ERR_BUDGET_ABOVE_TOTAL',
      `an article budget cannot exceed the call's total budget: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
}
