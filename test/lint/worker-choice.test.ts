// When a run lints in worker threads: each thread's start-up costs about as much CPU time as
// a few hundred files, and on two cores the main thread alone already keeps 1.4 of them busy.
import { describe, expect, it } from 'vitest';
import { MIN_FILES_FOR_WORKERS, MIN_FILES_FOR_WORKERS_ON_TWO_CORES, useWorkers } from '../../src/lint/run.ts';

describe('worker threads', () => {
  it('are never used on one core', () => {
    expect(useWorkers(100_000, 1, undefined)).toBe(false);
  });

  it('wait for a large archive on two cores', () => {
    expect(useWorkers(2_000, 2, undefined)).toBe(false);
    expect(useWorkers(MIN_FILES_FOR_WORKERS_ON_TWO_CORES - 1, 2, undefined)).toBe(false);
    expect(useWorkers(MIN_FILES_FOR_WORKERS_ON_TWO_CORES, 2, undefined)).toBe(true);
  });

  it('start from a few hundred files on more cores', () => {
    expect(useWorkers(MIN_FILES_FOR_WORKERS - 1, 4, undefined)).toBe(false);
    expect(useWorkers(MIN_FILES_FOR_WORKERS, 4, undefined)).toBe(true);
  });

  it('HINDSIGHT_WORKERS=0 keeps every run in one thread; =1 uses threads from a few hundred files whatever the cores', () => {
    expect(useWorkers(100_000, 8, '0')).toBe(false);
    expect(useWorkers(MIN_FILES_FOR_WORKERS, 2, '1')).toBe(true);
    expect(useWorkers(MIN_FILES_FOR_WORKERS - 1, 2, '1')).toBe(false);
  });
});
