import type { FieldIssue } from '@ftai/api';
import { healthSchema, notReadySchema, readinessSchema } from '@ftai/api';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { pingDatabase } from '../db/ping-database.js';

/** What the job queue says of itself (MatchJobRunner.health). */
interface QueueHealth {
  readonly ok: boolean;
  readonly driver: string;
  readonly detail?: string;
}

/** A readiness check answers within this time, or counts as failed: a load balancer must not wait on a stuck database. */
const CHECK_TIMEOUT_MS = 3000;

const draining = new WeakSet<AppContext>();

/** From now on /readyz answers 503: the instance is stopping (server.ts, on SIGTERM/SIGINT). */
export function markDraining(ctx: AppContext): void {
  draining.add(ctx);
}

export function isDraining(ctx: AppContext): boolean {
  return draining.has(ctx);
}

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const causeOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 200);

async function queueHealth(ctx: AppContext): Promise<QueueHealth> {
  // The runner gains health() with the shared job queue; a runner without it runs in this process
  // and is as healthy as the process answering.
  const runner = ctx.matchJobs as { health?: () => Promise<QueueHealth> };
  if (typeof runner.health !== 'function') return { ok: true, driver: 'in-process' };
  return runner.health();
}

/**
 * GET /healthz — liveness: 200 once the database answers (the server only listens after migrating).
 * GET /readyz — readiness: 200 when the database answers, the job queue is healthy and the
 * instance is not draining; otherwise 503 FTAI_ERR_NOT_READY, saying in Chinese what is wrong,
 * with one issue per failed check.
 */
export function healthRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/healthz', { schema: { hide: true, response: { 200: healthSchema } } }, async () => {
      await pingDatabase(ctx.db);
      return { status: 'ok' as const, database: ctx.dialect };
    });

    app.get('/readyz', { schema: { hide: true, response: { 200: readinessSchema, 503: notReadySchema } } }, async (_req, reply) => {
      const issues: FieldIssue[] = [];
      const reasons: string[] = [];
      if (isDraining(ctx)) {
        issues.push({ path: 'server', code: 'FTAI_ERR_DRAINING', message: 'the instance is stopping: it finishes the requests under way' });
        reasons.push('本实例正在停止服务');
      }
      const [database, queue] = await Promise.allSettled([
        withTimeout(pingDatabase(ctx.db), 'the database'),
        withTimeout(queueHealth(ctx), 'the job queue'),
      ]);
      if (database.status === 'rejected') {
        issues.push({ path: 'database', code: 'FTAI_ERR_DATABASE', message: causeOf(database.reason) });
        reasons.push('数据库未响应');
      }
      const queueProblem =
        queue.status === 'rejected' ? causeOf(queue.reason) : queue.value.ok ? undefined : (queue.value.detail ?? 'not healthy');
      if (queueProblem !== undefined) {
        issues.push({ path: 'queue', code: 'FTAI_ERR_QUEUE', message: queueProblem });
        reasons.push('后台作业队列不可用');
      }
      if (issues.length > 0) {
        return reply.code(503).send({ error: `本实例暂不接收请求：${reasons.join('；')}`, code: 'FTAI_ERR_NOT_READY' as const, issues });
      }
      const driver = queue.status === 'fulfilled' ? queue.value.driver : 'unknown';
      return { status: 'ready' as const, database: ctx.dialect, queue: driver };
    });
  };
}
