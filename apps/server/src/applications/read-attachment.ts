import type { Readable } from 'node:stream';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { HttpError, notFound } from '../errors.js';
import { requireApplication } from './require-application.js';
import { attachmentKey } from './store-attachment.js';

export interface AttachmentFile {
  readonly filename: string;
  readonly mime: string;
  readonly size: number;
  /** The bytes, streamed from the blob store. */
  readonly body: Readable;
}

/** A stored file, for whoever may see its application (403 otherwise, 404 if there is no such file). */
export async function readAttachment(ctx: AppContext, user: CurrentUser, id: string): Promise<AttachmentFile> {
  const row = await ctx.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('attachment');
  await requireApplication(ctx.db, user, row.application_id, 'see');
  const body = await ctx.blobs.get(attachmentKey(row.sha256));
  if (!body)
    throw new HttpError(
      500,
      'FTAI_ERR_INTERNAL',
      `the stored file of attachment ${id} is missing from the file store (${ctx.blobs.driver})`,
    );
  return { filename: row.filename, mime: row.mime, size: Number(row.size), body };
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII fallback for old clients
 * and the exact, percent-encoded UTF-8 name (Chinese names) for the rest.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
