// A lint worker thread (see pool.ts): configuration and rules load once per thread, then
// each batch of files is linted as on the main thread.
import { loadConfig } from './config/load.ts';
import type { LintTimings } from './engine.ts';
import { loadRules } from './registry.ts';
import { createLinter, lintSource, type FileOutcome, type Linter } from './run.ts';

export interface WorkerBatch {
  cwd: string;
  configFile: string | null;
  now: string;
  fix: boolean;
  timing: boolean;
  files: { filePath: string; source: string }[];
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
      value: loadRules().then((rules) =>
        createLinter(loadConfig({ cwd: batch.cwd, configFile: batch.configFile }, rules), rules, new Date(batch.now))),
    };
  }
  return linter.value;
}

export default async function lintBatch(batch: WorkerBatch): Promise<WorkerResult> {
  const timings: LintTimings | null = batch.timing ? {} : null;
  try {
    const current = await linterFor(batch);
    const outcomes = batch.files.map((file) => lintSource(file.filePath, file.source, current, { fix: batch.fix, timings }));
    return { outcomes, timings };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { outcomes: [], timings, failure: { name, message } };
  }
}
