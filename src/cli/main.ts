// The `hindsight` command line. Each command's module is imported only when it runs, so
// the one-file lint of a pre-commit hook loads nothing the lint path does not need. The
// commonest hook call (`lint` with file names and plain flags) does not even load commander:
// `quickLint` reads it, and anything it does not recognise goes through commander as usual.
import type { Command as CommandType } from 'commander';
import { EXIT_CODE, HindsightError, UsageError } from '../errors.ts';
import type { LintCliOptions } from './lint.ts';
import type { NewOptions } from './new.ts';
import { printForeign, printMessage } from '../report/output.ts';
import { version } from '../version.ts';

export { version };

export async function main(argv: readonly string[]): Promise<number> {
  lastResortOnCrash();
  try {
    const quick = quickLint(argv);
    if (quick) {
      const { lint } = await import('./lint.ts');
      return await lint(quick.paths, quick.options, version());
    }
    return await withCommander(argv);
  } catch (error) {
    return failure(error);
  }
}

/**
 * Every failure ends the same way: one paragraph on stderr and exit code 2. A problem with
 * how Hindsight was called or configured says what to change; anything else is a bug in
 * Hindsight, said as such, with its stack only when HINDSIGHT_DEBUG is set.
 */
function failure(error: unknown): number {
  if (error instanceof HindsightError) {
    printMessage(error.message);
    return error.exitCode;
  }
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  printMessage(
    `stopped on an unexpected error (${what.replace(/[.\s]+$/, '')}). This is a bug in Hindsight, not in your files: please report it with the command you ran` +
      `${process.env['HINDSIGHT_DEBUG'] ? '.' : ' (HINDSIGHT_DEBUG=1 shows where it happened).'}`,
  );
  if (process.env['HINDSIGHT_DEBUG'] && error instanceof Error && error.stack) printForeign('stderr', `${error.stack}\n`);
  return EXIT_CODE.couldNotRun;
}

/** An error thrown outside the awaited run (an event handler, a stream) ends it as failure() says. */
function lastResortOnCrash(): void {
  if (process.listenerCount('uncaughtException') > 0) return;
  const crash = (error: unknown): void => {
    process.exit(failure(error));
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}

async function withCommander(argv: readonly string[]): Promise<number> {
  const { Command, CommanderError, Option } = await import('commander');
  let exitCode = 0;
  const program: CommandType = new Command('hindsight')
    .description('Lint incident postmortems written in Markdown and publish them as an archive.')
    .version(version(), '-v, --version')
    .exitOverride()
    .showHelpAfterError('(run `hindsight --help` for usage)')
    .configureOutput({ writeErr: (text) => printForeign('stderr', text) });

  program
    .command('inspect')
    .description('print the model Hindsight reads from one postmortem')
    .argument('<file>', 'the postmortem to read')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('text'))
    .option('--timezone <zone>', 'zone for times when the document declares none')
    .action(async (file: string, options: { format: 'json' | 'text'; timezone?: string }) => {
      const { inspect } = await import('./inspect.ts');
      exitCode = await inspect(file, options);
    });

  program
    .command('lint')
    .description('lint postmortems: files, folders or globs (default: the configured content folder)')
    .argument('[paths...]', 'files, folders or globs; when given, they replace the content folder')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif', 'github']).default('stylish'))
    .option('-c, --config <file>', 'use this configuration file instead of the discovered one')
    .option('--fix', 'apply safe fixes in place (atomically; all other text is kept)')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseCount)
    .option('-q, --quiet', 'report errors only')
    .option('--no-color', 'no colours in the output')
    .option('--color', 'colours even when the output is not a terminal')
    .option('--cache', 'skip files whose content, configuration and Hindsight version are unchanged')
    .option('--timing', 'print the time spent in each rule')
    .option('--baseline <file>', 'report only findings this baseline file does not record (see --baseline-write)')
    .option('--baseline-write <file>', 'record every finding of this run in a baseline file, to adopt rules on an existing archive')
    .action(async (paths: string[], options: LintCliOptions) => {
      const { lint } = await import('./lint.ts');
      exitCode = await lint(paths, options, version());
    });

  program
    .command('new')
    .description('start a postmortem: write a new file from the template into the content folder and print its path')
    .argument('<title>', 'the incident\'s title, e.g. "Checkout errors after the database failover"')
    .option('-t, --template <file>', 'use this Markdown template instead of the preset\'s')
    .option('--date <YYYY-MM-DD>', 'the incident\'s date (default: today)')
    .option('--severity <SEV1-SEV5>', 'the severity (default: left empty for you to fill in)')
    .option('-c, --config <file>', 'use this configuration file instead of the discovered one')
    .action(async (title: string, options: NewOptions) => {
      const { newPostmortem } = await import('./new.ts');
      exitCode = await newPostmortem(title, options);
    });

  program
    .command('github-action', { hidden: true })
    .description('what the GitHub Action in action.yml runs: inputs from INPUT_* variables, the run from GITHUB_* variables')
    .action(async () => {
      const { runAction } = await import('../action/main.ts');
      exitCode = await runAction(process.env, version());
    });

  program
    .command('rules')
    .description('list the rules with their default severity and options')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text', 'markdown']).default('text'))
    .action(async (options: { format: 'json' | 'text' | 'markdown' }) => {
      const { rules } = await import('./rules.ts');
      exitCode = await rules(options);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT_CODE.clean : EXIT_CODE.couldNotRun;
    }
    throw error;
  }
}

const FORMATS = new Set(['stylish', 'json', 'sarif', 'github']);
const BOOLEAN_FLAGS: Record<string, 'fix' | 'quiet' | 'cache' | 'timing'> = {
  '--fix': 'fix',
  '-q': 'quiet',
  '--quiet': 'quiet',
  '--cache': 'cache',
  '--timing': 'timing',
};

/**
 * `lint` with paths and plain flags, read without commander (what hooks run: `hindsight
 * lint FILE…`). Null for anything else (help, `--opt=value`, unknown flags, bad values):
 * commander then parses it and reports what is wrong exactly as before.
 */
export function quickLint(argv: readonly string[]): { paths: string[]; options: LintCliOptions } | null {
  if (argv[0] !== 'lint') return null;
  const options: LintCliOptions = { format: 'stylish' };
  const paths: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (!arg.startsWith('-')) paths.push(arg);
    else if (BOOLEAN_FLAGS[arg]) options[BOOLEAN_FLAGS[arg]] = true;
    else if (arg === '--color' || arg === '--no-color') options.color = arg === '--color';
    else if ((arg === '-f' || arg === '--format') && next !== undefined && FORMATS.has(next)) {
      options.format = next as LintCliOptions['format'];
      i++;
    } else if ((arg === '-c' || arg === '--config') && next !== undefined && next !== '' && !next.startsWith('-')) {
      options.config = next;
      i++;
    } else return null;
  }
  return { paths, options };
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings takes a whole number, not "${value}".`);
  return n;
}

