import { APPLICATION_STATUSES, isWithApplicant } from '@ftai/api';
import { materialsOf } from '@ftai/policy-fengtai';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { ApplicationStatus, Database } from '../db/schema.js';
import { conflict, fieldError, HttpError } from '../errors.js';
import { receiveUpload } from '../http/read-upload.js';
import { newId } from '../ids.js';
import { putFile } from '../storage/blob-store.js';
import { type SpooledFile, spoolToFile } from '../storage/spool-file.js';
import { ACCEPTED_KINDS, fileKind } from './file-kind.js';
import { requireApplication } from './require-application.js';
import { sanitiseFilename } from './sanitise-filename.js';

/**
 * The blob key of a stored file's bytes: one copy per content, however often it is attached (in
 * the data folder, `blobs/ab/<sha256>`, the layout of earlier versions).
 */
export function attachmentKey(hash: string): string {
  return `blobs/${hash.slice(0, 2)}/${hash}`;
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
 * What a file is given as (申报材料): a material of a measure (`1` / `contract`), a general
 * material (null / `licence`, 通用材料), or neither (both null: 其他材料).
 */
export interface MaterialTie {
  readonly measure: string | null;
  readonly material: string | null;
}

/**
 * The material an upload's query names, checked against the lists of the policy package: 400 on
 * `query.measure` for a measure without a list, on `query.material` for a key not in the list
 * (naming the list). Neither given: one of 其他材料.
 */
export function materialTie(query: { readonly measure?: string; readonly material?: string }): MaterialTie {
  if (query.material === undefined) return { measure: null, material: null };
  const measure = query.measure ?? null;
  const list = materialsOf(measure);
  if (measure !== null && list.length === 0)
    throw fieldError('query.measure', `expected a measure id of the catalogue with a list of materials, got ${JSON.stringify(measure)}`);
  if (!list.some((m) => m.key === query.material)) {
    const keys = list.map((m) => m.key).join(', ');
    throw fieldError(
      'query.material',
      measure === null
        ? `expected a general material (one of ${keys}), or a measure with its material; got ${JSON.stringify(query.material)}`
        : `expected a material of measure ${measure} (one of ${keys}), got ${JSON.stringify(query.material)}`,
    );
  }
  return { measure, material: query.material };
}

/** An uploaded file as received: the name the client gave it, and its bytes spooled to a local file. */
export interface ReceivedFile {
  readonly filename: string;
  readonly file: SpooledFile;
}

/**
 * Receives the one file of an attachment upload (http/read-upload.ts: its limits and errors) into
 * a local file in `dir`, hashed on the way; on a throw (a file over the limit, a broken form),
 * nothing is left of it.
 */
export async function receiveAttachment(req: FastifyRequest, limit: number, dir: string): Promise<ReceivedFile> {
  let spooled: SpooledFile | undefined;
  try {
    return await receiveUpload(req, limit, async (part) => {
      spooled = await spoolToFile(part.stream, dir);
      return { filename: part.filename, file: spooled };
    });
  } catch (error) {
    await spooled?.remove();
    throw error;
  }
}

/**
 * Attaches a received file to the applicant's own application, and removes the received file.
 * The type is read from the bytes, never from the name or the browser's claim (a text file named
 * x.pdf is refused; PNG bytes named x.pdf are kept as PNG). The bytes go to the blob store once,
 * under their SHA-256 (a write there is whole or nothing), then the row and its audit entry in one
 * transaction. Nothing is written half: when the transaction fails, a blob this upload created
 * and no row refers to is removed again.
 */
export async function storeAttachment(
  ctx: AppContext,
  user: CurrentUser,
  applicationId: string,
  upload: ReceivedFile,
  tie: MaterialTie = { measure: null, material: null },
): Promise<string> {
  try {
    return await storeReceived(ctx, user, applicationId, upload.filename, upload.file, tie);
  } finally {
    await upload.file.remove();
  }
}

async function storeReceived(
  ctx: AppContext,
  user: CurrentUser,
  applicationId: string,
  name: string,
  file: SpooledFile,
  tie: MaterialTie,
): Promise<string> {
  const kind = await fileKind(file.path, name, file.size);
  if ('refused' in kind) {
    throw new HttpError(
      415,
      'FTAI_ERR_UPLOAD',
      `the content of ${JSON.stringify(name.split(/[/\\]/).pop() ?? name)} is ${kind.refused}; accepted are ${ACCEPTED_KINDS}`,
    );
  }
  const mime = kind.mime;
  const hash = file.sha256;
  const key = attachmentKey(hash);
  const isNew = (await ctx.blobs.stat(key)) === undefined;
  if (isNew) await putFile(ctx.blobs, key, file.path);
  const id = newId();
  const at = ctx.now();
  const filename = sanitiseFilename(name, mime);
  try {
    await ctx.tx(async (trx) => {
      const row = await requireApplication(trx, user, applicationId, 'own');
      assertCanAttach(row.status);
      // Uploads to one application queue on PostgreSQL, so that two at once cannot both take the last place.
      if (ctx.dialect === 'postgres')
        await trx.selectFrom('applications').select('id').where('id', '=', applicationId).forUpdate().execute();
      await assertRoomForAttachment(trx, ctx.config.maxAttachmentsPerApplication, applicationId);
      const values = {
        id,
        application_id: applicationId,
        sha256: hash,
        filename,
        mime,
        size: file.size,
        uploaded_by: user.id,
        at,
        measure: tie.measure,
        material: tie.material,
      };
      await trx.insertInto('attachments').values(values).execute();
      await appendAudit(
        trx,
        {
          actorId: user.id,
          action: 'attachment.upload',
          entity: 'application',
          entityId: applicationId,
          before: null,
          after: { attachmentId: id, filename, mime, size: values.size, sha256: hash, measure: tie.measure, material: tie.material },
        },
        at,
      );
    });
  } catch (error) {
    if (isNew && !(await isAttached(ctx, hash))) await ctx.blobs.delete(key);
    throw error;
  }
  // The same content, uploaded at the same moment by an upload that then failed, may have been
  // removed by it after this one found it stored: this row needs it, so it is stored again.
  if (!isNew && (await ctx.blobs.stat(key)) === undefined) await putFile(ctx.blobs, key, file.path);
  return id;
}

async function isAttached(ctx: AppContext, hash: string): Promise<boolean> {
  const row = await ctx.db.selectFrom('attachments').select('id').where('sha256', '=', hash).limit(1).executeTakeFirst();
  return row !== undefined;
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
