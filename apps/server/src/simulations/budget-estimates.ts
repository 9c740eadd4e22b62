import type { BudgetEstimate, BudgetEstimateBody, BudgetEstimateList, SimulationResult } from '@ftai/api';
import { editionVersion, MEASURE_IDS } from '@ftai/policy-fengtai';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { BudgetEstimatesTable, Database } from '../db/schema.js';
import { fieldError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { requireDoneSimulation, requireSimulation } from './load-simulation.js';

/** Hundredths of a percent in one whole: 100% = 10,000. */
const WHOLE = 10_000n;

/**
 * A growth rate text ("8%", "-5%", "12.25%") as hundredths of a percent, exactly (no floating
 * point): 800, -500, 1225. The schema (growthRateSchema) has checked its form.
 *
 * @example growthHundredths('12.5%') // 1250n
 */
export function growthHundredths(rate: string): bigint {
  const m = /^(-?)(\d{1,3})(?:\.(\d{1,2}))?%$/.exec(rate);
  if (!m) throw new Error(`not a growth rate: ${rate}`);
  const hundredths = BigInt(m[2] as string) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] === '-' ? -hundredths : hundredths;
}

/**
 * This year's amount grown by `rate`, floored to whole yuan: 本年度测算金额×（1＋增长率），向下取整到元.
 * Exact: base × (10,000 + rate in hundredths of a percent) / 10,000 in integers, the remainder dropped
 * (the base and the factor are never negative, so truncation is the floor).
 *
 * @example grown(1_465_068, '8%') // 1_582_273 (1,465,068 × 108 / 100 = 1,582,273.44)
 */
export function grown(base: number, rate: string): number {
  const factor = WHOLE + growthHundredths(rate);
  if (factor < 0n) throw new Error(`a growth of ${rate} leaves less than nothing`);
  return Number((BigInt(base) * factor) / WHOLE);
}

type Lines = BudgetEstimate['lines'];

/**
 * The estimate's figures from one side of a simulation's result: per measure, its amount under
 * that version grown by the measure's own rate or the overall one, floored; per article and in
 * total, the floored lines summed (never a total floored again).
 */
export function estimateFigures(
  result: SimulationResult,
  side: 'a' | 'b',
  overall: string,
  own: Readonly<Record<string, string>>,
): { lines: Lines; articles: BudgetEstimate['articles']; total: BudgetEstimate['total'] } {
  const lines: Lines = result.measures.map((m) => {
    const growth = own[m.measure] ?? overall;
    const base = m[side].amount;
    return { measure: m.measure, article: m.article, citation: m.citation, base, growth, expected: grown(base, growth) };
  });
  const byArticle = new Map<number, { article: number; base: number; expected: number }>();
  for (const l of lines) {
    const a = byArticle.get(l.article) ?? { article: l.article, base: 0, expected: 0 };
    a.base += l.base;
    a.expected += l.expected;
    byArticle.set(l.article, a);
  }
  const articles = [...byArticle.values()].sort((x, y) => x.article - y.article);
  const total = {
    base: lines.reduce((s, l) => s + l.base, 0),
    expected: lines.reduce((s, l) => s + l.expected, 0),
  };
  return { lines, articles, total };
}

function estimateView(row: BudgetEstimatesTable): BudgetEstimate {
  return {
    id: row.id,
    simulationId: row.simulation_id,
    side: row.side,
    version: { number: Number(row.version_number), version: row.version },
    year: Number(row.year),
    overall: row.overall,
    measures: JSON.parse(row.measures_json) as Record<string, string>,
    note: row.note,
    lines: JSON.parse(row.lines_json) as Lines,
    articles: JSON.parse(row.articles_json) as BudgetEstimate['articles'],
    total: { base: Number(row.total_base), expected: Number(row.total_expected) },
    createdBy: row.created_by,
    createdAt: row.created_at,
    xlsx: `/api/v1/budget-estimates/${row.id}.xlsx`,
  };
}

/**
 * 年度预算测算: grows one side (B by default) of finished simulation `simulationId` by the
 * officer's rates and keeps the estimate as made, audited. A rate below -100% (less than nothing)
 * and a measure the policy does not have are refused, naming the field (400); a simulation not
 * done is a 409.
 */
export async function createBudgetEstimate(
  ctx: AppContext,
  officer: CurrentUser,
  simulationId: string,
  body: BudgetEstimateBody,
): Promise<BudgetEstimate> {
  const own = body.measures ?? {};
  for (const [path, rate] of [['overall', body.overall], ...Object.entries(own).map(([m, r]) => [`measures.${m}`, r])] as const) {
    if (growthHundredths(rate) < -WHOLE) throw fieldError(path, `expected a growth rate of -100% or more, got ${rate}`);
  }
  for (const measure of Object.keys(own)) {
    if (!(MEASURE_IDS as readonly string[]).includes(measure)) {
      throw fieldError(`measures.${measure}`, `the policy has no measure ${measure} (expected one of ${MEASURE_IDS.join(', ')})`);
    }
  }
  const { row: sim, result } = await requireDoneSimulation(ctx.db, simulationId, 'its estimates are');
  const side = body.side ?? 'b';
  const number = Number(side === 'a' ? sim.version_a : sim.version_b);
  const { lines, articles, total } = estimateFigures(result, side, body.overall, own);
  const row: BudgetEstimatesTable = {
    id: newId(),
    simulation_id: sim.id,
    side,
    version_number: number,
    version: editionVersion(number),
    year: body.year,
    overall: body.overall,
    measures_json: JSON.stringify(own),
    note: body.note === undefined || body.note === '' ? null : body.note,
    lines_json: JSON.stringify(lines),
    articles_json: JSON.stringify(articles),
    total_base: total.base,
    total_expected: total.expected,
    created_by: officer.id,
    created_at: ctx.now(),
  };
  await ctx.tx(async (trx) => {
    await trx.insertInto('budget_estimates').values(row).execute();
    await appendAudit(
      trx,
      {
        actorId: officer.id,
        action: 'budget-estimate.create',
        entity: 'budget_estimate',
        entityId: row.id,
        before: null,
        after: {
          simulationId: sim.id,
          side,
          version: row.version,
          year: body.year,
          overall: body.overall,
          measures: own,
          totalBase: total.base,
          totalExpected: total.expected,
          ...(row.note !== null && { note: row.note }),
        },
      },
      row.created_at,
    );
  });
  return estimateView(row);
}

/** The estimates made from a simulation, newest first. */
export async function listBudgetEstimates(ctx: AppContext, simulationId: string): Promise<BudgetEstimateList> {
  await requireSimulation(ctx.db, simulationId);
  const rows = await ctx.db
    .selectFrom('budget_estimates')
    .selectAll()
    .where('simulation_id', '=', simulationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return { estimates: rows.map(estimateView) };
}

export async function loadBudgetEstimate(db: Kysely<Database>, id: string): Promise<BudgetEstimate> {
  const row = await db.selectFrom('budget_estimates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('budget estimate');
  return estimateView(row);
}
