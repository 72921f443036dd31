// Cross-file rules in the worker pool: each thread gets the archive index once, and the
// findings are those of the main thread.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate.ts';
import { lintRun, MIN_FILES_FOR_WORKERS } from '../../src/lint/run.ts';

const work = mkdtempSync(path.join(tmpdir(), 'hindsight-archive-pool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(availableParallelism() < 2)('cross-file rules in worker threads', () => {
  it('find what the main thread finds', async () => {
    const archive = generateArchive(path.join(work, 'postmortems'), MIN_FILES_FOR_WORKERS + 10, 11);
    writeFileSync(path.join(work, 'hindsight.config.json'), '{"rules": {"recurrence": ["warn", {"threshold": 0.8}]}}');
    // A copy of the first postmortem under another name: the same id.
    const { readFileSync } = await import('node:fs');
    writeFileSync(path.join(work, 'postmortems', 'copy.md'), readFileSync(archive.files[0]!, 'utf8'));
    const now = new Date('2026-11-21T12:00:00Z');
    const previous = process.env.HINDSIGHT_WORKERS;
    try {
      process.env.HINDSIGHT_WORKERS = '0';
      const main = await lintRun({ cwd: work, now, timing: true, cache: true });
      // In worker threads from MIN_FILES_FOR_WORKERS files, whatever the cores (two cores wait for more).
      process.env.HINDSIGHT_WORKERS = '1';
      // The lint cache goes, so that every file is linted again (the archive index, beside it, stays).
      rmSync(path.join(work, 'node_modules/.cache/hindsight/lint-cache.json'));
      const pooled = await lintRun({ cwd: work, now, timing: true, cache: true });
      expect(pooled.results).toEqual(main.results);
      const ids = (ruleId: string) => main.results.filter((r) => r.messages.some((m) => m.ruleId === ruleId)).length;
      expect(ids('unique-id')).toBe(2);
      expect(ids('recurrence')).toBeGreaterThan(0);
      expect(Object.keys(pooled.timings!)).toContain('recurrence');
    } finally {
      if (previous === undefined) delete process.env.HINDSIGHT_WORKERS;
      else process.env.HINDSIGHT_WORKERS = previous;
    }
  });
});
