// A lint run: configuration → files → per file: parse once, build the model, run the
// rules, apply fixes → results. Used by the CLI, the site's loader and the action.
import { availableParallelism } from 'node:os';
import { buildModel, type Parsed } from '../core/build.ts';
import { normaliseHeading } from '../core/sections/classify.ts';
import type { SectionKind } from '../core/model.ts';
import type { Archive, ArchiveEntry, ArchiveNeed } from './archive.ts';
import { LintCache, cacheKey, contentHash } from './cache.ts';
import { loadConfig, type ResolvedConfig } from './config/load.ts';
import { lintParsed, type Finding, type LintTimings } from './engine.ts';
import { linkBoundary, readPostmortem, selectFiles } from './files.ts';
import { applyFixes, applyFixesToBytes } from './fix.ts';
import { everyActiveRule, overrideResolver } from './overrides.ts';
import { loadRules } from './registry.ts';
import { summarise, type LintResult } from './result.ts';
import type { PoolSettings } from './pool.ts';
import type { LintSettings, Rule } from './rule.ts';
import { writeFixedFile } from './write.ts';

export interface LintRunOptions {
  cwd: string;
  paths?: readonly string[];
  configFile?: string | null;
  /** A configuration resolved by the caller (the action's `config-from: base`): used instead of loading one. */
  config?: ResolvedConfig;
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
  /** The archive index, when a cross-file rule was active: how many files, read from disk this run. */
  archive: { files: number; read: number; indexed: number; ms: number } | null;
}

const MAX_FIX_PASSES = 10;

export async function lintRun(options: LintRunOptions): Promise<LintRun> {
  const rules = await loadRules();
  const config = options.config ?? loadConfig({ cwd: options.cwd, configFile: options.configFile ?? null }, rules);
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

  // Cross-file rules read the archive index; nothing of it loads when none is active.
  const need = archiveNeed(config, rules);
  let archive: { value: Archive; entries: readonly ArchiveEntry[]; digest: string; stats: LintRun['archive'] } | null = null;
  if (need) {
    const started = performance.now();
    const { loadArchive, indexFileFor } = await import('./archive-index.ts');
    const loaded = await loadArchive({
      root: config.root,
      content: config.content,
      ignore: config.ignore,
      files,
      need,
      sectionAliases: config.sectionAliases,
      // With or without --cache, and for an archive of any size: in the fresh process of a
      // hook, reading even a few files' frontmatter (with a YAML parser not yet compiled)
      // costs more than the index. 12 files: 31 ms read, 4 ms from the index; 1 file: even.
      indexFile: indexFileFor(config.cacheFile, config.root, options.cache ?? false),
      version: options.version ?? '',
    });
    archive = { value: loaded.archive, entries: loaded.archive.entries, digest: loaded.digest, stats: { ...loaded.stats, ms: performance.now() - started } };
  }
  // A file's findings from cross-file rules change with the others: the archive's digest is
  // part of the cache key.
  const cache = options.cache ? new LintCache(config.cacheFile, cacheKey([options.version ?? '', config.raw, config.preset, archive?.digest ?? ''])) : null;

  // With --cache, answer from the cache what it can (reading each file to hash it); what
  // is left is linted, here or, for a large archive, in a pool of worker threads. Tasks
  // carry no text: whoever lints a file reads it, so 10,000 sources never sit in memory.
  const results: LintResult[] = new Array(files.length);
  const pending: LintTask[] = [];
  files.forEach((filePath, index) => {
    if (!cache) {
      pending.push({ index, filePath, hash: '' });
      return;
    }
    const source = readSource(filePath, linkBoundary(filePath, config.content, config.root));
    if (typeof source !== 'string') {
      results[index] = summarise(filePath, [source]);
      return;
    }
    const hash = contentHash(source);
    const cached = cache.get(filePath, hash);
    if (cached && !(fix && cached.some((m) => m.fix))) results[index] = summarise(filePath, cached);
    else pending.push({ index, filePath, hash });
  });

  const done = (task: LintTask, outcome: FileOutcome): void => {
    results[task.index] = summarise(task.filePath, outcome.messages, outcome.output);
    cache?.set(task.filePath, outcome.output !== undefined ? contentHash(outcome.output) : task.hash, outcome.messages);
  };
  // Worker threads load the configuration from its file: a configuration given resolved
  // (not from the checkout) is linted here.
  if (useWorkers(pending.length) && !options.config) {
    const { lintInWorkers } = await import('./pool.ts');
    const settings: PoolSettings = { cwd: options.cwd, configFile: config.file, now, fix, timing: timings !== null };
    if (archive) settings.archive = { root: archive.value.root, entries: archive.entries };
    await lintInWorkers(pending, settings, done, timings);
  } else {
    const linter = createLinter(config, rules, now, archive ? { archive: archive.value } : undefined);
    for (const task of pending) done(task, lintFile(task.filePath, linter, { fix, timings }));
  }
  cache?.save();
  return { results, config, rules, timings, archive: archive?.stats ?? null };
}

