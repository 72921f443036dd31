// A lint run: configuration → files → per file: parse once, build the model, run the
// rules, apply fixes → results. Used by the CLI, the site's loader and the action.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { buildModel, type Parsed } from '../core/build.ts';
import { normaliseHeading } from '../core/sections/classify.ts';
import type { SectionKind } from '../core/model.ts';
import { LintCache, cacheKey, contentHash } from './cache.ts';
import { loadConfig, type ResolvedConfig } from './config/load.ts';
import { lintParsed, type Finding, type LintTimings } from './engine.ts';
import { selectFiles } from './files.ts';
import { applyFixes } from './fix.ts';
import { loadRules } from './registry.ts';
import { summarise, type LintResult } from './result.ts';
import type { LintSettings, Rule } from './rule.ts';
import { writeFileAtomic } from './write.ts';

export interface LintRunOptions {
  cwd: string;
  paths?: readonly string[];
  configFile?: string | null;
  fix?: boolean;
  cache?: boolean;
  timing?: boolean;
  now?: Date;
  version?: string;
}

export interface LintRun {
  results: LintResult[];
  config: ResolvedConfig;
  rules: ReadonlyMap<string, Rule>;
  timings: LintTimings | null;
}

const MAX_FIX_PASSES = 10;

export async function lintRun(options: LintRunOptions): Promise<LintRun> {
  const rules = await loadRules();
  const config = loadConfig({ cwd: options.cwd, configFile: options.configFile ?? null }, rules);
  const files = await selectFiles({
    cwd: options.cwd,
    root: config.root,
    paths: options.paths ?? [],
    contentFolder: config.content,
    ignoreGlobs: config.ignore,
  });
  const now = options.now ?? new Date();
  const fix = options.fix ?? false;
  const timings: LintTimings | null = options.timing ? {} : null;
  const cache = options.cache ? new LintCache(config.cacheFile, cacheKey([options.version ?? '', config.raw, config.preset])) : null;

  // Read every file and answer from the cache what it can; what is left is linted, here
  // or, for a large archive, in a pool of worker threads.
  const results: LintResult[] = new Array(files.length);
  const pending: LintTask[] = [];
  files.forEach((filePath, index) => {
    let source: string;
    try {
      source = readFileSync(filePath, 'utf8');
    } catch (error) {
      results[index] = summarise(filePath, [fatal(`Cannot read this file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`)]);
      return;
    }
    const hash = cache ? contentHash(source) : '';
    const cached = cache?.get(filePath, hash);
    if (cached && !(fix && cached.some((m) => m.fix))) results[index] = summarise(filePath, cached);
    else pending.push({ index, filePath, source, hash });
  });

  const done = (task: LintTask, outcome: FileOutcome): void => {
    results[task.index] = summarise(task.filePath, outcome.messages, outcome.output);
    cache?.set(task.filePath, outcome.output !== undefined ? contentHash(outcome.output) : task.hash, outcome.messages);
  };
  if (useWorkers(pending.length)) {
    const { lintInWorkers } = await import('./pool.ts');
    await lintInWorkers(pending, { cwd: options.cwd, configFile: config.file, now, fix, timing: timings !== null }, done, timings);
  } else {
    const linter = createLinter(config, rules, now);
    for (const task of pending) done(task, lintSource(task.filePath, task.source, linter, { fix, timings }));
  }
  cache?.save();
  return { results, config, rules, timings };
}

/** One file to lint: its place in the results, its text, and the hash the cache keeps. */
export interface LintTask {
  index: number;
  filePath: string;
  source: string;
  hash: string;
}

export interface FileOutcome {
  messages: Finding[];
  /** The fixed text, when --fix changed the file. */
  output?: string;
}

/**
 * Worker threads pay off only when there are enough files to amortise their start-up
 * (each loads the whole lint stack): below this a one-file hook or a small archive runs
 * on the main thread.
 */
export const MIN_FILES_FOR_WORKERS = 200;

function useWorkers(files: number): boolean {
  if (process.env['HINDSIGHT_WORKERS'] === '0') return false;
  return files >= MIN_FILES_FOR_WORKERS && availableParallelism() > 1;
}

export interface Linter {
  lint(filePath: string, source: string, timings?: LintTimings | null): Finding[];
  /** The model and the findings from one parse: for the site, which shows both. */
  lintWithModel(filePath: string, source: string): { parsed: Parsed; findings: Finding[] };
}

export function createLinter(config: ResolvedConfig, rules: ReadonlyMap<string, Rule>, now: Date): Linter {
  const settings: LintSettings = {
    timezone: config.timezone,
    requiredFrontmatter: config.requiredFrontmatter,
    frontmatterSchema: config.frontmatterSchema,
    now,
  };
  const aliases = new Map<string, SectionKind>();
  for (const [heading, kind] of config.sectionAliases) aliases.set(normaliseHeading(heading), kind);
  const known = new Set(rules.keys());
  const parse = (filePath: string, source: string): Parsed =>
    buildModel(filePath, source, { defaultZone: config.timezone, sectionAliases: aliases });
  return {
    lint(filePath, source, timings) {
      return lintParsed(parse(filePath, source), config.rules, settings, known, timings ?? undefined);
    },
    lintWithModel(filePath, source) {
      const parsed = parse(filePath, source);
      return { parsed, findings: lintParsed(parsed, config.rules, settings, known) };
    },
  };
}

interface SourceOptions {
  fix: boolean;
  timings: LintTimings | null;
}

/** Lints one file's text; with `fix`, applies fixes pass after pass and writes the file. */
export function lintSource(filePath: string, source: string, linter: Linter, options: SourceOptions): FileOutcome {
  let messages = linter.lint(filePath, source, options.timings);
  if (!options.fix) return { messages };
  let text = source;
  for (let pass = 0; pass < MAX_FIX_PASSES && messages.some((m) => m.fix); pass++) {
    const outcome = applyFixes(text, messages);
    if (outcome.applied.length === 0) break;
    text = outcome.output;
    messages = linter.lint(filePath, text, options.timings);
  }
  if (text === source) return { messages };
  writeFileAtomic(filePath, text);
  return { messages, output: text };
}

function fatal(message: string): Finding {
  return { ruleId: 'fatal', severity: 2, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
