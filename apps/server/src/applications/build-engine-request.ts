import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { parseStoredRequest } from './check-application-input.js';

/** A request of the calculation contract (CALCULATION.md), before validation. */
export interface EngineRequest {
  readonly year: number;
  readonly enterprise: Record<string, unknown>;
  readonly facts: Record<string, unknown>;
  readonly history: { measure: string; year: number; subject: string | null; amount: number }[];
  readonly otherPolicyAwards: { policy: string; subject: string; amount: number }[];
}

/**
 * The full contract request for one application: the call's assessment year; the enterprise's
 * profile with this application's overrides (the account's credit code always wins); the facts
 * as the applicant sent them; what this policy already granted the enterprise (the award ledger,
 * for one-time, consecutive-year and continuing-support rules) and what other district policies
 * granted it (从优不重复, best of, never twice).
 */
export async function buildEngineRequest(
  db: Kysely<Database>,
  application: { readonly id: string; readonly call_id: string; readonly credit_code: string; readonly request_json: string },
): Promise<EngineRequest> {
  const call = await db.selectFrom('calls').select(['year']).where('id', '=', application.call_id).executeTakeFirst();
  if (!call) throw notFound('call');
  const year = Number(call.year);
  const profile = await db
    .selectFrom('enterprises')
    .select(['profile_json'])
    .where('credit_code', '=', application.credit_code)
    .executeTakeFirst();
  const stored = parseStoredRequest(application.request_json);
  // Awards of later years cannot bear on this year; this application's own awards (after a
  // return, or in a recalculation) are what it asks for, not its history.
  const awards = await db
    .selectFrom('awards')
    .select(['measure', 'year', 'subject', 'amount'])
    .where('credit_code', '=', application.credit_code)
    .where('year', '<=', year)
    .where('application_id', '!=', application.id)
    .orderBy('year')
    .orderBy('measure')
    .orderBy('subject')
    .execute();
  const others = await db
    .selectFrom('other_policy_awards')
    .select(['policy', 'subject', 'amount'])
    .where('credit_code', '=', application.credit_code)
    .orderBy('year')
    .orderBy('policy')
    .orderBy('subject')
    .execute();
  return {
    year,
    enterprise: {
      ...(profile ? (JSON.parse(profile.profile_json) as Record<string, unknown>) : {}),
      ...stored.enterprise,
      creditCode: application.credit_code,
    },
    facts: stored.facts,
    // The ledger keeps '' for enterprise-level measures (a key column cannot be NULL); the contract says null.
    history: awards.map((a) => ({
      measure: a.measure,
      year: Number(a.year),
      subject: a.subject === '' ? null : a.subject,
      amount: Number(a.amount),
    })),
    otherPolicyAwards: others.map((o) => ({ policy: o.policy, subject: o.subject, amount: Number(o.amount) })),
  };
}
