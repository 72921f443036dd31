// A worker thread of the site (piscina, see shared/work.ts): scans the archive, makes the rule
// reference, or turns batches of postmortems into entries (shared/process.ts) with a linter
// it makes once. Run by
// Node itself (type stripping), not through Vite.
//
// Node's compile cache (Astro's CLI turns it on) is not inherited by worker threads: this
// module imports only types and node: builtins, turns the cache on in the main thread's
// folder (workerData), and only then loads the lint stack.
import module from 'node:module';
import { workerData } from 'node:worker_threads';
import type { Linter } from '../lint/linter.ts';
import type { Scan, SiteArchive } from './shared/archive.ts';
import type { FileJob, Processed } from './shared/process.ts';
import type { RuleData } from './shared/types.ts';

export type WorkerTask =
  | { kind: 'scan'; root: string; content: string | null; now: string; rulesMadeFor: string | null; memoFile: string | null; makeRules: boolean }
  | { kind: 'rules'; root: string }
  | { kind: 'process'; root: string; now: string; archive: SiteArchive | null; jobs: FileJob[] };

/** What each thread gets once (piscina's workerData). */
export interface WorkerData {
  /** The main thread's compile cache folder, when it has one on. */
  compileCache: string | null;
}

const shared = (workerData ?? null) as WorkerData | null;
if (shared?.compileCache) module.enableCompileCache?.(shared.compileCache);

const stack = Promise.all([
  import('../lint/config/load.ts'),
  import('../lint/registry.ts'),
  import('../lint/linter.ts'),
  import('./shared/process.ts'),
  import('./shared/archive.ts'),
  import('./shared/rule-data.ts'),
]);
// Loaded before the first task arrives; a failure here is reported with that task.
stack.catch(() => {});

let linter: { key: string; linter: Promise<Linter> } | null = null;

export default async function run(task: WorkerTask): Promise<Scan | Processed[] | RuleData[]> {
  const [{ loadConfig }, { loadRules }, { createLinter }, { processFile }, { archiveOf, scanArchive, setupArchive }, { ruleEntries }] = await stack;
  if (task.kind === 'scan')
    return scanArchive(await setupArchive(task.root, task.content), new Date(task.now), task.rulesMadeFor, task.memoFile, task.makeRules);
  if (task.kind === 'rules') {
    const { rules, config } = await setupArchive(task.root, null);
    return ruleEntries(rules, config);
  }
  const key = `${task.root}\n${task.now}\n${task.archive?.digest ?? ''}`;
  if (linter?.key !== key) {
    const { archive } = task;
    linter = {
      key,
      linter: loadRules().then((rules) => {
        const config = loadConfig({ cwd: task.root }, rules);
        return createLinter(config, rules, new Date(task.now), archive ? { archive: archiveOf(archive, config) } : undefined);
      }),
    };
  }
  const ready = await linter.linter;
  return task.jobs.map((job) => processFile(ready, job));
}
