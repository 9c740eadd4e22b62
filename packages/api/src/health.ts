import { z } from 'zod';

/** GET /healthz: the server is up and its database answers. */
export const healthSchema = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });
export type Health = z.output<typeof healthSchema>;
