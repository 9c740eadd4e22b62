import type { Outlook } from '@ftai/api';
import type { Kysely } from 'kysely';
import { runEngine } from '../applications/run-engine.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { Database } from '../db/schema.js';
import { forbidden } from '../errors.js';

/**
 * “What can we get now?” for the signed-in enterprise: for every call accepting applications today,
 * the engine's answer with its ledger as history, on the facts it has there — its offer's (免申即享),
 * its application's, else the facts of its latest application in any call, else its profile alone
 * (every fact measure then reads 待补充信息, naming what is missing) — with the offer or the
 * application to act on. Nothing is written.
 */
export async function enterpriseOutlook(db: Kysely<Database>, user: CurrentUser, today: string, lang: 'zh' | 'en'): Promise<Outlook> {
  const code = user.creditCode;
  if (user.role !== 'applicant' || !code) throw forbidden('only an applicant acting for an enterprise has an outlook');
  const calls = await db
    .selectFrom('calls')
    .select(['id', 'title', 'year', 'closes_on'])
    .where('status', '=', 'open')
    .where('opens_on', '<=', today)
    .where('closes_on', '>=', today)
    .orderBy('year', 'desc')
    .execute();
  const latest = await db
    .selectFrom('applications')
    .select(['request_json'])
    .where('credit_code', '=', code)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  const out: Outlook['calls'] = [];
  for (const call of calls) {
    const offer = await db
      .selectFrom('offers')
      .select(['id', 'status', 'deadline', 'total', 'request_json'])
      .where('call_id', '=', call.id)
      .where('credit_code', '=', code)
      .executeTakeFirst();
    const application = await db
      .selectFrom('applications')
      .select(['id', 'status', 'number', 'request_json'])
      .where('call_id', '=', call.id)
      .where('credit_code', '=', code)
      .where('status', '!=', 'rejected')
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    const [basedOn, requestJson] = application
      ? (['application', application.request_json] as const)
      : offer && offer.status === 'pending'
        ? (['offer', offer.request_json] as const)
        : latest
          ? (['latest-facts', latest.request_json] as const)
          : (['profile', JSON.stringify({ enterprise: {}, facts: {} })] as const);
    // The offer's request carries the registry's flags; the profile's stand unless the request overrides them.
    const answer = await runEngine(
      db,
      { id: `outlook-${call.id}`, call_id: call.id, credit_code: code, request_json: requestJson },
      lang,
      today,
    ).catch(
      // Facts stored in a draft may not validate yet: then the profile alone.
      () =>
        runEngine(
          db,
          { id: `outlook-${call.id}`, call_id: call.id, credit_code: code, request_json: JSON.stringify({ enterprise: {}, facts: {} }) },
          lang,
          today,
        ),
    );
    out.push({
      call: { id: call.id, title: call.title, year: Number(call.year), closesOn: call.closes_on },
      basedOn,
      offer: offer ? { id: offer.id, status: offer.status, deadline: offer.deadline, total: Number(offer.total) } : null,
      application: application ? { id: application.id, status: application.status, number: application.number ?? null } : null,
      answer,
    });
  }
  return { calls: out };
}
