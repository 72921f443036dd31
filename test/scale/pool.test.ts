// Linting in worker threads gives exactly what linting on the main thread gives.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate.ts';
import { loadConfig } from '../../src/lint/config/load.ts';
import type { LintTimings } from '../../src/lint/engine.ts';
import { lintInWorkers } from '../../src/lint/pool.ts';
import { loadRules } from '../../src/lint/registry.ts';
import { createLinter, lintSource, type FileOutcome, type LintTask } from '../../src/lint/run.ts';
import { readFileSync } from 'node:fs';

const work = mkdtempSync(path.join(tmpdir(), 'hindsight-pool-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('worker pool', () => {
  it('returns the same findings, in the same order, as the main thread', async () => {
    const archive = generateArchive(path.join(work, 'postmortems'), 80, 7);
    const tasks: LintTask[] = archive.files.map((filePath, index) => ({ index, filePath, source: readFileSync(filePath, 'utf8'), hash: '' }));
    const now = new Date('2026-11-21T12:00:00Z');
    const rules = await loadRules();
    const linter = createLinter(loadConfig({ cwd: work }, rules), rules, now);
    const expected = tasks.map((t) => lintSource(t.filePath, t.source, linter, { fix: false, timings: null }));

    const got: FileOutcome[] = new Array(tasks.length);
    const timings: LintTimings = {};
    await lintInWorkers(tasks, { cwd: work, configFile: null, now, fix: false, timing: true }, (task, outcome) => { got[task.index] = outcome; }, timings);
    expect(got).toEqual(expected);
    expect(expected.some((o) => o.messages.length > 0)).toBe(true);
    expect(Object.keys(timings)).toContain('timeline-order');
  });

  it('turns a failure inside a worker into the same named error as on the main thread', async () => {
    const gone = path.join(work, 'removed-folder', 'pm.md');
    const source = '---\nseverity: sev2\n---\n# T\n';
    const tasks: LintTask[] = [{ index: 0, filePath: gone, source, hash: '' }];
    const settings = { cwd: work, configFile: null, now: new Date('2026-11-21T12:00:00Z'), fix: true, timing: false };
    const failure = await lintInWorkers(tasks, settings, () => {}, null).then(() => null, (error: Error) => error);
    expect(failure?.name).toBe('PathError');
    expect(failure?.message).toContain(gone);
  });
});
