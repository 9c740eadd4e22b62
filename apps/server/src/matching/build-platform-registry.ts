import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Kysely, SelectQueryBuilder } from 'kysely';
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

/** The credit codes a registry is written for, as a subquery; every enterprise when left out. */
type CreditCodes = SelectQueryBuilder<Database, 'applications', { credit_code: string }>;

/**
 * The history every request of a registry carries, by credit code, in two queries: this policy's
 * awards of `year` or before, and other district policies' awards.
 */
async function historiesOf(db: Kysely<Database>, year: number, only?: CreditCodes) {
  let awards = db
    .selectFrom('awards')
    .select(['credit_code', 'application_id', 'measure', 'year', 'subject', 'amount'])
    .where('year', '<=', year);
  let others = db.selectFrom('other_policy_awards').select(['credit_code', 'policy', 'subject', 'measure', 'amount']);
  if (only) {
    awards = awards.where('credit_code', 'in', only);
    others = others.where('credit_code', 'in', only);
  }
  return {
    awards: groupBy(await awards.orderBy('credit_code').orderBy('year').orderBy('measure').orderBy('subject').execute()),
    others: groupBy(await others.orderBy('credit_code').orderBy('year').orderBy('policy').orderBy('subject').orderBy('measure').execute()),
  };
}

/** One enterprise-year of a registry: whose, its profile and name, and the application whose facts it takes. */
interface RegistryEntry {
  readonly creditCode: string;
  readonly name: string | null;
  readonly profileJson: string | null;
  readonly application: { readonly id: string; readonly request_json: string } | undefined;
}

/**
 * Writes each entry's request as the engine sees it (assembleEngineRequest) as a line of JSON
 * Lines, its own application's awards left out of its history (what it asks for, not what it
 * had), the name the platform knows unless the profile or the application gives one.
 */
async function writeRegistry(
  entries: readonly RegistryEntry[],
  year: number,
  histories: Awaited<ReturnType<typeof historiesOf>>,
  file: string,
): Promise<number> {
  const out = createWriteStream(file);
  let count = 0;
  for (const e of entries) {
    const request = assembleEngineRequest({
      year,
      creditCode: e.creditCode,
      profileJson: e.profileJson ?? undefined,
      stored: e.application ? parseStoredRequest(e.application.request_json) : undefined,
      awards: (histories.awards.get(e.creditCode) ?? []).filter((a) => a.application_id !== e.application?.id),
      others: histories.others.get(e.creditCode) ?? [],
    });
    if (request.enterprise.name === undefined && e.name !== null) request.enterprise.name = e.name;
    if (!out.write(`${JSON.stringify(request)}\n`)) await once(out, 'drain');
    count++;
  }
  out.end();
  await once(out, 'finish');
  return count;
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
  const entries = enterprises.map((e) => ({
    creditCode: e.credit_code,
    name: e.name,
    profileJson: e.profile_json,
    application: latest.get(e.credit_code),
  }));
  return writeRegistry(entries, year, await historiesOf(db, year), file);
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
  const entries = applications.map((a) => ({
    creditCode: a.credit_code,
    name: a.name,
    profileJson: a.profile_json,
    application: a,
  }));
  return writeRegistry(entries, year, await historiesOf(db, year, submitted), file);
}
