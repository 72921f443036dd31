// Linting a large archive on every core: a piscina pool of worker threads, each loading
// the configuration and rules once and linting batches of files. Only findings come back;
// no tree outlives its file.
import module from 'node:module';
import path from 'node:path';
import { Piscina } from 'piscina';
import { threadsFor, workerBeside } from '../workers.ts';
import { errorFromData } from '../errors.ts';
import type { LintTimings } from './engine.ts';
import { fatal, type FileOutcome, type LintTask } from './linter.ts';
import type { WorkerArchive, WorkerBatch, WorkerData, WorkerResult } from './worker.ts';

/** Files per message: large enough to amortise messaging, small enough to balance load. */
const BATCH = 32;
/** Batches queued per thread: enough to keep it busy between messages. */
const IN_FLIGHT_PER_THREAD = 2;
/**
 * Each thread's heap (measured with `BENCH_FILES=10000 npm run bench -- scale`,
 * docs/performance.md). V8 sizes a heap from the machine's memory: on a large machine each thread's
 * young generation alone grows to 128 MiB (two 64 MiB semi-spaces), most of a 10,000-file run's
 * peak. 48 MiB (16 MiB semi-spaces) takes the run from 650 to under 400 MiB at the same CPU
 * time; at 24 MiB or less, objects that live for one file get promoted and the old generation's
 * collector costs a third more CPU time. The old generation stays near 50 MiB on ordinary
 * postmortems; its cap is room for the largest file the guard lets through (5 MiB of text: it
 * needs 224 to 256 MiB; 300,000 of the parser's tokens, the guard's limit: 320 to 384 MiB). A
 * file that needs more ends its thread, not the run: see workerDied().
 */
const WORKER_YOUNG_MB = 48;
const WORKER_OLD_MB = 512;

export interface PoolSettings {
  cwd: string;
  configFile: string | null;
  now: Date;
  fix: boolean;
  timing: boolean;
  /** Give each outcome the incident's key figures (lintRun's `incidents`). */
  incidents?: boolean;
  /**
   * The archive index of the cross-file rules, when one is active: given to each thread once
   * (piscina's workerData), not with every batch.
   */
  archive?: WorkerArchive;
  /** Each thread's old generation, in MiB (default WORKER_OLD_MB): tests set a small one. */
  workerHeapMb?: number;
}

export async function lintInWorkers(
  tasks: readonly LintTask[],
  settings: PoolSettings,
  done: (task: LintTask, outcome: FileOutcome) => void,
  timings: LintTimings | null,
): Promise<void> {
  const filename = workerBeside(import.meta.url, './worker');
  const threads = threadsFor(tasks.length, BATCH);
  const workerData: WorkerData = { archive: settings.archive ?? null, compileCache: cacheFolder() };
  const heapMb = settings.workerHeapMb ?? WORKER_OLD_MB;
  const pool = new Piscina<WorkerBatch, WorkerResult>({
    filename,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    workerData,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, maxOldGenerationSizeMb: heapMb },
  });
  const lintBatch = async (batch: readonly LintTask[]): Promise<void> => {
    let result: WorkerResult;
    try {
      result = await pool.run({
        cwd: settings.cwd,
        configFile: settings.configFile,
        now: settings.now.toISOString(),
        fix: settings.fix,
        timing: settings.timing,
        incidents: settings.incidents ?? false,
        files: batch.map((t) => t.filePath),
      });
    } catch (error) {
      // The thread died with the batch (out of memory, a crash) and piscina starts another.
      // Which file killed it is not known: each file of the batch is linted again on its own,
      // and the one that kills its thread again gets a `fatal` finding.
      if (batch.length > 1) for (const task of batch) await lintBatch([task]);
      else done(batch[0]!, { messages: [fatal(workerDied(error, heapMb))] });
      return;
    }
    if (result.failure) throw errorFromData(result.failure);
    result.outcomes.forEach((outcome, i) => done(batch[i]!, outcome));
    if (timings && result.timings) for (const [id, ms] of Object.entries(result.timings)) timings[id] = (timings[id] ?? 0) + ms;
  };
  try {
    // A few batches in flight per thread, so results stream back and nothing queues up.
    let next = 0;
    const feed = async (): Promise<void> => {
      while (next < tasks.length) {
        const batch = tasks.slice(next, next + BATCH);
        next += BATCH;
        await lintBatch(batch);
      }
    };
    await Promise.all(Array.from({ length: threads * IN_FLIGHT_PER_THREAD }, feed));
  } finally {
    await pool.destroy();
  }
}

/** The message of the finding for a file whose worker thread died while linting it alone. */
export function workerDied(error: unknown, heapMb: number): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `Hindsight ran out of memory reading this file (a thread may use ${heapMb} MB; the other files were linted): move attached logs, data and large tables out of the postmortem (link to them), or split it.`;
  }
  const reason = error instanceof Error ? `${code ? `${String(code)}: ` : ''}${error.message}` : String(error);
  return `The thread linting this file stopped (${reason.split('\n')[0]!.slice(0, 200)}); the other files were linted. This is a bug in Hindsight: please report it with the file.`;
}

/**
 * The folder the main thread's compile cache was turned on with: Node keeps the cache in a
 * subfolder of it per Node version, which `getCompileCacheDir()` names.
 */
function cacheFolder(): string | null {
  const dir = module.getCompileCacheDir?.();
  return dir ? path.dirname(dir) : null;
}
