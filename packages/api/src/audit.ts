// Request and response schemas of the audit log routes (apps/server/src/routes/audit-routes.ts).
import { z } from 'zod';
import { pageInfoSchema, pageQueryShape } from './page.js';
import { ROLES } from './statuses.js';

const int = z.number().int();

const beijingDate = z.iso.date({ error: 'expected a Beijing date YYYY-MM-DD' });

/** GET /api/v1/audit: filters (each narrows), and a page of entries, newest first unless `order=asc`. */
export const auditQuerySchema = z.strictObject({
  ...pageQueryShape,
  /** Entries on or after this Beijing date (UTC+8), YYYY-MM-DD. */
  from: beijingDate.optional(),
  /** Entries on or before this Beijing date (UTC+8), YYYY-MM-DD. */
  to: beijingDate.optional(),
  /** The operator: the user id of whoever made the change. */
  actorId: z.string().min(1).max(100, { error: 'expected a user id' }).optional(),
  /** The action, e.g. `application.transition`. */
  action: z.string().min(1).max(100, { error: 'expected an action such as application.transition' }).optional(),
  /** The entity type, e.g. `application`. */
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

/**
 * GET /api/v1/audit/export.xlsx: the list's filters, every entry they match (no page), newest
 * first unless `order=asc`.
 */
export const auditExportQuerySchema = auditQuerySchema.omit({ limit: true, after: true });
export type AuditExportQuery = z.output<typeof auditExportQuerySchema>;

/** One entry of the audit log: who did what to which record, the record before and after, and the entry's chained hash. */
export const auditEntrySchema = z.object({
  seq: int,
  at: z.string(),
  /** null for the system (a match job's start and end, a migration) and for the public (an objection). */
  actorId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
  /** The operator's name as the platform shows it (the user's display name); null for the system and the public. */
  actorName: z.string().nullable().optional(),
  /** The operator's role; null for the system and the public. */
  actorRole: z.enum(ROLES).nullable().optional(),
  /**
   * The record as people name it: an application by its enterprise's name, a call by its title, a
   * notice by its title, a user by their display name, an enterprise by its name; null for other
   * records and for one no longer on record. `entityId` stays the record's number.
   */
  entityLabel: z.string().nullable().optional(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

/** GET /api/v1/audit: a page of entries, newest first unless asked otherwise. */
export const auditLogSchema = z.object({ entries: z.array(auditEntrySchema), page: pageInfoSchema });
export type AuditLog = z.output<typeof auditLogSchema>;

/**
 * What is wrong, as a stable code: `missing` entries, a broken `link`, an entry `changed` (its hash
 * is not the key's), an `unkeyed` entry where only keyed ones may be, the `head`, an `anchor` the
 * chain does not hold (or a bad anchor line), a `trigger` missing or altered, the `key` itself.
 */
export const auditProblemCodeSchema = z.enum(['missing', 'link', 'changed', 'unkeyed', 'head', 'anchor', 'trigger', 'key']);
export type AuditProblemCode = z.output<typeof auditProblemCodeSchema>;

/** One problem the verification found. */
export const auditProblemSchema = z.object({
  /** The entry concerned; 0 for the log as a whole. */
  seq: int,
  code: auditProblemCodeSchema,
  problem: z.string(),
});
export type AuditProblem = z.output<typeof auditProblemSchema>;

/** GET /api/v1/audit/verify: every entry against the key, the chain, its head, the anchors and the guarding triggers. */
export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: int,
  headSeq: int,
  headHash: z.string().nullable(),
  /** The first keyed entry (1 for a chain keyed from the start); null when no entry is keyed. */
  keyedFrom: int.nullable(),
  /** The id of the key verified with (not the key); null without a key. */
  keyId: z.string().nullable(),
  anchors: z
    .object({
      file: z.string(),
      count: int,
      /** The anchor of the highest entry. */
      last: z.object({ seq: int, hash: z.string(), at: z.string() }).nullable(),
    })
    .nullable(),
  problems: z.array(auditProblemSchema),
});
export type AuditVerification = z.output<typeof auditVerificationSchema>;
