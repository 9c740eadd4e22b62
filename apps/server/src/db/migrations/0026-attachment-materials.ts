import { type Kysely, type Migration, sql } from 'kysely';

/**
 * Attachments tied to a material of a measure (申报材料: `1` / `contract`), null for one given as
 * 其他材料. Submission checks the required materials of the measures claimed against them. The
 * same statements on SQLite and PostgreSQL.
 */
export function attachmentMaterials(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`alter table attachments add column measure text`.execute(db);
      await sql`alter table attachments add column material text`.execute(db);
    },
  };
}
