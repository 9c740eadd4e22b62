import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AppContext } from '@ftai/server';
import { loadServer, type Server } from './load-server.js';
import { locateWebApp, type WebApp } from './locate-web-app.js';

export interface PlatformOptions {
  readonly port?: number | undefined;
  readonly data?: string | undefined;
}

function configFrom(server: Server, o: PlatformOptions, web?: WebApp) {
  return server.loadConfig({
    ...(o.port !== undefined && { port: o.port }),
    ...(o.data !== undefined && { dataDir: resolve(o.data) }),
    ...(web?.dir !== undefined && { webDir: web.dir }),
  });
}

/**
 * `ftai serve`: migrate, then serve the API until stopped, and the web app where @ftai/web is
 * installed and built (locateWebApp); without it, the API alone, saying so.
 */
export async function serveCommand(o: PlatformOptions): Promise<number> {
  const platform = await loadServer('serve');
  const web = locateWebApp();
  const config = configFrom(platform, o, web);
  const server = await platform.startServer({ ...config, logger: process.env.FTAI_LOG === '1' });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite in ${config.dataDir}`;
  const docs = config.apiDocs ? `; API docs at ${server.address}/api/docs` : '';
  process.stdout.write(`ftai: serving on ${server.address} — ${where}${docs}\n`);
  if (web.dir === undefined) process.stdout.write(`ftai: ${web.message}\n`);
  const signal = await new Promise<NodeJS.Signals>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  // A second signal while draining stops at once.
  const now = (again: NodeJS.Signals) => {
    process.stderr.write(`ftai: ${again} while draining: stopping now\n`);
    process.exit(1);
  };
  process.once('SIGINT', now);
  process.once('SIGTERM', now);
  process.stdout.write(`ftai: ${signal}: draining (requests under way get ${config.drainSeconds} s, running jobs go back to the queue)\n`);
  await server.close();
  process.stdout.write('ftai: stopped\n');
  // Drained and closed: a library's leftover timer must not keep a stopped server's process alive.
  setTimeout(() => process.exit(0), 2000).unref();
  return 0;
}

/**
 * Opens and migrates the database for one command. The context comes first: it attaches the audit
 * key, so that entries written by migrations are keyed. A command that writes then opens the audit
 * log (makes the key on first use, seals a log begun before keying); verification only reads.
 */
async function withDatabase<T>(
  server: Server,
  o: PlatformOptions,
  work: (ctx: AppContext) => Promise<T>,
  access: 'write' | 'read' = 'write',
): Promise<T> {
  const config = configFrom(server, o);
  const handle = server.openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const ctx = server.createContext(handle.db, handle.dialect, config);
    await server.migrateToLatest(handle.db, handle.dialect);
    if (access === 'write') await server.openAuditLog(handle.db, ctx.now());
    return await work(ctx);
  } finally {
    await handle.close();
  }
}

/** `ftai db migrate` */
export async function migrateCommand(o: PlatformOptions): Promise<number> {
  const server = await loadServer('db migrate');
  const config = configFrom(server, o);
  const handle = server.openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const ctx = server.createContext(handle.db, handle.dialect, config);
    const applied = await server.migrateToLatest(handle.db, handle.dialect);
    await server.openAuditLog(handle.db, ctx.now());
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'the schema is up to date\n');
    return 0;
  } finally {
    await handle.close();
  }
}

export interface UserOptions extends PlatformOptions {
  readonly username: string;
  readonly role: string;
  readonly name?: string | undefined;
  readonly creditCode?: string | undefined;
  readonly enterprise?: string | undefined;
  readonly password?: string | undefined;
  readonly passwordStdin?: boolean | undefined;
}

/** `ftai users add`: an account of any role, audited with no actor (the command line). */
export async function usersAddCommand(o: UserOptions): Promise<number> {
  const server = await loadServer('users add');
  const { ROLES, passwordProblem, createUser } = server;
  const role = ROLES.find((r) => r === o.role);
  if (!role) return fail(`--role: expected one of ${ROLES.join(', ')}, got ${o.role}`);
  const password = o.passwordStdin ? readFileSync(0, 'utf8').trim() : (o.password ?? process.env.FTAI_PASSWORD);
  if (!password) return fail('--password (or --password-stdin, or FTAI_PASSWORD): expected a password');
  // The rule of the API (createUser), checked here first to answer before opening the database.
  const weak = passwordProblem(password, o.username, o.name ?? o.username);
  if (weak) return fail(`--password: ${weak} (FTAI_ERR_WEAK_PASSWORD)`);
  if (role === 'applicant' && !o.creditCode) return fail('--credit-code: an applicant acts for one enterprise; give its credit code');
  const { creditCodeProblem } = await import('@ftai/policy-fengtai');
  if (o.creditCode && creditCodeProblem(o.creditCode)) return fail(`--credit-code: ${creditCodeProblem(o.creditCode)}`);
  return withDatabase(server, o, async (ctx) => {
    const user = await createUser(ctx, {
      username: o.username,
      displayName: o.name ?? o.username,
      role,
      creditCode: o.creditCode,
      enterpriseName: o.enterprise,
      password,
      actorId: null,
    });
    process.stdout.write(`created ${user.role} ${user.username} (${user.id})\n`);
    return 0;
  });
}

/**
 * `ftai audit verify`: exit 0 when the log is whole — every entry's HMAC under the audit key, the
 * links, the head, the anchors, the guarding triggers — 1 with each problem otherwise. It reads the
 * key (FTAI_AUDIT_KEY or FTAI_AUDIT_KEY_FILE) and the anchor file (FTAI_AUDIT_ANCHOR_FILE) as the
 * server does, and never makes a key.
 */
export async function auditVerifyCommand(o: PlatformOptions & { json?: boolean }): Promise<number> {
  const server = await loadServer('audit verify');
  return withDatabase(
    server,
    o,
    async (ctx) => {
      const v = await server.verifyAudit(ctx.db);
      if (o.json) process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
      else if (v.ok) {
        const anchored = v.anchors?.last ? `, anchored up to ${v.anchors.last.seq}` : '';
        process.stdout.write(`audit log verified: ${v.entries} entries, chain intact${anchored}; head ${v.headSeq} ${v.headHash}\n`);
      } else {
        process.stdout.write(`audit log BROKEN: ${v.problems.length} problem(s) in ${v.entries} entries\n`);
        for (const p of v.problems) process.stdout.write(p.seq > 0 ? `  entry ${p.seq}: ${p.problem}\n` : `  ${p.problem}\n`);
      }
      return v.ok ? 0 : 1;
    },
    'read',
  );
}

function fail(message: string): number {
  process.stderr.write(`ftai: ${message}\n`);
  return 2;
}
