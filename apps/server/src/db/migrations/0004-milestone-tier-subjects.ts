import { parseYuanToFen } from '@ftai/engine';
import { MILESTONE_TIERS } from '@ftai/policy-fengtai';
import type { Kysely, Migration } from 'kysely';
import { appendAudit } from '../../audit/append-audit.js';
import { type MilestoneTier, milestoneTiers } from '../../ledger/milestone-tiers.js';
import type { Database } from '../schema.js';

/** The name this migration is registered under; its audit entry names it too. */
export const MILESTONE_TIER_MIGRATION = '0004-milestone-tier-subjects';

/** Where the industrial status (工业智能企业) of a legacy row was read. */
export type IndustrialSource = 'application' | 'profile' | 'not given';

/** What the platform holds about one application's legacy milestone item or award. */
export interface LegacyMilestone {
  readonly measure: string;
  /** The assessment year (the call's), whose parameters set the tiers. */
  readonly year: number;
  readonly industrialAI: boolean;
  /** The application's facts as the applicant sent them; undefined when they cannot be read. */
  readonly facts: Readonly<Record<string, unknown>> | undefined;
  /** The engine's figure on the item (the tier's maximum, before 2025.10.30-2: 5.1 had no review). */
  readonly engineAmount: number | undefined;
  readonly approvedAmount: number | undefined;
  /** The award in the ledger, if the item was allocated money. */
  readonly awardAmount: number | undefined;
}

export interface TierDecision {
  readonly tier: string;
  /** exact: the figure is the tier's maximum; inferred: no tier's maximum is the figure. */
  readonly how: 'exact' | 'inferred';
  /** Which amount was matched. */
  readonly figure: number;
  readonly basis: 'engine amount' | 'approved amount' | 'award amount';
  /** The tiers the application's facts reach (all when the facts say nothing). */
  readonly reachable: readonly string[];
  readonly reason: string;
}

/** The fact that reaches a tier named by a flag (the candidates of 第五条第（1）项 set it). */
const FLAG_FACTS: Readonly<Record<string, string>> = { 'above-designated-size': 'firstAboveDesignatedSize' };

/**
 * The tier a milestone award (or item) of the time before tiers were subjects was for.
 *
 * 1. The figure is the engine's amount on the item (before policy 2025.10.30-2 the engine granted
 *    5.1 at exactly the tier's maximum, 工业智能企业 +100,000), else the approved amount, else the
 *    award itself (a budget allocation or a review may have cut an award below its tier).
 * 2. The candidates are the tiers the application's own facts reach: a revenue tier when
 *    `facts.revenue` is at or above it, 首次达规 when `facts.firstAboveDesignatedSize` is true
 *    (every tier when the facts reach none, or cannot be read).
 * 3. exact: the candidate whose maximum, for the enterprise's industrial status, is the figure.
 * 4. inferred, when none is: the lowest candidate whose maximum holds the figure (an amount below
 *    a maximum is read as the lowest tier that could have paid it, never a higher one); when the
 *    figure is above every candidate's maximum (the status has changed since, say), the highest
 *    candidate, which is the most the facts allow.
 */
export function decideLegacyTier(row: LegacyMilestone): TierDecision {
  const tiers = milestoneTiers(row.measure, row.year);
  const maximum = (t: MilestoneTier) => (row.industrialAI ? t.maximum.industrial : t.maximum.standard);
  const [figure, basis] =
    row.engineAmount !== undefined
      ? ([row.engineAmount, 'engine amount'] as const)
      : row.approvedAmount !== undefined
        ? ([row.approvedAmount, 'approved amount'] as const)
        : ([row.awardAmount ?? 0, 'award amount'] as const);
  const reached = tiers.filter((t) => reaches(t, row.facts));
  const candidates = (reached.length > 0 ? reached : tiers).slice().sort((a, b) => maximum(a) - maximum(b));
  const reachable = candidates.map((t) => t.id);
  const status = row.industrialAI ? '工业智能企业' : '非工业智能企业';
  const decide = (t: MilestoneTier, how: TierDecision['how'], reason: string): TierDecision => ({
    tier: t.id,
    how,
    figure,
    basis,
    reachable,
    reason,
  });
  const exact = candidates.find((t) => maximum(t) === figure);
  if (exact) return decide(exact, 'exact', `${basis} ${figure} is the maximum of ${exact.id} for ${status}`);
  const lowest = candidates.find((t) => maximum(t) >= figure);
  if (lowest) {
    return decide(
      lowest,
      'inferred',
      `${basis} ${figure} is no tier's maximum for ${status}: the lowest tier the facts reach whose maximum (${maximum(lowest)}) holds it`,
    );
  }
  const highest = candidates[candidates.length - 1] as MilestoneTier;
  return decide(
    highest,
    'inferred',
    `${basis} ${figure} is above the maximum of every tier the facts reach for ${status}: the highest of them (${maximum(highest)})`,
  );
}

