import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Dialect } from './database.js';
import { initial } from './migrations/0001-initial.js';
import { matchJobs } from './migrations/0002-match-jobs.js';
import { otherAwardMeasure } from './migrations/0003-other-award-measure.js';
import { MILESTONE_TIER_MIGRATION, milestoneTierSubjects } from './migrations/0004-milestone-tier-subjects.js';
import { NOTICE_SNAPSHOT_MIGRATION, noticeSnapshots } from './migrations/0005-notice-snapshots.js';
import { AUDIT_PROTECTION_MIGRATION, auditProtection } from './migrations/0006-audit-protection.js';
import { STATUS_CONSTRAINT_MIGRATION, statusConstraints } from './migrations/0007-status-constraints.js';
import { listIndexes } from './migrations/0008-list-indexes.js';
import { recordIndexes } from './migrations/0009-record-indexes.js';
import { allocationNoticeScale } from './migrations/0010-allocation-notice-scale.js';
import { jobQueue } from './migrations/0011-job-queue.js';
import { blobs } from './migrations/0012-blobs.js';
import { sharedLimits } from './migrations/0013-shared-limits.js';
import { noticeScale } from './migrations/0014-notice-scale.js';
import { readTuning } from './migrations/0015-read-tuning.js';
import { writeTuning } from './migrations/0016-write-tuning.js';
import { noticeRowsOnly } from './migrations/0017-notice-rows-only.js';
import { awardTotals } from './migrations/0018-award-totals.js';
import { applicationTotals } from './migrations/0019-application-totals.js';
import { statusOffIndexes } from './migrations/0020-status-off-indexes.js';
import { awardApplicationCall } from './migrations/0021-award-application-call.js';
import { callRequiredReviews, REQUIRED_REVIEWS_MIGRATION } from './migrations/0022-call-required-reviews.js';
import { enterpriseBankAccount } from './migrations/0023-enterprise-bank-account.js';
import { APPLICATION_NUMBERS_MIGRATION, applicationNumbers } from './migrations/0024-application-numbers.js';
import { callNoticeContacts } from './migrations/0025-call-notice-contacts.js';
import { attachmentMaterials } from './migrations/0026-attachment-materials.js';
import { offers } from './migrations/0027-offers.js';
import { policyVersions } from './migrations/0028-policy-versions.js';
import { simulations } from './migrations/0029-simulations.js';
import type { Database } from './schema.js';

export interface MigrateOptions {
  /** The clock of audit entries that data migrations write; the system clock by default. */
  readonly now?: () => Date;
  /** Stop after this migration (a test of a later migration starts from the schema before it). */
  readonly upTo?: string;
}

/** Every migration, in order. Names sort in the order they run. */
function migrations(dialect: Dialect, now: () => Date): Record<string, Migration> {
  return {
    '0001-initial': initial(dialect),
    '0002-match-jobs': matchJobs(),
    '0003-other-award-measure': otherAwardMeasure(),
    [MILESTONE_TIER_MIGRATION]: milestoneTierSubjects(now),
    [NOTICE_SNAPSHOT_MIGRATION]: noticeSnapshots(dialect, now),
    [AUDIT_PROTECTION_MIGRATION]: auditProtection(dialect),
    [STATUS_CONSTRAINT_MIGRATION]: statusConstraints(dialect),
    '0008-list-indexes': listIndexes(dialect),
    '0009-record-indexes': recordIndexes(dialect),
    '0010-allocation-notice-scale': allocationNoticeScale(dialect),
    '0011-job-queue': jobQueue(dialect),
    '0012-blobs': blobs(dialect),
    '0013-shared-limits': sharedLimits(dialect),
    '0014-notice-scale': noticeScale(dialect),
    '0015-read-tuning': readTuning(dialect),
    '0016-write-tuning': writeTuning(dialect),
    '0017-notice-rows-only': noticeRowsOnly(dialect),
    '0018-award-totals': awardTotals(dialect),
    '0019-application-totals': applicationTotals(dialect),
    '0020-status-off-indexes': statusOffIndexes(dialect),
    '0021-award-application-call': awardApplicationCall(dialect),
    [REQUIRED_REVIEWS_MIGRATION]: callRequiredReviews(),
    '0023-enterprise-bank-account': enterpriseBankAccount(),
    [APPLICATION_NUMBERS_MIGRATION]: applicationNumbers(),
    '0025-call-notice-contacts': callNoticeContacts(),
    '0026-attachment-materials': attachmentMaterials(),
    '0027-offers': offers(),
    '0028-policy-versions': policyVersions(),
    '0029-simulations': simulations(),
  };
}

/** Brings the schema up to date; safe to run on every start. Returns the names applied. */
export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect, options: MigrateOptions = {}): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect, options.now ?? (() => new Date())) };
  // On PostgreSQL the migration tables live in the current schema (search_path), so that
  // several schemas in one database (tests, tenants) each keep their own.
  const schema =
    dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'ftai_migrations',
    migrationLockTableName: 'ftai_migrations_lock',
    ...(schema !== undefined && { migrationTableSchema: schema }),
  });
  const { error, results } = options.upTo === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(options.upTo);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
