// A lint run: configuration → files → cache → archive index → each file linted (linter.ts),
// here or in a pool of worker threads (pool.ts) → results. Used by the CLI, the site's loader
// and the action.
import { availableParallelism } from 'node:os';
import type { Archive, ArchiveEntry, ArchiveNeed } from './archive/index.ts';
import { CACHE_FORMAT, LintCache, cacheKey, contentHash } from './cache.ts';
import { loadConfig, type ResolvedConfig } from './config/load.ts';
import type { Suppressed } from './directives.ts';
import type { Finding, LintTimings } from './engine.ts';
import { linkBoundary, selectFiles } from './files.ts';
import { createLinter, lintFile, readSource, type FileOutcome, type LintTask } from './linter.ts';
import { everyActiveRule } from './overrides.ts';
import { loadRules } from './registry.ts';
import { summarise, type LintResult } from './result.ts';
import type { PoolSettings } from './pool.ts';
import type { Rule } from './rule.ts';

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
  /** Give each result the incident's key figures from the same parse (the Action's job summary); the cache is not read then. */
  incidents?: boolean;
  /** Changes the loaded configuration (the CLI's `--rule`); the run is then linted in this thread. */
  adjustConfig?: (config: ResolvedConfig) => ResolvedConfig;
  /** False: inline directives are ignored (`--no-inline-config`). */
  inlineConfig?: boolean;
}

export interface LintRun {
  results: LintResult[];
  config: ResolvedConfig;
  rules: ReadonlyMap<string, Rule>;
  timings: LintTimings | null;
  /** The archive index, when a cross-file rule was active: how many files, read from disk this run. */
  archive: { files: number; read: number; indexed: number; ms: number } | null;
}

export async function lintRun(options: LintRunOptions): Promise<LintRun> {
  const rules = await loadRules();
  const loaded = options.config ?? loadConfig({ cwd: options.cwd, configFile: options.configFile ?? null }, rules);
  const config = options.adjustConfig ? options.adjustConfig(loaded) : loaded;
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
  const archive = await loadRunArchive(config, rules, files, { cache: options.cache ?? false, version: options.version ?? '' });
  // A file's findings from cross-file rules change with the others: the archive's digest is
  // part of the cache key.
  const cache = options.cache
    ? new LintCache(
        config.cacheFile,
        cacheKey([CACHE_FORMAT, options.version ?? '', config.raw, config.preset, archive?.digest ?? '', options.inlineConfig ?? true]),
      )
    : null;

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
    if (cached && !options.incidents && !(fix && cached.some((m) => m.fix))) results[index] = fromCache(filePath, cached);
    else pending.push({ index, filePath, hash });
  });

  const done = (task: LintTask, outcome: FileOutcome): void => {
    results[task.index] = summarise(task.filePath, outcome.messages, outcome.output, outcome.suppressed);
    if (outcome.incident) results[task.index]!.incident = outcome.incident;
    // The suppressed findings are kept with the others, told apart by their `suppressions`.
    cache?.set(task.filePath, outcome.output !== undefined ? contentHash(outcome.output) : task.hash, [...outcome.messages, ...(outcome.suppressed ?? [])]);
  };
  // Worker threads load the configuration from its file: a configuration given resolved
  // (not from the checkout) is linted here.
  if (useWorkers(pending.length) && !options.config && !options.adjustConfig && options.inlineConfig !== false) {
    const { lintInWorkers } = await import('./pool.ts');
    const settings: PoolSettings = { cwd: options.cwd, configFile: config.file, now, fix, timing: timings !== null, incidents: options.incidents ?? false };
    if (archive) settings.archive = { root: archive.value.root, entries: archive.entries };
    await lintInWorkers(pending, settings, done, timings);
  } else {
    const linter = createLinter(config, rules, now, {
      ...(archive && { archive: archive.value }),
      ...(options.inlineConfig === false && { inlineConfig: false }),
    });
    for (const task of pending) done(task, lintFile(task.filePath, linter, { fix, timings, incidents: options.incidents ?? false }));
  }
  cache?.save();
  return { results, config, rules, timings, archive: archive?.stats ?? null };
}

/** A file's result from the cache, whose findings hold the suppressed ones too (see `done`). */
function fromCache(filePath: string, cached: Finding[]): LintResult {
  const suppressed = cached.filter((m): m is Suppressed<Finding> => 'suppressions' in m);
  const messages = suppressed.length === 0 ? cached : cached.filter((m) => !('suppressions' in m));
  return summarise(filePath, messages, undefined, suppressed);
}

export interface RunArchive {
  value: Archive;
  entries: readonly ArchiveEntry[];
  digest: string;
  stats: LintRun['archive'];
}

/**
 * The archive index the active cross-file rules read, with `files` (those being linted) in
 * it; null when no cross-file rule is active (then nothing of it loads). The library's
 * lintText loads it this way too.
 */
export async function loadRunArchive(
  config: ResolvedConfig,
  rules: ReadonlyMap<string, Rule>,
  files: readonly string[],
  options: { cache: boolean; version: string },
): Promise<RunArchive | null> {
  const need = archiveNeed(config, rules);
  if (!need) return null;
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
    indexFile: indexFileFor(config.cacheFile, config.root, options.cache),
    version: options.version,
  });
  return { value: loaded.archive, entries: loaded.archive.entries, digest: loaded.digest, stats: { ...loaded.stats, ms: performance.now() - started } };
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

/**
 * Worker threads pay off only when there are enough files to amortise their start-up
 * (each loads the whole lint stack): below this a one-file hook or a small archive runs
 * on the main thread.
 */
export const MIN_FILES_FOR_WORKERS = 200;

function useWorkers(files: number): boolean {
  if (process.env.HINDSIGHT_WORKERS === '0') return false;
  return files >= MIN_FILES_FOR_WORKERS && availableParallelism() > 1;
}
