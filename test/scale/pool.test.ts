// Linting in worker threads gives exactly what linting on the main thread gives.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate.ts';
import { HindsightError } from '../../src/errors.ts';
import { loadConfig } from '../../src/lint/config/load.ts';
import type { LintTimings } from '../../src/lint/engine.ts';
import { lintInWorkers } from '../../src/lint/pool.ts';
import { loadRules } from '../../src/lint/registry.ts';
import { createLinter, lintSource, type FileOutcome, type LintTask } from '../../src/lint/linter.ts';
import { readFileSync, writeFileSync } from 'node:fs';

const work = mkdtempSync(path.join(tmpdir(), 'hindsight-pool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('worker pool', () => {
  it('returns the same findings, in the same order, as the main thread', async () => {
    const archive = generateArchive(path.join(work, 'postmortems'), 80, 7);
    const tasks: LintTask[] = archive.files.map((filePath, index) => ({ index, filePath, hash: '' }));
    const now = new Date('2026-11-21T12:00:00Z');
    const rules = await loadRules();
    const linter = createLinter(loadConfig({ cwd: work }, rules), rules, now);
    const expected = tasks.map((t) => lintSource(t.filePath, readFileSync(t.filePath, 'utf8'), linter, { fix: false, timings: null }));

    const got: FileOutcome[] = new Array(tasks.length);
    const timings: LintTimings = {};
    await lintInWorkers(
      tasks,
      { cwd: work, configFile: null, now, fix: false, timing: true },
      (task, outcome) => {
        got[task.index] = outcome;
      },
      timings,
    );
    expect(got).toEqual(expected);
    expect(expected.some((o) => o.messages.length > 0)).toBe(true);
    expect(Object.keys(timings)).toContain('timeline-order');
  });

  it('turns a failure inside a worker into the same named error as on the main thread', async () => {
    const badConfig = path.join(work, 'broken.config.json');
    writeFileSync(badConfig, '{"rules": {"no-such-rule": "error"}}');
    const file = path.join(work, 'one.md');
    writeFileSync(file, '# T\n');
    const settings = { cwd: work, configFile: badConfig, now: new Date('2026-11-21T12:00:00Z'), fix: false, timing: false };
    const failure = await lintInWorkers([{ index: 0, filePath: file, hash: '' }], settings, () => {}, null).then(
      () => null,
      (error: Error) => error,
    );
    expect(failure?.name).toBe('ConfigError');
    expect(failure?.message).toContain('no-such-rule');
    // The exit code crosses the thread too: the run ends with 2, not as a crash.
    expect(failure).toBeInstanceOf(HindsightError);
    expect((failure as HindsightError).exitCode).toBe(2);
  });

  it('reports a file that cannot be read as a fatal finding and goes on', async () => {
    const missing = path.join(work, 'vanished.md');
    const got: FileOutcome[] = [];
    const settings = { cwd: work, configFile: null, now: new Date('2026-11-21T12:00:00Z'), fix: false, timing: false };
    await lintInWorkers(
      [{ index: 0, filePath: missing, hash: '' }],
      settings,
      (_t, outcome) => {
        got.push(outcome);
      },
      null,
    );
    // The wording is readSource's (src/lint/files.ts): a fatal finding, as on the main thread.
    expect(got[0]!.messages.map((m) => m.ruleId)).toEqual(['fatal']);
    expect(got[0]!.messages[0]!.message).toMatch(/^Cannot read this file: .*no longer exists/);
  });
});
