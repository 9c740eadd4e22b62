import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/** Everything the server is configured with; `loadConfig` reads it from options and the environment. */
export interface ServerConfig {
  /** Folder for the SQLite file and uploaded files (FTAI_DATA_DIR, --data). */
  readonly dataDir: string;
  /** postgres://… (DATABASE_URL) selects PostgreSQL; empty selects SQLite. */
  readonly databaseUrl: string | undefined;
  readonly port: number;
  readonly host: string;
  /** Secure cookies: on behind HTTPS (FTAI_SECURE_COOKIES=1). */
  readonly secureCookies: boolean;
  /** scrypt cost as log2(N); 15 (32 MiB per hash) in production. */
  readonly scryptLogN: number;
  readonly bodyLimitBytes: number;
  readonly uploadLimitBytes: number;
  readonly sessionHours: number;
  /** Login attempts allowed per minute for one address and user name. */
  readonly loginAttemptsPerMinute: number;
  /** The clock, injectable for tests. */
  readonly now: () => Date;
  readonly logger: boolean;
  /** Folder of the built web app, served at / when present. */
  readonly webDir: string | undefined;
  /** Worker threads of a match job (FTAI_MATCH_WORKERS; one per core by default). */
  readonly matchWorkers: number;
  /** The largest registry an officer may upload for matching. */
  readonly matchUploadLimitBytes: number;
}

export type ConfigOptions = Partial<ServerConfig>;

function int(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: expected a whole number, got ${v}`);
  return n;
}

export function loadConfig(options: ConfigOptions = {}): ServerConfig {
  return {
    dataDir: options.dataDir ?? resolve(process.env.FTAI_DATA_DIR || '.data'),
    databaseUrl: options.databaseUrl ?? (process.env.DATABASE_URL || undefined),
    port: options.port ?? int('PORT', 8080),
    host: options.host ?? (process.env.HOST || '127.0.0.1'),
    secureCookies: options.secureCookies ?? process.env.FTAI_SECURE_COOKIES === '1',
    scryptLogN: options.scryptLogN ?? int('FTAI_SCRYPT_LOG_N', 15),
    bodyLimitBytes: options.bodyLimitBytes ?? 1 << 20,
    uploadLimitBytes: options.uploadLimitBytes ?? 10 << 20,
    sessionHours: options.sessionHours ?? 8,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10,
    now: options.now ?? (() => new Date()),
    logger: options.logger ?? false,
    webDir: options.webDir,
    matchWorkers: options.matchWorkers ?? (int('FTAI_MATCH_WORKERS', 0) || availableParallelism()),
    matchUploadLimitBytes: options.matchUploadLimitBytes ?? 512 << 20,
  };
}
