import { randomUUID } from 'node:crypto';
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APPLICATION_STATUSES, isWithApplicant } from '@ftai/api';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { ApplicationStatus, Database } from '../db/schema.js';
import { conflict, HttpError } from '../errors.js';
import { newId, sha256 } from '../ids.js';
import { requireApplication } from './require-application.js';
import { EXTENSIONS, sanitiseFilename } from './sanitise-filename.js';

/** Where a stored file's bytes live: one copy per content, however often it is attached. */
export function blobPath(dataDir: string, hash: string): string {
  return join(dataDir, 'blobs', hash.slice(0, 2), hash);
}

/** Only an application with its applicant (a draft, or one returned for changes) takes new files. */
export function assertCanAttach(status: ApplicationStatus): void {
  if (!isWithApplicant(status)) {
    throw conflict(
      'FTAI_ERR_TRANSITION',
      `an application in status ${status} takes no more files: only one in status ${APPLICATION_STATUSES.filter(isWithApplicant).join(' or ')} does`,
    );
  }
}

/**
 * Attaches a file to the applicant's own application. The type is read from the bytes, never
 * from the name or the browser's claim (a text file named x.pdf is refused; PNG bytes named
 * x.pdf are kept as PNG). The bytes are stored once under their SHA-256, written to a temporary
 * file and renamed, so that a reader never sees half a file.
 */
export async function storeAttachment(
  ctx: AppContext,
  user: CurrentUser,
  applicationId: string,
  upload: { readonly filename: string; readonly bytes: Buffer },
): Promise<string> {
  const detected = await fileTypeFromBuffer(upload.bytes);
  const mime = detected?.mime ?? '';
  if (!(mime in EXTENSIONS)) {
    const what = upload.bytes.length === 0 ? 'an empty file' : detected ? `${detected.mime} (.${detected.ext})` : 'no known file type';
    throw new HttpError(
      415,
      'FTAI_ERR_UPLOAD',
      `the content of ${JSON.stringify(upload.filename)} is ${what}; accepted are PDF, PNG, JPEG and WebP (application/pdf, image/png, image/jpeg, image/webp)`,
    );
  }
  const hash = sha256(upload.bytes);
  await writeBlob(blobPath(ctx.config.dataDir, hash), upload.bytes);
  const id = newId();
  const at = ctx.now();
  const filename = sanitiseFilename(upload.filename, mime);
  // A blob whose row then fails to insert stays behind unreferenced: harmless, and the next
  // upload of the same content finds it.
  await ctx.tx(async (trx) => {
    const row = await requireApplication(trx, user, applicationId, 'own');
    assertCanAttach(row.status);
    // Uploads to one application queue on PostgreSQL, so that two at once cannot both take the last place.
    if (ctx.dialect === 'postgres') await trx.selectFrom('applications').select('id').where('id', '=', applicationId).forUpdate().execute();
    await assertRoomForAttachment(trx, ctx.config.maxAttachmentsPerApplication, applicationId);
    const values = { id, application_id: applicationId, sha256: hash, filename, mime, size: upload.bytes.length, uploaded_by: user.id, at };
    await trx.insertInto('attachments').values(values).execute();
    await appendAudit(
      trx,
      {
        actorId: user.id,
        action: 'attachment.upload',
        entity: 'application',
        entityId: applicationId,
        before: null,
        after: { attachmentId: id, filename, mime, size: values.size, sha256: hash },
      },
      at,
    );
  });
  return id;
}

/**
 * An application holds at most `limit` files (config `maxAttachmentsPerApplication`): without a
 * limit one applicant could fill the disk and every reviewer's list.
 */
export async function assertRoomForAttachment(db: Kysely<Database>, limit: number, applicationId: string): Promise<void> {
  const { n } = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('application_id', '=', applicationId)
    .executeTakeFirstOrThrow();
  if (Number(n) >= limit) {
    throw conflict(
      'FTAI_ERR_ATTACHMENT_LIMIT',
      `this application already has ${Number(n)} files, the limit of ${limit}: combine documents into one PDF (several scans of one certificate in one file) before attaching more`,
    );
  }
}

async function writeBlob(path: string, bytes: Buffer): Promise<void> {
  if (await exists(path)) return;
  const dir = join(path, '..');
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
