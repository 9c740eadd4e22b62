import { Readable } from 'node:stream';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { type BlobStore, checkKey, Measure, releaseBody, type StoredBlob } from './blob-store.js';

/** Bytes per lo_put and lo_get: large enough for few round trips, small enough to keep memory flat. */
const CHUNK = 1 << 20;
/** The first key of the advisory locks that order writers of one key ('ftai' in ASCII); the second is the key's hash. */
const LOCK_CLASS = 0x66746169;

/**
 * Blobs as PostgreSQL large objects (chosen when DATABASE_URL is set and FTAI_BLOB_URL is not),
 * so that every instance on the database reads every file with nothing more to run. The `blobs`
 * table (migration 0012) maps each key to its large object; the object is written in chunks
 * (lo_put) inside one transaction with its row, so that a write that fails leaves neither, and
 * read in chunks (lo_get), each a short query: no connection is held while a client downloads.
 */
export class PostgresBlobStore implements BlobStore {
  readonly driver = 'postgres';

  constructor(private readonly db: Kysely<Database>) {}

  async put(key: string, body: Readable): Promise<StoredBlob> {
    checkKey(key);
    const measure = new Measure();
    // A broken body breaks the measure too, and so the loop below and its transaction.
    body.once('error', (error) => measure.destroy(error));
    body.pipe(measure);
    try {
      return await this.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ id: number }>`select lo_create(0) as id`.execute(trx);
        const id = Number(rows[0]?.id);
        let offset = 0;
        let pending: Buffer[] = [];
        let pendingBytes = 0;
        const flush = async () => {
          if (pendingBytes === 0) return;
          const chunk = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingBytes);
          await sql`select lo_put(${id}::oid, ${offset}::bigint, ${chunk})`.execute(trx);
          offset += pendingBytes;
          pending = [];
          pendingBytes = 0;
        };
        for await (const chunk of measure) {
          pending.push(chunk as Buffer);
          pendingBytes += (chunk as Buffer).length;
          if (pendingBytes >= CHUNK) await flush();
        }
        await flush();
        const stored = measure.result();
        await lockKey(trx, key);
        const old = await trx.selectFrom('blobs').select('object_id').where('key', '=', key).executeTakeFirst();
        const row = { key, object_id: id, size: stored.size, sha256: stored.sha256, created_at: new Date().toISOString() };
        if (old) {
          await trx.updateTable('blobs').set(row).where('key', '=', key).execute();
          await unlink(trx, Number(old.object_id));
        } else {
          await trx.insertInto('blobs').values(row).execute();
        }
        return stored;
      });
    } catch (error) {
      releaseBody(body, measure);
      throw error;
    }
  }

  async get(key: string): Promise<Readable | undefined> {
    const row = await this.db.selectFrom('blobs').select(['object_id', 'size']).where('key', '=', checkKey(key)).executeTakeFirst();
    if (!row) return undefined;
    const id = Number(row.object_id);
    const size = Number(row.size);
    const db = this.db;
    async function* chunks() {
      for (let offset = 0; offset < size; offset += CHUNK) {
        const { rows } = await sql<{ data: Buffer }>`select lo_get(${id}::oid, ${offset}::bigint, ${CHUNK}::int) as data`.execute(db);
        const data = rows[0]?.data;
        if (!data || data.length === 0) throw new Error(`blob ${key}: its large object ended at ${offset} of ${size} bytes`);
        yield data;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    const row = await this.db.selectFrom('blobs').select('size').where('key', '=', checkKey(key)).executeTakeFirst();
    return row ? { size: Number(row.size) } : undefined;
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    await this.db.transaction().execute(async (trx) => {
      await lockKey(trx, key);
      const row = await trx.deleteFrom('blobs').where('key', '=', key).returning('object_id').executeTakeFirst();
      if (row) await unlink(trx, Number(row.object_id));
    });
  }

  async close(): Promise<void> {}
}

/** Orders the writers of one key (two uploads of the same content): the second replaces the first's row and frees its object. */
async function lockKey(trx: Transaction<Database>, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${LOCK_CLASS}::int, hashtext(${key}))`.execute(trx);
}

async function unlink(trx: Transaction<Database>, id: number): Promise<void> {
  await sql`select lo_unlink(m.oid) from pg_largeobject_metadata m where m.oid = ${id}::oid`.execute(trx);
}
