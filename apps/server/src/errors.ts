/** Stable error codes, as Fastify's FST_ERR_*. */
export type ErrorCode =
  | 'FTAI_ERR_VALIDATION'
  | 'FTAI_ERR_UNAUTHENTICATED'
  | 'FTAI_ERR_FORBIDDEN'
  | 'FTAI_ERR_NOT_FOUND'
  | 'FTAI_ERR_CONFLICT'
  | 'FTAI_ERR_TRANSITION'
  | 'FTAI_ERR_CALL_CLOSED'
  | 'FTAI_ERR_DUPLICATE_SUBJECT'
  | 'FTAI_ERR_OVER_ENGINE'
  | 'FTAI_ERR_CONFLICT_OF_INTEREST'
  | 'FTAI_ERR_UPLOAD'
  | 'FTAI_ERR_BUDGET_BELOW_ALLOCATED'
  | 'FTAI_ERR_ATTACHMENT_LIMIT'
  | 'FTAI_ERR_DRAFT_LIMIT'
  | 'FTAI_ERR_LOGIN'
  | 'FTAI_ERR_WEAK_PASSWORD'
  | 'FTAI_ERR_CSRF'
  | 'FTAI_ERR_RATE_LIMIT'
  | 'FTAI_ERR_INTERNAL';

export interface FieldIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** An error that answers with its status, a stable code, and (for bad input) the fields at fault. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, issues: readonly FieldIssue[] = []) =>
  new HttpError(400, 'FTAI_ERR_VALIDATION', message, issues);
export const fieldError = (path: string, message: string) =>
  new HttpError(400, 'FTAI_ERR_VALIDATION', `${path}: ${message}`, [{ path, code: 'FTAI_ERR_INVALID_FIELD', message }]);
export const unauthenticated = () => new HttpError(401, 'FTAI_ERR_UNAUTHENTICATED', 'sign in first');
export const forbidden = (why: string) => new HttpError(403, 'FTAI_ERR_FORBIDDEN', why);
export const notFound = (what: string) => new HttpError(404, 'FTAI_ERR_NOT_FOUND', `${what} not found`);
export const conflict = (code: ErrorCode, message: string) => new HttpError(409, code, message);
