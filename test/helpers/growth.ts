// Linear time, checked so that a busy machine cannot fail it and a superlinear cost cannot
// pass. What is compared is the CPU time of this thread per call (not the clock, which also
// counts the time the thread waits for a core while other processes run), on a small and a
// large input, k times larger (16 or 32). Linear work grows about k times (less where a
// fixed cost weighs in, up to twice that where a large input misses the processor's caches);
// quadratic work grows k² times (measured: a fifth to two thirds of that, as a quadratic
// pattern's cost at the small size holds linear parts too). The limit is their geometric
// mean, k^1.5: 64 for k = 16, 181 for k = 32, 4 and 5.7 times from linear. So neither the
// noise of a shared machine nor a small superlinear part decides.
//
// What makes CPU time trustworthy here:
// - Each reading is exact to a few microseconds (cpuMs()).
// - Each call is made on a fresh input, made before its clock starts and varied a little (one
//   character more per call), so that no cache filled by an earlier call (a heading's class,
//   a zone's reading, a rule's per-model table) hides the cost of a first call.
// - The code is warmed up (compiled by the JIT) on a small input first, so that the first
//   large call is not also the first run of the code.
// - The garbage of building an input is collected before the clock starts (settle()), so that
//   a call does not pay for the collection of what was made before it.
// - The small size's cost is the lowest of several calls, and a ratio at or over the limit is
//   measured again (ROUNDS in all, the lowest counts): a cost that is not the thing's own (a
//   collection of young objects, an interrupt, other processes taking the processor's caches)
//   lengthens one call, a superlinear cost every call.
// Wall-clock ratios belong in `npm run bench`, not in the tests.

/** How many times larger the large input is than the small one, unless a test says otherwise. */
export const SIZE_RATIO = 32;
/** Below this many milliseconds per call, a cost is too small to compare: it counts as this much. */
export const FLOOR_MS = 0.25;
/** Calls on the small size (each on a fresh input); the lowest cost counts. */
const SMALL_CALLS = 3;
/** A ratio at or over the limit is measured again, this many rounds in all, and the lowest counts. */
const ROUNDS = 3;

/** The growth at or over which a cost fails, for inputs `large / small` times apart: (large / small)^1.5. */
export function limitFor(small: number, large: number): number {
  return Math.round((large / small) ** 1.5);
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * The CPU time this thread has used, in milliseconds, exact to a few microseconds. Linux
 * brings a running thread's CPU time up to date only at each scheduler tick (every 4 ms) or
 * when the thread stops; so the thread first sleeps for 0.1 ms (Atomics.wait), after which
 * process.threadCpuUsage() is current. A reading costs about 0.15 ms of the clock.
 */
export function cpuMs(): number {
  Atomics.wait(sleeper, 0, 0, 0.1);
  const used = process.threadCpuUsage();
  return (used.user + used.system) / 1000;
}

/** The CPU time of one call of `work`, in milliseconds. */
export function cpuOf(work: () => void): number {
  const started = cpuMs();
  work();
  return cpuMs() - started;
}

const collect = (globalThis as { gc?: () => void }).gc;

/**
 * A full garbage collection, untimed, where the worker exposes it (vitest.config.ts runs the
 * tests with --expose-gc): call it after building an input, before timing calls on it.
 */
export function settle(): void {
  collect?.();
}

/** The cost of one thing at both sizes, in CPU milliseconds per call, and how many times it grew. */
export interface Growth {
  /** null: not measured, because the large input cost less than limit × FLOOR_MS (the ratio cannot reach the limit). */
  small: number | null;
  large: number;
  /** large / max(small, FLOOR_MS); when small was not measured, an upper bound: large / FLOOR_MS. */
  ratio: number;
  /** The ratio must stay below this (limitFor the two sizes). */
  limit: number;
}

/**
 * Measures how the cost of each of several things grows from the small size to the large.
 * `timeAll(size, variant, only)` makes a fresh input of about `size` (differing from every
 * other input by `variant`, a small number), untimed, then calls each thing named in `only`
 * (all when null) once on it and returns the CPU time of each call (use settle() and cpuOf).
 *
 * After a warm-up call on a small input, the large input is measured, once: anything that
 * costs less than limit × FLOOR_MS there cannot grow `limit` times, whatever the small input
 * costs. Only the rest is measured on the small input: the lowest of SMALL_CALLS calls, each
 * on a fresh input. A ratio at or over the limit is measured again (fresh inputs, both
 * sizes), ROUNDS in all, and the lowest counts.
 */
export function growths(
  timeAll: (size: number, variant: number, only: ReadonlySet<string> | null) => Map<string, number>,
  small: number,
  large = small * SIZE_RATIO,
): Map<string, Growth> {
  const limit = limitFor(small, large);
  const best = new Map<string, Growth>();
  const keepLowest = (what: string, g: Growth): void => {
    const known = best.get(what);
    if (!known || g.ratio < known.ratio) best.set(what, g);
  };
  // Warm-up: the code compiled by the JIT before the first measured call.
  timeAll(small, 0, null);
  let only: Set<string> | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    const variant = 1 + round * (SMALL_CALLS + 1);
    const larges = timeAll(large, variant, only);
    const over = new Set<string>();
    for (const [what, ms] of larges) {
      if (ms < limit * FLOOR_MS) keepLowest(what, { small: null, large: ms, ratio: ms / FLOOR_MS, limit });
      else over.add(what);
    }
    if (over.size === 0) break;
    const smalls = new Map<string, number>();
    for (let call = 0; call < SMALL_CALLS; call++) {
      for (const [what, ms] of timeAll(small, variant + call, over)) if (over.has(what)) smalls.set(what, Math.min(ms, smalls.get(what) ?? Infinity));
    }
    only = new Set();
    for (const [what, smallMs] of smalls) {
      const largeMs = larges.get(what)!;
      keepLowest(what, { small: smallMs, large: largeMs, ratio: largeMs / Math.max(smallMs, FLOOR_MS), limit });
      if (best.get(what)!.ratio >= limit) only.add(what);
    }
    if (only.size === 0) break;
  }
  return best;
}

/** growths() for one thing: `timeOne(size, variant)` makes a fresh input, untimed, and returns the CPU time of one call on it. */
export function growth(timeOne: (size: number, variant: number) => number, small: number, large = small * SIZE_RATIO): Growth {
  return growths((size, variant) => new Map([['it', timeOne(size, variant)]]), small, large).get('it')!;
}

/** `text` repeated to exactly `length` characters. */
export function runOf(text: string, length: number): string {
  return text.repeat(Math.ceil(length / text.length)).slice(0, length);
}

/** "0.80 ms and 12.30 ms of CPU time per call at 500 and 16000 characters (15.4×, limit 181×)": for messages. */
export function describeGrowth(g: Growth, small: number | string, large: number | string): string {
  const smallText = g.small === null ? 'not measured' : `${g.small.toFixed(2)} ms`;
  return `${smallText} and ${g.large.toFixed(2)} ms of CPU time per call at ${small} and ${large} (${g.small === null ? 'at most ' : ''}${g.ratio.toFixed(1)}×, limit ${g.limit}×)`;
}
