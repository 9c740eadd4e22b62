import type { Attachment } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The files attached to an application, in upload order. */
export async function listAttachments(db: Kysely<Database>, applicationId: string): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('attachments')
    .innerJoin('users', 'users.id', 'attachments.uploaded_by')
    .select([
      'attachments.id',
      'attachments.filename',
      'attachments.mime',
      'attachments.size',
      'attachments.sha256',
      'attachments.at',
      'attachments.measure',
      'attachments.material',
      'users.display_name',
    ])
    .where('attachments.application_id', '=', applicationId)
    .orderBy('attachments.at')
    .orderBy('attachments.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    filename: r.filename,
    mime: r.mime,
    size: Number(r.size),
    sha256: r.sha256,
    uploadedBy: r.display_name,
    at: r.at,
    url: `/api/v1/attachments/${r.id}`,
    measure: r.measure ?? null,
    material: r.material ?? null,
  }));
}
