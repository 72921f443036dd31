import path from 'node:path';
import type { Baseline, BaselineOutcome, GoneEntry } from '../lint/baseline.ts';
import { ignoredWarning } from '../lint/files.ts';
import { lintRun } from '../lint/run.ts';
// Static: its code is the lint path's, so a chunk of its own would split that path's chunks (test/hooks/startup.test.ts).
import { printConfig } from './print-config.ts';
import { loadFormatter, type FormatName } from '../report/index.ts';
import { ruleCatalogue } from '../report/catalogue.ts';
import { UsageError, lintVerdict } from '../errors.ts';
import { printAnnotations, printJson, printMessage, printText, quietOnBrokenPipe } from '../report/output.ts';

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
}

export async function lint(paths: string[], options: LintCliOptions, version: string): Promise<number> {
  if (options.printConfig !== undefined) {
    if (paths.length > 0)
      throw new UsageError(`--print-config prints the configuration of the one file it names; lint nothing else with it (got ${paths.join(', ')}).`);
    return printConfig(options.printConfig, options.config);
  }
  const cwd = process.cwd();
  if (options.baseline !== undefined && options.baselineWrite !== undefined) {
    throw new UsageError(
      '--baseline and --baseline-write cannot be used together: --baseline-write records the findings of this run (run it alone to refresh the baseline), --baseline reports only findings it does not record.',
    );
  }
  const baselineModule = options.baseline !== undefined || options.baselineWrite !== undefined ? await import('../lint/baseline.ts') : null;
  // Read before the run: a missing or malformed baseline stops it before any work (exit code 2).
  const baselineFile = options.baseline ?? options.baselineWrite;
  let baseline: Baseline | null = options.baseline !== undefined ? baselineModule!.readBaseline(path.resolve(cwd, options.baseline)) : null;
  const run = await lintRun({
    cwd,
    paths,
    configFile: options.config ?? null,
    fix: options.fix ?? false,
    cache: options.cache ?? false,
    timing: options.timing ?? false,
    version,
  });
  for (const ignored of run.ignored) printMessage(ignoredWarning(ignored, cwd));
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
      const written = baselineModule.recordBaseline(results, run.config.root, previous, paths.length > 0);
      baselineModule.writeBaseline(file, written.baseline);
      baseline = written.baseline;
      printMessage(`recorded ${count(written.findings, 'finding')} in ${count(written.files, 'file')} in the baseline ${baselineFile}.`);
    }
    outcome = baselineModule.applyBaseline(results, baseline!, run.config.root);
    results = outcome.results;
  }
  const unfiltered = results;
  if (options.quiet) {
    results = results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 }));
  }
  const format = await loadFormatter(options.format);
  const color = options.color ?? colorByDefault();
  const output = format(results, { cwd, color, quiet: options.quiet ?? false, rules: ruleCatalogue(run.rules), version });
  quietOnBrokenPipe();
  if (output) {
    if (options.format === 'json' || options.format === 'sarif') printJson(output);
    else if (options.format === 'github') printAnnotations(output);
    else printText('stdout', output);
  }
  if (run.timings) printText('stderr', formatTimings(run.timings));
  if (outcome && options.baseline !== undefined) for (const message of baselineSummary(outcome, options.baseline)) printMessage(message);

  const verdict = lintVerdict(unfiltered, options.maxWarnings);
  if (verdict.failedOn === 'warnings') printMessage(`${verdict.warnings} warnings, more than --max-warnings ${options.maxWarnings}.`);
  return verdict.exitCode;
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
function colorByDefault(): boolean {
  const env = process.env;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return Boolean(process.stdout.isTTY);
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
