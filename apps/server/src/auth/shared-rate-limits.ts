import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { sha256 } from '../ids.js';

/** A limit's count after one more hit, and the milliseconds until its window ends. */
export interface LimitCount {
  readonly hits: number;
  readonly ttlMs: number;
}

/**
 * Counts one hit of `key` in its window of `windowMs` and returns the count: one upsert
 * (INSERT … ON CONFLICT … DO UPDATE), atomic on both databases, so that every instance on the
 * database counts into the same row. As @fastify/rate-limit's own store does, a window starts at
 * the first hit after the last one ended. Only the key's sha256 is stored: it holds addresses and
 * what was typed as a user name (sometimes a password).
 */
export async function countHit(db: Kysely<Database>, key: string, windowMs: number, now: Date): Promise<LimitCount> {
  const at = now.toISOString();
  const ends = new Date(now.getTime() + windowMs).toISOString();
  // In DO UPDATE, `rate_limits.*` is the row as it was: every CASE sees the same old expiry.
  const expired = sql<boolean>`rate_limits.expires_at <= ${at}`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key: sha256(key), hits: 1, window_started_at: at, expires_at: ends })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`case when ${expired} then 1 else rate_limits.hits + 1 end`,
        window_started_at: sql<string>`case when ${expired} then ${at} else rate_limits.window_started_at end`,
        expires_at: sql<string>`case when ${expired} then ${ends} else rate_limits.expires_at end`,
      }),
    )
    .returning(['hits', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), ttlMs: Math.max(0, Date.parse(row.expires_at) - now.getTime()) };
}

/** Deletes the counters whose window has ended; returns how many. */
export async function sweepRateLimits(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ended counters are swept at most this often per process. */
const SWEEP_EVERY_MS = 60_000;

/**
 * A store for @fastify/rate-limit that counts in the database (`countHit`), for app.ts to
 * register: the sign-in limits (auth-routes.ts) and every route's `config.rateLimit` then hold
 * for all the instances on one database together, not for each process. A route's limit counts
 * under its method and URL, so that two routes limited by address do not share a count.
 */
export function sharedRateLimitStore(db: Kysely<Database>, now: () => Date): FastifyRateLimitStoreCtor {
  let lastSweep = 0;
  const sweep = async (at: Date) => {
    if (Math.abs(at.getTime() - lastSweep) < SWEEP_EVERY_MS) return;
    lastSweep = at.getTime();
    await sweepRateLimits(db, at);
  };
  class SharedRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: FastifyRateLimitOptions,
      private readonly scope = '',
    ) {}

    // @fastify/rate-limit passes the limit's window (its types leave it out).
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow = 60_000): void {
      const at = now();
      sweep(at)
        .then(() => countHit(db, `${this.scope}${key}`, timeWindow, at))
        .then(
          (count) => callback(null, { current: count.hits, ttl: count.ttlMs }),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
    }

    child(routeOptions: FastifyRateLimitOptions & { routeInfo?: { method?: unknown; url?: unknown } }): FastifyRateLimitStore {
      const route = routeOptions.routeInfo;
      const scope = route?.url ? `route|${String(route.method)} ${String(route.url)}|` : '';
      return new SharedRateLimitStore(routeOptions, scope);
    }
  }
  return SharedRateLimitStore;
}
