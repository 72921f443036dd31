// The library: `import { lintText, lintFiles, inspectText, loadConfig } from 'hindsight-postmortems'`.
// Its types are declared here, not imported, so that the declaration file the build emits
// (scripts/build-lib.ts) stands alone and the internals can change without changing them.
// Results have the shapes of `hindsight lint --format json` and `inspect --format json`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { version } from './version.ts';
import { discoverConfig, loadConfig as loadResolvedConfig, resolveConfig, type ResolvedConfig } from './lint/config/load.ts';
import { selectFiles } from './lint/files.ts';
import { loadRules } from './lint/registry.ts';
import { lintOneText } from './lint/lint-text.ts';
import { lintRun } from './lint/run.ts';
import { toJsonResult } from './report/json.ts';
import { inspectedModel, inspectJson } from './report/inspect.ts';
import { isInside } from './lint/read.ts';
import { HindsightError } from './errors.ts';

export { ConfigError, HindsightError, PathError, UsageError } from './errors.ts';

/** One finding, as `hindsight lint --format json` prints it. Lines and columns count from 1. */
export interface LintMessage {
  /** null for a file that could not be read or parsed (then `fatal` is true), as in ESLint. */
  ruleId: string | null;
  fatal?: true;
  /** 2 an error, 1 a warning. */
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The safe fix, where the rule has one: replace the text at [range[0], range[1]) (UTF-16 offsets into the linted text) by `text`. */
  fix?: { range: [number, number]; text: string };
}

/** One file's findings, as `hindsight lint --format json` prints them (ESLint's shape). */
export interface LintResult {
  filePath: string;
  errorCount: number;
  warningCount: number;
  messages: LintMessage[];
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Errors of a file that could not be read or parsed. */
  fatalErrorCount: number;
  /** Findings a disable comment (`kind: "directive"`, its reason as `justification`) or the baseline silenced. */
  suppressedMessages: (LintMessage & { suppressions: { kind: 'directive' | 'baseline'; justification: string }[] })[];
  /** Always empty: no rule is deprecated (ESLint's shape). */
  usedDeprecatedRules: { ruleId: string; replacedBy: string[] }[];
  /** The linted text, when asked for (`--include-source`). */
  source?: string;
  /** With `fix`: the fixed text, when a fix changed it. */
  output?: string;
}

/** A time the model read: ISO 8601, with the zone's offset when one is known; null when none could be read. */
export type IsoTime = string | null;

/** The model of a postmortem, as `hindsight inspect --format json` prints it (a few more fields may follow those listed). */
export interface InspectResult {
  filePath: string;
  title: string | null;
  frontmatter: Record<string, unknown> | null;
  sections: { kind: string; heading: string; line: number; column: number; empty: boolean }[];
  incident: { start: IsoTime; end: IsoTime; timezone: string | null; [more: string]: unknown };
  timeline: { line: number; time: IsoTime; text: string; column: number; timeText: string | null }[];
  actionItems: { line: number; text: string; owner: string | null; ticket: string | null; due: string | null; done: boolean; column: number }[];
  [more: string]: unknown;
}

export type RuleSeverity = 'error' | 'warn' | 'off';

/** A configuration as resolved over its preset. Pass it back in `config` to skip loading it again. */
export interface HindsightConfig {
  /** The configuration file, or null when none applies (the defaults: the `recommended` preset). */
  readonly file: string | null;
  /** The folder the configuration's paths are relative to. */
  readonly root: string;
  readonly preset: string;
  /** The content folder, absolute. */
  readonly content: string;
  /** The default time zone, or null. */
  readonly timezone: string | null;
  /** Every rule's severity and options, by rule id (off ones too); overrides may change them per file. */
  readonly rules: Readonly<Record<string, { severity: RuleSeverity; options: Record<string, unknown> }>>;
}

export interface LoadConfigOptions {
  /** The folder relative paths are resolved from, and the configuration found from without `filePath`. Default: `process.cwd()`. */
  cwd?: string;
  /** The file to find the configuration for: the nearest one up from its folder (none: the defaults, relative to `cwd`). */
  filePath?: string;
  /** Use this configuration file instead of finding one (`--config FILE`). */
  configFile?: string;
}

export interface LintTextOptions extends LoadConfigOptions {
  /** A configuration from loadConfig(); without it one is loaded (see LoadConfigOptions). */
  config?: HindsightConfig;
  /** Apply the safe fixes; the fixed text is the result's `output`. Nothing is written. */
  fix?: boolean;
  /** "Now" for the rules that compare dates with today. Default: the current time. */
  now?: Date;
}

export interface LintFilesOptions {
  /** Default: `process.cwd()`. */
  cwd?: string;
  configFile?: string;
  config?: HindsightConfig;
  /** Apply the safe fixes and write them to the files, as `hindsight lint --fix` does. */
  fix?: boolean;
  /** Skip files unchanged since the last run with `cache` (as `--cache`). */
  cache?: boolean;
  now?: Date;
}

