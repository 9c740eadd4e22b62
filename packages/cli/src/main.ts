import { MAIN_THREAD_BELOW_BYTES } from '@ftai/match';
import { Command, Option } from 'commander';
import { calcCommand } from './calc-command.js';
import { ServerMissingError } from './load-server.js';
import { measuresCommand } from './measures-command.js';

const MIB = 1 << 20;
/** --workers of calc and match. */
const workersOption = () =>
  new Option(
    '--workers <n>',
    `worker threads, the main thread only reading and writing (default: the main thread, joined by one per other core past ${MAIN_THREAD_BELOW_BYTES / MIB} MiB of input)`,
  ).argParser((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`--workers: expected 1 to 64, got ${v}`);
    return n;
  });
const LANG = new Option('--lang <lang>', 'language of explanations and reasons').choices(['zh', 'en']).default('zh');

/**
 * A platform command: it loads @ftai/server (Fastify, database drivers) when it runs. The server is
 * an optional peer of the command line; without it the command says how to install it, exit 1.
 */
async function platform(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ServerMissingError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
}

/**
 * Runs the `ftai` command line and resolves to the exit code. calc, match and measures need only
 * the engine, the policy and the matcher; the platform's commands load the server only when run.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('ftai')
    .description('ftai — policy-as-code for the Fengtai District AI measures (丰台区人工智能若干措施)')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('calc')
    .description('compute what the policy grants for a request (JSON), or one request per line with --jsonl')
    .argument('<file>', "request file, or '-' for standard input")
    .option('--jsonl', 'read JSON Lines: one request per line, one answer per line, in order')
    .addOption(LANG)
    .option('--no-explain', 'leave explanations out (faster)')
    .addOption(workersOption())
    .option(
      '--parameters <file>',
      'compute under a parameter version: its file (GET /api/v1/policy/versions/N/parameters.json) or a whole parameters.json; answers cite its version (2025.10.30-2+pN)',
    )
    .action(async (file: string, opts: { jsonl?: boolean; lang: 'zh' | 'en'; explain: boolean; workers?: number; parameters?: string }) => {
      code = await calcCommand(file, {
        jsonl: opts.jsonl === true,
        lang: opts.lang,
        explain: opts.explain,
        workers: opts.workers,
        parameters: opts.parameters,
      });
    });

  program
    .command('match')
    .description('match a whole registry (CSV, XLSX, or JSON Lines of requests) against every measure: who is owed what, and why')
    .argument(
      '[input]',
      "registry: .csv or .xlsx (one row per enterprise-year, docs/registry-columns.md), or JSON Lines of requests; '-' for standard input",
    )
    .option('--out <file>', 'write here (default: the answers as JSON Lines on standard output); a .xlsx name writes the summary workbook')
    .addOption(new Option('--format <format>', 'what --out holds: JSON Lines answers, or the summary workbook').choices(['jsonl', 'xlsx']))
    .option('--errors <file>', 'the bad rows, as JSON Lines (default: beside --out, or INPUT.errors.jsonl here)')
    .option('--notify <file>', 'also write the enterprises to notify (JSON Lines: credit code, name, total, measures granted)')
    .addOption(workersOption())
    .addOption(LANG)
    .option('--no-explain', 'leave explanations out (faster)')
    .option('--quiet', 'no progress and no summary on standard error')
    .option('--template <file>', 'write an empty registry template (.csv or .xlsx) to fill, and stop')
    .addOption(
      new Option('--input-format <format>', 'the input format, when the file name does not say it').choices(['jsonl', 'csv', 'xlsx']),
    )
    .option('--allow-extra-columns', 'leave out columns the registry format does not know, instead of refusing the file')
    .action(async (input: string | undefined, opts) => {
      const { matchCommand } = await import('./match-command.js');
      code = await matchCommand(input, {
        out: opts.out,
        format: opts.format,
        errors: opts.errors,
        notify: opts.notify,
        workers: opts.workers,
        lang: opts.lang,
        explain: opts.explain,
        quiet: opts.quiet === true,
        template: opts.template,
        inputFormat: opts.inputFormat,
        allowExtraColumns: opts.allowExtraColumns === true,
      });
    });

  program
    .command('measures')
    .description('print the catalogue of measures: id, clause, rule, caps, limits, assumptions')
    .option('--json', 'print JSON for machines')
    .addOption(LANG)
    .option('--year <year>', 'parameters in force for this assessment year', (v) => Number.parseInt(v, 10))
    .action((opts: { json?: boolean; lang: 'zh' | 'en'; year?: number }) => {
      code = measuresCommand({ json: opts.json === true, lang: opts.lang, year: opts.year });
    });

  const port = (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port: expected 0 to 65535, got ${v}`);
    return n;
  };
  const dataOption = () => new Option('--data <dir>', 'data folder for SQLite and uploads (default FTAI_DATA_DIR or .data)');

  program
    .command('serve')
    .description('run the platform (@ftai/server): API, web app (@ftai/web) and an embedded SQLite database (PostgreSQL with DATABASE_URL)')
    .option('--port <port>', 'port to listen on (default PORT or 8080)', port)
    .addOption(dataOption())
    .action(async (opts: { port?: number; data?: string }) => {
      const { serveCommand } = await import('./platform-commands.js');
      code = await platform(() => serveCommand(opts));
    });

  const db = program.command('db').description('database tasks (@ftai/server)');
  db.command('migrate')
    .description('bring the database schema up to date')
    .addOption(dataOption())
    .action(async (opts: { data?: string }) => {
      const { migrateCommand } = await import('./platform-commands.js');
      code = await platform(() => migrateCommand(opts));
    });
  db.command('seed-demo')
    .description('fill the database with a believable demo: a call, 30 enterprises, applications in every state, demo accounts')
    .addOption(dataOption())
    .action(async (opts: { data?: string }) => {
      const { seedDemoCommand } = await import('./seed-demo-command.js');
      code = await platform(() => seedDemoCommand(opts));
    });

  const users = program.command('users').description('accounts (@ftai/server)');
  users
    .command('add')
    .description('create an account')
    .requiredOption('--username <name>', 'sign-in name')
    .requiredOption('--role <role>', 'applicant, reviewer, officer or admin')
    .option('--name <display>', 'display name')
    .option('--credit-code <code>', "applicant: the enterprise's unified social credit code")
    .option('--enterprise <name>', 'applicant: the enterprise name, if the enterprise is new')
    .option('--password <password>', 'password (or FTAI_PASSWORD, or --password-stdin)')
    .option('--password-stdin', 'read the password from standard input')
    .addOption(dataOption())
    .action(async (opts) => {
      const { usersAddCommand } = await import('./platform-commands.js');
      code = await platform(() => usersAddCommand(opts));
    });

  program
    .command('audit')
    .description('audit log (@ftai/server)')
    .command('verify')
    .description(
      'check the audit log — each entry against the audit key (FTAI_AUDIT_KEY or FTAI_AUDIT_KEY_FILE), the chain, its head, the anchor file (FTAI_AUDIT_ANCHOR_FILE) and the guarding triggers: exit 1 if anything was edited, deleted, added, cut or reset',
    )
    .option('--json', 'print the result as JSON')
    .addOption(dataOption())
    .action(async (opts: { data?: string; json?: boolean }) => {
      const { auditVerifyCommand } = await import('./platform-commands.js');
      code = await platform(() => auditVerifyCommand(opts));
    });

  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    const e = error as { code?: string; exitCode?: number };
    if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : (e.exitCode ?? 2) === 0 ? 0 : 2;
    }
    throw error;
  }
  return code;
}
