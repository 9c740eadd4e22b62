// Request and response schemas of the public notice, objection, finalise and pay routes
// (apps/server/src/routes/notice-routes.ts).
import { isCalendarDate } from '@ftai/engine';
import { z } from 'zod';
import { awardStatusSchema } from './ledger.js';
import { pageInfoSchema, pageQueryShape } from './page.js';
import { APPLICATION_STATUSES } from './statuses.js';

const int = z.number().int();

/** The id in the path: a notice's (`/api/v1/notices/:id`, `/notices/:id`), a call's or an application's. */
export const noticeIdParamsSchema = z.strictObject({
  id: z.string().min(1, { error: 'expected an id' }).max(100, { error: 'expected an id' }),
});
export type NoticeIdParams = z.output<typeof noticeIdParamsSchema>;

/** GET /notices/:id/objections/:objectionId: the receipt of an objection to the notice. */
export const objectionReceiptParamsSchema = noticeIdParamsSchema.extend({
  objectionId: z.string().min(1, { error: 'expected the receipt number of an objection' }).max(100, {
    error: 'expected the receipt number of an objection',
  }),
});
export type ObjectionReceiptParams = z.output<typeof objectionReceiptParamsSchema>;

/** A notice and one of its versions in the path: 1 the publication, 2 its first correction … */
export const noticeVersionParamsSchema = noticeIdParamsSchema.extend({
  version: z.coerce
    .number({ error: 'expected a version number, 1 for the publication' })
    .int({ error: 'expected a version number, 1 for the publication' })
    .min(1, { error: 'expected a version number, 1 for the publication' })
    .max(10_000, { error: 'expected a version number, 1 for the publication' }),
});
export type NoticeVersionParams = z.output<typeof noticeVersionParamsSchema>;

const objectionDays = z
  .number({ error: 'expected a whole number of days, 1 to 30' })
  .int({ error: 'expected a whole number of days, 1 to 30' })
  .min(1, { error: 'expected at least 1 day' })
  .max(30, { error: 'expected at most 30 days' });

/** POST /api/v1/calls/:id/notice: the objection window in calendar days; no body at all takes the default. */
export const publishNoticeBodySchema = z.strictObject({ objectionDays: objectionDays.optional() }).nullish();
export type PublishNoticeBody = z.output<typeof publishNoticeBodySchema>;

const text = (what: string, max: number) =>
  z
    .string({ error: `expected ${what}` })
    .trim()
    .min(1, { error: `expected ${what}` })
    .max(max, { error: `expected at most ${max} characters` });

/** POST /api/v1/notices/:id/objections: anyone's objection (异议), optionally against one application of the notice. */
export const objectionBodySchema = z.strictObject({
  name: text('your name', 100),
  contact: text('a telephone number or e-mail address to reach you', 200),
  text: text('what you object to and why', 5000),
  applicationId: z
    .string({ error: 'expected the id of an application on the notice' })
    .min(1, { error: 'expected the id of an application on the notice' })
    .max(100, { error: 'expected the id of an application on the notice' })
    .optional(),
});
export type ObjectionBody = z.output<typeof objectionBodySchema>;

/** POST /api/v1/notices/:id/revisions: a correction (更正公告) and why. */
export const noticeRevisionBodySchema = z.strictObject({
  reason: text('the reason of the correction (更正说明)', 2000),
  /** Reopens the objection window for this many days from today; the window never shortens. */
  objectionDays: objectionDays.optional(),
});
export type NoticeRevisionBody = z.output<typeof noticeRevisionBodySchema>;

/** POST /api/v1/applications/:id/finalize: a note, and that the objections against it were looked into. */
export const finaliseApplicationBodySchema = z
  .strictObject({
    note: z.string({ error: 'expected a note' }).max(2000, { error: 'expected at most 2000 characters' }).optional(),
    objectionsReviewed: z.boolean({ error: 'expected true or false' }).optional(),
  })
  .nullish();
export type FinaliseApplicationBody = z.output<typeof finaliseApplicationBodySchema>;

