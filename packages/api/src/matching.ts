// Request and response schemas of the match job routes (免申即享, apps/server/src/routes/match-routes.ts).
import { z } from 'zod';
import { pageInfoSchema, pageQueryShape } from './page.js';
import { MATCH_JOB_STATUSES } from './statuses.js';

const int = z.number().int();

/** The id of a match job in the path. */
export const matchJobIdParamsSchema = z.strictObject({
  id: z.string({ error: 'expected an id' }).min(1, { error: 'expected an id' }).max(100),
});
export type MatchJobIdParams = z.output<typeof matchJobIdParamsSchema>;

/** POST /api/v1/match-jobs as JSON: match the enterprises the platform holds. A registry file comes as multipart instead (no JSON body). */
export const createMatchJobBodySchema = z
  .strictObject({
    source: z.literal('platform', { error: 'expected "platform" (a registry file is sent as multipart/form-data)' }),
    year: z
      .number({ error: 'expected the assessment year, e.g. 2026' })
      .int({ error: 'expected a whole year' })
      .min(2000, { error: 'expected a year from 2000 to 2100' })
      .max(2100, { error: 'expected a year from 2000 to 2100' }),
  })
  .nullish();
export type CreateMatchJobBody = z.output<typeof createMatchJobBodySchema>;

/** POST /api/v1/match-jobs: `allowExtraColumns=true` leaves a registry's unknown columns out instead of failing. */
export const createMatchJobQuerySchema = z.strictObject({
  allowExtraColumns: z.enum(['true', 'false'], { error: 'expected true or false' }).optional(),
});
export type CreateMatchJobQuery = z.output<typeof createMatchJobQuerySchema>;

/** GET /api/v1/match-jobs/:id/notify: a page of the enterprises to notify (1000 by default, at most 10,000). */
export const notifyQuerySchema = z.strictObject({
  offset: z
    .string()
    .regex(/^\d{1,9}$/, { error: 'expected a whole number' })
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,5}$/, { error: 'expected a whole number up to 10000' })
    .optional(),
});
export type NotifyQuery = z.output<typeof notifyQuerySchema>;

/** Where a match job stands: it waits its turn, runs, and ends done, failed or cancelled. */
export const matchJobStatusSchema = z.enum(MATCH_JOB_STATUSES);

/** A match job: an uploaded registry or the platform's enterprises, its progress, and its files once done or cancelled. */
export const matchJobSchema = z.object({
  id: z.string(),
  source: z.enum(['upload', 'platform']),
  status: matchJobStatusSchema,
  /** The uploaded file's own name (for showing only); null for the platform's enterprises. */
  filename: z.string().nullable(),
  /** The assessment year matched, for the platform's enterprises; null for an upload. */
  year: int.nullable(),
  allowExtraColumns: z.boolean(),
  /** Known once the registry is read through (or the platform's registry is written). */
  rowsTotal: int.nullable(),
  rowsDone: int,
  rowsBad: int,
  grantedEnterprises: int,
  /** Whole yuan. */
  grantedTotal: int,
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  /** While running: share done (0–1, null while unknown), rows per second, seconds left, phase. */
  progress: z
    .object({
      fraction: z.number().nullable(),
      rowsPerSecond: z.number(),
      secondsLeft: z.number().nullable(),
      phase: z.enum(['matching', 'workbook', 'done']),
    })
    .nullable(),
  /** Where to download the results, once done or cancelled. */
  downloads: z
    .object({
      results: z.string(),
      /** The results as a workbook in Chinese, one row per registry row. */
      resultsXlsx: z.string(),
      summary: z.string(),
      errors: z.string(),
      /** The rows refused as a workbook in Chinese, with row, column and field. */
      errorsXlsx: z.string(),
      notify: z.string(),
    })
    .nullable(),
});
export type MatchJob = z.output<typeof matchJobSchema>;

/** GET /api/v1/match-jobs: a page of the jobs, newest first unless `order=asc`, of one status if asked. */
export const matchJobListQuerySchema = z.strictObject({
  ...pageQueryShape,
  status: z.enum(MATCH_JOB_STATUSES, { error: `expected one of ${MATCH_JOB_STATUSES.join(', ')}` }).optional(),
});
export type MatchJobListQuery = z.output<typeof matchJobListQuerySchema>;

/** GET /api/v1/match-jobs: a page of the jobs. */
export const matchJobListSchema = z.object({ jobs: z.array(matchJobSchema), page: pageInfoSchema });
export type MatchJobList = z.output<typeof matchJobListSchema>;

/** A measure's totals over a whole registry. */
export const matchMeasureTotalsSchema = z.object({
  measure: z.string(),
  article: int,
  /** 第六条(2) … */
  citation: z.string(),
  summary: z.string(),
  /** Results granted (one per subject for per-subject measures). */
  grantedResults: int,
  /** Rows (enterprise-years) granted at least one result of the measure. */
  grantedRows: int,
  /** Whole yuan. */
  amount: int,
  pending: int,
  inKind: int,
  service: int,
});
export type MatchMeasureTotals = z.output<typeof matchMeasureTotalsSchema>;

/** An article's totals over a whole registry. */
export const matchArticleTotalsSchema = z.object({ article: int, grantedRows: int, grantedResults: int, amount: int });
export type MatchArticleTotals = z.output<typeof matchArticleTotalsSchema>;

/** What a finished job counted: time taken, speed, totals per measure and per article. */
export const matchTotalsSchema = z.object({
  seconds: z.number(),
  rowsPerSecond: z.number(),
  measures: z.array(matchMeasureTotalsSchema),
  articles: z.array(matchArticleTotalsSchema),
});
export type MatchTotals = z.output<typeof matchTotalsSchema>;

/** GET /api/v1/match-jobs/:id: the job, with its totals once it has files (done or cancelled). */
export const matchJobDetailSchema = matchJobSchema.extend({ totals: matchTotalsSchema.nullable() });
export type MatchJobDetail = z.output<typeof matchJobDetailSchema>;

/** An enterprise to notify: a registry row granted money, with the measures granted. */
export const notifyEntrySchema = z.object({
  /** The registry row (the key: a row may lack a credit code). */
  row: int,
  creditCode: z.string().nullable(),
  name: z.string().nullable(),
  year: int,
  /** Whole yuan. */
  total: int,
  measures: z.array(
    z.object({
      measure: z.string(),
      subject: z.string().nullable(),
      amount: int,
      review: z
        .boolean()
        .default(false)
        .meta({ description: 'A maximum an expert review decides (经评审认定); false in lists of jobs run before it was noted.' }),
    }),
  ),
});
export type NotifyEntry = z.output<typeof notifyEntrySchema>;

/** GET /api/v1/match-jobs/:id/notify: a page of the enterprises to notify, in registry order, and how many there are in all. */
export const notifyPageSchema = z.object({
  jobId: z.string(),
  offset: int,
  limit: int,
  total: int,
  enterprises: z.array(notifyEntrySchema),
});
export type NotifyPage = z.output<typeof notifyPageSchema>;
