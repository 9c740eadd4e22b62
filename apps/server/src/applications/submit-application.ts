import { claimedMeasures, type MissingMaterial, measures, missingMaterials } from '@ftai/policy-fengtai';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { badRequest, conflict, HttpError, notFound } from '../errors.js';
import { isMilestoneMeasure } from '../ledger/milestone-tiers.js';
import { numberApplication } from './application-number.js';
import { parseStoredRequest } from './check-application-input.js';
import { needsFacts } from './needs-facts.js';
import { requireApplication } from './require-application.js';
import { runEngine } from './run-engine.js';
import { assertCanMove, recordTransition } from './status-machine.js';

const ARTICLE = new Map<string, number>(measures.map((m) => [m.id, m.article]));

/**
 * Submits a draft (or resubmits an application returned for changes), inside the caller's
 * transaction: the engine runs with the enterprise's ledger and other-policy awards, and its
 * answer is stored with the policy version, one item per granted result, and the move to
 * `submitted` on the timeline.
 */
export async function submitApplication(
  ctx: AppContext,
  trx: Transaction<Database>,
  user: CurrentUser,
  id: string,
  options: { readonly offer?: boolean } = {},
): Promise<void> {
  const at = ctx.now();
  const today = ctx.today();
  const row = await requireApplication(trx, user, id, 'own');
  assertCanMove(row.status, 'submitted');
  const call = await trx.selectFrom('calls').selectAll().where('id', '=', row.call_id).executeTakeFirst();
  if (!call) throw notFound('call');
  if (call.status !== 'open' || today < call.opens_on || today > call.closes_on) {
    throw conflict(
      'FTAI_ERR_CALL_CLOSED',
      call.status !== 'open'
        ? `the call ${call.title} is closed: it takes no submissions`
        : `the call ${call.title} takes submissions from ${call.opens_on} to ${call.closes_on} (Beijing time); today is ${today}`,
    );
  }
  if (ctx.dialect === 'postgres') {
    // Two submissions of the same enterprise queue here, so that each sees the other's items
    // in the duplicate check below. SQLite runs one write transaction at a time anyway.
    await trx.selectFrom('enterprises').select('credit_code').where('credit_code', '=', row.credit_code).forUpdate().execute();
  }
  // Stored in Chinese, the language of the bureau's records; `estimate` gives English on request.
  const answer = await runEngine(trx, row, 'zh', today);
  // Only granted results become items: an `incomplete` one (a fact left out) holds 0 and can be
  // neither approved nor allocated; the stored answer shows it as needing facts (needsFacts).
  const granted = answer.results.filter((r) => r.status === 'granted');
  // An application that claims nothing (not one fact given) is no application. One whose claims the
  // engine refuses (already supported, not eligible) is: the officer decides on it, and its timeline says why.
  const { facts } = parseStoredRequest(row.request_json);
  if (!Object.values(facts ?? {}).some((v) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))) {
    throw badRequest('the application claims nothing: no fact is given (0 yuan); claim a measure and fill its facts', [
      {
        path: 'facts',
        code: 'FTAI_ERR_INVALID_FIELD',
        message: 'expected the facts of at least one measure claimed: this application claims nothing (0 yuan)',
      },
    ]);
  }

  // 同一事项不重复申报: a subject granted in another live application of this enterprise in this
  // call is not granted twice. A draft holds nothing yet; a rejected application holds nothing any more.
  const held = await trx
    .selectFrom('application_items')
    .innerJoin('applications', 'applications.id', 'application_items.application_id')
    .select(['application_items.measure', 'application_items.subject', 'applications.id'])
    .where('applications.call_id', '=', row.call_id)
    .where('applications.credit_code', '=', row.credit_code)
    .where('applications.id', '!=', row.id)
    .where('applications.status', 'not in', ['draft', 'rejected'])
    .execute();
  for (const r of granted) {
    // A milestone measure (5.1) grants one tier a year, whichever: its tier subjects are one claim.
    const twin = held.find((h) => h.measure === r.measure && (isMilestoneMeasure(r.measure) || h.subject === (r.subject ?? '')));
    if (twin) {
      const what = r.subject === null || isMilestoneMeasure(r.measure) ? '' : ` for subject ${r.subject}`;
      throw conflict(
        'FTAI_ERR_DUPLICATE_SUBJECT',
        `measure ${r.measure}${what} is already claimed by application ${twin.id} in this call; remove it from this application or withdraw it there`,
      );
    }
  }

  // 申报材料: each required material of each measure claimed (given facts, whatever the engine
  // grants: the officer decides on what it refuses) has a file tied to it.
  const attached = await trx.selectFrom('attachments').select(['measure', 'material']).where('application_id', '=', row.id).execute();
  // 免申即享: the offer rests on the data the bureau holds (the matched registry), not on files the
  // enterprise uploads; the officer's formal check may still return it for materials.
  const missing = options.offer ? [] : missingMaterials(claimedMeasures(answer.results), attached);
  if (missing.length > 0) throw materialsMissing(missing);

  const items = granted.map((r) => ({
    application_id: row.id,
    measure: r.measure,
    subject: r.subject ?? '',
    article: ARTICLE.get(r.measure) ?? 0,
    review: r.review ? 1 : 0,
    engine_amount: r.amount,
    approved_amount: null,
    allocated_amount: null,
  }));
  const before = {
    status: row.status,
    engineTotal: Number(row.engine_total),
    policyVersion: row.policy_version,
  };
  await trx
    .updateTable('applications')
    .set({
      result_json: JSON.stringify(answer),
      policy_version: answer.policy.version,
      engine_total: answer.total,
      approved_total: null,
      allocated_total: null,
      submitted_at: at,
      updated_at: at,
    })
    .where('id', '=', row.id)
    .execute();
  // 受理: the first submission gives the application its readable number; a resubmission keeps it.
  const number = await numberApplication(trx, row, at);
  await trx.deleteFrom('application_items').where('application_id', '=', row.id).execute();
  if (items.length > 0) await trx.insertInto('application_items').values(items).execute();
  await appendAudit(
    trx,
    {
      actorId: user.id,
      action: 'application.submit',
      entity: 'application',
      entityId: row.id,
      before,
      after: {
        number,
        engineTotal: answer.total,
        policyVersion: answer.policy.version,
        items: items.map((i) => ({ measure: i.measure, subject: i.subject, engineAmount: i.engine_amount })),
        needsFacts: needsFacts(answer).map(({ measure, subject, missing }) => ({ measure, subject, missing })),
      },
    },
    at,
  );
  await recordTransition(
    trx,
    row.id,
    'submitted',
    user,
    options.offer ? '免申即享确认申领' : row.status === 'returned' ? 'resubmitted' : null,
    at,
  );
}

