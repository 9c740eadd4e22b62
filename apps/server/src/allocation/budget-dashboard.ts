import { APPLICATION_STATUSES, type BudgetDashboard } from '@ftai/api';
import { ARTICLES, measures } from '@ftai/policy-fengtai';
import type { Kysely } from 'kysely';
import type { ApplicationStatus, Database } from '../db/schema.js';
import { notFound } from '../errors.js';

const TOP = 10;

const articleOf = new Map<string, number>(measures.map((m) => [m.id, m.article]));

const zero = (): { requested: number; approved: number; allocated: number; paid: number } => ({
  requested: 0,
  approved: 0,
  allocated: 0,
  paid: 0,
});

/**
 * The budget of a call against what was asked, approved, allocated and paid, by article and by
 * measure (年度总额控制): the figures an officer watches before and after an allocation. Every
 * breakdown adds up to its total.
 */
export async function budgetDashboard(db: Kysely<Database>, callId: string): Promise<BudgetDashboard> {
  // The figures are independent reads: on PostgreSQL each has a connection of the pool and they
  // run side by side (SQLite has one connection and runs them in turn). Each reads a few rows of
  // the totals the database keeps (migrations 0018, 0019), whatever the size of the call.
  const [call, articleBudgets, byStatus, itemFigures, awardFigures, topAwards] = await Promise.all([
    db.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirst(),
    db.selectFrom('call_budgets').select(['article', 'budget']).where('call_id', '=', callId).execute(),
    // The counts and the sums asked and approved by status, and the items' sums by measure: the
    // totals the database keeps (migration 0019).
    db.selectFrom('application_totals').select(['status', 'n', 'requested', 'approved']).where('call_id', '=', callId).execute(),
    db.selectFrom('application_item_totals').select(['measure', 'requested', 'approved']).where('call_id', '=', callId).execute(),
    // Allocated and paid by measure: the awards' totals the database keeps (migration 0018).
    db
      .selectFrom('award_totals')
      .select((eb) => ['measure', 'status', eb.fn.sum<number>('amount').as('amount')])
      .where('call_id', '=', callId)
      .groupBy(['measure', 'status'])
      .execute(),
    // The enterprises with most allocated, from their totals the database keeps (migration 0018);
    // only these ten are named: the ten first, then their names. (Joined before the limit, and
    // with the statistics a commit has just outdated, PostgreSQL looked up the names of all
    // 80,000: 440 ms at 100,000 applications, 36 ms so.)
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('award_enterprise_totals')
          .select(['credit_code', 'allocated', 'paid'])
          .where('call_id', '=', callId)
          .where('allocated', '>', 0)
          .orderBy('allocated', 'desc')
          .orderBy('credit_code')
          .limit(TOP)
          .as('t'),
      )
      .leftJoin('enterprises as e', 'e.credit_code', 't.credit_code')
      .select(['t.credit_code', 'e.name', 't.allocated', 't.paid'])
      .orderBy('t.allocated', 'desc')
      .orderBy('t.credit_code')
      .execute(),
  ]);
  if (!call) throw notFound('call');

  const byMeasure = new Map<string, ReturnType<typeof zero>>();
  const figuresOf = (measure: string) => {
    let f = byMeasure.get(measure);
    if (!f) {
      f = zero();
      byMeasure.set(measure, f);
    }
    return f;
  };
  for (const r of itemFigures) {
    const f = figuresOf(r.measure);
    f.requested += Number(r.requested);
    f.approved += Number(r.approved);
  }
  let allocated = 0;
  let paid = 0;
  for (const r of awardFigures) {
    const f = figuresOf(r.measure);
    const amount = Number(r.amount);
    f.allocated += amount;
    allocated += amount;
    if (r.status === 'paid') {
      f.paid += amount;
      paid += amount;
    }
  }

  const budgetOf = new Map(articleBudgets.map((b) => [Number(b.article), Number(b.budget)]));
  const byArticle = ARTICLES.map(({ article, citation }) => {
    const f = zero();
    for (const [measure, m] of byMeasure) {
      if (articleOf.get(measure) !== article) continue;
      f.requested += m.requested;
      f.approved += m.approved;
      f.allocated += m.allocated;
      f.paid += m.paid;
    }
    return { article, citation: { zh: citation.zh, en: citation.en }, budget: budgetOf.get(article) ?? null, ...f };
  });

  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  // A draft asks for nothing yet (its total is kept as 0); every later status, returned and
  // rejected included, was asked.
  const applicationTotals = { requested: 0, approved: 0 };
  for (const r of byStatus) {
    counts[r.status] = Number(r.n);
    applicationTotals.requested += Number(r.requested);
    applicationTotals.approved += Number(r.approved);
  }

  const totalBudget = Number(call.total_budget);
  return {
    call: { id: call.id, year: Number(call.year), title: call.title, status: call.status },
    totals: {
      budget: totalBudget,
      requested: applicationTotals.requested,
      approved: applicationTotals.approved,
      allocated,
      paid,
      available: totalBudget - allocated,
    },
    byArticle,
    // In catalogue order, the measures with any figure.
    byMeasure: measures
      .filter((m) => byMeasure.has(m.id))
      .map((m) => ({
        measure: m.id,
        article: m.article,
        citation: { zh: m.citation.zh, en: m.citation.en },
        name: { zh: m.name.zh, en: m.name.en },
        summary: { zh: m.summary.zh, en: m.summary.en },
        ...(byMeasure.get(m.id) ?? zero()),
      })),
    counts,
    topEnterprises: topAwards.map((r) => ({
      creditCode: r.credit_code,
      name: r.name ?? r.credit_code,
      allocated: Number(r.allocated),
      paid: Number(r.paid),
    })),
  };
}
