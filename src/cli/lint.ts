import path from 'node:path';
import type { Baseline, BaselineOutcome, GoneEntry } from '../lint/baseline.ts';
import type { LintTimings } from '../lint/engine.ts';
import { ignoredWarning, readPostmortemText } from '../lint/files.ts';
import { loadRules } from '../lint/registry.ts';
import type { LintResult, SuppressedFinding } from '../lint/result.ts';
import type { Rule } from '../lint/rule.ts';
import { configForPath, lintOneText } from '../lint/lint-text.ts';
import { lintRun } from '../lint/run.ts';
import { readStdin } from './stdin.ts';
// Static: its code is the lint path's, so a chunk of its own would split that path's chunks (test/hooks/startup.test.ts).
import { printConfig } from './print-config.ts';
import { loadFormatter, type FormatName } from '../report/index.ts';
import { ruleCatalogue } from '../report/catalogue.ts';
import { UsageError, lintVerdict } from '../errors.ts';
import { printAnnotations, printJson, printMessage, printText, quietOnBrokenPipe } from '../report/output.ts';
import { parseRuleFlags, withRuleFlags, type RuleFlags } from './rule-flag.ts';

export interface LintCliOptions {
  format: FormatName;
  config?: string;
  fix?: boolean;
  maxWarnings?: number;
  quiet?: boolean;
  color?: boolean;
  cache?: boolean;
  timing?: boolean;
  /** Report only findings this baseline file does not record. */
  baseline?: string;
  /** Record today's findings in this baseline file. */
  baselineWrite?: string;
  /** Print the configuration that applies to this file instead of linting (print-config.ts). */
  printConfig?: string;
  /** Lint the text of standard input, as `stdinFilename` (default: reported as `<stdin>`). */
  stdin?: boolean;
  stdinFilename?: string;
  /** Write the report here instead of stdout. */
  outputFile?: string;
  /** False (`--no-inline-config`): disable comments are ignored. */
  inlineConfig?: boolean;
  /** `--rule` values, in order. */
  rule?: string[];
  /** Give JSON results the file's text as `source`. */
  includeSource?: boolean;
}

/** What a run of either kind (files, or standard input) gives the report. */
interface Linted {
  results: LintResult[];
  root: string;
  rules: ReadonlyMap<string, Rule>;
  timings: LintTimings | null;
  /** The text read with --stdin. */
  source?: string;
}

