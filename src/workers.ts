// The worker threads of Hindsight's two pools, the lint run's (src/lint/pool.ts) and the site
// build's (src/site/shared/work.ts): where a pool's worker module is and how many threads it
// starts. Node builtins only: the site's main thread loads this without the lint stack.
import { availableParallelism } from 'node:os';

/** A worker module beside the calling one, with the caller's extension: .ts in the sources, .js when built. */
export function workerBeside(callerUrl: string, relative: string): string {
  const caller = new URL(callerUrl);
  return new URL(`${relative}${caller.pathname.endsWith('.ts') ? '.ts' : '.js'}`, caller).href;
}

/** Threads for `tasks` in batches of `batch`: one a batch, at most one a core, at least one. */
export function threadsFor(tasks: number, batch: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(tasks / batch)));
}