/** What the active cross-file rules read of the archive (`root-cause` covers `index`), or null when none is active. */
export function archiveNeed(config: ResolvedConfig, rules: ReadonlyMap<string, Rule>): ArchiveNeed | null {
  let need: ArchiveNeed | null = null;
  for (const active of config.overrides.length > 0 ? everyActiveRule(config, rules) : config.rules) {
    if (active.rule.archive === 'root-cause') return 'root-cause';
    if (active.rule.archive === 'index') need = 'index';
  }
  return need;
}

/** One file to lint: its place in the results, and the hash the cache keeps (with --cache). */
export interface LintTask {
  index: number;
  filePath: string;
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
  const aliases = new Map<string, SectionKind>();
  for (const [heading, kind] of config.sectionAliases) aliases.set(normaliseHeading(heading), kind);
  const known = new Set(rules.keys());
  const parse = (filePath: string, source: string): Parsed =>
    buildModel(filePath, source, { defaultZone: config.timezone, sectionAliases: aliases });
  const overrides = config.overrides.length > 0 ? overrideResolver(config, rules) : null;
  const rulesOf = (parsed: Parsed) => (overrides ? overrides.rulesFor(parsed.model.filePath, parsed.model.frontmatter.data) : config.rules);
  return {
    lint(filePath, source, timings) {
      const parsed = parse(filePath, source);
      return lintParsed(parsed, rulesOf(parsed), settings, known, timings ?? undefined);
    },
    lintWithModel(filePath, source) {
      const parsed = parse(filePath, source);
      return { parsed, findings: lintParsed(parsed, rulesOf(parsed), settings, known) };
    },
    boundaryOf: (filePath) => linkBoundary(filePath, config.content, config.root),
  };
}

interface SourceOptions {
  fix: boolean;
  timings: LintTimings | null;
}

/** A file's text, or the fatal finding that says why it cannot be read. */
export function readSource(filePath: string, within?: string): string | Finding {
  const read = readPostmortem(filePath, within);
  return 'text' in read ? read.text : fatal(read.problem);
}

/** Reads and lints one file. */
export function lintFile(filePath: string, linter: Linter, options: SourceOptions): FileOutcome {
  const read = readPostmortem(filePath, linter.boundaryOf(filePath));
  return 'text' in read ? lintSource(filePath, read.text, linter, options, read.bytes) : { messages: [fatal(read.problem)] };
}

/**
 * Lints one file's text; with `fix`, applies fixes pass after pass and writes the file: its
 * `bytes` (those `source` was decoded from) with the fixed spans replaced, so that bytes the
 * text holds only as U+FFFD are written back as they were.
 */
export function lintSource(filePath: string, source: string, linter: Linter, options: SourceOptions, bytes: Buffer = Buffer.from(source, 'utf8')): FileOutcome {
  let messages = linter.lint(filePath, source, options.timings);
  if (!options.fix) return { messages };
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
    messages = linter.lint(filePath, text, options.timings);
  }
  if (fixed === bytes || fixed.equals(bytes)) return { messages };
  writeFixedFile(filePath, fixed);
  return { messages, output: text };
}

/** The one finding of a file that could not be linted. */
export function fatal(message: string): Finding {
  return { ruleId: 'fatal', severity: 2, message, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
