import type { SimulationPopulation } from '@ftai/api';
import type { EditionSpec } from '@ftai/match';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { Database, SimulationPopulationKind } from '../db/schema.js';
import { HttpError, notFound } from '../errors.js';
import { queuedJobRow } from '../matching/create-match-job.js';
import { requireFinishedMatchJob } from '../matching/load-match-job.js';
import { editionByNumber } from '../policy-versions/editions.js';

export interface NewSimulation {
  readonly id: string;
  /** A population named in JSON, or a registry uploaded with the request (stored as the job's input). */
  readonly population: SimulationPopulation | { readonly kind: 'upload'; readonly filename: string; readonly allowExtraColumns: boolean };
  readonly versionA: number;
  readonly versionB: number;
  /** The call whose budgets are checked: a call population's own call unless another is named. */
  readonly callId: string | undefined;
}

/**
 * Parameter version `number` as the comparison takes it (its changes against version 1, its
 * document), a draft too; 404 FTAI_ERR_VERSION_NOT_FOUND when no version has that number.
 */
async function requireVersion(db: Kysely<Database>, number: number, field: string): Promise<EditionSpec> {
  try {
    const edition = await editionByNumber(db, number);
    return { number: edition.number, changes: edition.changes, authority: edition.authority };
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 404) {
      throw new HttpError(404, 'FTAI_ERR_VERSION_NOT_FOUND', `policy version ${number} not found (${field})`);
    }
    throw error;
  }
}

async function callTitle(db: Kysely<Database>, id: string): Promise<string> {
  const call = await db.selectFrom('calls').select(['title']).where('id', '=', id).executeTakeFirst();
  if (!call) throw notFound('call');
  return call.title;
}

/** The population's kind, what it is in Chinese, the call or match job it names and its year. */
async function describePopulation(
  db: Kysely<Database>,
  population: NewSimulation['population'],
): Promise<{ kind: SimulationPopulationKind; label: string; ref: string | null; year: number | null; filename: string | null }> {
  switch (population.kind) {
    case 'call':
      return { kind: 'call', label: await callTitle(db, population.callId), ref: population.callId, year: null, filename: null };
    case 'platform':
      return { kind: 'platform', label: `平台企业（${population.year}年度）`, ref: null, year: population.year, filename: null };
    case 'match-job': {
      const job = await requireFinishedMatchJob(db, population.matchJobId, 'its registry is');
      const label = job.filename ? `匹配任务“${job.filename}”` : `匹配任务（平台企业，${job.year}年度）`;
      return { kind: 'match-job', label, ref: job.id, year: job.year === null ? null : Number(job.year), filename: null };
    }
    case 'upload':
      return { kind: 'upload', label: population.filename, ref: null, year: null, filename: population.filename };
  }
}

/**
 * Records a queued simulation (a match_jobs row of kind 'simulation'), its creation in the audit
 * log and (on PostgreSQL) its message on the job queue, in one transaction, then wakes the runner,
 * as createMatchJob does. The versions, the call and the match job named must exist (404; a match
 * job not yet finished: 409) before anything is written.
 */
export async function createSimulation(ctx: AppContext, officer: CurrentUser, sim: NewSimulation): Promise<void> {
  // Fixed now: a draft edited after is simulated as it stood when the officer asked.
  const editions = { a: await requireVersion(ctx.db, sim.versionA, 'versionA'), b: await requireVersion(ctx.db, sim.versionB, 'versionB') };
  const population = await describePopulation(ctx.db, sim.population);
  const callId = sim.callId ?? (sim.population.kind === 'call' ? sim.population.callId : null);
  if (callId !== null) await callTitle(ctx.db, callId);
  const allowExtraColumns = sim.population.kind === 'upload' && sim.population.allowExtraColumns;
  const at = ctx.now();
  await ctx.tx(async (trx) => {
    await trx
      .insertInto('match_jobs')
      .values({
        ...queuedJobRow(
          {
            id: sim.id,
            // An upload's registry is stored as the job's input; every other population the runner writes.
            source: population.kind === 'upload' ? 'upload' : 'platform',
            filename: population.filename,
            year: population.year,
            allowExtraColumns,
          },
          officer.id,
          at,
        ),
        kind: 'simulation',
        population_kind: population.kind,
        population_label: population.label,
        population_ref: population.ref,
        version_a: sim.versionA,
        version_b: sim.versionB,
        editions_json: JSON.stringify(editions),
        call_id: callId,
        result_json: null,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actorId: officer.id,
        action: 'simulation.create',
        entity: 'simulation',
        entityId: sim.id,
        before: null,
        after: {
          population: { kind: population.kind, label: population.label, ref: population.ref, year: population.year },
          versionA: sim.versionA,
          versionB: sim.versionB,
          callId,
          ...(allowExtraColumns && { allowExtraColumns }),
        },
      },
      at,
    );
    await ctx.matchJobs.enqueue(sim.id, trx);
  });
  await ctx.matchJobs.enqueue(sim.id);
}
