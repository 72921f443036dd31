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
  const current = await linterFor(batch);
  const timings: LintTimings | null = batch.timing ? {} : null;
  const outcomes = batch.files.map((file) => lintSource(file.filePath, file.source, current, { fix: batch.fix, timings }));
  return { outcomes, timings };
}
