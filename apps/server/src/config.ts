import { randomBytes } from 'node:crypto';
import { availableParallelism, hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Everything the server is configured with; `loadConfig` reads it from options and the environment. */
export interface ServerConfig {
  /** Folder for the SQLite file and uploaded files (FTAI_DATA_DIR, --data). */
  readonly dataDir: string;
  /** postgres://… (DATABASE_URL) selects PostgreSQL; empty selects SQLite. */
  readonly databaseUrl: string | undefined;
  /**
   * Where files are kept (FTAI_BLOB_URL, storage/open-blob-store.ts): s3://bucket/prefix?endpoint=…&region=…
   * or file:///folder; unset, in PostgreSQL's large objects on PostgreSQL and in the data folder on SQLite.
   */
  readonly blobUrl: string | undefined;
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
  /** Login attempts allowed per minute from one address, whatever the names (FTAI_LOGIN_LIMIT_PER_ADDRESS). */
  readonly loginAttemptsPerAddressPerMinute: number;
  /** Login attempts allowed per minute in all, from everywhere (FTAI_LOGIN_LIMIT_TOTAL). */
  readonly loginAttemptsTotalPerMinute: number;
  /**
   * Password hashes run at once in the process (FTAI_HASH_CONCURRENCY): half of libuv's thread
   * pool by default, so that file reads keep the other half.
   */
  readonly hashConcurrency: number;
  /**
   * Which proxies to believe for the client's address (FTAI_TRUST_PROXY), as Fastify's
   * `trustProxy`: false (none, the default), true (any), a hop count, or addresses/CIDRs.
   */
  readonly trustProxy: boolean | number | string[];
  /** Serve the OpenAPI document and Swagger UI at /api/docs (FTAI_API_DOCS=1); off by default. */
  readonly apiDocs: boolean;
  /** Key of the CSRF tokens' HMAC (FTAI_CSRF_KEY); without it, the database's on PostgreSQL, the data folder's on SQLite (auth/csrf-key.ts). */
  readonly csrfKey: string | undefined;
  /** The clock, injectable for tests. */
  readonly now: () => Date;
  readonly logger: boolean;
  /** Folder of the built web app, served at / when present. */
  readonly webDir: string | undefined;
  /** Worker threads of a match job (FTAI_MATCH_WORKERS; one per core by default). */
  readonly matchWorkers: number;
  /** The largest registry an officer may upload for matching. */
  readonly matchUploadLimitBytes: number;
  /** This instance's name in job leases and the audit log (FTAI_INSTANCE_ID); host, process and a random tag by default. */
  readonly instanceId: string;
  /**
   * Seconds a running job's lease lasts without a heartbeat (FTAI_JOB_LEASE_SECONDS, 30): past it, another
   * instance takes the job over. Heartbeats come every third of it (at most every second).
   */
  readonly jobLeaseSeconds: number;
  /** Times a job whose instance died is run again (FTAI_JOB_RETRIES, 1); past that it fails. A job handed back on shutdown is no failure. */
  readonly jobRetries: number;
  /** How often an idle instance asks the queue for work (FTAI_JOB_POLL_SECONDS, 2; PostgreSQL only, at least 0.5). */
  readonly jobPollSeconds: number;
  /** The PostgreSQL schema of the queue's tables (FTAI_JOB_SCHEMA); `<current schema>_boss` by default. */
  readonly jobSchema: string | undefined;
  /** The audit log's HMAC key, hex or base64, 32 bytes or more (FTAI_AUDIT_KEY); when unset, read from `auditKeyFile`. */
  readonly auditKey: string | undefined;
  /**
   * The audit key's file (FTAI_AUDIT_KEY_FILE), created with mode 0600 on first start when absent; by
   * default `<data>-audit/audit.key`, beside the data folder and outside it, so that a copy of the data is no copy of the key.
   */
  readonly auditKeyFile: string;
  /** The append-only file of audit chain heads (FTAI_AUDIT_ANCHOR_FILE); by default `audit-anchors.jsonl` beside the key file. */
  readonly auditAnchorFile: string;
  /** Files one application may have (FTAI_MAX_ATTACHMENTS): a dossier, not a file store. */
  readonly maxAttachmentsPerApplication: number;
  /**
   * Count the sign-in and objection limits in the database, shared by every instance (the default);
   * false counts them in this process only (tests of a schema from before migration 0013).
   */
  readonly sharedRateLimits: boolean;
  /**
   * On SIGTERM/SIGINT, the seconds requests under way get to finish before their connections are
   * cut (FTAI_DRAIN_SECONDS, 30 by default); running jobs are then handed back (server.ts).
   */
  readonly drainSeconds: number;
  /**
   * Milliseconds without whole-call work (allocation preview and commit, notice publication,
   * workbooks of a whole call) after which the server collects its garbage in full and gives the
   * memory back (FTAI_RELEASE_MEMORY_MS, 1: right after the answer; 0: never;
   * memory/release-memory.ts). Work that comes sooner collects before it starts instead.
   */
  readonly releaseMemoryMs: number;
  /**
   * The Chinese font of the PDFs (受理回执, 政策测算报告): FTAI_PDF_FONT, a .ttf, .otf or .ttc file,
   * a collection's face after `#` (…/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular, Debian's
   * fonts-noto-cjk, by default). Without the file, the PDFs answer 503 and the pages still print.
   */
  readonly pdfFont: string;
  /** Its bold face for headings (FTAI_PDF_FONT_BOLD); the regular one where absent. */
  readonly pdfFontBold: string;
  /**
   * Where the links in messages lead (FTAI_PUBLIC_URL): the address people open the platform at,
   * e.g. https://ftai.example.gov.cn; `http://HOST:PORT` by default.
   */
  readonly publicUrl: string;
  /** The SMTP server of 免申即享 e-mails (FTAI_SMTP_URL: smtp://user:pass@host:587, smtps://…); no e-mail without it. */
  readonly smtpUrl: string | undefined;
  /** Their sender (FTAI_MAIL_FROM), e.g. "丰台区科学技术和信息化局 <noreply@example.gov.cn>". */
  readonly mailFrom: string;
  /** An HTTP SMS provider (FTAI_SMS_URL, POST JSON {to, text, id}) and its token (FTAI_SMS_TOKEN); the log-only driver without it. */
  readonly smsUrl: string | undefined;
  readonly smsToken: string | undefined;
  /** E-mails and SMS sent per minute at most, all instances together roughly (FTAI_NOTIFY_PER_MINUTE, 600). */
  readonly notifyPerMinute: number;
  /** How often queued messages, reminders and deadlines are looked at (FTAI_NOTIFY_POLL_SECONDS, 5). */
  readonly notifyPollSeconds: number;
}

export type ConfigOptions = Partial<ServerConfig>;

/** Where Debian's fonts-noto-cjk puts its fonts. */
const NOTO_CJK = '/usr/share/fonts/opentype/noto';

function int(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: expected a whole number, got ${v}`);
  return n;
}

/** FTAI_TRUST_PROXY: "true", a hop count ("1"), or addresses/CIDRs separated by commas. */
function trustProxy(): boolean | number | string[] {
  const v = (process.env.FTAI_TRUST_PROXY ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

export function loadConfig(options: ConfigOptions = {}): ServerConfig {
  const dataDir = options.dataDir ?? resolve(process.env.FTAI_DATA_DIR || '.data');
  const auditKeyFile = options.auditKeyFile ?? resolve(process.env.FTAI_AUDIT_KEY_FILE || join(`${resolve(dataDir)}-audit`, 'audit.key'));
  return {
    dataDir,
    databaseUrl: options.databaseUrl ?? (process.env.DATABASE_URL || undefined),
    blobUrl: options.blobUrl ?? (process.env.FTAI_BLOB_URL || undefined),
    port: options.port ?? int('PORT', 8080),
    host: options.host ?? (process.env.HOST || '127.0.0.1'),
    secureCookies: options.secureCookies ?? process.env.FTAI_SECURE_COOKIES === '1',
    scryptLogN: options.scryptLogN ?? int('FTAI_SCRYPT_LOG_N', 15),
    bodyLimitBytes: options.bodyLimitBytes ?? 1 << 20,
    uploadLimitBytes: options.uploadLimitBytes ?? 10 << 20,
    sessionHours: options.sessionHours ?? 8,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10,
    loginAttemptsPerAddressPerMinute: options.loginAttemptsPerAddressPerMinute ?? int('FTAI_LOGIN_LIMIT_PER_ADDRESS', 30),
    loginAttemptsTotalPerMinute: options.loginAttemptsTotalPerMinute ?? int('FTAI_LOGIN_LIMIT_TOTAL', 120),
    hashConcurrency:
      options.hashConcurrency ?? (int('FTAI_HASH_CONCURRENCY', 0) || Math.max(1, Math.floor(int('UV_THREADPOOL_SIZE', 4) / 2))),
    trustProxy: options.trustProxy ?? trustProxy(),
    apiDocs: options.apiDocs ?? process.env.FTAI_API_DOCS === '1',
    csrfKey: options.csrfKey ?? (process.env.FTAI_CSRF_KEY || undefined),
    now: options.now ?? (() => new Date()),
    logger: options.logger ?? false,
    webDir: options.webDir,
    matchWorkers: options.matchWorkers ?? (int('FTAI_MATCH_WORKERS', 0) || availableParallelism()),
    matchUploadLimitBytes: options.matchUploadLimitBytes ?? 512 << 20,
    instanceId: options.instanceId ?? (process.env.FTAI_INSTANCE_ID || `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`),
    jobLeaseSeconds: options.jobLeaseSeconds ?? (int('FTAI_JOB_LEASE_SECONDS', 0) || 30),
    jobRetries: options.jobRetries ?? int('FTAI_JOB_RETRIES', 1),
    jobPollSeconds: options.jobPollSeconds ?? Math.max(0.5, Number(process.env.FTAI_JOB_POLL_SECONDS || 2) || 2),
    jobSchema: options.jobSchema ?? (process.env.FTAI_JOB_SCHEMA || undefined),
    auditKey: options.auditKey ?? (process.env.FTAI_AUDIT_KEY || undefined),
    auditKeyFile,
    auditAnchorFile:
      options.auditAnchorFile ?? resolve(process.env.FTAI_AUDIT_ANCHOR_FILE || join(dirname(auditKeyFile), 'audit-anchors.jsonl')),
    maxAttachmentsPerApplication: options.maxAttachmentsPerApplication ?? (int('FTAI_MAX_ATTACHMENTS', 0) || 50),
    sharedRateLimits: options.sharedRateLimits ?? true,
    drainSeconds: options.drainSeconds ?? int('FTAI_DRAIN_SECONDS', 30),
    releaseMemoryMs: options.releaseMemoryMs ?? int('FTAI_RELEASE_MEMORY_MS', 1),
    pdfFont: options.pdfFont ?? (process.env.FTAI_PDF_FONT || `${NOTO_CJK}/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular`),
    pdfFontBold: options.pdfFontBold ?? (process.env.FTAI_PDF_FONT_BOLD || `${NOTO_CJK}/NotoSansCJK-Bold.ttc#NotoSansCJKsc-Bold`),
    publicUrl: (
      options.publicUrl ??
      (process.env.FTAI_PUBLIC_URL || `http://${process.env.HOST || '127.0.0.1'}:${int('PORT', 8080)}`)
    ).replace(/\/+$/, ''),
    smtpUrl: options.smtpUrl ?? (process.env.FTAI_SMTP_URL || undefined),
    mailFrom: options.mailFrom ?? (process.env.FTAI_MAIL_FROM || '丰台区科学技术和信息化局 <noreply@localhost>'),
    smsUrl: options.smsUrl ?? (process.env.FTAI_SMS_URL || undefined),
    smsToken: options.smsToken ?? (process.env.FTAI_SMS_TOKEN || undefined),
    notifyPerMinute: options.notifyPerMinute ?? (int('FTAI_NOTIFY_PER_MINUTE', 0) || 600),
    notifyPollSeconds: options.notifyPollSeconds ?? Math.max(0.5, Number(process.env.FTAI_NOTIFY_POLL_SECONDS || 5) || 5),
  };
}
