import { actsAs, type ParameterFile, type ParameterHistory, type ParameterVersion, type ParameterVersionStatus } from '@ftai/api';
import { editionVersion, type ParameterChange, POLICY_ID, parameters } from '@ftai/policy-fengtai';
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../auth/current-user.js';
import type { Database, PolicyVersionsTable } from '../db/schema.js';
import { notFound } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/keyset.js';
import { editionByNumber, editionInEffect, editionOfRow, numberInEffect, type StoredEdition } from './editions.js';

/** Officers (and admins) see every version; anyone else the approved ones. */
export const seesDrafts = (user: CurrentUser | null) => user !== null && actsAs(user.role) === 'officer';

const SHIPPED = new Map(parameters.definitions().map((d) => [d.id, d]));

/** A parameter's value in an edition, as parameters.json writes it. */
function valueIn(edition: StoredEdition, parameter: string): unknown {
  const def = edition.policy.parameters.definitions().find((d) => d.id === parameter);
  return def?.values[def.values.length - 1]?.value;
}

type Row = PolicyVersionsTable & { drafted_name: string | null; decided_name: string | null };

function versionRows(db: Kysely<Database>) {
  return db
    .selectFrom('policy_versions')
    .leftJoin('users as drafter', 'drafter.id', 'policy_versions.drafted_by')
    .leftJoin('users as decider', 'decider.id', 'policy_versions.decided_by')
    .selectAll('policy_versions')
    .select(['drafter.display_name as drafted_name', 'decider.display_name as decided_name']);
}

/** A version as the API shows it: what it changes against its base, each change with before and after. */
async function viewOf(db: Kysely<Database>, row: Row, inEffect: number): Promise<ParameterVersion> {
  const own = JSON.parse(row.own_changes_json) as ParameterChange[];
  const base = row.based_on === null ? undefined : await editionByNumber(db, Number(row.based_on));
  const changes = own.map((c) => {
    const def = SHIPPED.get(c.parameter);
    const baseDef = base?.policy.parameters.definitions().find((d) => d.id === c.parameter);
    return {
      parameter: c.parameter,
      label: def?.label ?? { zh: c.parameter, en: c.parameter },
      unit: def?.unit ?? 'yuan',
      reference: def?.reference ?? '',
      wasAssumed: baseDef?.assumed !== undefined,
      before: base ? valueIn(base, c.parameter) : null,
      after: c.value,
    };
  });
  const number = Number(row.number);
  return {
    number,
    version: editionVersion(number),
    status: row.status,
    inEffect: number === inEffect,
    basedOn: row.based_on === null ? null : Number(row.based_on),
    effectiveOn: row.effective_on,
    reason: row.reason,
    authority: row.authority,
    authorityRef: row.authority_ref,
    changes,
    draftedBy: row.drafted_by ? { id: row.drafted_by, name: row.drafted_name ?? row.drafted_by } : null,
    draftedAt: row.drafted_at,
    submittedAt: row.submitted_at,
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_name ?? row.decided_by } : null,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
  };
}

/** GET /api/v1/policy/versions/:number: a draft or a refused version for officers only (404 to anyone else). */
export async function loadVersion(
  db: Kysely<Database>,
  user: CurrentUser | null,
  number: number,
  today: string,
): Promise<ParameterVersion> {
  const row = await versionRows(db).where('policy_versions.number', '=', number).executeTakeFirst();
  if (!row || (row.status !== 'approved' && !seesDrafts(user))) throw notFound('policy version');
  return viewOf(db, row, await numberInEffect(db, today));
}

/** GET /api/v1/policy/versions: newest first, in pages; the approved ones only for the public. */
export async function listVersions(
  db: Kysely<Database>,
  user: CurrentUser | null,
  query: { limit: number; after?: string | undefined; order?: 'asc' | 'desc' | undefined; status?: ParameterVersionStatus | undefined },
  today: string,
): Promise<{ versions: ParameterVersion[]; page: { limit: number; next: string | null; total: number } }> {
  const order = query.order ?? 'desc';
  const sort = `number-${order}`;
  const after = query.after === undefined ? undefined : Number(decodeCursor(query.after, sort, 'number').key);
  let q = versionRows(db);
  if (!seesDrafts(user)) q = q.where('policy_versions.status', '=', 'approved');
  if (query.status) q = q.where('policy_versions.status', '=', query.status);
  const counted = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  if (after !== undefined) q = q.where('policy_versions.number', order === 'desc' ? '<' : '>', after);
  const rows = await q
    .orderBy('policy_versions.number', order)
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const inEffect = await numberInEffect(db, today);
  return {
    versions: await Promise.all(page.map((r) => viewOf(db, r, inEffect))),
    page: {
      limit: query.limit,
      next: rows.length > query.limit && last ? encodeCursor(sort, Number(last.number), String(last.number)) : null,
      total: Number(counted.n),
    },
  };
}

/** GET /api/v1/policy/versions/:number/parameters.json: the version as the parameter file `ftai calc --parameters` reads. */
export async function parameterFile(db: Kysely<Database>, user: CurrentUser | null, number: number): Promise<ParameterFile> {
  const row = await db.selectFrom('policy_versions').selectAll().where('number', '=', number).executeTakeFirst();
  if (!row || (row.status !== 'approved' && !seesDrafts(user))) throw notFound('policy version');
  const edition = editionOfRow(row);
  return {
    policy: POLICY_ID,
    number: edition.number,
    version: edition.version,
    effectiveOn: row.effective_on,
    authority: row.authority,
    changes: edition.changes.map((c) => ({ parameter: c.parameter, value: c.value })),
  };
}

/**
 * GET /api/v1/policy/parameters: every parameter with its value in effect today, whether that value
 * is an assumption, and each approved version that set it (version 1 first).
 */
export async function parameterHistory(db: Kysely<Database>, today: string): Promise<ParameterHistory> {
  const inEffect = await editionInEffect(db, today);
  const approved = await db
    .selectFrom('policy_versions')
    .select(['number', 'status', 'changes_json', 'own_changes_json', 'effective_on', 'authority'])
    .where('status', '=', 'approved')
    .orderBy('effective_on')
    .orderBy('number')
    .execute();
  const current = new Map(inEffect.policy.parameters.definitions().map((d) => [d.id, d]));
  return {
    parameters: parameters.definitions().map((def) => {
      const now = current.get(def.id) ?? def;
      const history = approved
        .filter((v) => Number(v.number) === 1 || (JSON.parse(v.own_changes_json) as ParameterChange[]).some((c) => c.parameter === def.id))
        .map((v) => {
          const changes = JSON.parse(v.changes_json) as ParameterChange[];
          const change = changes.find((c) => c.parameter === def.id);
          // A value back at version 1's is no longer among the cumulative changes: it is version 1's again.
          const value = change ? change.value : def.values[def.values.length - 1]?.value;
          return {
            number: Number(v.number),
            version: editionVersion(Number(v.number)),
            effectiveOn: v.effective_on,
            value,
            authority: v.authority,
            // A figure a document fixed is no longer an assumption; a reading stays one.
            assumed: def.assumed !== undefined && (change === undefined || def.unit === 'switch'),
          };
        });
      return {
        id: def.id,
        label: def.label,
        unit: def.unit,
        reference: def.reference,
        assumed: now.assumed ?? null,
        assumedIfFalse: now.assumedIfFalse ?? null,
        value: now.values[now.values.length - 1]?.value,
        history,
      };
    }),
    inEffect: { number: inEffect.number, version: inEffect.version, effectiveOn: inEffect.effectiveOn },
  };
}
