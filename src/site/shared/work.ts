// Who turns postmortems into entries, and when: piscina worker threads (worker.ts), each with
// its own linter, fed in batches.
//
// A build starts them when Astro reads its configuration (`startArchiveWork`, called by the
// integration): one thread scans the archive (archive.ts) and then every thread lints and
// renders the files the last build's content store does not hold, while Astro starts up on
// the main thread. The loader takes that work (`takeArchiveWork`) and stays the judge of what
// is current: a result is used only for a file whose key (everything its entry depends on)
// it was made for; anything else the loader processes itself.
//
// This module loads no part of the lint stack (only node: builtins and piscina): on the main
// thread it costs Astro's start-up nothing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { threadsFor, workerBeside } from '../../workers.ts';
import type { WorkerData, WorkerTask } from '../worker.ts';
import type { Scan, ScannedFile, SiteArchive } from './archive.ts';
import type { FileJob, Processed } from './process.ts';
import type { RuleData } from './types.ts';
import { scanMemoFile } from './scan-memo.ts';

/** Files per batch sent to a thread. */
const BATCH = 16;

/** Below this many files to process, threads cost more than they save: the loader works alone. */
export const PARALLEL_FROM = 64;

/**
 * The folder Node's compile cache was turned on with in this thread (Astro's CLI turns it
 * on), so the worker threads reuse it instead of compiling the whole lint stack again.
 */
function compileCacheFolder(): string | null {
  const dir = module.getCompileCacheDir?.();
  return dir ? path.dirname(dir) : null;
}

/**
 * Worker threads for a build: one a core, but one on two cores, where Astro keeps the main
 * thread busy and two threads beside it cost 7% more CPU time and 13% more memory for no
 * less wall time (docs/performance.md).
 */
function siteThreads(): number {
  const cores = availableParallelism();
  return cores === 2 ? 1 : cores;
}

/** `threads` at most; `ready` of them start at once, the others when tasks queue up. */
function createPool(threads: number, ready = threads): Piscina<WorkerTask, unknown> {
  const workerData: WorkerData = { compileCache: compileCacheFolder() };
  return new Piscina<WorkerTask, unknown>({
    filename: workerBeside(import.meta.url, '../worker'),
    minThreads: ready,
    maxThreads: threads,
    idleTimeout: 500,
    workerData,
  });
}

function runBatches(
  pool: Piscina<WorkerTask, unknown>,
  jobs: readonly FileJob[],
  root: string,
  now: string,
  archive: SiteArchive | null,
): Promise<Processed[]> {
  const batches: Promise<Processed[]>[] = [];
  // Each batch carries the archive index (any thread may take it): a few hundred bytes a
  // postmortem, cloned once a batch.
  for (let start = 0; start < jobs.length; start += BATCH) {
    batches.push(pool.run({ kind: 'process', root, now, archive, jobs: jobs.slice(start, start + BATCH) }) as Promise<Processed[]>);
  }
  return Promise.all(batches).then((lists) => lists.flat());
}

/** Processes `jobs` on every core. */
export async function processInWorkers(jobs: readonly FileJob[], root: string, now: string, archive: SiteArchive | null): Promise<Processed[]> {
  if (jobs.length === 0) return [];
  const pool = createPool(Math.min(siteThreads(), threadsFor(jobs.length, BATCH)));
  try {
    return await runBatches(pool, jobs, root, now, archive);
  } finally {
    await pool.destroy();
  }
}

export function jobOf(file: ScannedFile, root: string): FileJob {
  return { file: file.file, source: file.source, boundary: file.boundary, root, slug: file.slug, sourcePath: file.sourcePath, lastUpdated: file.lastUpdated };
}

// ---------------------------------------------------------------------------------------------
// The work started before the loader asks for it
//
// The loaders run on Astro's main thread under Vite, which would transform the whole lint
// stack before the first entry could be stored: with this work they need none of it.

export interface ArchiveWork {
  root: string;
  content: string | null;
  scan: Promise<Scan>;
  /** Entries processed ahead, by `ScannedFile.key`. */
  processed: Promise<Map<string, Processed>>;
}

const WORK = Symbol.for('hindsight.site.archive-work');
const RULES = Symbol.for('hindsight.site.archive-rules');

/** The rule reference from the early scan, for the rule loader (which does not take the rest). */
export interface EarlyRules {
  root: string;
  scan: Promise<Pick<Scan, 'rules' | 'fingerprint'>>;
}

type WorkHolder = Record<symbol, ArchiveWork | EarlyRules | undefined>;

