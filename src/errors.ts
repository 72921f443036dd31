// Exit codes: the rule a finished lint run ends by (the CLI's and the Action's), and the errors
// that stop a run on purpose, each carrying the exit code it ends with. Every front end (the
// CLI, the Action, the site's build) reads `exitCode` instead of matching class names, and
// every layer can throw them: this module imports nothing.

/** Exit codes of `hindsight lint` and the Action, as documented in the README. */
export const EXIT_CODE = {
  /** No errors (warnings allowed, up to --max-warnings). */
  clean: 0,
  /** At least one error, or more warnings than --max-warnings allows. */
  findings: 1,
  /** The run itself could not run: bad usage, configuration, path, baseline or cache. */
  couldNotRun: 2,
} as const;

/** What a finished lint run comes to: its totals, and why it fails (null: it passes). */
export interface LintVerdict {
  exitCode: typeof EXIT_CODE.clean | typeof EXIT_CODE.findings;
  errors: number;
  warnings: number;
  failedOn: 'errors' | 'warnings' | null;
}

/**
 * The one exit-code rule of `hindsight lint` and the Action: 1 with any error, or with more
 * warnings than `maxWarnings` (none: no limit); 0 otherwise. Count every warning, even
 * those --quiet leaves out of the report.
 */
export function lintVerdict(results: readonly { errorCount: number; warningCount: number }[], maxWarnings: number | null | undefined): LintVerdict {
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
  }
  const failedOn = errors > 0 ? 'errors' : maxWarnings !== null && maxWarnings !== undefined && warnings > maxWarnings ? 'warnings' : null;
  return { exitCode: failedOn ? EXIT_CODE.findings : EXIT_CODE.clean, errors, warnings, failedOn };
}

/** A failure whose message is written for the user (one paragraph, no stack) and says what to change. */
export class HindsightError extends Error {
  override name = 'HindsightError';
  readonly exitCode: number = EXIT_CODE.couldNotRun;
}

/** A problem with how Hindsight was called: a flag, an argument, an Action input. */
export class UsageError extends HindsightError {
  override name = 'UsageError';
}

/** A file or folder that cannot be read or written: a path named, a fix, a cache, a baseline. */
export class PathError extends HindsightError {
  override name = 'PathError';
}

/** A configuration file that cannot be read or is not valid. */
export class ConfigError extends HindsightError {
  override name = 'ConfigError';
}

/** An error as plain data, to cross a worker thread (which keeps neither its class nor its fields). */
export interface ErrorData {
  name: string;
  message: string;
  /** Set for a HindsightError: the exit code the run ends with. */
  exitCode?: number;
}

/** The error again on the receiving side: a HindsightError keeps its exit code and name. */
export function errorFromData(data: ErrorData): Error {
  const error = data.exitCode === undefined ? new Error(data.message) : Object.assign(new HindsightError(data.message), { exitCode: data.exitCode });
  error.name = data.name;
  return error;
}
