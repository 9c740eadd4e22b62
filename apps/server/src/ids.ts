import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
export const newToken = (): string => randomBytes(32).toString('base64url');
export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * `count` new ids (random UUIDs, as newId makes them) in ascending order: rows written in a known
 * order with these ids go into an index of their ids in that order too, which a database does
 * faster than random order.
 */
export function ascendingIds(count: number): string[] {
  return Array.from({ length: count }, newId).sort();
}
