import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Kysely } from 'kysely';
import { assembleEngineRequest } from '../applications/build-engine-request.js';
import { parseStoredRequest } from '../applications/check-application-input.js';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';

function groupBy<T extends { credit_code: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.credit_code);
    if (list) list.push(row);
    else groups.set(row.credit_code, [row]);
  }
  return groups;
}

/**
 * Writes, as JSON Lines, the request of the contract for each application of call `callId` that
 * was submitted (whatever became of it since: drafts, withdrawn ones among them, are left out), as
 * the engine sees it at submission (buildEngineRequest): the call's assessment year, the profile
 * with the application's overrides, its facts, this policy's awards of that year or before as
 * history (its own left out), other district policies' awards. Set-based: four queries whatever
 * the number of applications. In the order of the applications' numbers. Returns how many were written.
 */
export async function writeCallRegistry(db: Kysely<Database>, callId: string, file: string): Promise<number> {
  const call = await db.selectFrom('calls').select(['year']).where('id', '=', callId).executeTakeFirst();
  if (!call) throw notFound('call');
  const year = Number(call.year);
  const submitted = db.selectFrom('applications').select('credit_code').where('call_id', '=', callId).where('status', '!=', 'draft');
  const applications = await db
    .selectFrom('applications')
    .leftJoin('enterprises', 'enterprises.credit_code', 'applications.credit_code')
    .select(['applications.id', 'applications.credit_code', 'applications.request_json', 'enterprises.name', 'enterprises.profile_json'])
    .where('applications.call_id', '=', callId)
    .where('applications.status', '!=', 'draft')
    .orderBy('applications.submitted_at')
    .orderBy('applications.id')
    .execute();
  const awards = groupBy(
    await db
      .selectFrom('awards')
      .select(['credit_code', 'application_id', 'measure', 'year', 'subject', 'amount'])
      .where('year', '<=', year)
      .where('credit_code', 'in', submitted)
      .orderBy('credit_code')
      .orderBy('year')
      .orderBy('measure')
      .orderBy('subject')
      .execute(),
  );
  const others = groupBy(
    await db
      .selectFrom('other_policy_awards')
      .select(['credit_code', 'policy', 'subject', 'measure', 'amount'])
      .where('credit_code', 'in', submitted)
      .orderBy('credit_code')
      .orderBy('year')
      .orderBy('policy')
      .orderBy('subject')
      .orderBy('measure')
      .execute(),
  );

  const out = createWriteStream(file);
  let count = 0;
  for (const a of applications) {
    const request = assembleEngineRequest({
      year,
      creditCode: a.credit_code,
      profileJson: a.profile_json ?? undefined,
      stored: parseStoredRequest(a.request_json),
      // Its own awards (after a return, a recalculation) are what it asks for, not its history.
      awards: (awards.get(a.credit_code) ?? []).filter((w) => w.application_id !== a.id),
      others: others.get(a.credit_code) ?? [],
    });
    if (request.enterprise.name === undefined && a.name !== null) request.enterprise.name = a.name;
    if (!out.write(`${JSON.stringify(request)}\n`)) await once(out, 'drain');
    count++;
  }
  out.end();
  await once(out, 'finish');
  return count;
}