/** What a build keeps beside Astro's content store: the keys of the entries it stored. */
export function entryKeysFile(cacheDir: string): string {
  return path.join(cacheDir, 'hindsight-entry-keys.json');
}

/** The last build's record: the keys of its entries, and the fingerprint its rule reference was made for. */
export interface StoredKeys {
  keys: Set<string>;
  rules: string | null;
}

function readEntryKeys(cacheDir: string): StoredKeys {
  try {
    const stored = JSON.parse(readFileSync(entryKeysFile(cacheDir), 'utf8')) as { keys?: unknown; rules?: unknown } | null;
    const keys = Array.isArray(stored?.keys) ? stored.keys.filter((k): k is string => typeof k === 'string') : [];
    return { keys: new Set(keys), rules: typeof stored?.rules === 'string' ? stored.rules : null };
  } catch {
    return { keys: new Set(), rules: null };
  }
}

/**
 * Records which entries the content store holds, and the fingerprint (archive.ts
 * `codeFingerprint`) of the rule reference it holds, for the next build's early work.
 */
export function writeEntryKeys(cacheDir: string, keys: readonly string[], rules: string | null): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(entryKeysFile(cacheDir), JSON.stringify({ keys, rules }));
  } catch {
    // only a hint for the next build: without it, that build lints in the loader
  }
}

/**
 * Starts scanning the archive (`content`: the site option, null for the linter
 * configuration's folder) and processing, in worker threads, every file that the content
 * store of the last build (in `cacheDir`) does not hold. Errors surface in the loader.
 */
export function startArchiveWork(root: string, content: string | null, cacheDir: string): void {
  if (availableParallelism() < 2) return;
  const threads = siteThreads();
  // With no record of a last build every file is to be linted: every thread starts loading
  // the lint stack now. After one, probably little has changed: one thread scans, and more
  // start only if many files turn out to have changed.
  const stored = readEntryKeys(cacheDir);
  const pool = createPool(threads, stored.keys.size === 0 ? threads : 1);
  // The scan reads only the files changed since the last one (scan-memo.ts).
  const task: WorkerTask = {
    kind: 'scan',
    root,
    content,
    now: new Date().toISOString(),
    rulesMadeFor: stored.rules,
    memoFile: scanMemoFile(cacheDir),
    makeRules: false,
  };
  const scan = pool.run(task) as Promise<Scan>;
  // The rule reference is made again only when its fingerprint changed (the rule loader
  // checks the store's digests, and makes it itself if the store does not hold it): a task
  // of its own, queued before the files' batches, so that with two threads or more one makes
  // it while another lints (made in the scan, it kept the other threads waiting).
  const rules = scan.then(({ fingerprint }) =>
    fingerprint === stored.rules ? null : (pool.run({ kind: 'rules', root } satisfies WorkerTask) as Promise<RuleData[]>),
  );
  const processed = scan.then(async ({ files, now, archive }) => {
    const todo = files.filter((f) => !stored.keys.has(f.key));
    if (todo.length < PARALLEL_FROM) return new Map<string, Processed>();
    const results = await runBatches(
      pool,
      todo.map((file) => jobOf(file, root)),
      root,
      now,
      archive,
    );
    return new Map(results.map((result, index) => [todo[index]!.key, result]));
  });
  void Promise.allSettled([processed, rules]).then(() => pool.destroy());
  scan.catch(() => {});
  processed.catch(() => {});
  const early = scan.then(async ({ fingerprint }) => ({ fingerprint, rules: await rules }));
  early.catch(() => {});
  (globalThis as WorkHolder)[WORK] = { root, content, scan, processed } satisfies ArchiveWork;
  (globalThis as WorkHolder)[RULES] = { root, scan: early } satisfies EarlyRules;
}

/** The early work for this root and content folder, once (null when there is none). */
export function takeArchiveWork(root: string, content: string | null): ArchiveWork | null {
  const holder = globalThis as WorkHolder;
  const work = holder[WORK] as ArchiveWork | undefined;
  if (!work || work.root !== root || work.content !== content) return null;
  holder[WORK] = undefined;
  return work;
}

/** The early scan's rule reference for this root, once (null when there is none). */
export function takeEarlyRules(root: string): EarlyRules['scan'] | null {
  const holder = globalThis as WorkHolder;
  const early = holder[RULES] as EarlyRules | undefined;
  if (!early || early.root !== root) return null;
  holder[RULES] = undefined;
  return early.scan;
}
