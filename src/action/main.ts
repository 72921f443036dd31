// The GitHub Action (action.yml) runs this as `hindsight github-action`: it lints the
// postmortems a pull request or push changed (or all of them), prints `github`-format
// annotations on stdout, appends a Markdown summary to $GITHUB_STEP_SUMMARY, writes
// outputs to $GITHUB_OUTPUT and, when asked, a SARIF file for code scanning.
//
// Inputs come as INPUT_* variables, as the runner sets them from action.yml's `inputs`
// (action/dist/index.js, this script's committed bundle, is what action.yml runs); the rest is
// what a runner sets: GITHUB_WORKSPACE, GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY,
// GITHUB_OUTPUT, GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA.
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import ignore from 'ignore';
import path from 'node:path';
import { lintRun } from '../lint/run.ts';
import { loadConfig, type ResolvedConfig } from '../lint/config/load.ts';
import { isInside } from '../lint/read.ts';
import { loadRules } from '../lint/registry.ts';
import { formatGithub, escapeData, escapeProperty } from '../report/github.ts';
import { ruleCatalogue } from '../report/catalogue.ts';
import { EXIT_CODE, UsageError, lintVerdict } from '../errors.ts';
import { printAnnotations, printMessage, printText } from '../report/output.ts';
import { visible } from '../report/terminal.ts';
import { loadBaseConfig } from './base-config.ts';
import { NoDiff, changedFiles, eventRange } from './changed.ts';
import { formatSummary, type SummaryContext, type SummaryRow } from './summary.ts';

type Env = Record<string, string | undefined>;

export interface ActionInputs {
  /** Lint every postmortem, not only the changed ones. */
  all: boolean;
  config: string | null;
  /** Where to write SARIF (relative to the workspace), or null. */
  sarifFile: string | null;
  /** Fail when there are more warnings than this; null: warnings never fail. */
  maxWarnings: number | null;
  /** The folder to run in, relative to the workspace (where the configuration is found). */
  workingDirectory: string;
  /** Where the configuration is read: the checked-out tree, or the base commit (safe for untrusted pull requests). */
  configFrom: 'workspace' | 'base';
}

export function readInputs(env: Env): ActionInputs {
  // The runner names an input INPUT_ and its name in upper case, spaces as "_" and hyphens
  // kept (INPUT_CONFIG-FROM), as @actions/core reads it; INPUT_CONFIG_FROM is accepted too.
  const input = (name: string): string => {
    const upper = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
    return (env[upper] ?? env[upper.replace(/-/g, '_')] ?? '').trim();
  };
  const all = input('all').toLowerCase();
  if (all !== '' && all !== 'true' && all !== 'false') throw new UsageError(`the input "all" takes true or false, not "${all}".`);
  const configFrom = input('config-from').toLowerCase() || 'workspace';
  if (configFrom !== 'workspace' && configFrom !== 'base') throw new UsageError(`the input "config-from" takes workspace or base, not "${configFrom}".`);
  const maxWarnings = input('max-warnings');
  if (maxWarnings !== '' && !/^\d+$/.test(maxWarnings)) throw new UsageError(`the input "max-warnings" takes a whole number, not "${maxWarnings}".`);
  return {
    all: all === 'true',
    config: input('config') || null,
    sarifFile: input('sarif-file') || null,
    maxWarnings: maxWarnings === '' ? null : Number(maxWarnings),
    workingDirectory: input('working-directory') || '.',
    configFrom,
  };
}

