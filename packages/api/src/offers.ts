import { answerSchema } from '@ftai/policy-fengtai';
import { z } from 'zod';
import { bankAccountSchema } from './enterprises.js';
import { calendarDateSchema, instantSchema, yuanSchema } from './formats.js';
import { OFFER_STATUSES } from './offer-words.js';
import { pageInfoSchema, pageQueryShape } from './page.js';

/**
 * 免申即享 (the policy finds the enterprise): an officer turns a finished match job into a batch of
 * offers for a call, one per enterprise the match granted money, each with its items, the facts of
 * its registry row, the engine's explanations and the policy version; the enterprise is told (站内信,
 * e-mail, SMS), confirms in one step (an application in the call, already submitted) or declines.
 */

export { OFFER_COMMITMENT, OFFER_STATUS_LABELS, OFFER_STATUSES, type OfferStatus } from './offer-words.js';

/** Which of a match job's granted enterprises a batch takes: all by default. */
export const offerFiltersSchema = z.strictObject({
  /** Those granted any of these measures (ids, e.g. 2.1); all when left out. */
  measures: z
    .array(z.string({ error: 'expected a measure id, such as 1 or 2.1' }).min(1).max(20))
    .max(60, { error: 'expected at most 60 measures' })
    .optional(),
  /** Whole yuan: those whose total is at least this. */
  minTotal: yuanSchema.min(0, { error: 'expected 0 or more yuan' }).optional(),
  /** Whole yuan: those whose total is at most this. */
  maxTotal: yuanSchema.min(0, { error: 'expected 0 or more yuan' }).optional(),
  /** 经评审认定: `without` leaves out those with an item an expert review decides, `with` takes only those. */
  review: z.enum(['any', 'without', 'with'], { error: 'expected any, without or with' }).optional(),
});
export type OfferFilters = z.output<typeof offerFiltersSchema>;

/** POST /api/v1/calls/:id/offer-batches (and …/preview): the match job, the filters, the deadline to confirm by. */
export const offerBatchBodySchema = z.strictObject({
  matchJobId: z.string({ error: 'expected the id of a finished match job' }).min(1).max(64),
  filters: offerFiltersSchema.optional(),
  /** The last day (Beijing) the enterprises may confirm; after it an offer expires. */
  deadline: calendarDateSchema.meta({ description: 'YYYY-MM-DD, Beijing time: the last day to confirm.' }),
  /** Reminders go this many days before the deadline (0: none). */
  reminderDays: z.int({ error: 'expected a whole number of days' }).min(0).max(60).optional(),
});
export type OfferBatchBody = z.output<typeof offerBatchBodySchema>;

/** One measure's share of a batch. */
export const offerMeasureTotalSchema = z.object({ measure: z.string(), enterprises: z.int(), amount: yuanSchema });

