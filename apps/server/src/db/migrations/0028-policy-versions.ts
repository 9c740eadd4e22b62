import { type Kysely, type Migration, sql } from 'kysely';

/** What version 1 is: the package's parameters.json, as the policy text gives them. */
export const POLICY_TITLE = '丰台区支持人工智能科技创新和产业创新融合发展的若干措施';

/**
 * Versions of the policy's parameters (issue 15): version 1 is the package's parameters.json,
 * approved from the policy's first day; an officer drafts a later one and another officer approves
 * it. `changes_json` holds the changes against version 1 (what makeEdition takes), so a version is
 * read without its chain; `own_changes_json` what it changes against the version it is based on,
 * as people read it. Each ledger entry names the version its application's answer came from. The
 * same statements on SQLite and PostgreSQL (instants as ISO text).
 */
export function policyVersions(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('policy_versions')
        .addColumn('number', 'integer', (c) => c.primaryKey())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('based_on', 'integer')
        .addColumn('changes_json', 'text', (c) => c.notNull())
        .addColumn('own_changes_json', 'text', (c) => c.notNull())
        .addColumn('effective_on', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('authority', 'text', (c) => c.notNull())
        .addColumn('authority_ref', 'text')
        .addColumn('drafted_by', 'text', (c) => c.references('users.id'))
        .addColumn('drafted_at', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('decided_by', 'text', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_note', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addCheckConstraint('policy_versions_status', sql`status in ('draft', 'pending', 'approved', 'rejected', 'withdrawn')`)
        .execute();
      // The version in effect: the approved one with the latest date not after today, one index seek.
      await db.schema
        .createIndex('policy_versions_in_effect')
        .on('policy_versions')
        .columns(['status', 'effective_on', 'number'])
        .execute();
      await sql`
        insert into policy_versions (number, status, based_on, changes_json, own_changes_json, effective_on, reason, authority, updated_at)
        values (1, 'approved', null, '[]', '[]', '2025-10-30',
          ${'政策原文规定的支持比例、金额、上限和年限；原文未作规定之处，采用本平台明示的假设（见各参数的“假设”说明）。'},
          ${POLICY_TITLE}, '2025-10-30T00:00:00.000Z')`.execute(db);
      await sql`alter table awards add column policy_version text`.execute(db);
    },
  };
}
