import { z } from 'zod';

/** Stable error codes, as Fastify's FST_ERR_*: the server answers with them, the web app reads them. */
export const ERROR_CODES = [
  'FTAI_ERR_VALIDATION',
  'FTAI_ERR_UNAUTHENTICATED',
  'FTAI_ERR_FORBIDDEN',
  'FTAI_ERR_NOT_FOUND',
  'FTAI_ERR_CONFLICT',
  'FTAI_ERR_TRANSITION',
  'FTAI_ERR_CALL_CLOSED',
  'FTAI_ERR_DUPLICATE_SUBJECT',
  'FTAI_ERR_OVER_ENGINE',
  'FTAI_ERR_CONFLICT_OF_INTEREST',
  'FTAI_ERR_REVIEWS_MISSING',
  'FTAI_ERR_UPLOAD',
  'FTAI_ERR_BUDGET_BELOW_ALLOCATED',
  'FTAI_ERR_BUDGET_ABOVE_TOTAL',
  'FTAI_ERR_NOT_FUNDED',
  'FTAI_ERR_BANK_ACCOUNT_MISSING',
  'FTAI_ERR_ATTACHMENT_LIMIT',
  'FTAI_ERR_MATERIALS_MISSING',
  'FTAI_ERR_APPLICATION_EXISTS',
  'FTAI_ERR_LOGIN',
  'FTAI_ERR_WEAK_PASSWORD',
  'FTAI_ERR_CSRF',
  'FTAI_ERR_RATE_LIMIT',
  'FTAI_ERR_NOT_READY',
  'FTAI_ERR_PDF_UNAVAILABLE',
  'FTAI_ERR_INTERNAL',
  'FTAI_ERR_VERSION_NOT_FOUND',
  // Parameter versions (政策参数版本): deciding one's own, a step the status no longer allows, a date out of range.
  'FTAI_ERR_OWN_VERSION',
  'FTAI_ERR_VERSION_STATUS',
  'FTAI_ERR_EFFECTIVE_DATE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field the server refused: its path in the request (`facts.modelFilings[0].date`) and why. */
export const fieldIssueSchema = z.object({ path: z.string(), code: z.string(), message: z.string() });
export type FieldIssue = z.output<typeof fieldIssueSchema>;

/**
 * Every answer other than 2xx: the message as the server words it (`error`, English: stable for
 * clients and logs), a stable code, the fields at fault for bad input, and `message`, what a person
 * reads, in the language of the request's Accept-Language (zh-CN unless English comes first).
 */
export const errorBodySchema = z.object({
  error: z.string(),
  code: z.string(),
  issues: z.array(fieldIssueSchema),
  message: z.string().meta({ description: 'The message in the language of Accept-Language (zh-CN by default).' }),
});
export type ErrorBody = z.output<typeof errorBodySchema>;