/** One enterprise of a batch, as lists show it. */
export const offerSummarySchema = z.object({
  id: z.string().nullable().meta({ description: 'null in a preview: no offer exists yet.' }),
  creditCode: z.string(),
  enterpriseName: z.string().nullable(),
  total: yuanSchema,
  measures: z.array(z.string()),
  review: z.boolean().meta({ description: 'An item is a maximum an expert review decides (经评审认定).' }),
  status: z.enum(OFFER_STATUSES).nullable(),
  hasAccount: z.boolean().meta({ description: 'The enterprise has a user on the platform; otherwise an invitation code is sent.' }),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type OfferSummary = z.output<typeof offerSummarySchema>;

/** POST /api/v1/calls/:id/offer-batches/preview: what a commit would create, against the call's budget. */
export const offerBatchPreviewSchema = z.object({
  enterprises: z.int(),
  total: yuanSchema,
  byMeasure: z.array(offerMeasureTotalSchema),
  skipped: z.object({
    /** Rows without a credit code: no one to offer to. */
    noCreditCode: z.int(),
    /** Rows of another assessment year than the call's. */
    otherYear: z.int(),
    /** Enterprises that already have an application or an offer in the call. */
    alreadyInCall: z.int(),
    /** Rows the filters leave out. */
    filtered: z.int(),
  }),
  budget: z.object({
    total: yuanSchema,
    /** What the call's applications already ask (engine totals of those submitted and live). */
    requested: yuanSchema,
    /** The call's budget left after what is asked and this batch: below 0 when it does not cover. */
    left: yuanSchema,
    covered: z.boolean(),
  }),
  /** The first enterprises, largest totals first. */
  sample: z.array(offerSummarySchema),
});
export type OfferBatchPreview = z.output<typeof offerBatchPreviewSchema>;

/** How a batch's offers stand, and how their messages went. */
export const offerBatchCountsSchema = z.object({
  offers: z.int(),
  pending: z.int(),
  confirmed: z.int(),
  declined: z.int(),
  expired: z.int(),
  /** Offers with at least one message delivered (站内信 counts once written), and those read in the portal. */
  delivered: z.int(),
  read: z.int(),
  /** Messages that failed for good (after retries), by channel. */
  failed: z.object({ email: z.int(), sms: z.int() }),
  total: yuanSchema,
  confirmedTotal: yuanSchema,
});

/** A batch of offers (免申即享批次). */
export const offerBatchSchema = z.object({
  id: z.string(),
  callId: z.string(),
  matchJobId: z.string(),
  title: z.string().meta({ description: '免申即享第N批: the batch’s number in its call.' }),
  deadline: calendarDateSchema,
  reminderDays: z.int(),
  filters: offerFiltersSchema,
  policyVersion: z.string(),
  createdBy: z.string(),
  createdAt: instantSchema,
  counts: offerBatchCountsSchema,
});
export type OfferBatch = z.output<typeof offerBatchSchema>;

export const offerBatchListSchema = z.object({ batches: z.array(offerBatchSchema) });
export type OfferBatchList = z.output<typeof offerBatchListSchema>;

export const offerBatchListQuerySchema = z.strictObject({ callId: z.string().min(1).max(64).optional() });

/** GET /api/v1/offer-batches/:id/offers: a page of a batch's offers, by status if asked. */
export const offerListQuerySchema = z.strictObject({
  ...pageQueryShape,
  status: z.enum(OFFER_STATUSES, { error: 'expected pending, confirmed, declined or expired' }).optional(),
});
export const offerPageSchema = z.object({ offers: z.array(offerSummarySchema), page: pageInfoSchema });
export type OfferPage = z.output<typeof offerPageSchema>;

/** One item of an offer: what the engine grants, with its clause and steps. */
export const offerItemSchema = z.object({
  measure: z.string(),
  subject: z.string().nullable(),
  citation: z.string(),
  amount: yuanSchema,
  review: z.boolean(),
  explanation: z.array(z.string()).readonly(),
});

/** An offer as the enterprise (and the officer) sees it. */
export const offerSchema = z.object({
  id: z.string(),
  batchId: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  year: z.int(),
  creditCode: z.string(),
  enterpriseName: z.string().nullable(),
  status: z.enum(OFFER_STATUSES),
  deadline: calendarDateSchema,
  total: yuanSchema,
  items: z.array(offerItemSchema),
  /** The facts the offer rests on (the registry row), as the calculation contract writes them. */
  request: z.object({ enterprise: z.record(z.string(), z.unknown()), facts: z.record(z.string(), z.unknown()) }),
  policyVersion: z.string(),
  createdAt: instantSchema,
  readAt: instantSchema.nullable(),
  decidedAt: instantSchema.nullable(),
  declineReason: z.string().nullable(),
  /** The application its confirmation created. */
  applicationId: z.string().nullable(),
  /** The enterprise has a bank account on record (收款账户): confirming needs one, given now or before. */
  hasBankAccount: z.boolean(),
});
export type Offer = z.output<typeof offerSchema>;

/** GET /api/v1/offers: the signed-in enterprise's offers, newest first. */
export const offerListSchema = z.object({ offers: z.array(offerSchema) });
export type OfferList = z.output<typeof offerListSchema>;

/** POST /api/v1/offers/:id/confirm: the commitment, and the bank account unless one is on record. */
export const offerConfirmBodySchema = z.strictObject({
  commitment: z.literal(true, { error: 'expected true: the commitment (承诺) must be accepted' }),
  bankAccount: bankAccountSchema.optional(),
});
export type OfferConfirmBody = z.output<typeof offerConfirmBodySchema>;

/** POST /api/v1/offers/:id/decline: why (kept for the officer). */
export const offerDeclineBodySchema = z.strictObject({
  reason: z
    .string({ error: 'expected the reason' })
    .trim()
    .min(1, { error: 'expected the reason' })
    .max(500, { error: 'expected at most 500 characters' }),
});

/** A message of the portal's message centre (站内信). */
export const messageSchema = z.object({
  id: z.string(),
  subject: z.string(),
  body: z.string(),
  offerId: z.string().nullable(),
  createdAt: instantSchema,
  readAt: instantSchema.nullable(),
});
export type Message = z.output<typeof messageSchema>;

export const messageListQuerySchema = z.strictObject({ ...pageQueryShape });
export const messageListSchema = z.object({ messages: z.array(messageSchema), unread: z.int(), page: pageInfoSchema });
export type MessageList = z.output<typeof messageListSchema>;

/** POST /api/v1/auth/invitation: an enterprise without an account creates one with its invitation code. */
export const invitationSignUpBodySchema = z.strictObject({
  code: z.string({ error: 'expected the invitation code (邀请码)' }).trim().min(6).max(32),
  creditCode: z.string({ error: 'expected the unified social credit code (统一社会信用代码)' }).trim().length(18, {
    error: 'expected the 18-character unified social credit code',
  }),
  username: z
    .string({ error: 'expected a user name' })
    .trim()
    .regex(/^[\w.@-]{3,64}$/, { error: 'expected 3 to 64 letters, digits or . _ - @' }),
  displayName: z.string({ error: 'expected the name shown' }).trim().min(1).max(100),
  password: z.string({ error: 'expected a password' }).min(12, { error: 'expected at least 12 characters' }).max(200),
});
export type InvitationSignUpBody = z.output<typeof invitationSignUpBodySchema>;

/** The answer of a sign-up with an invitation: the offer it leads to. */
export const invitationSignUpSchema = z.object({ offerId: z.string() });

/** An id in the path (/api/v1/offers/:id, /api/v1/offer-batches/:id, /api/v1/messages/:id). */
export const offerParamsSchema = z.strictObject({ id: z.string().min(1).max(100) });

/** Where 免申即享 messages reach an enterprise: its e-mail and mainland mobile number. */
export const enterpriseContactSchema = z.strictObject({
  creditCode: z
    .string({ error: 'expected the unified social credit code' })
    .trim()
    .length(18, { error: 'expected the 18-character unified social credit code' }),
  /** The enterprise's name, for one not yet known to the platform. */
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email({ error: 'expected an e-mail address' }).max(200).nullable().optional(),
  phone: z
    .string({ error: 'expected a mobile number' })
    .transform((v) => v.replace(/[\s-]/g, '').replace(/^\+?86/, ''))
    .pipe(z.string().regex(/^1\d{10}$/, { error: 'expected an 11-digit mainland mobile number' }))
    .nullable()
    .optional(),
});
export type EnterpriseContact = z.output<typeof enterpriseContactSchema>;

/** POST /api/v1/enterprise-contacts: contacts the bureau holds, for enterprises with or without an account (10,000 at most at once). */
export const enterpriseContactsBodySchema = z.strictObject({
  contacts: z.array(enterpriseContactSchema).min(1).max(10_000, { error: 'expected at most 10,000 contacts at once' }),
});

/** What an import of contacts did. */
export const enterpriseContactsResultSchema = z.object({ updated: z.int(), created: z.int() });

/** One open call as the enterprise's outlook sees it: what it can likely get there, and how to ask for it. */
export const outlookCallSchema = z.object({
  call: z.object({ id: z.string(), title: z.string(), year: z.int(), closesOn: calendarDateSchema }),
  /** What the estimate rests on: the call's offer to it, its application there, or its latest facts and profile. */
  basedOn: z.enum(['offer', 'application', 'latest-facts', 'profile']),
  /** Its offer in the call (免申即享), to confirm while pending. */
  offer: z.object({ id: z.string(), status: z.enum(OFFER_STATUSES), deadline: calendarDateSchema, total: yuanSchema }).nullable(),
  /** Its application in the call, to continue or to follow. */
  application: z.object({ id: z.string(), status: z.string(), number: z.string().nullable() }).nullable(),
  /** The engine's answer on those facts with the enterprise's ledger (explanations in the language asked). */
  answer: answerSchema,
});

/** GET /api/v1/enterprises/me/outlook: “what can we get now?” — every call accepting applications today. */
export const outlookSchema = z.object({ calls: z.array(outlookCallSchema) });
export type Outlook = z.output<typeof outlookSchema>;