function reaches(t: MilestoneTier, facts: Readonly<Record<string, unknown>> | undefined): boolean {
  if (facts === undefined) return false;
  if (t.min !== undefined) {
    const revenue = parseYuanToFen(facts.revenue);
    return revenue !== null && revenue >= t.min * 100;
  }
  const fact = t.flag === undefined ? undefined : FLAG_FACTS[t.flag];
  return fact !== undefined && facts[fact] === true;
}

/**
 * Milestone measures (5.1) name their tier as subject since policy 2025.10.30-2: history of 5.1
 * with no tier is refused by the engine, and each tier is granted once ever. The ledger's 5.1
 * awards and the 5.1 items of applications written before have subject '': this gives each its
 * tier (decideLegacyTier), the award and the item of one application the same one, and records
 * one audit entry with every row, how its tier was decided, and which were inferred. A second
 * run finds nothing to map and writes nothing.
 */
export function milestoneTierSubjects(now: () => Date): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const typed = db as unknown as Kysely<Database>;
      // PostgreSQL runs each migration in a transaction already; SQLite does not.
      if (typed.isTransaction) await mapLegacyMilestones(typed, now);
      else await typed.transaction().execute((trx) => mapLegacyMilestones(trx, now));
    },
  };
}

interface ApplicationFacts {
  readonly id: string;
  readonly credit_code: string;
  readonly status: string;
  readonly request_json: string;
  readonly year: number;
}

