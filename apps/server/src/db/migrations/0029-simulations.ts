import { type Kysely, type Migration, sql } from 'kysely';

/**
 * 政策模拟 and 年度预算测算 (issue 15). A simulation runs as a match job does — queued, leased,
 * on the job runner with its progress and cancel — so it is a row of `match_jobs` of `kind`
 * 'simulation' (the match jobs' list and routes show kind 'match' only): its population (kind,
 * label, the call or match job it names), the two parameter versions compared, the call whose
 * budgets are checked, and once done its result (packages/api simulationResultSchema) as JSON.
 * A budget estimate grows one side of a finished simulation by the officer's growth rates; its
 * figures (whole yuan) and assumptions are kept as made. The same statements on SQLite and
 * PostgreSQL (instants as ISO text, money as BIGINT).
 */
export function simulations(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('match_jobs')
        .addColumn('kind', 'text', (c) => c.notNull().defaultTo('match'))
        .execute();
      // 'call' | 'platform' | 'match-job' | 'upload', and what it is in Chinese.
      await db.schema.alterTable('match_jobs').addColumn('population_kind', 'text').execute();
      await db.schema.alterTable('match_jobs').addColumn('population_label', 'text').execute();
      // The call or the match job the population names (a platform population's year is `year`).
      await db.schema.alterTable('match_jobs').addColumn('population_ref', 'text').execute();
      await db.schema.alterTable('match_jobs').addColumn('version_a', 'integer').execute();
      await db.schema.alterTable('match_jobs').addColumn('version_b', 'integer').execute();
      // The two versions' changes as they stood when the simulation was made (a draft may change after).
      await db.schema.alterTable('match_jobs').addColumn('editions_json', 'text').execute();
      await db.schema.alterTable('match_jobs').addColumn('call_id', 'text').execute();
      await db.schema.alterTable('match_jobs').addColumn('result_json', 'text').execute();
      // Each list (match jobs, simulations) newest first, one index seek.
      await db.schema.createIndex('match_jobs_kind_created').on('match_jobs').columns(['kind', 'created_at', 'id']).execute();

      await db.schema
        .createTable('budget_estimates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('simulation_id', 'text', (c) => c.notNull().references('match_jobs.id'))
        .addColumn('side', 'text', (c) => c.notNull())
        .addColumn('version_number', 'integer', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('overall', 'text', (c) => c.notNull())
        .addColumn('measures_json', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('lines_json', 'text', (c) => c.notNull())
        .addColumn('articles_json', 'text', (c) => c.notNull())
        .addColumn('total_base', 'bigint', (c) => c.notNull())
        .addColumn('total_expected', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint('budget_estimates_side', sql`side in ('a', 'b')`)
        .execute();
      await db.schema
        .createIndex('budget_estimates_simulation')
        .on('budget_estimates')
        .columns(['simulation_id', 'created_at', 'id'])
        .execute();
    },
  };
}
