// Linting a large archive on every core: a piscina pool of worker threads, each loading
// the configuration and rules once and linting batches of files. Only findings come back;
// no tree outlives its file.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ArchiveEntry } from './archive.ts';
import type { LintTimings } from './engine.ts';
import type { FileOutcome, LintTask } from './run.ts';
import type { WorkerBatch, WorkerResult } from './worker.ts';

/** Files per message: large enough to amortise messaging, small enough to balance load. */
const BATCH = 32;
/** Batches queued per thread: enough to keep it busy between messages. */
const IN_FLIGHT_PER_THREAD = 2;
const WORKER_HEAP_MB = 256;

export interface PoolSettings {
  cwd: string;
  configFile: string | null;
  now: Date;
  fix: boolean;
  timing: boolean;
  /**
   * The archive index of the cross-file rules, when one is active: given to each thread once
   * (piscina's workerData), not with every batch.
   */
  archive?: WorkerArchive;
}

export interface WorkerArchive {
  root: string;
  entries: readonly ArchiveEntry[];
}

export async function lintInWorkers(
  tasks: readonly LintTask[],
  settings: PoolSettings,
  done: (task: LintTask, outcome: FileOutcome) => void,
  timings: LintTimings | null,
): Promise<void> {
  // The worker is a sibling module with this module's own extension (.ts from source,
  // .js when compiled).
  const self = new URL(import.meta.url);
  const filename = new URL(self.pathname.endsWith('.ts') ? './worker.ts' : './worker.js', self).href;
  const threads = Math.max(1, Math.min(availableParallelism(), Math.ceil(tasks.length / BATCH)));
  const workerData: WorkerArchive | null = settings.archive ?? null;
  const pool = new Piscina<WorkerBatch, WorkerResult>({
    filename,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    workerData,
    // V8 lets a busy heap grow long before it collects; a cap makes each thread collect
    // sooner, which keeps a 10,000-file run's peak memory down. One 5 MB postmortem fits.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  try {
    // A few batches in flight per thread, so results stream back and nothing queues up.
    let next = 0;
    const feed = async (): Promise<void> => {
      while (next < tasks.length) {
        const batch = tasks.slice(next, next + BATCH);
        next += BATCH;
        const result = await pool.run({
          cwd: settings.cwd,
          configFile: settings.configFile,
          now: settings.now.toISOString(),
          fix: settings.fix,
          timing: settings.timing,
          files: batch.map((t) => t.filePath),
        });
        if (result.failure) throw Object.assign(new Error(result.failure.message), { name: result.failure.name });
        result.outcomes.forEach((outcome, i) => done(batch[i]!, outcome));
        if (timings && result.timings) for (const [id, ms] of Object.entries(result.timings)) timings[id] = (timings[id] ?? 0) + ms;
      }
    };
    await Promise.all(Array.from({ length: threads * IN_FLIGHT_PER_THREAD }, feed));
  } finally {
    await pool.destroy();
  }
}
