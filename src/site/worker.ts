// A worker thread of the content loader (piscina): loads the rules and the configuration
// once, then turns batches of changed postmortems into entries (see shared/process.ts). Run by
// Node itself (type stripping), not through Vite.
import { loadConfig } from '../lint/config/load.ts';
import { loadRules } from '../lint/registry.ts';
import { createLinter, type Linter } from '../lint/run.ts';
import { processFile, type FileJob, type Processed } from './shared/process.ts';

export interface WorkerBatch {
  root: string;
  now: string;
  jobs: FileJob[];
}

let linter: { key: string; linter: Promise<Linter> } | null = null;

export default async function processBatch(batch: WorkerBatch): Promise<Processed[]> {
  const key = `${batch.root}\n${batch.now}`;
  if (linter?.key !== key) {
    linter = {
      key,
      linter: loadRules().then((rules) => createLinter(loadConfig({ cwd: batch.root }, rules), rules, new Date(batch.now))),
    };
  }
  const ready = await linter.linter;
  return batch.jobs.map((job) => processFile(ready, job));
}
