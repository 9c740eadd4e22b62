import { type AuditEntry, noticeTitle, type Role } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { noticeBatches } from '../notice/notice-batch.js';

/** Who an entry's operator is: the user's display name and role. */
export interface AuditActor {
  readonly name: string;
  readonly role: Role;
}

/** The names of the operators and records of a set of entries, looked up once for the set. */
export interface AuditNames {
  /** The operator of `actorId`; null for the system and the public, and for a user no longer on record. */
  actor(actorId: string | null): AuditActor | null;
  /** The record's readable name (AuditEntry.entityLabel), or null. */
  label(entity: string, entityId: string): string | null;
}

/** The records that have a name people know them by: how each kind is named (AuditEntry.entityLabel). */
const NAMED = ['application', 'call', 'notice', 'user', 'enterprise'] as const;
type Named = (typeof NAMED)[number];
const isNamed = (entity: string): entity is Named => (NAMED as readonly string[]).includes(entity);

/**
 * Looks up, for a set of entries (a page of the list, a batch of the workbook), who each operator
 * is and what each record is called: one query for the users (operators and user records both) and
 * one per other kind of record present, whatever the number of entries. An application is named by
 * its enterprise (its number is its id, `entityId`); a notice by its title, as its page and
 * workbook title it (noticeTitle: the call's title, 拟支持名单公示, from the second on its batch).
 */
export async function auditNames(
  db: Kysely<Database>,
  entries: readonly Pick<AuditEntry, 'actorId' | 'entity' | 'entityId'>[],
): Promise<AuditNames> {
  const ids: Record<Named, Set<string>> = {
    application: new Set(),
    call: new Set(),
    notice: new Set(),
    user: new Set(),
    enterprise: new Set(),
  };
  for (const e of entries) {
    if (e.actorId !== null) ids.user.add(e.actorId);
    if (isNamed(e.entity)) ids[e.entity].add(e.entityId);
  }
  const list = (kind: Named) => [...ids[kind]];
  // One after the other: a page holds a few kinds, and a pool's connections are for other requests.
  const users =
    ids.user.size === 0
      ? []
      : await db.selectFrom('users').select(['id', 'display_name', 'role']).where('id', 'in', list('user')).execute();
  const applications =
    ids.application.size === 0
      ? []
      : await db
          .selectFrom('applications as a')
          .leftJoin('enterprises as e', 'e.credit_code', 'a.credit_code')
          .select(['a.id', 'a.credit_code', 'e.name'])
          .where('a.id', 'in', list('application'))
          .execute();
  const calls = ids.call.size === 0 ? [] : await db.selectFrom('calls').select(['id', 'title']).where('id', 'in', list('call')).execute();
  const notices =
    ids.notice.size === 0
      ? []
      : await db
          .selectFrom('notices as n')
          .innerJoin('calls as c', 'c.id', 'n.call_id')
          .select(['n.id', 'c.title'])
          .where('n.id', 'in', list('notice'))
          .execute();
  const enterprises =
    ids.enterprise.size === 0
      ? []
      : await db.selectFrom('enterprises').select(['credit_code', 'name']).where('credit_code', 'in', list('enterprise')).execute();
  const batches = await noticeBatches(db, list('notice'));
  const actors = new Map(users.map((u) => [u.id, { name: u.display_name, role: u.role }]));
  const labels: Record<Named, Map<string, string>> = {
    user: new Map(users.map((u) => [u.id, u.display_name])),
    application: new Map(applications.map((a) => [a.id, a.name ?? a.credit_code])),
    call: new Map(calls.map((c) => [c.id, c.title])),
    notice: new Map(notices.map((n) => [n.id, noticeTitle(n.title, batches.get(n.id) ?? 1)])),
    enterprise: new Map(enterprises.map((e) => [e.credit_code, e.name])),
  };
  return {
    actor: (actorId) => (actorId === null ? null : (actors.get(actorId) ?? null)),
    label: (entity, entityId) => (isNamed(entity) ? (labels[entity].get(entityId) ?? null) : null),
  };
}

/** The entries with their operator's name and role and their record's readable name (auditNames). */
export async function describeAuditEntries(db: Kysely<Database>, entries: readonly AuditEntry[]): Promise<AuditEntry[]> {
  const names = await auditNames(db, entries);
  return entries.map((e) => {
    const actor = names.actor(e.actorId);
    return { ...e, actorName: actor?.name ?? null, actorRole: actor?.role ?? null, entityLabel: names.label(e.entity, e.entityId) };
  });
}
