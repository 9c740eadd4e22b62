import { type Answer, calculate, describeIssues, validateRequest } from '@ftai/policy-fengtai';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { HttpError } from '../errors.js';
import { editionInEffect } from '../policy-versions/editions.js';
import { buildEngineRequest } from './build-engine-request.js';

/**
 * Asks the engine what an application is granted, with the ledger as history, under the parameter
 * version in effect on `today` (Beijing), which the answer cites. The server never computes money itself. Facts a draft may still lack or contradict (a list id given twice, a
 * recognition without its level) are a 400 with the contract's field paths.
 */
export async function runEngine(
  db: Kysely<Database>,
  application: { readonly id: string; readonly call_id: string; readonly credit_code: string; readonly request_json: string },
  lang: 'zh' | 'en',
  today: string,
): Promise<Answer> {
  const request = await buildEngineRequest(db, application);
  const validation = validateRequest(request);
  if (!validation.ok) {
    throw new HttpError(
      400,
      'FTAI_ERR_VALIDATION',
      `the application cannot be calculated yet: ${describeIssues(validation.issues)}`,
      validation.issues,
    );
  }
  return calculate(validation.request, { lang, edition: await editionInEffect(db, today) });
}
