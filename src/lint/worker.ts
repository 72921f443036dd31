// A lint worker thread (see pool.ts): configuration and rules load once per thread, then
// each batch of files is linted as on the main thread. The archive index of the cross-file
// rules, when there is one, comes once per thread as the thread's workerData (pool.ts).
import { workerData } from 'node:worker_threads';
import { Archive, normalisedAliases } from './archive.ts';
import { loadConfig } from './config/load.ts';
import type { LintTimings } from './engine.ts';
import { loadRules } from './registry.ts';
import type { WorkerArchive } from './pool.ts';
import { createLinter, lintFile, type FileOutcome, type Linter } from './run.ts';

export interface WorkerBatch {
  cwd: string;
  configFile: string | null;
  now: string;
  fix: boolean;
  timing: boolean;
  /** Paths only: the thread reads each file itself. */
  files: string[];
}

export interface WorkerResult {
  outcomes: FileOutcome[];
  timings: LintTimings | null;
  /**
   * A failure of the run (a fix that cannot be written): sent as plain data, since an
   * error crossing threads loses its class and name, which decide the exit code.
   */
  failure?: { name: string; message: string };
}

let linter: { key: string; value: Promise<Linter> } | null = null;

function linterFor(batch: WorkerBatch): Promise<Linter> {
  const key = `${batch.cwd}\0${batch.configFile ?? ''}\0${batch.now}`;
  if (linter?.key !== key) {
    linter = {
      key,
      value: loadRules().then((rules) => {
        const config = loadConfig({ cwd: batch.cwd, configFile: batch.configFile }, rules);
        const shared = workerData as WorkerArchive | null | undefined;
        const archive = shared ? new Archive(shared.root, shared.entries, normalisedAliases(config.sectionAliases)) : undefined;
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
    const outcomes = batch.files.map((filePath) => lintFile(filePath, current, { fix: batch.fix, timings }));
    return { outcomes, timings };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { outcomes: [], timings, failure: { name, message } };
  }
}
