// A lint worker thread (see pool.ts): configuration and rules load once per thread, then
// each batch of files is linted as on the main thread. The thread's workerData (pool.ts) holds
// the archive index of the cross-file rules, when there is one, and the compile cache.
//
// Node's compile cache (bin/hindsight.js turns it on) is not inherited by worker threads: each
// thread would type-strip and compile the whole lint stack again (about 0.06 s of CPU time per
// thread, measured). So this module imports only types and node: builtins, turns the cache on
// in the main thread's folder, and only then loads the lint stack.
import module from 'node:module';
import { workerData } from 'node:worker_threads';
import type { ErrorData } from '../errors.ts';
import type { ArchiveEntry } from './archive/index.ts';
import type { LintTimings } from './engine.ts';
import type { FileOutcome, Linter } from './linter.ts';

export interface WorkerArchive {
  root: string;
  entries: readonly ArchiveEntry[];
}

/** What each thread gets once (piscina's workerData; pool.ts). */
export interface WorkerData {
  archive: WorkerArchive | null;
  /** The main thread's compile cache folder, when it has one on (this module turns it on too). */
  compileCache: string | null;
}

export interface WorkerBatch {
  cwd: string;
  configFile: string | null;
  now: string;
  fix: boolean;
  timing: boolean;
  /** Give each outcome the incident's key figures (lintRun's `incidents`). */
  incidents: boolean;
  /** Paths only: the thread reads each file itself. */
  files: string[];
}

export interface WorkerResult {
  outcomes: FileOutcome[];
  timings: LintTimings | null;
  /**
   * A failure of the run (a fix that cannot be written): sent as plain data, since an
   * error crossing threads loses its class and exit code (pool.ts rebuilds it).
   */
  failure?: ErrorData;
}

const shared = (workerData ?? null) as WorkerData | null;
if (shared?.compileCache) module.enableCompileCache?.(shared.compileCache);

const stack = Promise.all([import('./archive/index.ts'), import('./config/load.ts'), import('./registry.ts'), import('./linter.ts')]);
// Loaded before the first batch arrives; a failure here is reported with that batch.
stack.catch(() => {});

let linter: { key: string; value: Promise<Linter> } | null = null;

function linterFor(batch: WorkerBatch): Promise<Linter> {
  const key = `${batch.cwd}\0${batch.configFile ?? ''}\0${batch.now}`;
  if (linter?.key !== key) {
    linter = {
      key,
      value: stack.then(async ([{ Archive }, { loadConfig }, { loadRules }, { createLinter, modelOptionsOf }]) => {
        const rules = await loadRules();
        const config = loadConfig({ cwd: batch.cwd, configFile: batch.configFile }, rules);
        const index = shared?.archive;
        const archive = index ? new Archive(index.root, index.entries, modelOptionsOf(config).sectionAliases) : undefined;
        return createLinter(config, rules, new Date(batch.now), archive ? { archive } : undefined);
      }),
    };
  }
  return linter.value;
}

export default async function lintBatch(batch: WorkerBatch): Promise<WorkerResult> {
  const timings: LintTimings | null = batch.timing ? {} : null;
  try {
    const current = await linterFor(batch);
    const { lintFile } = await stack.then(([, , , run]) => run);
    const outcomes = batch.files.map((filePath) => lintFile(filePath, current, { fix: batch.fix, timings, incidents: batch.incidents }));
    return { outcomes, timings };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    // A HindsightError's exit code, read by shape: this module loads nothing before the lint stack.
    const exitCode = error instanceof Error ? (error as { exitCode?: unknown }).exitCode : undefined;
    return { outcomes: [], timings, failure: { name, message, ...(typeof exitCode === 'number' ? { exitCode } : {}) } };
  }
}
