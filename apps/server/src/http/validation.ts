import { acceptLanguage, errorText } from '@ftai/api/error-text';
import { describeIssues, issuesFromZod, type ValidationIssue } from '@ftai/policy-fengtai';
import type { FastifyError, FastifyInstance, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { ZodType } from 'zod';
import { HttpError } from '../errors.js';

/**
 * At most this many issues in one answer: a 1 MiB body of 50,000 unknown fields would otherwise
 * answer with megabytes, twice (the message and the list). The first hundred name the fault.
 */
export const MAX_ISSUES = 100;

/** A request that does not match its route's schema: 400 with the fields at fault (the first MAX_ISSUES). */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  readonly code = 'FTAI_ERR_VALIDATION';
  readonly issues: readonly ValidationIssue[];
  constructor(issues: readonly ValidationIssue[]) {
    const shown = issues.slice(0, MAX_ISSUES);
    const more = issues.length - shown.length;
    super(more > 0 ? `${describeIssues(shown)}; and ${more.toLocaleString('en-US')} more issues` : describeIssues(shown));
    this.issues = shown;
  }
}

const PART_PREFIX: Record<string, string> = { body: '', querystring: 'query', params: 'params', headers: 'headers' };

/** Validates with the route's zod schema and reports issues as the contract does (`facts.x[0].y`). */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    // reportInput keeps each issue's input, which tells a missing field from a wrong one.
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    const prefix = PART_PREFIX[httpPart ?? 'body'] ?? '';
    const issues = result.error.issues.flatMap(issuesFromZod).map((i) => ({
      ...i,
      path: prefix ? (i.path ? `${prefix}.${i.path}` : prefix) : i.path,
    }));
    return { error: new RequestValidationError(issues) };
  };

/**
 * An error answer: the message as the server words it (`error`, English, stable for clients and
 * logs), the code, the fields at fault, and `message` in the language the request's
 * Accept-Language asks for (Chinese unless English comes first: @ftai/api/error-text), which is
 * what a person reads.
 */
export function errorBody(
  req: FastifyRequest,
  body: { readonly error: string; readonly code: string; readonly issues: readonly { path: string; code: string; message: string }[] },
) {
  return { ...body, message: errorText(body, acceptLanguage(req.headers['accept-language'])) };
}

/** Every error answers as JSON with a stable code; bad input is a 4xx naming the field, never a 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | RequestValidationError, req, reply) => {
    if (error instanceof RequestValidationError || error instanceof HttpError) {
      return reply.code(error.statusCode).send(errorBody(req, { error: error.message, code: error.code, issues: error.issues }));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        status === 429
          ? 'FTAI_ERR_RATE_LIMIT'
          : status === 403 && /csrf/i.test(error.message)
            ? 'FTAI_ERR_CSRF'
            : (error.code ?? 'FTAI_ERR_VALIDATION');
      return reply.code(status).send(errorBody(req, { error: error.message, code, issues: [] }));
    }
    req.log.error(error);
    return reply
      .code(500)
      .send(errorBody(req, { error: 'internal error: the request was not carried out', code: 'FTAI_ERR_INTERNAL', issues: [] }));
  });
}
