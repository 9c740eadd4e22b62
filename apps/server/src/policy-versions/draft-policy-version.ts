import type { FieldIssue, ParameterVersionDraft } from '@ftai/api';
import { checkChanges, fengtaiPolicy, type ParameterChange, parameters } from '@ftai/policy-fengtai';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { badRequest, forbidden, HttpError, notFound } from '../errors.js';
import { numberInEffect } from './editions.js';
import { refuseStatus } from './version-refusals.js';

/** Version 1's definitions by id, in the order of parameters.json. */
const SHIPPED = new Map(parameters.definitions().map((d, i) => [d.id, { def: d, order: i }]));

/** A parameter's value in version 1, as parameters.json writes it. */
export function shippedValue(parameter: string): unknown {
  const def = SHIPPED.get(parameter)?.def;
  return def?.values[def.values.length - 1]?.value;
}

/** JSON with object keys sorted: two values are the same when their canonical texts are. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The changes against version 1 of a version based on `base` (changes against version 1 too) that
 * changes `own`: the base's, overridden by its own, without those back at version 1's value, in the
 * order of parameters.json.
 */
export function cumulativeChanges(base: readonly ParameterChange[], own: readonly ParameterChange[]): ParameterChange[] {
  const merged = new Map<string, unknown>(base.map((c) => [c.parameter, c.value]));
  for (const c of own) merged.set(c.parameter, c.value);
  return [...merged]
    .filter(([parameter, value]) => canonicalJson(value) !== canonicalJson(shippedValue(parameter)))
    .map(([parameter, value]) => ({ parameter, value }))
    .sort((a, b) => (SHIPPED.get(a.parameter)?.order ?? 0) - (SHIPPED.get(b.parameter)?.order ?? 0));
}

/** Where a change's problem is: its parameter (unknown, repeated) or its value. */
function issueOf(index: number, parameter: string, en: string): FieldIssue {
  const def = SHIPPED.get(parameter)?.def;
  const onParameter = !def || en === 'the parameter is changed twice';
  return {
    path: index < 0 ? 'changes' : `changes[${index}].${onParameter ? 'parameter' : 'value'}`,
    code: 'FTAI_ERR_INVALID_FIELD',
    // The Chinese label rides along, as the form names the parameter (issue-text words it in Chinese).
    message: `change ${index + 1}, parameter ${parameter}${def ? ` (${def.label.zh})` : ''}: ${en}`,
  };
}

/** The policy's term: no version takes effect outside it. */
const LAST_DAY = fengtaiPolicy.inForce.to;

/**
 * A draft's body checked against the rules the schema cannot know: its date (today to the policy's
 * last day), its base (an approved version), each change (checkChanges: unit, tiers, readings the
 * engine implements), and the changes together with the base's. Returns the cumulative changes.
 */
