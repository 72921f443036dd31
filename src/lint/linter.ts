// The linter of one file: parse once, build the model, run the rules, apply fixes. Used by a
// whole run (run.ts), each worker thread (worker.ts), the site and the tests; it knows nothing
// of the run around it, so the pool and its workers import it without importing run.ts.
import { buildModel, modelOptionsOf, type Parsed } from '../core/build.ts';
import type { ResolvedConfig } from './config/load.ts';
import type { Suppressed } from './directives.ts';
import { lintParsed, type Finding, type LintTimings } from './engine.ts';
import { linkBoundary, readPostmortem } from './files.ts';
import { applyFixes, applyFixesToBytes } from './fix.ts';
import { overrideResolver } from './overrides.ts';
import type { LintSettings, Rule } from './rule.ts';
import { writeFixedFile } from './write.ts';
import { incidentMetrics, type IncidentMetrics } from './incident-summary.ts';

// The worker thread loads this module, not the model's: it finds the model options here too.
export { modelOptionsOf };

const MAX_FIX_PASSES = 10;

/** One file to lint: its place in the results, and the hash the cache keeps (with --cache). */
export interface LintTask {
  index: number;
  filePath: string;
  hash: string;
}

export interface FileOutcome {
  messages: Finding[];
  /** The findings inline directives suppressed (none: absent). */
  suppressed?: Suppressed<Finding>[];
  /** The fixed text, when --fix changed the file. */
  output?: string;
  /** The incident's key figures, when asked for (SourceOptions.incidents). */
  incident?: IncidentMetrics;
}

export interface Linter {
  /** The findings; those inline directives suppressed are added to `suppressed`, when given. */
  lint(filePath: string, source: string, timings?: LintTimings | null, suppressed?: Suppressed<Finding>[]): Finding[];
  /** The model and the findings from one parse: for the site, which shows both. */
  lintWithModel(filePath: string, source: string, timings?: LintTimings | null): { parsed: Parsed; findings: Finding[] };
  /** The model alone, read with this configuration's options (no rule runs). */
  parse(filePath: string, source: string): Parsed;
  /** The folder a file may not leave through a symbolic link (see linkBoundary). */
  boundaryOf(filePath: string): string | undefined;
}

/**
 * The linter of one configuration. `extra` adds settings (the archive of the cross-file
 * rules; a documented example's). With overrides in the configuration, each file's rule set
 * depends on its frontmatter and path: resolved per file, once per set of matching overrides.
 */
export function createLinter(config: ResolvedConfig, rules: ReadonlyMap<string, Rule>, now: Date, extra?: Partial<LintSettings>): Linter {
  const settings: LintSettings = {
    timezone: config.timezone,
    requiredFrontmatter: config.requiredFrontmatter,
    frontmatterSchema: config.frontmatterSchema,
    now,
  };
  if (extra?.archive) settings.archive = extra.archive;
  if (extra?.inlineConfig === false) settings.inlineConfig = false;
  const modelOptions = modelOptionsOf(config);
  const known = new Set(rules.keys());
  const parse = (filePath: string, source: string): Parsed => buildModel(filePath, source, modelOptions);
  // Every preset has overrides of its own (the review life cycle), so every file is resolved.
  const overrides = overrideResolver(config, rules);
  const rulesOf = (parsed: Parsed) => overrides.rulesFor(parsed.model.filePath, parsed.model.frontmatter.data);
  return {
    lint(filePath, source, timings, suppressed) {
      const parsed = parse(filePath, source);
      return lintParsed(parsed, rulesOf(parsed), settings, known, timings ?? undefined, suppressed);
    },
    lintWithModel(filePath, source, timings) {
      const parsed = parse(filePath, source);
      return { parsed, findings: lintParsed(parsed, rulesOf(parsed), settings, known, timings ?? undefined) };
    },
    parse,
    boundaryOf: (filePath) => linkBoundary(filePath, config.content, config.root),
  };
}

