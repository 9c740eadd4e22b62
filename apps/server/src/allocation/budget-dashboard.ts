import { measures } from '@ftai/policy-fengtai';
import type { Kysely } from 'kysely';
import type { ApplicationStatus, Database } from '../db/schema.js';
import { notFound } from '../errors.js';

interface Localized {
  readonly zh: string;
  readonly en: string;
}

export interface Figures {
  /** Engine totals of the applications submitted or later (what enterprises asked for). */
  readonly requested: number;
  /** What officers approved, at most the engine's figure per item. */
  readonly approved: number;
  /** Committed awards: what the budget allocation granted. */
  readonly allocated: number;
  /** Awards paid out. */
  readonly paid: number;
}

export interface BudgetDashboard {
  readonly call: { readonly id: string; readonly year: number; readonly title: string; readonly status: 'open' | 'closed' };
  readonly totals: Figures & { readonly budget: number; readonly available: number };
  readonly byArticle: readonly (Figures & { readonly article: number; readonly citation: Localized; readonly budget: number | null })[];
  readonly byMeasure: readonly (Figures & {
    readonly measure: string;
    readonly article: number;
    readonly citation: Localized;
    /** The measure's short name (智能算力支持). */
    readonly name: Localized;
    /** What the text grants, in a sentence. */
    readonly summary: Localized;
  })[];
  readonly counts: Readonly<Record<ApplicationStatus, number>>;
  readonly topEnterprises: readonly {
    readonly creditCode: string;
    readonly name: string;
    readonly allocated: number;
    readonly paid: number;
  }[];
}

const STATUSES: readonly ApplicationStatus[] = [
  'draft',
  'submitted',
  'formal_check',
  'under_review',
  'returned',
  'approved',
  'rejected',
  'public_notice',
  'final',
  'paid',
];
const ARTICLES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
const TOP = 10;

const articleOf = new Map<string, number>(measures.map((m) => [m.id, m.article]));

/** 第六条第（2）项 → 第六条, Article 6(2) → Article 6: the article's own citation, from its first measure. */
function articleCitation(article: number): Localized {
  const m = measures.find((x) => x.article === article);
  if (!m) return { zh: `第${article}条`, en: `Article ${article}` };
  return { zh: m.citation.zh.replace(/第（\d+）项$/, ''), en: m.citation.en.replace(/\(\d+\)$/, '') };
}

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
  const call = await db.selectFrom('calls').selectAll().where('id', '=', callId).executeTakeFirst();
  if (!call) throw notFound('call');
  const articleBudgets = await db.selectFrom('call_budgets').select(['article', 'budget']).where('call_id', '=', callId).execute();

  const statusCounts = await db
    .selectFrom('applications')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
    .where('call_id', '=', callId)
    .groupBy('status')
    .execute();
  // A draft asks for nothing yet; every later status, returned and rejected included, was asked.
  const applicationTotals = await db
    .selectFrom('applications')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('engine_total'), eb.lit(0)).as('requested'),
      eb.fn.coalesce(eb.fn.sum<number>('approved_total'), eb.lit(0)).as('approved'),
    ])
    .where('call_id', '=', callId)
    .where('status', '!=', 'draft')
    .executeTakeFirst();
  const itemFigures = await db
    .selectFrom('application_items as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .select((eb) => [
      'i.measure',
      eb.fn.sum<number>('i.engine_amount').as('requested'),
      eb.fn.coalesce(eb.fn.sum<number>('i.approved_amount'), eb.lit(0)).as('approved'),
    ])
    .where('a.call_id', '=', callId)
    .where('a.status', '!=', 'draft')
    .groupBy('i.measure')
    .execute();
  const awardFigures = await db
    .selectFrom('awards')
    .select((eb) => ['measure', 'status', eb.fn.sum<number>('amount').as('amount')])
    .where('call_id', '=', callId)
    .groupBy(['measure', 'status'])
    .execute();
  const topAwards = await db
    .selectFrom('awards as w')
    .leftJoin('enterprises as e', 'e.credit_code', 'w.credit_code')
    .select((eb) => [
      'w.credit_code',
      'e.name',
      eb.fn.sum<number>('w.amount').as('allocated'),
      eb.fn
        .coalesce(eb.fn.sum<number>(eb.case().when('w.status', '=', 'paid').then(eb.ref('w.amount')).else(0).end()), eb.lit(0))
        .as('paid'),
    ])
    .where('w.call_id', '=', callId)
    .groupBy(['w.credit_code', 'e.name'])
    .orderBy('allocated', 'desc')
    .orderBy('w.credit_code')
    .limit(TOP)
    .execute();

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
  const byArticle = ARTICLES.map((article) => {
    const f = zero();
    for (const [measure, m] of byMeasure) {
      if (articleOf.get(measure) !== article) continue;
      f.requested += m.requested;
      f.approved += m.approved;
      f.allocated += m.allocated;
      f.paid += m.paid;
    }
    return { article, citation: articleCitation(article), budget: budgetOf.get(article) ?? null, ...f };
  });

  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const r of statusCounts) counts[r.status] = Number(r.n);

  const totalBudget = Number(call.total_budget);
  return {
    call: { id: call.id, year: Number(call.year), title: call.title, status: call.status },
    totals: {
      budget: totalBudget,
      requested: Number(applicationTotals?.requested ?? 0),
      approved: Number(applicationTotals?.approved ?? 0),
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
