import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Indexes of the paged records: ledger, other-policy awards, audit log, match jobs. Each list
 * pages in keyset order (sort key, id), so each sort has an index of (filter…, key, id): the
 * first page and every next one are one range scan, whatever the size of the table. The same
 * statements serve both dialects.
 */
export function recordIndexes(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const index = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();
      // The award ledger: newest first or largest first, of the whole ledger, of a call, of an enterprise.
      await index('awards_created', 'awards', ['created_at', 'id']);
      await index('awards_amount', 'awards', ['amount', 'id']);
      await index('awards_call_created', 'awards', ['call_id', 'created_at', 'id']);
      await index('awards_call_amount', 'awards', ['call_id', 'amount', 'id']);
      await index('awards_enterprise_created', 'awards', ['credit_code', 'created_at', 'id']);
      // Other policies' awards: newest import first or largest first, of all, of an enterprise, of a batch.
      await index('other_policy_awards_imported', 'other_policy_awards', ['imported_at', 'id']);
      await index('other_policy_awards_amount', 'other_policy_awards', ['amount', 'id']);
      await index('other_policy_awards_enterprise_imported', 'other_policy_awards', ['credit_code', 'imported_at', 'id']);
      await index('other_policy_awards_batch', 'other_policy_awards', ['batch_id', 'imported_at', 'id']);
      // The audit log pages by seq (its key): by entity, by operator, by action, by date.
      await index('audit_log_entity', 'audit_log', ['entity', 'entity_id', 'seq']);
      await index('audit_log_actor', 'audit_log', ['actor_id', 'seq']);
      await index('audit_log_action', 'audit_log', ['action', 'seq']);
      await index('audit_log_at', 'audit_log', ['at']);
      // Match jobs: newest first, of one status.
      await index('match_jobs_created', 'match_jobs', ['created_at', 'id']);
      await index('match_jobs_status_created', 'match_jobs', ['status', 'created_at', 'id']);
    },
  };
}
