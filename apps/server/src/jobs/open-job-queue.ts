import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { InProcessQueue } from './in-process-queue.js';
import type { JobQueue } from './job-queue.js';
import { PgBossQueue } from './pg-boss-queue.js';

/**
 * pg-boss's schema: FTAI_JOB_SCHEMA, or the current schema's name with `_boss`, so that several
 * schemas in one database (tests, tenants) each have a queue of their own.
 */
export async function jobSchemaOf(ctx: Pick<AppContext, 'db' | 'config'>): Promise<string> {
  if (ctx.config.jobSchema) return ctx.config.jobSchema;
  const row = (await sql<{ schema: string }>`select current_schema() as schema`.execute(ctx.db)).rows[0];
  return `${row?.schema ?? 'public'}_boss`;
}

/** The queue of this server, started: pg-boss on PostgreSQL, in process on SQLite. */
export async function openJobQueue(ctx: Pick<AppContext, 'db' | 'config' | 'dialect'>): Promise<JobQueue> {
  if (ctx.dialect === 'sqlite' || !ctx.config.databaseUrl) return new InProcessQueue();
  const queue = new PgBossQueue({
    connectionString: ctx.config.databaseUrl,
    schema: await jobSchemaOf(ctx),
    pollSeconds: ctx.config.jobPollSeconds,
    applicationName: `ftai-jobs-${ctx.config.instanceId}`.slice(0, 63),
  });
  await queue.start();
  return queue;
}
