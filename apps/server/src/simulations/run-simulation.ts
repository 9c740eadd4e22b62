import { type SimulationResult, simulationResultSchema } from '@ftai/api';
import { type EditionSpec, type MatchProgress, type MatchSummary, matchFile } from '@ftai/match';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database, MatchJobsTable } from '../db/schema.js';
import { writeCallRegistry, writePlatformRegistry } from '../matching/build-platform-registry.js';
import { fetchJobInput } from '../matching/match-job-files.js';

/**
 * Runs simulation `job` (a match_jobs row of kind 'simulation') in the runner's scratch folder
 * `dir`: writes or fetches its population as a registry — a call's submitted applications
 * (writeCallRegistry), the platform's enterprises for a year (writePlatformRegistry), the registry
 * an earlier match job was given, or the one uploaded with it — and matches it under both
 * versions at once on the runner's workers (matchFile's `compare`). `onRowsTotal` is told how many
 * rows a population the server writes has, before matching starts.
 */
export async function runSimulation(
  ctx: AppContext | Omit<AppContext, 'matchJobs'>,
  job: MatchJobsTable,
  dir: string,
  signal: AbortSignal,
  onProgress: (p: MatchProgress) => void,
  onRowsTotal: (count: number) => Promise<void>,
): Promise<MatchSummary> {
  // The versions as they stood when the simulation was made (create-simulation.ts).
  if (job.editions_json === null) throw new Error(`simulation ${job.id} has no versions recorded`);
  const { a, b } = JSON.parse(job.editions_json) as { a: EditionSpec; b: EditionSpec };
  const { input, inputName, ignoreUnknownColumns } = await simulationInput(ctx, job, dir, onRowsTotal);
  return matchFile(
    {
      input,
      inputName,
      // The comparison is the output: no files of answers are kept.
      outputs: {},
      workers: ctx.config.matchWorkers,
      lang: 'zh',
      explain: true,
      ignoreUnknownColumns,
      tempDir: dir,
      compare: { a, b },
    },
    onProgress,
    signal,
  );
}

async function simulationInput(
  ctx: AppContext | Omit<AppContext, 'matchJobs'>,
  job: MatchJobsTable,
  dir: string,
  onRowsTotal: (count: number) => Promise<void>,
): Promise<{ input: string; inputName: string; ignoreUnknownColumns: boolean }> {
  const label = job.population_label ?? job.id;
  switch (job.population_kind) {
    case 'upload':
      return {
        input: await fetchJobInput(ctx, job, dir),
        inputName: job.filename ?? label,
        ignoreUnknownColumns: Number(job.allow_extra_columns) === 1,
      };
    case 'match-job': {
      const source = await ctx.db
        .selectFrom('match_jobs')
        .select(['id', 'source', 'filename', 'year', 'allow_extra_columns'])
        .where('id', '=', job.population_ref ?? '')
        .where('kind', '=', 'match')
        .executeTakeFirst();
      if (!source) throw new Error(`the match job ${job.population_ref} of this simulation is gone`);
      const input = await fetchJobInput(ctx, source, dir);
      // A platform job kept no registry: the platform's enterprises of its year, as they are now.
      if (source.source === 'platform') await onRowsTotal(await writePlatformRegistry(ctx.db, Number(source.year), input));
      return { input, inputName: source.filename ?? label, ignoreUnknownColumns: Number(source.allow_extra_columns) === 1 };
    }
    case 'platform': {
      const input = await fetchJobInput(ctx, { id: job.id, source: 'platform', filename: null }, dir);
      await onRowsTotal(await writePlatformRegistry(ctx.db, Number(job.year), input));
      return { input, inputName: `platform-${job.year}.jsonl`, ignoreUnknownColumns: false };
    }
    case 'call': {
      const input = await fetchJobInput(ctx, { id: job.id, source: 'platform', filename: null }, dir);
      await onRowsTotal(await writeCallRegistry(ctx.db, job.population_ref ?? '', input));
      return { input, inputName: `call-${job.population_ref}.jsonl`, ignoreUnknownColumns: false };
    }
    default:
      throw new Error(`simulation ${job.id} has no population`);
  }
}

/**
 * The result a finished simulation keeps: the comparison the matcher summed, with the budgets of
 * the simulation's call (if it names one) set against each version's totals — the call's total
 * budget against the grand totals, each article's own budget against the article's totals. A
 * budget covers a side when the side's amount is not above it; an article without a budget of
 * its own covers nothing either way (null). Validated against the contract before it is stored.
 */
export async function simulationResult(db: Kysely<Database>, job: MatchJobsTable, summary: MatchSummary): Promise<SimulationResult> {
  const comparison = summary.comparison;
  if (!comparison) throw new Error('the matcher answered no comparison of the two versions (@ftai/match `compare`)');
  const call = job.call_id
    ? await db.selectFrom('calls').select(['id', 'title', 'total_budget']).where('id', '=', job.call_id).executeTakeFirst()
    : undefined;
  const budgets = new Map<number, number>();
  if (call) {
    for (const r of await db.selectFrom('call_budgets').select(['article', 'budget']).where('call_id', '=', call.id).execute()) {
      budgets.set(Number(r.article), Number(r.budget));
    }
  }
  const covers = (budget: number | null, amount: number) => (budget === null ? null : amount <= budget);
  const total = call ? Number(call.total_budget) : null;
  const result: SimulationResult = {
    ...comparison,
    articles: comparison.articles.map((x) => {
      const budget = budgets.get(x.article) ?? null;
      return {
        article: x.article,
        a: x.a,
        b: x.b,
        difference: x.difference,
        budget,
        coveredA: covers(budget, x.a.amount),
        coveredB: covers(budget, x.b.amount),
      };
    }),
    budget: call
      ? {
          callId: call.id,
          callTitle: call.title,
          total,
          coveredA: covers(total, comparison.total.a),
          coveredB: covers(total, comparison.total.b),
        }
      : null,
  };
  return simulationResultSchema.parse(result);
}
