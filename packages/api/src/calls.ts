// Request and response schemas of the annual calls routes (apps/server/src/routes/call-routes.ts).
import { isCalendarDate } from '@ftai/engine';
import { ARTICLE_KEY, ARTICLE_NUMBERS } from '@ftai/policy-fengtai';
import { z } from 'zod';
import { CALL_STATUSES } from './statuses.js';

/** Whole yuan, as a call's budgets are set. */
const yuan = z
  .number({ error: 'expected a whole number of yuan' })
  .int({ error: 'expected a whole number of yuan' })
  .min(0, { error: 'expected at least 0' })
  .max(9_999_999_999_999, { error: 'expected at most 9,999,999,999,999' });

const date = z
  .string({ error: 'expected a date YYYY-MM-DD' })
  .refine(isCalendarDate, { error: 'expected a date that exists, as YYYY-MM-DD' });

/** Budgets per article of the policy ("1" … "10"), whole yuan. */
const articleBudgets = z
  .record(z.string().regex(ARTICLE_KEY, { error: `expected an article number: ${ARTICLE_NUMBERS.join(', ')}` }), yuan)
  .optional();

/** The expert reviews a call requires of an application, unless the officer sets another number. */
export const DEFAULT_REQUIRED_REVIEWS = 1;
/** More reviews than any panel of experts sits would only keep every application from approval. */
export const MAX_REQUIRED_REVIEWS = 20;

/**
 * Completed expert reviews (专家评审: scored by a reviewer without a tie to the enterprise) that an
 * application with an item 经评审认定 needs before an officer approves it; 0 approves without.
 */
const requiredReviews = z
  .number({ error: `expected a whole number of reviews from 0 to ${MAX_REQUIRED_REVIEWS}` })
  .int({ error: `expected a whole number of reviews from 0 to ${MAX_REQUIRED_REVIEWS}` })
  .min(0, { error: `expected a whole number of reviews from 0 to ${MAX_REQUIRED_REVIEWS}` })
  .max(MAX_REQUIRED_REVIEWS, { error: `expected a whole number of reviews from 0 to ${MAX_REQUIRED_REVIEWS}` });

/**
 * The format of a call's application numbers: `{seq}` (the running number, four digits) is
 * required, `{year}` (the year of first submission) usual: 丰科AI申〔{year}〕{seq}号.
 */
const applicationNumberFormat = z
  .string({ error: 'expected a number format such as 丰科AI申〔{year}〕{seq}号' })
  .trim()
  .min(1, { error: 'expected a number format such as 丰科AI申〔{year}〕{seq}号' })
  .max(60, { error: 'expected at most 60 characters' })
  .refine((f) => f.includes('{seq}'), {
    error: 'expected {seq} in the format: the running number that makes each application number unique',
  });

/** The notice's issuer (发布单位): an office's name. */
const noticeIssuer = z
  .string({ error: 'expected the name of the issuing office' })
  .trim()
  .min(1, { error: 'expected the name of the issuing office' })
  .max(100, { error: 'expected at most 100 characters' });
/** A telephone number citizens call about the notice: digits and the usual marks (010-6380 0000, 转 123); '' for none. */
const noticePhone = z
  .string({ error: 'expected a telephone number such as 010-63800000' })
  .trim()
  .max(60, { error: 'expected at most 60 characters' })
  .regex(/^$|^[0-9+（）()\-\s转,，、;；]+$/, { error: 'expected a telephone number such as 010-63800000' });
/** The office's address for objections in person or by post; '' for none. */
const noticeAddress = z.string({ error: 'expected an address' }).trim().max(200, { error: 'expected at most 200 characters' });

/** The id of a call in the path: `/api/v1/calls/:id` and the routes under it. */
export const callIdParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });
export type CallIdParams = z.output<typeof callIdParamsSchema>;

/** POST /api/v1/calls: an officer opens a call for assessment year `year` (按年度征集申报). */
export const createCallBodySchema = z
  .strictObject({
    year: z.number({ error: 'expected the assessment year' }).int().min(2025, { error: 'expected 2025 or later' }).max(2100),
    title: z.string({ error: 'expected a title' }).min(1, { error: 'expected a title' }).max(200),
    opensOn: date,
    closesOn: date,
    totalBudget: yuan,
    articleBudgets,
    /** DEFAULT_REQUIRED_REVIEWS when left out. */
    requiredReviews: requiredReviews.optional(),
    /** 丰科AI申〔{year}〕{seq}号 when left out. */
    applicationNumberFormat: applicationNumberFormat.optional(),
    /** The notice's issuer (the policy's own when left out), phone and address (none when left out). */
    noticeIssuer: noticeIssuer.optional(),
    noticePhone: noticePhone.optional(),
    noticeAddress: noticeAddress.optional(),
  })
  .refine((c) => c.opensOn <= c.closesOn, { path: ['closesOn'], error: 'expected a date on or after opensOn' });
export type CreateCallBody = z.output<typeof createCallBodySchema>;

/** PATCH /api/v1/calls/:id: what changes; `articleBudgets` replaces every article budget of the call. */
export const updateCallBodySchema = z.strictObject({
  title: z.string().min(1).max(200).optional(),
  opensOn: date.optional(),
  closesOn: date.optional(),
  totalBudget: yuan.optional(),
  articleBudgets,
  requiredReviews: requiredReviews.optional(),
  /** For the numbers given from now on: those given stand. */
  applicationNumberFormat: applicationNumberFormat.optional(),
  noticeIssuer: noticeIssuer.optional(),
  noticePhone: noticePhone.optional(),
  noticeAddress: noticeAddress.optional(),
  status: z.enum(CALL_STATUSES, { error: `expected ${CALL_STATUSES.join(' or ')}` }).optional(),
});
export type UpdateCallBody = z.output<typeof updateCallBodySchema>;

/** Whether a call is open (an officer may close it before its dates end). */
export const callStatusSchema = z.enum(CALL_STATUSES);

/** An annual call (申报通知): its dates, its budgets in whole yuan, and whether it takes applications today. */
export const callSchema = z.object({
  id: z.string(),
  /** The assessment year: a call of 2027 assesses 2026 (year 2026). */
  year: z.number().int(),
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  totalBudget: z.number().int(),
  /** By article number ("1" … "10"); an article without an entry has no budget of its own. */
  articleBudgets: z.record(z.string(), z.number().int()),
  /** Completed expert reviews an application with an item 经评审认定 needs before approval (0: none). */
  requiredReviews: z.number().int(),
  /** The format of its application numbers: `{year}` the year of first submission, `{seq}` the running number. */
  applicationNumberFormat: z.string(),
  /** The issuer its public notice names (发布单位), and the phone and address it gives for objections ('' for none). */
  noticeIssuer: z.string(),
  noticePhone: z.string(),
  noticeAddress: z.string(),
  status: callStatusSchema,
  /** Open and today (Beijing) within its dates: applications can be submitted. */
  isAccepting: z.boolean(),
  createdAt: z.string(),
});
export type Call = z.output<typeof callSchema>;

/** GET /api/v1/calls: every call, newest year first. */
export const callListSchema = z.object({ calls: z.array(callSchema) });
export type CallList = z.output<typeof callListSchema>;
