// The main thread's young generation while it builds the archive index, and while it lints in
// one thread (src/lint/run.ts). V8 sizes a young generation from the machine's memory and grows
// it while many objects survive, as the index's entries and each file's findings do: on a large
// machine it reaches 128 MiB (two 64 MiB semi-spaces) during a cold index of 10,000 files and
// keeps every page of it while the worker threads lint (pool.ts caps theirs with resourceLimits,
// which the main thread cannot be given once it runs). In a one-thread lint of 2,000 files the
// larger young generation costs more in page faults and cache misses than it saves in
// collections: capped, 2,000 files lint in 4-17% less time with a fifth less memory. V8 reads its
// growth factor each time it would grow the young generation, so holding it at 1 once the young
// generation is at CAP_MB stops the growth there. Flags are the process's: the factor is put back
// after each capped stretch (the worker threads need theirs to grow).
import v8 from 'node:v8';

/** Two semi-spaces of 16 MiB, as the worker threads' (pool.ts's WORKER_YOUNG_MB is 48 with the old generation's share). */
export const CAP_MB = 32;
const DEFAULT_GROWTH_FACTOR = 2;

export function youngGenerationMb(): number {
  const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return space ? space.space_size / 1048576 : 0;
}

/** Calls `work` with the main thread's young generation held at `capMb` at most (once it reaches it). */
export async function withYoungGenerationCapped<T>(work: (check: () => void) => Promise<T>, capMb = CAP_MB): Promise<T> {
  let held = false;
  const check = (): void => {
    if (!held && youngGenerationMb() >= capMb) {
      v8.setFlagsFromString('--semi-space-growth-factor=1');
      held = true;
    }
  };
  try {
    check();
    return await work(check);
  } finally {
    if (held) v8.setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH_FACTOR}`);
  }
}
