import type { Simulation, SimulationList, SimulationResult } from '@ftai/api';
import type { MatchProgress } from '@ftai/match';
import { editionVersion } from '@ftai/policy-fengtai';
import { type Kysely, sql } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database, MatchJobsTable } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import { keysetPage, type PageRequest } from '../http/keyset.js';
import { storedProgress } from '../matching/match-job-runner.js';

/** A simulation as the API answers it: its row, the running one with its live progress, its result once done. */
export function simulationView(row: MatchJobsTable, liveHere: MatchProgress | undefined, withResult: boolean): Simulation {
  const live = liveHere ?? storedProgress(row);
  const done = row.status === 'done' && row.result_json !== null;
  const a = Number(row.version_a);
  const b = Number(row.version_b);
  return {
    id: row.id,
    status: row.status,
    population: {
      kind: row.population_kind ?? 'upload',
      label: row.population_label ?? '',
    },
    versionA: { number: a, version: editionVersion(a) },
    versionB: { number: b, version: editionVersion(b) },
    callId: row.call_id,
    rowsTotal: row.rows_total === null ? null : Number(row.rows_total),
    rowsDone: live && row.status === 'running' ? live.rowsDone : Number(row.rows_done),
    progress: row.status === 'running' ? { fraction: live?.fraction ?? null, secondsLeft: live?.secondsLeft ?? null } : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    error: row.error,
    result: withResult && done ? (JSON.parse(row.result_json as string) as SimulationResult) : null,
    xlsx: done ? `/api/v1/simulations/${row.id}/result.xlsx` : null,
  };
}

export async function requireSimulation(db: Kysely<Database>, id: string): Promise<MatchJobsTable> {
  const row = await db.selectFrom('match_jobs').selectAll().where('id', '=', id).where('kind', '=', 'simulation').executeTakeFirst();
  if (!row) throw notFound('simulation');
  return row;
}

/** A simulation that is done, with its result (409 otherwise, saying `what` waits for it). */
export async function requireDoneSimulation(
  db: Kysely<Database>,
  id: string,
  what: string,
): Promise<{ row: MatchJobsTable; result: SimulationResult }> {
  const row = await requireSimulation(db, id);
  if (row.status !== 'done' || row.result_json === null) {
    throw conflict('FTAI_ERR_CONFLICT', `the simulation is ${row.status}: ${what} ready once it is done`);
  }
  return { row, result: JSON.parse(row.result_json) as SimulationResult };
}

/** One simulation, the running one with its live progress, with its result once done. */
export async function loadSimulation(ctx: AppContext, id: string): Promise<Simulation> {
  return simulationView(await requireSimulation(ctx.db, id), ctx.matchJobs.progressOf(id), true);
}

/** A simulation's columns but its result. */
const LIST_COLUMNS = [
  'id',
  'source',
  'status',
  'filename',
  'year',
  'allow_extra_columns',
  'rows_total',
  'rows_done',
  'rows_bad',
  'granted_enterprises',
  'granted_total',
  'created_by',
  'created_at',
  'started_at',
  'finished_at',
  'error',
  'lease_owner',
  'heartbeat_at',
  'lease_expires_at',
  'cancel_requested',
  'attempts',
  'retries',
  'progress_json',
  'kind',
  'population_kind',
  'population_label',
  'population_ref',
  'version_a',
  'version_b',
  'editions_json',
  'call_id',
] as const satisfies readonly Exclude<keyof MatchJobsTable, 'result_json'>[];

/**
 * A page of the simulations, newest first unless `order=asc`, without their results (GET one for
 * it). Index: (kind, created_at, id) (migration 0029).
 */
export async function listSimulations(ctx: AppContext, query: PageRequest & { order?: 'asc' | 'desc' }): Promise<SimulationList> {
  // Every column but the result, which a page of fifty would read whole only to drop: whether
  // there is one is all the list needs.
  const q = ctx.db
    .selectFrom('match_jobs')
    .select(LIST_COLUMNS)
    .select(sql<string | null>`case when result_json is null then null else '' end`.as('result_json'))
    .where('kind', '=', 'simulation');
  const { rows, page } = await keysetPage(
    q,
    { sort: 'created', key: 'match_jobs.created_at', id: 'match_jobs.id', order: query.order ?? 'desc' },
    query,
    (r) => [r.created_at, r.id],
  );
  return {
    simulations: rows.map((r) => {
      const { result: _, ...view } = simulationView(r, ctx.matchJobs.progressOf(r.id), false);
      return view;
    }),
    page,
  };
}