interface SourceOptions {
  fix: boolean;
  timings: LintTimings | null;
  /** Also the incident's key figures, from the same parse (incident-summary.ts). */
  incidents?: boolean;
}

/** A file's text, or the fatal finding that says why it cannot be read. */
export function readSource(filePath: string, within?: string): string | Finding {
  const read = readPostmortem(filePath, within);
  return 'text' in read ? read.text : fatal(read.problem);
}

/** Reads and lints one file; `text`: its text as already read (never with `fix`, which needs its bytes). */
export function lintFile(filePath: string, linter: Linter, options: SourceOptions, text?: string): FileOutcome {
  if (text !== undefined && !options.fix) return lintSource(filePath, text, linter, options);
  const read = readPostmortem(filePath, linter.boundaryOf(filePath));
  return 'text' in read ? lintSource(filePath, read.text, linter, options, read.bytes) : { messages: [fatal(read.problem)] };
}

/**
 * Lints one file's text; with `fix`, applies fixes pass after pass and writes the file: its
 * `bytes` (those `source` was decoded from) with the fixed spans replaced, so that bytes the
 * text holds only as U+FFFD are written back as they were.
 */
export function lintSource(filePath: string, source: string, linter: Linter, options: SourceOptions, bytes: Buffer = Buffer.from(source, 'utf8')): FileOutcome {
  if (!options.fix) {
    if (!options.incidents) {
      const suppressed: Suppressed<Finding>[] = [];
      const messages = linter.lint(filePath, source, options.timings, suppressed);
      return suppressed.length > 0 ? { messages, suppressed } : { messages };
    }
    const { parsed, findings } = linter.lintWithModel(filePath, source, options.timings);
    // A file the parser refused (binary, past a limit) has no figures, only its fatal finding.
    return parsed.fatal ? { messages: findings } : { messages: findings, incident: incidentMetrics(parsed.model) };
  }
  const { messages, text, fixed, suppressed } = lintAndFix(filePath, source, linter, options.timings, bytes);
  // With --fix the figures are those of the fixed text, read once more.
  const reparsed = options.incidents ? linter.parse(filePath, text) : null;
  const incident = reparsed && !reparsed.fatal ? { incident: incidentMetrics(reparsed.model) } : {};
  const silenced = suppressed.length > 0 ? { suppressed } : {};
  if (fixed === bytes || fixed.equals(bytes)) return { messages, ...silenced, ...incident };
  writeFixedFile(filePath, fixed);
  return { messages, ...silenced, output: text, ...incident };
}

/**
 * Lints a text and applies its fixes pass after pass, writing nothing: the findings left, the
 * fixed text and the fixed `bytes` (`bytes` itself when nothing was fixed). The library's
 * lintText fixes a text no file holds with it.
 */
export function lintAndFix(
  filePath: string,
  source: string,
  linter: Linter,
  timings: LintTimings | null,
  bytes: Buffer = Buffer.from(source, 'utf8'),
): { messages: Finding[]; text: string; fixed: Buffer; suppressed: Suppressed<Finding>[] } {
  let suppressed: Suppressed<Finding>[] = [];
  let messages = linter.lint(filePath, source, timings, suppressed);
  let text = source;
  let fixed = bytes;
  for (let pass = 0; pass < MAX_FIX_PASSES && messages.some((m) => m.fix); pass++) {
    const outcome = applyFixes(text, messages);
    if (outcome.applied.length === 0) break;
    const next = applyFixesToBytes(fixed, outcome.applied);
    // A fix that would join the invalid bytes around it into other characters is not made.
    if (next === null || next.toString('utf8') !== outcome.output) break;
    fixed = next;
    text = outcome.output;
    suppressed = [];
    messages = linter.lint(filePath, text, timings, suppressed);
  }
  return { messages, text, fixed, suppressed };
}

/** The one finding of a file that could not be linted. */
export function fatal(message: string): Finding {
  return { ruleId: 'fatal', severity: 2, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