async function checkDraft(
  trx: Kysely<Database>,
  today: string,
  body: ParameterVersionDraft,
  basedOn: number,
): Promise<{ cumulative: ParameterChange[] }> {
  if (body.effectiveOn < today || body.effectiveOn > LAST_DAY) {
    throw badRequest(`effectiveOn: expected a day from today (${today}) to ${LAST_DAY}, the policy's last day`, [
      { path: 'effectiveOn', code: 'FTAI_ERR_INVALID_FIELD', message: `expected a day from today (${today}) to ${LAST_DAY}` },
    ]);
  }
  const base = await trx.selectFrom('policy_versions').select(['status', 'changes_json']).where('number', '=', basedOn).executeTakeFirst();
  if (base?.status !== 'approved') {
    throw badRequest(`basedOn: expected the number of an approved version, got ${basedOn}`, [
      { path: 'basedOn', code: 'FTAI_ERR_INVALID_FIELD', message: `expected the number of an approved version, got ${basedOn}` },
    ]);
  }
  const own: ParameterChange[] = body.changes.map((c) => ({ parameter: c.parameter, value: c.value }));
  let issues = checkChanges(own).map((i) => issueOf(i.index, i.parameter, i.en));
  const cumulative = issues.length > 0 ? [] : cumulativeChanges(JSON.parse(base.changes_json) as ParameterChange[], own);
  // Each change may be right alone and wrong with the base's (a reading the engine lacks together).
  if (issues.length === 0) {
    issues = checkChanges(cumulative).map((i) => {
      const index = own.findIndex((c) => c.parameter === i.parameter);
      return issueOf(index, i.parameter, i.en);
    });
  }
  if (issues.length > 0) {
    throw badRequest(`the changes are not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  return { cumulative };
}

/** What an audit entry records of a draft. */
function draftRecord(row: {
  status: string;
  based_on: number | null;
  own_changes_json: string;
  effective_on: string;
  reason: string;
  authority: string;
  authority_ref: string | null;
}) {
  return {
    status: row.status,
    basedOn: row.based_on,
    changes: JSON.parse(row.own_changes_json) as unknown,
    effectiveOn: row.effective_on,
    reason: row.reason,
    authority: row.authority,
    authorityRef: row.authority_ref,
  };
}

function rowOfDraft(body: ParameterVersionDraft, basedOn: number, cumulative: readonly ParameterChange[]) {
  return {
    based_on: basedOn,
    changes_json: JSON.stringify(cumulative),
    own_changes_json: JSON.stringify(body.changes.map((c) => ({ parameter: c.parameter, value: c.value }))),
    effective_on: body.effectiveOn,
    reason: body.reason,
    authority: body.authority,
    authority_ref: body.authorityRef ?? null,
  };
}

/**
 * POST /api/v1/policy/versions: a new draft by `officer`, based on the version asked for or the one
 * in effect, numbered next. Audited with the draft as written, in the same transaction.
 */
export async function createDraft(ctx: AppContext, officer: CurrentUser, body: ParameterVersionDraft): Promise<number> {
  const at = ctx.now();
  const today = ctx.today();
  // Two drafts at once on PostgreSQL may take the same number: the second tries again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.tx(async (trx) => {
        const basedOn = body.basedOn ?? (await numberInEffect(trx, today));
        const { cumulative } = await checkDraft(trx, today, body, basedOn);
        const last = await trx
          .selectFrom('policy_versions')
          .select((eb) => eb.fn.max<number>('number').as('n'))
          .executeTakeFirst();
        const number = Number(last?.n ?? 1) + 1;
        const row = {
          number,
          status: 'draft' as const,
          ...rowOfDraft(body, basedOn, cumulative),
          drafted_by: officer.id,
          drafted_at: at,
          submitted_at: null,
          decided_by: null,
          decided_at: null,
          decision_note: null,
          updated_at: at,
        };
        await trx.insertInto('policy_versions').values(row).execute();
        await appendAudit(
          trx,
          {
            actorId: officer.id,
            action: 'policy-version.draft',
            entity: 'policy_version',
            entityId: String(number),
            before: null,
            after: draftRecord(row),
          },
          at,
        );
        return number;
      });
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e.code === '23505' || (typeof e.message === 'string' && e.message.includes('UNIQUE constraint failed'));
}

/** The version, locked for the change on PostgreSQL. */
export async function versionForChange(ctx: AppContext, trx: Transaction<Database>, number: number) {
  let q = trx.selectFrom('policy_versions').selectAll().where('number', '=', number);
  if (ctx.dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('policy version');
  return row;
}

/** Only the author changes, submits or withdraws a draft. */
export function requireAuthor(row: { drafted_by: string | null }, user: CurrentUser, what: string): void {
  if (row.drafted_by !== user.id) throw forbidden(`only the officer who drafted a policy version may ${what} it`);
}

/** PUT /api/v1/policy/versions/:number: the author rewrites a draft (a draft only). Audited before and after. */
export async function updateDraft(ctx: AppContext, officer: CurrentUser, number: number, body: ParameterVersionDraft): Promise<void> {
  const at = ctx.now();
  await ctx.tx(async (trx) => {
    const row = await versionForChange(ctx, trx, number);
    requireAuthor(row, officer, 'change');
    if (row.status !== 'draft') refuseStatus(row.status, 'changed');
    const basedOn = body.basedOn ?? row.based_on ?? 1;
    const { cumulative } = await checkDraft(trx, ctx.today(), body, basedOn);
    const next = rowOfDraft(body, basedOn, cumulative);
    const updated = await trx
      .updateTable('policy_versions')
      .set({ ...next, updated_at: at })
      .where('number', '=', number)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw new HttpError(409, 'FTAI_ERR_VERSION_STATUS', 'the version changed meanwhile: reload it');
    await appendAudit(
      trx,
      {
        actorId: officer.id,
        action: 'policy-version.update',
        entity: 'policy_version',
        entityId: String(number),
        before: draftRecord(row),
        after: draftRecord({ ...next, status: 'draft' }),
      },
      at,
    );
  });
}