/** Maps every legacy milestone row; returns how many rows were mapped (0: nothing to do, nothing audited). */
export async function mapLegacyMilestones(db: Kysely<Database>, now: () => Date): Promise<number> {
  const measuresMapped = [...MILESTONE_TIERS.keys()];
  const rows: Record<string, unknown>[] = [];
  const repeated: Record<string, unknown>[] = [];
  for (const measure of measuresMapped) {
    const items = await db
      .selectFrom('application_items')
      .select(['application_id', 'engine_amount', 'approved_amount', 'allocated_amount'])
      .where('measure', '=', measure)
      .where('subject', '=', '')
      .execute();
    const awards = await db
      .selectFrom('awards')
      .select(['id', 'application_id', 'credit_code', 'year', 'amount'])
      .where('measure', '=', measure)
      .where('subject', '=', '')
      .execute();
    const ids = [...new Set([...items.map((i) => i.application_id), ...awards.map((a) => a.application_id)])];
    if (ids.length === 0) continue;
    const applications = new Map<string, ApplicationFacts>();
    for (let i = 0; i < ids.length; i += 500) {
      const found = await db
        .selectFrom('applications as a')
        .innerJoin('calls as c', 'c.id', 'a.call_id')
        .select(['a.id', 'a.credit_code', 'a.status', 'a.request_json', 'c.year'])
        .where('a.id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const a of found) applications.set(a.id, { ...a, year: Number(a.year) });
    }
    const codes = [...new Set([...applications.values()].map((a) => a.credit_code))];
    const profiles = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < codes.length; i += 500) {
      const found = await db
        .selectFrom('enterprises')
        .select(['credit_code', 'profile_json'])
        .where('credit_code', 'in', codes.slice(i, i + 500))
        .execute();
      for (const p of found) profiles.set(p.credit_code, asObject(safeJson(p.profile_json)));
    }

    const itemOf = new Map(items.map((i) => [i.application_id, i]));
    const awardOf = new Map(awards.map((a) => [a.application_id, a]));
    ids.sort((x, y) => {
      const a = applications.get(x);
      const b = applications.get(y);
      const key = (id: string, app: ApplicationFacts | undefined) =>
        `${app?.credit_code ?? awardOf.get(id)?.credit_code ?? ''}|${String(app?.year ?? awardOf.get(id)?.year ?? 0).padStart(4, '0')}|${id}`;
      const [ka, kb] = [key(x, a), key(y, b)];
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    const tierOf = new Map<string, { creditCode: string; tier: string; awards: string[] }>();
    for (const applicationId of ids) {
      const application = applications.get(applicationId);
      const item = itemOf.get(applicationId);
      const award = awardOf.get(applicationId);
      const creditCode = application?.credit_code ?? award?.credit_code ?? '';
      const request = application ? asObject(safeJson(application.request_json)) : undefined;
      const overrides = asObject(request?.enterprise);
      const profile = profiles.get(creditCode) ?? {};
      const [industrialAI, industrialSource]: [boolean, IndustrialSource] =
        typeof overrides.industrialAI === 'boolean'
          ? [overrides.industrialAI, 'application']
          : typeof profile.industrialAI === 'boolean'
            ? [profile.industrialAI, 'profile']
            : [false, 'not given'];
      const year = award ? Number(award.year) : (application?.year ?? 0);
      const decision = decideLegacyTier({
        measure,
        year,
        industrialAI,
        facts: request?.facts === undefined ? undefined : asObject(request.facts),
        engineAmount: item ? Number(item.engine_amount) : undefined,
        approvedAmount: item?.approved_amount === null || item === undefined ? undefined : Number(item.approved_amount),
        awardAmount: award ? Number(award.amount) : undefined,
      });
      if (item) {
        await db
          .updateTable('application_items')
          .set({ subject: decision.tier })
          .where('application_id', '=', applicationId)
          .where('measure', '=', measure)
          .where('subject', '=', '')
          .execute();
      }
      if (award) {
        await db.updateTable('awards').set({ subject: decision.tier }).where('id', '=', award.id).where('subject', '=', '').execute();
        const key = `${creditCode}|${decision.tier}`;
        const seen = tierOf.get(key) ?? { creditCode, tier: decision.tier, awards: [] };
        seen.awards.push(award.id);
        tierOf.set(key, seen);
      }
      rows.push({
        measure,
        applicationId,
        applicationStatus: application?.status ?? null,
        creditCode,
        year,
        awardId: award?.id ?? null,
        awardAmount: award ? Number(award.amount) : null,
        engineAmount: item ? Number(item.engine_amount) : null,
        approvedAmount: item?.approved_amount === null || item === undefined ? null : Number(item.approved_amount),
        industrialAI,
        industrialSource,
        tier: decision.tier,
        how: decision.how,
        basis: decision.basis,
        reachable: decision.reachable,
        reason: decision.reason,
      });
    }
    for (const t of tierOf.values()) if (t.awards.length > 1) repeated.push({ measure, ...t });
  }
  if (rows.length === 0) return 0;
  const inferred = rows.filter((r) => r.how === 'inferred');
  await appendAudit(
    db,
    {
      actorId: null,
      action: 'ledger.milestone-tiers',
      entity: 'migration',
      entityId: MILESTONE_TIER_MIGRATION,
      before: { subject: '', measures: measuresMapped },
      after: {
        rule: 'tier = the one whose maximum (工业智能企业 +100,000) is the engine amount of the item, among the tiers the application’s facts reach (exact); otherwise the lowest of those whose maximum holds the amount, or the highest of them when none does (inferred). Industrial status: the application’s own enterprise override, else the enterprise profile, else not industrial.',
        mapped: rows.length,
        awards: rows.filter((r) => r.awardId !== null).length,
        items: rows.filter((r) => r.engineAmount !== null).length,
        inferred: inferred.map((r) => ({ applicationId: r.applicationId, awardId: r.awardId, tier: r.tier })),
        repeatedTiers: repeated,
        rows,
      },
    },
    now().toISOString(),
  );
  return rows.length;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