export interface InspectTextOptions extends LoadConfigOptions {
  config?: HindsightConfig;
  /** The zone of times the document gives none for (as `inspect --timezone`); default: the configuration's. */
  timezone?: string;
}

const resolvedOf = new WeakMap<HindsightConfig, ResolvedConfig>();

/**
 * The configuration that applies: `configFile` if given, else the nearest configuration file
 * up from `filePath`'s folder (or from `cwd`), else the defaults (the `recommended` preset, the
 * content folder `postmortems/` in `cwd`). Throws a ConfigError (exitCode 2) naming the
 * file and what is wrong when it is invalid.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<HindsightConfig> {
  const rules = await loadRules();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (options.configFile !== undefined) return publicConfig(loadResolvedConfig({ cwd, configFile: path.resolve(cwd, options.configFile) }, rules));
  if (options.filePath === undefined) return publicConfig(loadResolvedConfig({ cwd }, rules));
  const found = discoverConfig(path.dirname(path.resolve(cwd, options.filePath)));
  // None up from the file: the defaults, their paths relative to `cwd` as on the command line.
  return publicConfig(found ? loadResolvedConfig({ cwd, configFile: found }, rules) : resolveConfig({}, null, cwd, rules));
}

/**
 * Lints one postmortem's text, as `hindsight lint` lints a file holding it. `filePath` names
 * it in the result and decides which configuration and overrides apply (default: an
 * `untitled.md` in `cwd`). The file itself is not read, nor written.
 */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const filePath = path.resolve(cwd, options.filePath ?? 'untitled.md');
  const config = await resolved(options, filePath);
  const rules = await loadRules();
  return toJsonResult(
    await lintOneText(text, { filePath, config, rules, fix: options.fix ?? false, version: version(), ...(options.now && { now: options.now }) }),
  );
}

/**
 * Lints files as `hindsight lint PATH…` does: paths, folders or globs relative to `cwd`; none:
 * every postmortem of the configured content folder. One result per file, in path order.
 * A path that matches nothing throws a PathError (exitCode 2).
 */
export async function lintFiles(patterns: readonly string[] = [], options: LintFilesOptions = {}): Promise<LintResult[]> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const config = options.config ? configOf(options.config) : undefined;
  const run = await lintRun({
    cwd,
    paths: patterns,
    configFile: options.configFile ?? null,
    ...(config && { config }),
    fix: options.fix ?? false,
    cache: options.cache ?? false,
    ...(options.now && { now: options.now }),
    version: version(),
  });
  return run.results.map(toJsonResult);
}

/** The model Hindsight reads from a postmortem's text: its sections, incident window, timeline and action items. */
export async function inspectText(text: string, options: InspectTextOptions = {}): Promise<InspectResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const filePath = path.resolve(cwd, options.filePath ?? 'untitled.md');
  const config = await resolved(options, filePath);
  return inspectJson(inspectedModel(filePath, text, config, options.timezone)) as InspectResult;
}

/**
 * Whether `hindsight lint` with no paths lints this file: a Markdown file in the configured
 * content folder that neither the configuration's `ignore` nor a .gitignore leaves out. (An
 * editor integration lints these, not every Markdown file of the repository.) The file need
 * not exist yet.
 */
export async function isPostmortemPath(filePath: string, options: Omit<LoadConfigOptions, 'filePath'> & { config?: HindsightConfig } = {}): Promise<boolean> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const absolute = path.resolve(cwd, filePath);
  const config = await resolved(options, absolute);
  if (!absolute.endsWith('.md') || !isInside(absolute, config.content) || absolute === config.content) return false;
  if (!existsSync(absolute)) return true;
  try {
    const selected = await selectFiles({ cwd, root: config.root, paths: [absolute], contentFolder: config.content, ignoreGlobs: config.ignore });
    return selected.includes(absolute);
  } catch (error) {
    // A file `hindsight lint` refuses to read (a link out of the content folder): not one it lints.
    if (error instanceof HindsightError) return false;
    throw error;
  }
}

async function resolved(options: { config?: HindsightConfig; cwd?: string; configFile?: string }, filePath: string): Promise<ResolvedConfig> {
  if (options.config) return configOf(options.config);
  return configOf(await loadConfig({ ...options, filePath }));
}

function configOf(config: HindsightConfig): ResolvedConfig {
  const found = resolvedOf.get(config);
  if (!found) throw new TypeError('`config` must be a configuration returned by loadConfig()');
  return found;
}

function publicConfig(config: ResolvedConfig): HindsightConfig {
  const rules: Record<string, { severity: RuleSeverity; options: Record<string, unknown> }> = {};
  // Copies: changing the returned options must not change what the rules run with.
  for (const [id, state] of config.ruleSettings) rules[id] = Object.freeze({ severity: state.severity, options: { ...state.options } });
  const value: HindsightConfig = Object.freeze({
    file: config.file,
    root: config.root,
    preset: config.preset,
    content: config.content,
    timezone: config.timezone,
    rules: Object.freeze(rules),
  });
  resolvedOf.set(value, config);
  return value;
}