/** POST /api/v1/applications/:id/pay: the date the money left (拨付日期) and the voucher's reference. */
export const payApplicationBodySchema = z.strictObject({
  paidOn: z
    .string({ error: 'expected the payment date YYYY-MM-DD' })
    .refine(isCalendarDate, { error: 'expected a date that exists, as YYYY-MM-DD' }),
  reference: z
    .string({ error: 'expected the payment reference' })
    .trim()
    .min(1, { error: 'expected the payment reference' })
    .max(200, { error: 'expected at most 200 characters' })
    .optional(),
});
export type PayApplicationBody = z.output<typeof payApplicationBodySchema>;

/** The call a notice publishes. */
export const noticeCallSchema = z.object({ id: z.string(), year: int, title: z.string() });
export type NoticeCall = z.output<typeof noticeCallSchema>;

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一; from 100 on, the digits (the batches of one call never get there). */
export function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n] ?? String(n);
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`;
  }
  return String(n);
}

/**
 * A notice's title, unique to its call and batch: the call's title and 拟支持名单公示, and from the
 * call's second notice on, the batch (（第二批）); a correction adds （第1次更正） where it is shown.
 *
 * @example noticeTitle('2026年度丰台区人工智能产业支持措施申报', 2) // '2026年度丰台区人工智能产业支持措施申报拟支持名单公示（第二批）'
 */
export function noticeTitle(callTitle: string, batch: number): string {
  return `${callTitle}拟支持名单公示${batch > 1 ? `（第${chineseNumber(batch)}批）` : ''}`;
}

/** The audit chain's head (sequence number and hash) printed on a version of a notice (审计链校验值). */
export const noticeAuditHeadSchema = z.object({ seq: int, hash: z.string() });
export type NoticeAuditHead = z.output<typeof noticeAuditHeadSchema>;

/** One award on the notice: who gets how much, under which clause, for what. */
export const noticeLineSchema = z.object({
  applicationId: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  measure: z.string(),
  /** The measure's short name in Chinese (支持事项), e.g. 应用场景建设项目. */
  measureName: z.string(),
  /** The clause as the text numbers it, e.g. 第六条第（2）项. */
  citation: z.string(),
  /** The object supported (model filing, project …), the tier for 5.1; '' for other enterprise-level measures. */
  subject: z.string(),
  /** The subject as the notice prints it: a tier by its Chinese label (“5000万元”档), any other subject as is. */
  subjectText: z.string(),
  /** Whole yuan. */
  amount: int,
});
export type NoticeLine = z.output<typeof noticeLineSchema>;

/** An enterprise on the notice, its applications and its total, whole yuan. */
export const noticeEnterpriseTotalSchema = z.object({
  creditCode: z.string(),
  name: z.string(),
  applicationIds: z.array(z.string()),
  /**
   * The applications' readable numbers (丰科AI申〔2026〕0001号), in the order of `applicationIds`,
   * null for one without; looked up when the notice is shown (the stored version names ids).
   */
  applicationNumbers: z.array(z.string().nullable()).optional(),
  total: int,
});
export type NoticeEnterpriseTotal = z.output<typeof noticeEnterpriseTotalSchema>;

/** A field a correction changed on one line, a line it added (before null) or removed (after null), or a new objection window. */
export const noticeChangeSchema = z.object({
  applicationId: z.string(),
  creditCode: z.string(),
  enterpriseName: z.string(),
  measure: z.string(),
  measureName: z.string(),
  subject: z.string(),
  field: z.enum(['enterpriseName', 'creditCode', 'measureName', 'citation', 'subjectText', 'amount', 'line', 'objectionsUntil']),
  before: z.union([z.string(), z.number(), z.null()]),
  after: z.union([z.string(), z.number(), z.null()]),
});
export type NoticeChange = z.output<typeof noticeChangeSchema>;

/**
 * Everything a version of the notice shows, frozen when it is issued: the page, the JSON and the
 * workbook read this and nothing live.
 */
export const noticeContentSchema = z.object({
  /** The authority that issues the notice (发文机构). */
  issuer: z.string(),
  /** Where citizens reach the issuer (联系电话, 联系地址), as the call set them at publication; absent in versions issued before these were settings. */
  contactPhone: z.string().optional(),
  contactAddress: z.string().optional(),
  call: noticeCallSchema,
  /** The first publication (ISO instant), the same on every version. */
  publishedAt: z.string(),
  /** The Beijing calendar date of the first publication. */
  publishedOn: z.string(),
  /** The last day (inclusive, Beijing date) objections are taken, as this version says. */
  objectionsUntil: z.string(),
  /** Sorted by enterprise name, then measure in catalogue order, then subject. */
  lines: z.array(noticeLineSchema),
  /** In the order of the lines. */
  enterprises: z.array(noticeEnterpriseTotalSchema),
  total: int,
  /** What this version corrects in the one before it; empty for the publication. */
  changes: z.array(noticeChangeSchema),
});
export type NoticeContent = z.output<typeof noticeContentSchema>;

/** How a version came to be: the publication, a correction, or migration 0005 (a notice published before versions were kept). */
export const noticeVersionOriginSchema = z.enum(['publication', 'correction', 'migration']);
export type NoticeVersionOrigin = z.output<typeof noticeVersionOriginSchema>;

/** One version of a notice as the list of versions names it. */
export const noticeVersionSummarySchema = z.object({
  /** 1: the publication; 2: the first correction (第1次更正), and so on. */
  version: int,
  origin: noticeVersionOriginSchema,
  /** Why it was corrected (更正说明); null for the publication. */
  reason: z.string().nullable(),
  /** When this version was issued (ISO instant) and its Beijing date. */
  at: z.string(),
  on: z.string(),
  contentSha256: z.string(),
  /** The audit chain's head right after this version's audit entry. */
  auditHead: noticeAuditHeadSchema,
});
export type NoticeVersionSummary = z.output<typeof noticeVersionSummarySchema>;

/** One line of the notice as a page of it shows it: the line and its number on the notice (序号, from 1). */
export const noticeEntrySchema = noticeLineSchema.extend({ no: int });
export type NoticeEntry = z.output<typeof noticeEntrySchema>;

/**
 * GET /api/v1/notices/:id (and …/versions/:version, and the pages /notices/:id…): which page of
 * the lines, in the order of the notice (序号). `q` finds lines by enterprise name (any part of
 * it) or credit code (its beginning); `applicationId` the lines of one application. `before` is
 * the page before a page (its `page.previous`), instead of `after`.
 */
export const noticePageQuerySchema = z.strictObject({
  ...pageQueryShape,
  before: z.string().min(1).max(1024, { error: 'expected the page.previous of the page after' }).optional(),
  q: z
    .string({ error: 'expected a part of an enterprise name or the beginning of a credit code' })
    .trim()
    .max(100, { error: 'expected at most 100 characters' })
    .optional(),
  applicationId: z
    .string({ error: 'expected the id of an application on the notice' })
    .min(1, { error: 'expected the id of an application on the notice' })
    .max(100, { error: 'expected the id of an application on the notice' })
    .optional(),
});
export type NoticePageQuery = z.output<typeof noticePageQuerySchema>;

/** GET /notices/:id (the HTML page): the same, but 100 lines a page unless told. */
export const noticeHtmlQuerySchema = noticePageQuerySchema.extend({ limit: pageQueryShape.limit.unwrap().optional() });
export type NoticeHtmlQuery = z.output<typeof noticeHtmlQuerySchema>;

/** A page of a notice's lines: its info, and the cursor of the page before (null on the first). */
export const noticePageInfoSchema = pageInfoSchema.extend({ previous: z.string().nullable() });
export type NoticePageInfo = z.output<typeof noticePageInfoSchema>;

/**
 * GET /api/v1/notices/:id (the latest version) and …/versions/:version: what a version is (its
 * header: issuer, call, dates, total and sizes, the changes of a correction), among the versions,
 * and one page of its lines with the totals of the enterprises on that page. The whole notice is
 * its .xlsx export.
 */
export const noticeSchema = noticeContentSchema
  .omit({ lines: true, enterprises: true })
  .extend(noticeVersionSummarySchema.shape)
  .extend({
    id: z.string(),
    /** Which of its call's notices it is, by publication: 1 for the first. */
    batch: int,
    /** Its title, unique to its call and batch (noticeTitle). */
    title: z.string(),
    /** How many corrections this version is: 0 for the publication. */
    correction: int,
    latestVersion: int,
    isLatest: z.boolean(),
    /** Whether objections are taken today: by the notice's window, which its latest version gives. */
    isOpenForObjections: z.boolean(),
    /** Every version, oldest first. */
    versions: z.array(noticeVersionSummarySchema),
    /** Lines on the whole notice (awards above zero), and enterprises. */
    lineCount: int,
    enterpriseCount: int,
    /** The page of lines asked for (the first 50 unless told), in the order of the notice. */
    lines: z.array(noticeEntrySchema),
    /** The enterprises of the lines on this page, in their order, each with its total on the whole notice. */
    enterprises: z.array(noticeEnterpriseTotalSchema),
    /** The page of lines: `total` counts the lines the search matches. */
    page: noticePageInfoSchema,
  });
export type Notice = z.output<typeof noticeSchema>;

/** GET /api/v1/calls/:id/notice/readiness: what publishing the call's notice would take in. */
export const noticeReadinessSchema = z.object({
  callId: z.string(),
  /** Applications approved and not yet on a notice. */
  approved: int,
  /** Of those, how many carry their budget allocation (all must, to publish). */
  allocated: int,
  /** Their allocated total, whole yuan. */
  amount: int,
});
export type NoticeReadiness = z.output<typeof noticeReadinessSchema>;

/** One published notice (公示) with its size and total as its latest version shows them. */
export const noticeSummarySchema = z.object({
  id: z.string(),
  call: noticeCallSchema,
  /** Which of its call's notices it is, by publication: 1 for the first. */
  batch: int,
  /** Its title, unique to its call and batch (noticeTitle). */
  title: z.string(),
  publishedAt: z.string(),
  publishedOn: z.string(),
  objectionsUntil: z.string(),
  isOpenForObjections: z.boolean(),
  /** Lines on the notice (awards above zero). */
  count: int,
  enterprises: int,
  total: int,
  /** The version the notice now shows: 1 the publication, 2 its first correction (第1次更正) … */
  version: int,
  /** The Beijing date of that version, and why it was corrected (null for the publication). */
  versionOn: z.string(),
  reason: z.string().nullable(),
  /** The audit chain's head printed on that version. */
  auditHead: noticeAuditHeadSchema,
});
export type NoticeSummary = z.output<typeof noticeSummarySchema>;

/** GET /api/v1/notices: newest first, paged; `callId` keeps the notices of one call. */
export const noticeListQuerySchema = z.strictObject({
  ...pageQueryShape,
  callId: z.string().min(1, { error: 'expected the id of a call' }).max(100, { error: 'expected the id of a call' }).optional(),
});
export type NoticeListQuery = z.output<typeof noticeListQuerySchema>;

/** GET /api/v1/notices: a page of notices, newest first. */
export const noticeListSchema = z.object({ notices: z.array(noticeSummarySchema), page: pageInfoSchema });
export type NoticeList = z.output<typeof noticeListSchema>;

/** POST /api/v1/notices/:id/objections (201): the objection recorded. */
export const objectionReceiptSchema = z.object({
  id: z.string(),
  noticeId: z.string(),
  applicationId: z.string().nullable(),
  at: z.string(),
});
export type ObjectionReceipt = z.output<typeof objectionReceiptSchema>;

/** An objection (异议) to a notice, as an officer reads it. */
export const objectionSchema = z.object({
  id: z.string(),
  /** The application objected to; null for the notice as a whole. */
  applicationId: z.string().nullable(),
  name: z.string(),
  contact: z.string(),
  text: z.string(),
  at: z.string(),
});
export type Objection = z.output<typeof objectionSchema>;

/** GET /api/v1/notices/:id/objections: the notice's objections, oldest first, and its window. */
export const objectionListSchema = z.object({
  noticeId: z.string(),
  objectionsUntil: z.string(),
  objections: z.array(objectionSchema),
});
export type ObjectionList = z.output<typeof objectionListSchema>;

/** POST /api/v1/applications/:id/finalize and …/pay: the application's status and its awards, as finalising and paying change them. */
export const applicationAwardsSchema = z.object({
  id: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  allocatedTotal: int.nullable(),
  awards: z.array(
    z.object({ measure: z.string(), subject: z.string(), amount: int, status: awardStatusSchema, paidAt: z.string().nullable() }),
  ),
});
export type ApplicationAwards = z.output<typeof applicationAwardsSchema>;
