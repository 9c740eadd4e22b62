import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface NotifyEntry {
  readonly row: number;
  readonly creditCode: string | null;
  readonly name: string | null;
  readonly year: number;
  readonly total: number;
  readonly measures: readonly { measure: string; subject: string | null; amount: number }[];
}

/**
 * A page of the enterprises to notify (every row granted money, in registry order), read from
 * the job's notify file as a stream, with how many there are in all.
 */
export async function readNotifyList(file: string, offset: number, limit: number): Promise<{ total: number; enterprises: NotifyEntry[] }> {
  const enterprises: NotifyEntry[] = [];
  let total = 0;
  if (!existsSync(file)) return { total, enterprises };
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    if (total >= offset && enterprises.length < limit) enterprises.push(JSON.parse(line) as NotifyEntry);
    total++;
  }
  return { total, enterprises };
}
