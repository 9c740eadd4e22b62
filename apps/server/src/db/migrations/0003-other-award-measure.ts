import type { Kysely, Migration } from 'kysely';

/**
 * Other policies' awards may name the measure of this policy they overlap instead of a subject
 * (CALCULATION.md, `otherPolicyAwards[].measure`: support to the enterprise as a whole, such as
 * another policy's little-giant award against 5.3a). The rows already imported all name a
 * subject, so they get ''.
 */
export function otherAwardMeasure(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('other_policy_awards')
        .addColumn('measure', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
    },
  };
}
