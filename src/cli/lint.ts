import { lintRun } from '../lint/run.ts';
import { loadFormatter, type FormatName } from '../report/index.ts';
import { ruleCatalogue } from './catalogue.ts';
import { quietOnBrokenPipe } from './errors.ts';

export interface LintCliOptions {
  format: FormatName;
  config?: string;
  fix?: boolean;
  maxWarnings?: number;
  quiet?: boolean;
  color?: boolean;
  cache?: boolean;
  timing?: boolean;
}

export async function lint(paths: string[], options: LintCliOptions, version: string): Promise<number> {
  const cwd = process.cwd();
  const run = await lintRun({
    cwd,
    paths,
    configFile: options.config ?? null,
    fix: options.fix ?? false,
    cache: options.cache ?? false,
    timing: options.timing ?? false,
    version,
  });
  let results = run.results;
  if (options.quiet) {
    results = results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 }));
  }
  const format = await loadFormatter(options.format);
  const color = options.color ?? colorByDefault();
  const output = format(results, { cwd, color, quiet: options.quiet ?? false, rules: ruleCatalogue(run.rules), version });
  quietOnBrokenPipe();
  if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  if (run.timings) process.stderr.write(formatTimings(run.timings));

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = run.results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    process.stderr.write(`hindsight: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

/** Without --color or --no-color: NO_COLOR turns colours off, FORCE_COLOR on, else a terminal decides. */
function colorByDefault(): boolean {
  const env = process.env;
  if (env['NO_COLOR']) return false;
  const force = env['FORCE_COLOR'];
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
