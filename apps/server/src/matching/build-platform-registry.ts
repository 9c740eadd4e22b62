import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Kysely } from 'kysely';
import { assembleEngineRequest } from '../applications/build-engine-request.js';
import { parseStoredRequest } from '../applications/check-application-input.js';
import type { Database } from '../db/schema.js';

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
 * Writes, as JSON Lines, one request of the contract per enterprise the platform holds, for
 * assessment year `year`: its profile; the facts of its latest application in a call of that year,
 * if it made one (with that application's own overrides of the profile); this policy's awards of
 * that year or before as history (that application's own left out, as for its estimate); other
 * district policies' awards. Enterprises without an application are matched on their profile
 * and history alone. Returns how many were written.
 */
export async function writePlatformRegistry(db: Kysely<Database>, year: number, file: string): Promise<number> {
  const enterprises = await db.selectFrom('enterprises').select(['credit_code', 'name', 'profile_json']).orderBy('credit_code').execute();
  const applications = await db
    .selectFrom('applications')
    .innerJoin('calls', 'calls.id', 'applications.call_id')
    .select(['applications.id', 'applications.credit_code', 'applications.request_json'])
    .where('calls.year', '=', year)
    .orderBy('applications.updated_at', 'desc')
    .orderBy('applications.id', 'desc')
    .execute();
  const latest = new Map<string, (typeof applications)[number]>();
  for (const a of applications) if (!latest.has(a.credit_code)) latest.set(a.credit_code, a);
  const awards = groupBy(
    await db
      .selectFrom('awards')
      .select(['credit_code', 'application_id', 'measure', 'year', 'subject', 'amount'])
      .where('year', '<=', year)
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
      .orderBy('credit_code')
      .orderBy('year')
      .orderBy('policy')
      .orderBy('subject')
      .orderBy('measure')
      .execute(),
  );

  const out = createWriteStream(file);
  let count = 0;
  for (const e of enterprises) {
    const application = latest.get(e.credit_code);
    const request = assembleEngineRequest({
      year,
      creditCode: e.credit_code,
      profileJson: e.profile_json,
      stored: application ? parseStoredRequest(application.request_json) : undefined,
      awards: (awards.get(e.credit_code) ?? []).filter((a) => a.application_id !== application?.id),
      others: others.get(e.credit_code) ?? [],
    });
    // The name the platform knows, unless the profile or the application gives one.
    if (request.enterprise.name === undefined) request.enterprise.name = e.name;
    if (!out.write(`${JSON.stringify(request)}\n`)) await once(out, 'drain');
    count++;
  }
  out.end();
  await once(out, 'finish');
  return count;
}
