import { Command, Option } from 'commander';
import { calcCommand } from './calc-command.js';
import { measuresCommand } from './measures-command.js';
import { auditVerifyCommand, migrateCommand, serveCommand, usersAddCommand } from './platform-commands.js';

const LANG = new Option('--lang <lang>', 'language of explanations and reasons').choices(['zh', 'en']).default('zh');

/** Runs the `ftai` command line and resolves to the exit code. */
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
    .action(async (file: string, opts: { jsonl?: boolean; lang: 'zh' | 'en'; explain: boolean }) => {
      code = await calcCommand(file, { jsonl: opts.jsonl === true, lang: opts.lang, explain: opts.explain });
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
    .description('run the platform: API, web app and an embedded SQLite database (PostgreSQL with DATABASE_URL)')
    .option('--port <port>', 'port to listen on (default PORT or 8080)', port)
    .addOption(dataOption())
    .action(async (opts: { port?: number; data?: string }) => {
      code = await serveCommand(opts);
    });

  const db = program.command('db').description('database tasks');
  db.command('migrate')
    .description('bring the database schema up to date')
    .addOption(dataOption())
    .action(async (opts: { data?: string }) => {
      code = await migrateCommand(opts);
    });
  db.command('seed-demo')
    .description('fill the database with a believable demo: a call, 30 enterprises, applications in every state, demo accounts')
    .addOption(dataOption())
    .action(async (opts: { data?: string }) => {
      const { seedDemoCommand } = await import('./seed-demo-command.js');
      code = await seedDemoCommand(opts);
    });

  const users = program.command('users').description('accounts');
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
      code = await usersAddCommand(opts);
    });

  program
    .command('audit')
    .description('audit log')
    .command('verify')
    .description('check the hash chain of the audit log: exit 1 if any entry was edited or deleted')
    .option('--json', 'print the result as JSON')
    .addOption(dataOption())
    .action(async (opts: { data?: string; json?: boolean }) => {
      code = await auditVerifyCommand(opts);
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
