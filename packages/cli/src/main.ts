import { Command, Option } from 'commander';
import { calcCommand } from './calc-command.js';
import { measuresCommand } from './measures-command.js';

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
