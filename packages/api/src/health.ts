import { z } from 'zod';
import { fieldIssueSchema } from './errors.js';

/** GET /healthz (liveness): the server is up and its database answers. */
export const healthSchema = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });
export type Health = z.output<typeof healthSchema>;

/**
 * GET /readyz (readiness), 200: this instance takes work — its database answers, its job queue is
 * healthy, and it is not draining. A load balancer sends requests only to instances that answer 200.
 */
export const readinessSchema = z.object({
  status: z.literal('ready'),
  database: z.enum(['sqlite', 'postgres']),
  /** The job queue's driver (e.g. `pg-boss`, `in-process`). */
  queue: z.string(),
});
export type Readiness = z.output<typeof readinessSchema>;

/**
 * GET /readyz, 503: not ready. `error` says why in Chinese; one issue per failed check, its path
 * `database`, `queue` or `server` (draining), with a stable code and the cause.
 */
export const notReadySchema = z.object({
  error: z.string(),
  code: z.literal('FTAI_ERR_NOT_READY'),
  issues: z.array(fieldIssueSchema),
});
export type NotReady = z.output<typeof notReadySchema>;