export async function lint(paths: string[], options: LintCliOptions, version: string): Promise<number> {
  if (options.printConfig !== undefined) {
    if (paths.length > 0)
      throw new UsageError(`--print-config prints the configuration of the one file it names; lint nothing else with it (got ${paths.join(', ')}).`);
    const flags = options.rule?.length ? parseRuleFlags(options.rule, await loadRules()) : null;
    return printConfig(options.printConfig, options.config, flags ? (config, rules) => withRuleFlags(config, flags, rules) : undefined);
  }
  const cwd = process.cwd();
  checkCombinations(paths, options);
  const baselineModule = options.baseline !== undefined || options.baselineWrite !== undefined ? await import('../lint/baseline.ts') : null;
  // Read before the run: a missing or malformed baseline stops it before any work (exit code 2).
  const baselineFile = options.baseline ?? options.baselineWrite;
  let baseline: Baseline | null = options.baseline !== undefined ? baselineModule!.readBaseline(path.resolve(cwd, options.baseline)) : null;
  // So is a bad --rule.
  const ruleFlags = options.rule?.length ? parseRuleFlags(options.rule, await loadRules()) : null;
  const run = options.stdin ? await lintStdin(cwd, options, ruleFlags, version) : await lintPaths(cwd, paths, options, ruleFlags, version);
  let results = run.results;
  let outcome: BaselineOutcome | null = null;
  if (baselineModule && baselineFile !== undefined) {
    const file = path.resolve(cwd, baselineFile);
    if (options.baselineWrite !== undefined) {
      let previous: Baseline | null = null;
      try {
        previous = baselineModule.readBaseline(file);
      } catch {
        // No previous baseline (or an unreadable one): this run's findings only.
      }
      const written = baselineModule.recordBaseline(results, run.root, previous, paths.length > 0);
      baselineModule.writeBaseline(file, written.baseline);
      baseline = written.baseline;
      printMessage(`recorded ${count(written.findings, 'finding')} in ${count(written.files, 'file')} in the baseline ${baselineFile}.`);
    }
    outcome = baselineModule.applyBaseline(results, baseline!, run.root);
    results = withBaselineSuppressions(results, outcome.results);
  }
  if (options.includeSource) results = withSources(results);
  const unfiltered = results;
  if (options.quiet) {
    results = results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 }));
  }
  quietOnBrokenPipe();
  // With --stdin --fix, stdout carries the fixed text: the report goes to stderr (or to -o).
  const fixedText = options.stdin && options.fix ? (results[0]?.output ?? run.source ?? '') : null;
  if (fixedText !== null) process.stdout.write(fixedText);
  const reportTo = options.outputFile !== undefined ? 'file' : fixedText !== null ? 'stderr' : 'stdout';
  const format = await loadFormatter(options.format);
  const color = reportTo === 'file' ? false : (options.color ?? colorByDefault(reportTo));
  const output = format(results, { cwd, color, quiet: options.quiet ?? false, rules: ruleCatalogue(run.rules), version });
  if (reportTo === 'file') {
    const { writeReportFile } = await import('./output-file.ts');
    writeReportFile(
      cwd,
      options.outputFile!,
      output,
      results.map((r) => r.filePath),
    );
  } else if (output) {
    if (reportTo === 'stderr') printText('stderr', output);
    else if (options.format === 'json' || options.format === 'sarif') printJson(output);
    else if (options.format === 'github') printAnnotations(output);
    else printText('stdout', output);
  }
  if (run.timings) printText('stderr', formatTimings(run.timings));
  if (outcome && options.baseline !== undefined) for (const message of baselineSummary(outcome, options.baseline)) printMessage(message);

  const verdict = lintVerdict(unfiltered, options.maxWarnings);
  if (verdict.failedOn === 'warnings') printMessage(`${verdict.warnings} warnings, more than --max-warnings ${options.maxWarnings}.`);
  return verdict.exitCode;
}

function checkCombinations(paths: readonly string[], options: LintCliOptions): void {
  if (options.baseline !== undefined && options.baselineWrite !== undefined) {
    throw new UsageError(
      '--baseline and --baseline-write cannot be used together: --baseline-write records the findings of this run (run it alone to refresh the baseline), --baseline reports only findings it does not record.',
    );
  }
  if (options.stdinFilename !== undefined && !options.stdin) {
    throw new UsageError('--stdin-filename names the text read with --stdin: add --stdin, or name the file as an argument instead.');
  }
  if (options.stdin && paths.length > 0) {
    throw new UsageError(
      `--stdin lints standard input only, and ${paths.length === 1 ? 'a path was' : 'paths were'} given too (${paths.join(', ')}): use --stdin-filename for the name it is reported as.`,
    );
  }
  if (options.stdin && options.baselineWrite !== undefined) {
    throw new UsageError('--baseline-write records the findings of files on disk: run it without --stdin.');
  }
}

async function lintPaths(cwd: string, paths: string[], options: LintCliOptions, ruleFlags: RuleFlags | null, version: string): Promise<Linted> {
  const rules = await loadRules();
  const run = await lintRun({
    cwd,
    paths,
    configFile: options.config ?? null,
    fix: options.fix ?? false,
    cache: options.cache ?? false,
    timing: options.timing ?? false,
    version,
    ...(ruleFlags && { adjustConfig: (config) => withRuleFlags(config, ruleFlags, rules) }),
    ...(options.inlineConfig === false && { inlineConfig: false }),
  });
  for (const ignored of run.ignored) printMessage(ignoredWarning(ignored, cwd));
  return { results: run.results, root: run.config.root, rules: run.rules, timings: run.timings };
}

