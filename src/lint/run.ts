// A lint run: configuration → files → (per configuration that applies: config/lookup.ts)
// cache → archive index → each file linted (linter.ts), here or in a pool of worker threads
// (pool.ts) → results. Used by the CLI, the site's loader
// and the action.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Archive, ArchiveEntry, ArchiveNeed } from './archive/index.ts';
import { CACHE_FORMAT, LintCache, cacheKey, contentHash } from './cache.ts';
import { loadConfig, type ResolvedConfig } from './config/load.ts';
import { ConfigLookup } from './config/lookup.ts';
import type { Suppressed } from './directives.ts';
import type { Finding, LintTimings } from './engine.ts';
import { linkBoundary, selectFiles, type IgnoreScope } from './files.ts';
import { createLinter, lintFile, readSource, type FileOutcome, type LintTask } from './linter.ts';
import { everyActiveRule } from './overrides.ts';
import { loadRules } from './registry.ts';
import { summarise, type LintResult } from './result.ts';
import type { PoolSettings } from './pool.ts';
import type { Rule } from './rule.ts';
// Static: a chunk of its own would be one more file for every one-file lint (test/hooks/startup.test.ts).
import { withYoungGenerationCapped } from './young-generation.ts';

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
  /** Files named on the command line that an ignore pattern left out, and where that pattern is (files.ts). */
  ignored: { file: string; source: string }[];
  /** The archive index, when a cross-file rule was active: how many files, read from disk this run. */
  archive: { files: number; read: number; indexed: number; ms: number } | null;
}

export async function lintRun(options: LintRunOptions): Promise<LintRun> {
  const rules = await loadRules();
  const loaded = options.config ?? loadConfig({ cwd: options.cwd, configFile: options.configFile ?? null }, rules);
  // The caller's changes (--rule) apply to every configuration of the run, each made once.
  const adjusted = new Map<ResolvedConfig, ResolvedConfig>();
  const adjust = (of: ResolvedConfig): ResolvedConfig => {
    if (!options.adjustConfig) return of;
    let made = adjusted.get(of);
    if (!made) adjusted.set(of, (made = options.adjustConfig(of)));
    return made;
  };
  const config = adjust(loaded);
  // Each file's configuration is the nearest one up from its folder, unless one was given
  // (`--config`, or resolved by the caller) for every file.
  const lookup = options.config || options.configFile ? null : new ConfigLookup(options.cwd, rules, loaded);
  const configOf = (file: string): ResolvedConfig => adjust(lookup?.configOf(file) ?? loaded);
  const scopes = new Map<ResolvedConfig, IgnoreScope>();
  const ignoreScopeOf = (of: ResolvedConfig): IgnoreScope => {
    let scope = scopes.get(of);
    if (!scope) scopes.set(of, (scope = { root: of.root, ignoreGlobs: of.ignore }));
    return scope;
  };
  const ignored: LintRun['ignored'] = [];
  const files = await selectFiles({
    cwd: options.cwd,
    root: config.root,
    paths: options.paths ?? [],
    contentFolder: config.content,
    ignoreGlobs: config.ignore,
    ...(lookup && { scopeOf: (file: string) => ignoreScopeOf(configOf(file)) }),
    onIgnored: (file, source) => ignored.push({ file, source }),
  });
  const timings: LintTimings | null = options.timing ? {} : null;
  const now = options.now ?? new Date();
  const results: LintResult[] = new Array(files.length);
  let archive: LintRun['archive'] = null;
  for (const [groupConfig, tasks] of groupByConfig(files, configOf)) {
    const stats = await lintGroup(groupConfig, tasks, { ...options, now, rules, results, timings, given: config });
    if (stats) archive = archive ? addArchiveStats(archive, stats) : stats;
  }
  return { results, config, rules, timings, ignored, archive };
}

/** The files of a run by the configuration that applies to each, as tasks (in run order within each). */
function groupByConfig(files: readonly string[], configOf: (file: string) => ResolvedConfig): Map<ResolvedConfig, LintTask[]> {
  const groups = new Map<ResolvedConfig, LintTask[]>();
  files.forEach((filePath, index) => {
    const config = configOf(filePath);
    let tasks = groups.get(config);
    if (!tasks) groups.set(config, (tasks = []));
    tasks.push({ index, filePath, hash: '' });
  });
  return groups;
}

