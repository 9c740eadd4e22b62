import type { ErrorCode, FieldIssue } from '@ftai/api';

export type { ErrorCode, FieldIssue };

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
