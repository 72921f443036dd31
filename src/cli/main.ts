// The `hindsight` command line: bin/hindsight.js calls main() with the words after the
// command (docs/contributing.md, "How `hindsight` starts"). The commands are declared below
// and read by the one parser, args.ts (node:util's parseArgs). Each command's module is
// imported only when it runs, so the one-file lint of a pre-commit hook loads nothing the lint
// path does not need (the Action's code included: `github-action` imports it when it runs).
import { EXIT_CODE, HindsightError, UsageError } from '../errors.ts';
import { printForeign, printMessage, printText } from '../report/output.ts';
import { parseCommandLine, type CommandSpec, type Program } from './args.ts';
import type { LintCliOptions } from './lint.ts';
import type { InitOptions } from './init.ts';
import type { NewOptions } from './new.ts';
import type { SiteCliOptions } from './site.ts';
import { version } from '../version.ts';
import { compileForShortRun } from './short-run.ts';

export { version };

const CONFIG = { long: 'config', short: 'c', value: '<file>', description: 'use this configuration file instead of the discovered one' } as const;

const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'inspect',
    description: 'print the model Hindsight reads from one postmortem',
    arguments: [{ name: 'file', required: true, description: 'the postmortem to read' }],
    options: [
      { long: 'format', short: 'f', value: '<format>', description: 'output format', choices: ['json', 'text'], default: 'text' },
      { long: 'timezone', value: '<zone>', description: 'zone for times when the document declares none' },
    ],
    async run([file], options) {
      const { inspect } = await import('./inspect.ts');
      return inspect(file!, options as { format: 'json' | 'text'; timezone?: string });
    },
  },
  {
    name: 'lint',
    description: 'lint postmortems: files, folders or globs (default: the configured content folder)',
    arguments: [{ name: 'paths', variadic: true, description: 'files, folders or globs; when given, they replace the content folder' }],
    options: [
      { long: 'format', short: 'f', value: '<format>', description: 'output format', choices: ['stylish', 'json', 'sarif', 'github'], default: 'stylish' },
      CONFIG,
      { long: 'fix', description: 'apply safe fixes in place (atomically; all other text is kept)' },
      { long: 'max-warnings', value: '<n>', description: 'exit 1 when there are more than n warnings', parse: parseCount },
      { long: 'quiet', short: 'q', description: 'report errors only' },
      { long: 'no-color', key: 'color', sets: false, description: 'no colours in the output' },
      { long: 'color', description: 'colours even when the output is not a terminal' },
      { long: 'cache', description: 'skip files whose content, configuration and Hindsight version are unchanged' },
      { long: 'timing', description: 'print the time spent in each rule' },
      { long: 'baseline', value: '<file>', description: 'report only findings this baseline file does not record (see --baseline-write)' },
      { long: 'baseline-write', value: '<file>', description: 'record every finding of this run in a baseline file, to adopt rules on an existing archive' },
      // Configuration (docs/configuration.md, docs/usage.md).
      { long: 'print-config', value: '<file>', description: 'print the configuration that applies to this file as JSON, and lint nothing' },
      // Input, output and rule flags, as ESLint and markdownlint-cli2 have them (docs/usage.md).
      { long: 'stdin', description: 'lint the postmortem read from standard input (with --fix: print the fixed text to stdout)' },
      {
        long: 'stdin-filename',
        value: '<path>',
        description: 'the path standard input is linted and reported as (configuration, overrides, cross-file rules)',
      },
      { long: 'output-file', short: 'o', value: '<file>', description: 'write the report to this file instead of stdout (no colours)' },
      {
        long: 'no-inline-config',
        key: 'inlineConfig',
        sets: false,
        description: 'ignore <!-- hindsight-disable … --> comments: report what they would silence',
      },
      { long: 'rule', value: "<'id: severity'>", multiple: true, description: "set a rule's severity (and options) over the configuration; repeatable" },
      { long: 'include-source', description: 'give each result of --format json its file\'s text as "source"' },
    ],
    async run(paths, options) {
      compileForShortRun();
      const { lint } = await import('./lint.ts');
      return lint(paths, options as unknown as LintCliOptions, version());
    },
  },
  {
    name: 'init',
    description: 'write a configuration file (hindsight.config.jsonc) into this folder; asks for the preset and the folder at a terminal',
    arguments: [],
    options: [
      { long: 'preset', value: '<name>', description: 'the preset, without asking', choices: ['recommended', 'strict', 'google-sre', 'alx'] },
      { long: 'content', value: '<folder>', description: 'the folder of postmortems, without asking (default: postmortems)' },
      { long: 'force', description: 'replace the configuration this folder has' },
    ],
    async run(_args, options) {
      const { init } = await import('./init.ts');
      return init(options as InitOptions);
    },
  },
  {
    name: 'new',
    description: 'start a postmortem: write a new file from the template into the content folder and print its path',
    arguments: [{ name: 'title', required: true, description: 'the incident\'s title, e.g. "Checkout errors after the database failover"' }],
    options: [
      { long: 'template', short: 't', value: '<file>', description: "use this Markdown template instead of the preset's" },
      { long: 'date', value: '<YYYY-MM-DD>', description: "the incident's date (default: today)" },
      { long: 'severity', value: '<SEV1-SEV5>', description: 'the severity (default: left empty for you to fill in)' },
      CONFIG,
    ],
    async run([title], options) {
      const { newPostmortem } = await import('./new.ts');
      return newPostmortem(title!, options as NewOptions);
    },
  },
  {
    name: 'site',
    description: 'build, serve or preview the archive site for this project (needs astro, and pagefind for search)',
    arguments: [{ name: 'action', description: 'build (default: into dist/), dev or preview' }],
    options: [
      { long: 'out-dir', value: '<dir>', description: 'where the site is written (default dist/)' },
      { long: 'base', value: '<path>', description: 'the subfolder the site is hosted in, e.g. /incidents for a GitHub Pages project site' },
      { long: 'site', value: '<url>', description: "the site's public URL (feed and index links)" },
      { long: 'content', value: '<dir>', description: "the postmortems folder (default: the configuration's)" },
      { long: 'baseline', value: '<file>', description: 'findings this baseline file records are shown as known and do not fail the build' },
      { long: 'port', value: '<n>', description: 'port of dev and preview' },
    ],
    async run([action], options) {
      // A build ends when the site is written; dev and preview serve until stopped.
      if (action === undefined || action === 'build') compileForShortRun();
      const { site } = await import('./site.ts');
      return site(action, options as SiteCliOptions);
    },
  },
  {
    name: 'github-action',
    hidden: true,
    description: 'what the GitHub Action in action.yml runs: inputs from INPUT_* variables, the run from GITHUB_* variables',
    arguments: [],
    options: [],
    async run() {
      const { runAction } = await import('../action/main.ts');
      return runAction(process.env, version());
    },
  },
  {
    name: 'rules',
    description: 'list the rules with their default severity and options',
    arguments: [],
    options: [{ long: 'format', short: 'f', value: '<format>', description: 'output format', choices: ['json', 'text', 'markdown'], default: 'text' }],
    async run(_args, options) {
      const { rules } = await import('./rules.ts');
      return rules(options as { format: 'json' | 'text' | 'markdown' });
    },
  },
];

export const PROGRAM: Program = {
  name: 'hindsight',
  description: 'Lint incident postmortems written in Markdown and publish them as an archive.',
  version,
  commands: COMMANDS,
};

export async function main(argv: readonly string[]): Promise<number> {
  lastResortOnCrash();
  try {
    const invocation = parseCommandLine(PROGRAM, argv);
    if (invocation.kind === 'version') {
      printText('stdout', version());
      return EXIT_CODE.clean;
    }
    if (invocation.kind === 'help') {
      printText(invocation.toStderr ? 'stderr' : 'stdout', invocation.text);
      return invocation.toStderr ? EXIT_CODE.couldNotRun : EXIT_CODE.clean;
    }
    return await invocation.command.run(invocation.args, invocation.options);
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
      `${process.env.HINDSIGHT_DEBUG ? '.' : ' (HINDSIGHT_DEBUG=1 shows where it happened).'}`,
  );
  if (process.env.HINDSIGHT_DEBUG && error instanceof Error && error.stack) printForeign('stderr', `${error.stack}\n`);
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

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings takes a whole number, not "${value}".`);
  return n;
}