export async function runAction(env: Env, version: string, now = new Date()): Promise<number> {
  const inputs = readInputs(env);
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const cwd = path.resolve(workspace, inputs.workingDirectory);
  const rules = await loadRules();
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  let range: { base: string; head: string } | NoDiff;
  try {
    range = eventRange(eventName, env.GITHUB_EVENT_PATH);
  } catch (error) {
    if (!(error instanceof NoDiff)) throw error;
    range = error;
  }
  let config: ResolvedConfig;
  if (inputs.configFrom === 'base') {
    if (range instanceof NoDiff) {
      throw new UsageError(
        `config-from: base reads the configuration from the base commit, and ${range.message}: use it on pull_request, pull_request_target, push or merge_group events, or set config-from to workspace.`,
      );
    }
    config = loadBaseConfig({ cwd, configFile: inputs.config, base: range.base }, rules);
  } else {
    config = loadConfig({ cwd, configFile: inputs.config }, rules);
  }

  // What to lint: the changed postmortems, unless asked for all or the diff cannot be had.
  let scope: SummaryContext['scope'];
  let paths: string[] = [];
  let head = env.GITHUB_SHA ?? null;
  if (inputs.all) {
    scope = { kind: 'all', reason: 'the input all is true' };
  } else {
    try {
      if (range instanceof NoDiff) throw range;
      const changed = changedFiles(cwd, range.base, range.head, eventName !== 'push');
      const content = config.content + path.sep;
      paths = changed.files.filter((file) => file.startsWith(content) && file.endsWith('.md')).sort();
      scope = { kind: 'changed', base: changed.base, head: changed.head };
      head = changed.head;
    } catch (error) {
      if (!(error instanceof NoDiff)) throw error;
      scope = { kind: 'all', reason: error.message };
      printAnnotations(`::notice title=Hindsight::${escapeData(visible(`Linting every postmortem: ${error.message}.`))}\n`);
    }
  }

  const run =
    scope.kind === 'changed' && paths.length === 0
      ? null
      : await lintRun({ cwd, paths, configFile: inputs.config, now, version, incidents: true, ...(inputs.configFrom === 'base' ? { config } : {}) });
  const results = run?.results ?? [];

  const annotations = formatGithub(results, { cwd: workspace });
  printAnnotations(annotations);
  const hidden = inputs.configFrom === 'base' ? hiddenByPullRequest(paths, results, config) : [];
  printAnnotations(hiddenAnnotations(hidden, workspace, new Map(run?.ignored.map((i) => [i.file, i.source]))));

  // The figures come with each result, from lint's own parse: a file lint could not read has none.
  const rows: SummaryRow[] = results.map((result) => ({ result, metrics: result.incident ?? null }));

  let sarifFile: string | null = null;
  if (inputs.sarifFile) {
    const { formatSarif } = await import('../report/sarif.ts');
    sarifFile = path.resolve(workspace, inputs.sarifFile);
    mkdirSync(path.dirname(sarifFile), { recursive: true });
    writeFileSync(sarifFile, formatSarif(results, ruleCatalogue(rules), { cwd: workspace, version }));
  }

  const server = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  const blobBase = server && repository && head ? `${server}/${repository}/blob/${head}/` : null;
  const summary = formatSummary(rows, { workspace, scope, blobBase, sarifFile });
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summary);
  else printText('stderr', summary);

  const verdict = lintVerdict(results, inputs.maxWarnings);
  const { errors, warnings } = verdict;
  if (env.GITHUB_OUTPUT) {
    const outputs = { files: results.length, errors, warnings, 'sarif-file': sarifFile ?? '' };
    appendFileSync(
      env.GITHUB_OUTPUT,
      Object.entries(outputs)
        .map(([name, value]) => outputEntry(name, String(value)))
        .join(''),
    );
  }

  if (hidden.length > 0) {
    printMessage(`${hidden.length} changed postmortem${hidden.length === 1 ? ' is' : 's are'} hidden from the check by a .gitignore or .hindsightignore.`);
    return EXIT_CODE.findings;
  }
  if (verdict.failedOn === 'errors') {
    printMessage(`${errors} error${errors === 1 ? '' : 's'} in ${results.filter((r) => r.errorCount > 0).length} of ${results.length} postmortems.`);
  } else if (verdict.failedOn === 'warnings') {
    printMessage(`${warnings} warnings, more than max-warnings ${inputs.maxWarnings}.`);
  }
  return verdict.exitCode;
}

/**
 * The changed postmortems the run left out although the configuration does not ignore them:
 * with config-from: base, the checkout's .gitignore files still choose what is linted, and a
 * pull request can change them to hide a file from the check. Each is an error annotation.
 */
function hiddenByPullRequest(paths: readonly string[], results: readonly { filePath: string }[], config: ResolvedConfig): string[] {
  const linted = new Set(results.map((r) => r.filePath));
  const ignoredByConfig = ignore().add([...config.ignore]);
  return paths.filter((file) => {
    if (linted.has(file)) return false;
    return !isInside(file, config.root) || !ignoredByConfig.ignores(path.relative(config.root, file).split(path.sep).join('/'));
  });
}

/** `sources`: where the pattern that left each file out is (lintRun's `ignored`). */
function hiddenAnnotations(hidden: readonly string[], workspace: string, sources: ReadonlyMap<string, string>): string {
  const relative = (file: string): string => path.relative(workspace, file).split(path.sep).join('/');
  return hidden
    .map((file) => {
      const source = sources.get(file);
      const by = source && path.isAbsolute(source) ? relative(source) : '.gitignore';
      const message = `This postmortem changed but was not linted: ${by} leaves it out, and the configuration of the base commit does not. A pull request must not hide a postmortem from the check: remove it from ${by}.`;
      return `::error file=${escapeProperty(relative(file))},title=Hindsight::${escapeData(visible(message))}\n`;
    })
    .join('');
}

/**
 * One output in the heredoc form of $GITHUB_OUTPUT (`name<<DELIMITER`, the value, the
 * delimiter), with a random delimiter that occurs in neither: a value with a line break (a
 * path) cannot end early and set another output.
 */
export function outputEntry(name: string, value: string): string {
  let delimiter: string;
  do delimiter = `hindsight_${randomBytes(16).toString('hex')}`;
  while (name.includes(delimiter) || value.includes(delimiter));
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
