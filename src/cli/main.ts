// The `hindsight` command line. Each command's module is imported only when it runs, so
// the one-file lint of a pre-commit hook loads nothing the lint path does not need.
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from './errors.ts';
import type { LintCliOptions } from './lint.ts';

const EXIT_USAGE = 2;

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('hindsight')
    .description('Lint incident postmortems written in Markdown and publish them as an archive.')
    .version(await version(), '-v, --version')
    .exitOverride()
    .showHelpAfterError('(run `hindsight --help` for usage)')
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

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
    .action(async (paths: string[], options: LintCliOptions) => {
      const { lint } = await import('./lint.ts');
      exitCode = await lint(paths, options, await version());
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
      return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError || isConfigOrPathError(error)) {
      process.stderr.write(`hindsight: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function isConfigOrPathError(error: unknown): error is Error {
  return error instanceof Error && (error.name === 'ConfigError' || error.name === 'PathError');
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings takes a whole number, not "${value}".`);
  return n;
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