const CITATION = new Map<string, string>(measures.map((m) => [m.id, `${m.citation.en} (${m.name.en})`]));

/**
 * 400 FTAI_ERR_MATERIALS_MISSING naming each missing material in English, by its measure's clause
 * and with its key (`[1/invoice]`, `[licence]` for a general one), which @ftai/api/error-text
 * words in Chinese; one issue per material at `materials.<measure>.<key>`.
 */
export function materialsMissing(missing: readonly MissingMaterial[]): HttpError {
  const byMeasure = new Map<string | null, MissingMaterial[]>();
  for (const x of missing) byMeasure.set(x.measure, [...(byMeasure.get(x.measure) ?? []), x]);
  const parts = [...byMeasure].map(([measure, list]) => {
    const names = list.map((x) => `${x.material.name.en.toLowerCase()} [${measure === null ? '' : `${measure}/`}${x.material.key}]`);
    return `${measure === null ? 'general' : (CITATION.get(measure) ?? `measure ${measure}`)}: ${names.join(', ')}`;
  });
  return new HttpError(
    400,
    'FTAI_ERR_MATERIALS_MISSING',
    `required materials are missing: ${parts.join('; ')}. Attach each (POST /api/v1/applications/:id/attachments?measure=…&material=…) and submit again`,
    missing.map((x) => ({
      path: x.measure === null ? `materials.${x.material.key}` : `materials.${x.measure}.${x.material.key}`,
      code: 'FTAI_ERR_MISSING_FIELD',
      message: `missing: expected a file of the ${x.material.name.en.toLowerCase()}${x.measure === null ? '' : ` of measure ${x.measure}`}`,
    })),
  );
}
