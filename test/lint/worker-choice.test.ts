// When a run lints in worker threads: each thread's start-up costs about as much CPU time as
// a few hundred files, and on two cores the main thread alone already keeps 1.4 of them busy,
// so there the threads wait for enough work (its size, or the number of files when no size is known).
import { describe, expect, it } from 'vitest';
import { MIN_BYTES_FOR_WORKERS_ON_TWO_CORES, MIN_FILES_FOR_WORKERS, MIN_FILES_FOR_WORKERS_ON_TWO_CORES, useWorkers } from '../../src/lint/run.ts';

const MB = 1_000_000;

describe('worker threads', () => {
  it('are never used on one core, nor for a few files', () => {
    expect(useWorkers(100_000, 400 * MB, 1, undefined)).toBe(false);
    expect(useWorkers(MIN_FILES_FOR_WORKERS - 1, 400 * MB, 8, undefined)).toBe(false);
  });

  it('wait on two cores for 12 MB of postmortems', () => {
    expect(useWorkers(2_000, 6.6 * MB, 2, undefined)).toBe(false);
    expect(useWorkers(2_014, 8.9 * MB, 2, undefined)).toBe(false);
    expect(useWorkers(3_000, 13 * MB, 2, undefined)).toBe(true);
    expect(useWorkers(1_000, MIN_BYTES_FOR_WORKERS_ON_TWO_CORES - 1, 2, undefined)).toBe(false);
    expect(useWorkers(1_000, MIN_BYTES_FOR_WORKERS_ON_TWO_CORES, 2, undefined)).toBe(true);
  });

  it('count files on two cores when the size is not known', () => {
    expect(useWorkers(MIN_FILES_FOR_WORKERS_ON_TWO_CORES - 1, null, 2, undefined)).toBe(false);
    expect(useWorkers(MIN_FILES_FOR_WORKERS_ON_TWO_CORES, null, 2, undefined)).toBe(true);
  });

  it('start from a few hundred files on more cores', () => {
    expect(useWorkers(MIN_FILES_FOR_WORKERS, 0.5 * MB, 4, undefined)).toBe(true);
  });

  it('HINDSIGHT_WORKERS=0 keeps every run in one thread; =1 uses threads from a few hundred files whatever the cores and size', () => {
    expect(useWorkers(100_000, 400 * MB, 8, '0')).toBe(false);
    expect(useWorkers(MIN_FILES_FOR_WORKERS, 0.5 * MB, 2, '1')).toBe(true);
    expect(useWorkers(MIN_FILES_FOR_WORKERS - 1, 0.5 * MB, 2, '1')).toBe(false);
  });
});
