import type { StoredRequest } from '@ftai/api';
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
  /** Each names a subject or an enterprise-level measure of this policy, never both. */
  readonly otherPolicyAwards: ({ policy: string; subject: string; amount: number } | { policy: string; measure: string; amount: number })[];
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
    .select(['policy', 'subject', 'measure', 'amount'])
    .where('credit_code', '=', application.credit_code)
    .orderBy('year')
    .orderBy('policy')
    .orderBy('subject')
    .orderBy('measure')
    .execute();
  return assembleEngineRequest({
    year,
    creditCode: application.credit_code,
    profileJson: profile?.profile_json,
    stored,
    awards,
    others,
  });
}

/** What the platform holds for one enterprise in one assessment year. */
export interface EnterpriseRecord {
  readonly year: number;
  readonly creditCode: string;
  /** The enterprise's profile (the contract's `enterprise` flags), as stored. */
  readonly profileJson: string | undefined;
  /** An application's own input, if the enterprise applied in a call of that year. */
  readonly stored: StoredRequest | undefined;
  /**
   * This policy's awards of that year or before (the ledger), the application's own left out.
   * Their subjects are the engine's: a milestone award (5.1) names its tier.
   */
  readonly awards: readonly { measure: string; year: number | string; subject: string; amount: number | string }[];
  /** Other district policies' awards, each with a subject or a measure ('' for the one it does not name). */
  readonly others: readonly { policy: string; subject: string; measure: string; amount: number | string }[];
}

/**
 * The contract request from what the platform holds: the profile with the application's
 * overrides (the credit code always wins), the application's facts, the ledger as history,
 * other policies' awards. Used for one application and for matching every enterprise held.
 */
export function assembleEngineRequest(r: EnterpriseRecord): EngineRequest {
  return {
    year: r.year,
    enterprise: {
      ...(r.profileJson ? (JSON.parse(r.profileJson) as Record<string, unknown>) : {}),
      ...r.stored?.enterprise,
      creditCode: r.creditCode,
    },
    facts: r.stored?.facts ?? {},
    // The ledger keeps '' for enterprise-level measures (a key column cannot be NULL); the contract says null.
    history: r.awards.map((a) => ({
      measure: a.measure,
      year: Number(a.year),
      subject: a.subject === '' ? null : a.subject,
      amount: Number(a.amount),
    })),
    // The contract takes exactly one of subject and measure: the one the award names.
    otherPolicyAwards: r.others.map((o) =>
      o.measure === ''
        ? { policy: o.policy, subject: o.subject, amount: Number(o.amount) }
        : { policy: o.policy, measure: o.measure, amount: Number(o.amount) },
    ),
  };
}
