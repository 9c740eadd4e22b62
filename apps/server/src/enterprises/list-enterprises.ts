import type { EnterpriseRow } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Every enterprise on record, by name (GET /api/v1/enterprises). */
export function listEnterprises(db: Kysely<Database>): Promise<EnterpriseRow[]> {
  return db.selectFrom('enterprises').select(['credit_code as creditCode', 'name', 'updated_at as updatedAt']).orderBy('name').execute();
}
