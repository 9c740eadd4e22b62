import type { AllocationBinding, AllocationMethod, PlannedItem } from '@ftai/api';
import type { TFunction } from 'i18next';
import { formatYuan } from './format';

/** A binding of the summary, which may name the items that received a remainder yuan. */
type Binding = AllocationBinding & { remainderItems?: readonly { enterpriseName: string; measure: string }[] };

/** How an article is cited: 第三条 (from the catalogue), or its number before the catalogue loads. */
export type ArticleName = (article: number) => string;

/**
 * The sentence that states one binding as it was applied (common:allocationRule): the budget ÷ the
 * sum it scaled = its ratio, the items, the product for an article the total binds too, and the
 * yuan given by largest remainder with the first recipients named. The server sends every figure;
 * nothing is computed here but the choice of words.
 */
export function bindingSentence(
  t: TFunction,
  binding: Binding,
  bindings: readonly Binding[],
  method: AllocationMethod,
  articleName: ArticleName,
): string {
  const figures = {
    budget: formatYuan(binding.budget),
    scaled: formatYuan(binding.scaled),
    percent: binding.ratio.percent,
    items: binding.items,
  };
  const total = bindings.find((b) => b.scope === 'total');
  let text: string;
  if (binding.scope === 'article') {
    const article = articleName(binding.article ?? 0);
    text = t(method === 'score' ? 'allocationRule.articleScore' : 'allocationRule.article', { ...figures, article });
    if (method === 'proportional' && total && binding.combinedPercent !== null) {
      text += t('allocationRule.combined', {
        articlePercent: binding.ratio.percent,
        totalPercent: total.ratio.percent,
        percent: binding.combinedPercent,
      });
    }
  } else {
    const base = t(bindings.some((b) => b.scope === 'article') ? 'allocationRule.baseAfterArticles' : 'allocationRule.baseApproved');
    text = t(method === 'score' ? 'allocationRule.totalScore' : 'allocationRule.total', { ...figures, base });
  }
  if (binding.remainderYuan > 0) {
    text += t('allocationRule.remainder', { count: binding.remainderYuan });
    const named = binding.remainderItems ?? [];
    if (named.length > 0) {
      const names = named.map((r) => t('allocationRule.recipient', { enterprise: r.enterpriseName, measure: r.measure })).join('、');
      text +=
        named.length < binding.remainderYuan
          ? t('allocationRule.recipientsMore', { names, count: binding.remainderYuan })
          : t('allocationRule.recipients', { names });
    }
  }
  return `${text}${t('allocationRule.stop')}`;
}

/** What scaled an item, in the order applied: 第三条单列预算 → 年度总额控制, or 全额安排. */
export function scaledByText(t: TFunction, item: Pick<PlannedItem, 'scaledBy' | 'article'>, articleName: ArticleName): string {
  if (item.scaledBy === null) return '—';
  const scopes = item.scaledBy;
  if (scopes.length === 0) return t('allocationRule.scaledBy.none');
  return scopes
    .map((s) =>
      s === 'article' ? t('allocationRule.scaledBy.article', { article: articleName(item.article) }) : t('allocationRule.scaledBy.total'),
    )
    .join(' → ');
}

/**
 * Why an enterprise's item got what it got, in a sentence: 因年度总额控制，本年度按审定金额的90.91%安排，
 * 并按最大余额法加1元. The ratios are the bindings' (what the rule applied), not the item's own
 * quotient, which the floor and the remainder yuan move by less than a yuan.
 */
export function itemReason(
  t: TFunction,
  item: Pick<PlannedItem, 'scaledBy' | 'article' | 'remainderYuan'>,
  bindings: readonly AllocationBinding[],
  method: AllocationMethod,
  articleName: ArticleName,
): string {
  // An allocation committed before the steps were kept: the ratio stands, the reason is unknown.
  if (item.scaledBy === null) return '';
  const scopes = item.scaledBy;
  const articleBinding = bindings.find((b) => b.scope === 'article' && b.article === item.article);
  const totalBinding = bindings.find((b) => b.scope === 'total');
  const article = articleName(item.article);
  let text: string;
  if (scopes.length === 0) text = t('allocationRule.forNone');
  else if (method === 'score') text = t('allocationRule.forScore');
  else if (scopes.includes('article') && scopes.includes('total') && articleBinding && totalBinding) {
    text = t('allocationRule.forBoth', {
      article,
      articlePercent: articleBinding.ratio.percent,
      totalPercent: totalBinding.ratio.percent,
      percent: articleBinding.combinedPercent ?? '',
    });
  } else if (scopes.includes('article') && articleBinding)
    text = t('allocationRule.forArticle', { article, percent: articleBinding.ratio.percent });
  else if (totalBinding) text = t('allocationRule.forTotal', { percent: totalBinding.ratio.percent });
  else text = t('allocationRule.forNone');
  if ((item.remainderYuan ?? 0) > 0) text += t('allocationRule.plusYuanSentence', { count: item.remainderYuan });
  return text;
}
