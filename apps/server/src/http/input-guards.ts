import { findInputProblem } from '@ftai/policy-fengtai';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.js';

export { findInputProblem, MAX_DEPTH } from '@ftai/policy-fengtai';

/**
 * Refuses, before any route's schema runs, path parameters, query strings and bodies that hold
 * U+0000 or nest deeper than MAX_DEPTH: 400 FTAI_ERR_VALIDATION naming the field, the same on
 * SQLite and PostgreSQL. (A multipart file's name never reaches the database raw: the upload
 * routes replace control characters.)
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const issue = findInputProblem(req.params, 'params') ?? findInputProblem(req.query, 'query') ?? findInputProblem(req.body, '');
    if (issue) throw new HttpError(400, 'FTAI_ERR_VALIDATION', issue.path ? `${issue.path}: ${issue.message}` : issue.message, [issue]);
  });
}