function addArchiveStats(a: NonNullable<LintRun['archive']>, b: NonNullable<LintRun['archive']>): NonNullable<LintRun['archive']> {
  return { files: a.files + b.files, read: a.read + b.read, indexed: a.indexed + b.indexed, ms: a.ms + b.ms };
}

interface GroupContext extends LintRunOptions {
  now: Date;
  rules: ReadonlyMap<string, Rule>;
  results: LintResult[];
  timings: LintTimings | null;
  /** The configuration the run loaded from the working folder (or was given). */
  given: ResolvedConfig;
}

/**
 * Lints the files one configuration applies to, with that configuration's archive index and
 * cache, into `results`; returns the archive index's figures.
 */
async function lintGroup(config: ResolvedConfig, tasks: readonly LintTask[], run: GroupContext): Promise<LintRun['archive']> {
  const { rules, results, timings } = run;
  const { now } = run;
  const fix = run.fix ?? false;
  const files = tasks.map((task) => task.filePath);
  // Cross-file rules read the archive index; nothing of it loads when none is active.
  // A cold archive index reads every file: the lint takes the texts it read, not reading them
  // again (not with --fix, which writes back the bytes read; not beyond what one thread lints).
  const keepTexts = fix ? 0 : MIN_BYTES_FOR_WORKERS_ON_TWO_CORES;
  const archive = await loadRunArchive(config, rules, files, { cache: run.cache ?? false, version: run.version ?? '', keepTexts });
  // A file's findings from cross-file rules change with the others: the archive's digest is
  // part of the cache key. (So is the configuration's folder: two folders' configurations
  // may read the same and still resolve paths differently.)
  const cache = run.cache
    ? new LintCache(
        config.cacheFile,
        cacheKey([CACHE_FORMAT, run.version ?? '', config.raw, config.preset, config.root, archive?.digest ?? '', run.inlineConfig ?? true]),
      )
    : null;

  // With --cache, answer from the cache what it can (reading each file to hash it, unless a
  // cold archive index read it already); what is left is linted, here or, for a large
  // archive, in a pool of worker threads. Tasks carry no text: whoever lints a file reads it
  // (or takes what the index kept, at most what one thread lints), so 10,000 sources never
  // sit in memory.
  const pending: LintTask[] = [];
  let pendingSize = 0;
  for (const task of tasks) {
    const { index, filePath } = task;
    if (!cache) {
      pending.push(task);
      continue;
    }
    const source = archive?.texts.get(path.resolve(filePath)) ?? readSource(filePath, linkBoundary(filePath, config.content, config.root));
    if (typeof source !== 'string') {
      results[index] = summarise(filePath, [source]);
      continue;
    }
    const hash = contentHash(source);
    const cached = cache.get(filePath, hash);
    if (cached && !run.incidents && !(fix && cached.some((m) => m.fix))) results[index] = fromCache(filePath, cached);
    else {
      pending.push({ index, filePath, hash });
      pendingSize += source.length;
    }
  }

  const done = (task: LintTask, outcome: FileOutcome): void => {
    results[task.index] = summarise(task.filePath, outcome.messages, outcome.output, outcome.suppressed);
    if (outcome.incident) results[task.index]!.incident = outcome.incident;
    // The suppressed findings are kept with the others, told apart by their `suppressions`.
    cache?.set(task.filePath, outcome.output !== undefined ? contentHash(outcome.output) : task.hash, [...outcome.messages, ...(outcome.suppressed ?? [])]);
  };
  // Worker threads load the configuration from its file. A configuration given resolved (not
  // from the checkout), and the defaults of a file with no configuration up from it (a thread
  // would look from the working folder), are linted here; so are runs with --rule or
  // --no-inline-config.
  // How much there is to lint, when known: what --cache read, or what the archive index found.
  const size = cache ? pendingSize : (archive?.lintedBytes ?? null);
  if (useWorkers(pending.length, size) && !run.config && (config.file !== null || config === run.given) && !run.adjustConfig && run.inlineConfig !== false) {
    archive?.texts.clear();
    archive?.value.forgetReads();
    const { lintInWorkers } = await import('./pool.ts');
    const settings: PoolSettings = { cwd: run.cwd, configFile: config.file, now, fix, timing: timings !== null, incidents: run.incidents ?? false };
    if (archive) settings.archive = { root: archive.value.root, entries: archive.entries };
    await lintInWorkers(pending, settings, done, timings);
  } else {
    const linter = createLinter(config, rules, now, {
      ...(archive && { archive: archive.value }),
      ...(run.inlineConfig === false && { inlineConfig: false }),
    });
    // The young generation held small, as while the index was built (young-generation.ts).
    await withYoungGenerationCapped(async (check) => {
      let linted = 0;
      for (const task of pending) {
        done(task, lintFile(task.filePath, linter, { fix, timings, incidents: run.incidents ?? false }, takeText(archive, task.filePath)));
        if (++linted % 32 === 0) check();
      }
    });
  }
  cache?.save();
  return archive?.stats ?? null;
}

