// Issue 14, case 5: a file that takes more memory than a worker thread may use ends that
// thread, not the run. The file gets one `fatal` finding that says so, a new thread takes its
// place, and every other file (of the same batch too) is linted as usual. The guard keeps such
// files out in practice (test/hostile/guard.test.ts); here the thread's heap is made small
// instead, so that an ordinary large file runs out of it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guardSource } from '../../src/core/guard/index.ts';
import { readBlocks } from '../../src/core/markdown/blocks.ts';
import { lintInWorkers, workerDied } from '../../src/lint/pool.ts';
import type { FileOutcome, LintTask } from '../../src/lint/linter.ts';

const work = mkdtempSync(path.join(tmpdir(), 'hindsight-worker-memory-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const small = (i: number): string => `# Outage ${i}\n\n## Summary\n\nThe API failed for 20 minutes.\n\n## Timeline\n\n- 10:00 UTC alert fired\n`;
/**
 * Accepted by the guard, and takes far more than 64 MB to parse with micromark: 24,000 list
 * items. The raw-text HTML block at the end (a `<pre>`) makes the fast reader hand it to micromark.
 */
const heavy = `# Outage\n\n## Timeline\n\n${'- a\n'.repeat(24_000)}\n<pre>\nGET /runbook 503\n</pre>\n`;

describe('a worker thread that runs out of memory', () => {
  it('costs its file a fatal finding; the rest of the run goes on', async () => {
    expect(guardSource(heavy)).toBeNull();
    expect(readBlocks(heavy)).toBeUndefined();
    const names = ['a.md', 'b.md', 'heavy.md', 'c.md', 'd.md'];
    const tasks: LintTask[] = names.map((name, index) => {
      const filePath = path.join(work, name);
      writeFileSync(filePath, name === 'heavy.md' ? heavy : small(index));
      return { index, filePath, hash: '' };
    });
    const got: FileOutcome[] = new Array(tasks.length);
    const settings = { cwd: work, configFile: null, now: new Date('2026-11-21T12:00:00Z'), fix: false, timing: false, workerHeapMb: 64 };
    await lintInWorkers(
      tasks,
      settings,
      (task, outcome) => {
        got[task.index] = outcome;
      },
      null,
    );

    // Every file has its outcome: the heavy one a single fatal finding, the others their
    // ordinary findings (none fatal), although they were in the heavy file's batch.
    expect(got.filter(Boolean)).toHaveLength(names.length);
    const heavyOutcome = got[names.indexOf('heavy.md')]!;
    expect(heavyOutcome.messages).toEqual([
      {
        ruleId: 'fatal',
        severity: 2,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        message: workerDied(Object.assign(new Error('out'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }), 64),
      },
    ]);
    expect(heavyOutcome.messages[0]!.message).toMatch(
      /^Hindsight ran out of memory reading this file \(a thread may use 64 MB; the other files were linted\): move attached logs/,
    );
    for (const [i, outcome] of got.entries()) {
      if (names[i] === 'heavy.md') continue;
      expect(
        outcome.messages.some((m) => m.ruleId === 'fatal'),
        names[i],
      ).toBe(false);
      expect(outcome.messages.length, names[i]).toBeGreaterThan(0);
    }
  });

  it('names any other death of a thread as a bug, with its reason', () => {
    expect(workerDied(new Error('Worker exited with code 134'), 512)).toBe(
      'The thread linting this file stopped (Worker exited with code 134); the other files were linted. This is a bug in Hindsight: please report it with the file.',
    );
  });
});