/** The text of standard input linted as `--stdin-filename` (nothing is read from it or written to it), through the library's lintText path. */
async function lintStdin(cwd: string, options: LintCliOptions, ruleFlags: RuleFlags | null, version: string): Promise<Linted> {
  const text = await readStdin();
  const rules = await loadRules();
  const filePath = path.resolve(cwd, options.stdinFilename ?? STDIN_NAME);
  const loaded = configForPath(cwd, filePath, options.config ?? null, rules);
  const config = ruleFlags ? withRuleFlags(loaded, ruleFlags, rules) : loaded;
  const result = await lintOneText(text, {
    filePath,
    config,
    rules,
    fix: options.fix ?? false,
    version,
    ...(options.inlineConfig === false && { inlineConfig: false }),
  });
  if (options.stdinFilename === undefined) result.filePath = STDIN_NAME;
  if (options.includeSource && result.output === undefined) result.source = text;
  return { results: [result], root: config.root, rules, timings: null, source: text };
}

/** The name of standard input in the report when --stdin-filename gives none. */
const STDIN_NAME = '<stdin>';

/** The results after the baseline, with the findings it left out listed as suppressed. */
function withBaselineSuppressions(before: readonly LintResult[], after: LintResult[]): LintResult[] {
  return after.map((result, i) => {
    const original = before[i]!;
    if (result === original) return result;
    const kept = new Set(result.messages);
    const silenced: SuppressedFinding[] = original.messages
      .filter((m) => !kept.has(m))
      .map((m) => ({ ...m, suppressions: [{ kind: 'baseline', justification: '' }] }));
    return { ...result, suppressedMessages: [...original.suppressedMessages, ...silenced] };
  });
}

/** `--include-source`: each file's text, as ESLint gives it (not when --fix rewrote the file: then `output`). */
function withSources(results: LintResult[]): LintResult[] {
  return results.map((r) => {
    if (r.source !== undefined || r.output !== undefined || r.fatalErrorCount > 0) return r;
    const read = readPostmortemText(r.filePath);
    return 'text' in read ? { ...r, source: read.text } : r;
  });
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What `--baseline` left out, and which recorded findings are gone (so the baseline can shrink): one message each. */
function baselineSummary(outcome: BaselineOutcome, file: string): string[] {
  const lines: string[] = [];
  if (outcome.known > 0) {
    lines.push(`${count(outcome.known, 'known finding')} recorded in the baseline ${file} ${outcome.known === 1 ? 'is' : 'are'} not shown.`);
  }
  const gone = outcome.gone.reduce((n, g) => n + g.count, 0);
  if (gone > 0) {
    lines.push(
      `${count(gone, 'recorded finding')} ${gone === 1 ? 'is gone (fixed, or its' : 'are gone (fixed, or their'} text changed): ${goneList(outcome.gone)}. ` +
        `Run \`hindsight lint --baseline-write ${file}\` to shrink the baseline.`,
    );
  }
  return lines;
}

function goneList(gone: readonly GoneEntry[]): string {
  const byFile = new Map<string, string[]>();
  for (const g of gone) {
    const list = byFile.get(g.file) ?? [];
    list.push(g.count > 1 ? `${g.ruleId} ×${g.count}` : g.ruleId);
    byFile.set(g.file, list);
  }
  const shown = [...byFile].slice(0, 10).map(([file, rules]) => `${file} (${rules.join(', ')})`);
  return `${shown.join('; ')}${byFile.size > 10 ? `; and ${byFile.size - 10} more files` : ''}`;
}

/** Without --color or --no-color: NO_COLOR turns colours off, FORCE_COLOR on, else a terminal decides. */
function colorByDefault(stream: 'stdout' | 'stderr'): boolean {
  const env = process.env;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return Boolean(process[stream].isTTY);
}

function formatTimings(timings: Record<string, number>): string {
  const rows = Object.entries(timings).sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((n, [, ms]) => n + ms, 0) || 1;
  const width = Math.max(4, ...rows.map(([id]) => id.length));
  const lines = [`${'Rule'.padEnd(width)} | Time (ms) | Relative`];
  lines.push(`${'-'.repeat(width)}-|----------:|--------:`);
  for (const [id, ms] of rows) lines.push(`${id.padEnd(width)} | ${ms.toFixed(3).padStart(9)} | ${((ms / total) * 100).toFixed(1).padStart(7)}%`);
  return `${lines.join('\n')}\n`;
}
