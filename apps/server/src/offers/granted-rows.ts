import { createInterface } from 'node:readline';
import type { NotifyEntry, OfferFilters } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { requireFinishedMatchJob } from '../matching/load-match-job.js';
import { MATCH_FILES, openJobOutput } from '../matching/match-job-files.js';

/** A granted registry row of a match job, with the request it was matched on (the notify list's line). */
export interface GrantedRow extends NotifyEntry {
  /** The row's request as matched (yuan, as the contract writes it): enterprise, facts, and history and other policies' awards where the registry gave them. */
  readonly request: {
    readonly enterprise: Record<string, unknown>;
    readonly facts: Record<string, unknown>;
    readonly history?: unknown;
    readonly otherPolicyAwards?: unknown;
  };
}

/**
 * Every row a finished match job granted money, in registry order, read from its notify list as
 * a stream: memory stays flat whatever the registry's size.
 */
export async function* grantedRows(ctx: AppContext, db: Kysely<Database>, matchJobId: string): AsyncGenerator<GrantedRow> {
  // `db`: the caller's transaction where there is one (SQLite has one connection: another would wait for it).
  const job = await requireFinishedMatchJob(db, matchJobId, 'its offers are');
  const file = await openJobOutput(ctx, job.id, MATCH_FILES.notify);
  if (!file) return;
  file.setEncoding('utf8');
  for await (const line of createInterface({ input: file, crlfDelay: Infinity })) {
    if (line === '') continue;
    const row = JSON.parse(line) as Partial<GrantedRow> & NotifyEntry;
    yield { ...row, request: row.request ?? { enterprise: {}, facts: {} } };
  }
}

/** Whether a granted row passes the officer's filters (measures, totals, review). */
export function passes(row: NotifyEntry, f: OfferFilters): boolean {
  const review = row.measures.some((m) => m.review === true);
  if (f.measures?.length && !row.measures.some((m) => f.measures?.includes(m.measure))) return false;
  if (f.minTotal !== undefined && row.total < f.minTotal) return false;
  if (f.maxTotal !== undefined && row.total > f.maxTotal) return false;
  if (f.review === 'without' && review) return false;
  if (f.review === 'with' && !review) return false;
  return true;
}