/** The text the archive index read of a file being linted, handed over once (then freed). */
function takeText(archive: RunArchive | null, filePath: string): string | undefined {
  const texts = archive?.texts;
  if (!texts || texts.size === 0) return undefined;
  const key = path.resolve(filePath);
  const text = texts.get(key);
  texts.delete(key);
  return text;
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
  readonly digest: string;
  stats: LintRun['archive'];
  /** The size in bytes of the files being linted. */
  lintedBytes: number;
  /** Texts of files being linted that the index read (options.keepTexts), by absolute path. */
  texts: Map<string, string>;
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
  options: { cache: boolean; version: string; keepTexts?: number },
): Promise<RunArchive | null> {
  const need = archiveNeed(config, rules);
  if (!need) return null;
  const started = performance.now();
  const { loadArchive, indexFileFor } = await import('./archive-index.ts');
  const loaded = await withYoungGenerationCapped((onProgress) =>
    loadArchive({
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
      onProgress,
      keepTexts: options.keepTexts ?? 0,
    }),
  );
  const stats = { ...loaded.stats, ms: performance.now() - started };
  return {
    value: loaded.archive,
    // Built when first read: only worker threads (a large run) take every entry.
    get entries() {
      return loaded.archive.entries;
    },
    get digest() {
      return loaded.digest; // computed when first read: only --cache does
    },
    stats,
    lintedBytes: loaded.lintedBytes,
    texts: loaded.texts,
  };
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
 * Worker threads pay off only when there are enough files to amortise their start-up: each
 * loads the whole lint stack and warms it up again (its compiled code and regular expressions
 * are its own), about 0.7 s of CPU time a thread. Below this a one-file hook or a small archive
 * runs on the main thread.
 */
export const MIN_FILES_FOR_WORKERS = 200;

/**
 * On two cores, the main thread alone already keeps about 1.4 of them busy (V8 collects garbage
 * and compiles on the other), and two threads of our work give far less than twice its
 * throughput: the threads pay off with the size of the work, not the number of files.
 * Measured on 2 cores (docs/performance.md), two threads against one: 1.6 and 3.3 MB, 30 and 20%
 * slower; 6.6 to 8.9 MB (2,000 files), about as fast for 25 to 35% more CPU time; 13 MB, 3 to
 * 13% faster; 22 MB, 20% faster, and the one thread's peak passed 512 MiB.
 */
export const MIN_BYTES_FOR_WORKERS_ON_TWO_CORES = 12_000_000;
/** When the size is not known (no cross-file rule read the files' sizes): about 12 MB of ordinary postmortems. */
export const MIN_FILES_FOR_WORKERS_ON_TWO_CORES = 3000;

/**
 * Whether `files` files (`bytes` in all, when known) are linted in worker threads.
 * HINDSIGHT_WORKERS=0 lints in this thread whatever the size; =1 in worker threads from
 * MIN_FILES_FOR_WORKERS files on whatever the cores (tests, measurements).
 */
export function useWorkers(files: number, bytes: number | null, cores = availableParallelism(), forced = process.env.HINDSIGHT_WORKERS): boolean {
  if (forced === '0' || files < MIN_FILES_FOR_WORKERS) return false;
  if (forced === '1') return true;
  if (cores < 2) return false;
  if (cores > 2) return true;
  return bytes === null ? files >= MIN_FILES_FOR_WORKERS_ON_TWO_CORES : bytes >= MIN_BYTES_FOR_WORKERS_ON_TWO_CORES;
}
