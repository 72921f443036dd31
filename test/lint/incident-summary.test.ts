// lintRun's `incidents`: each result carries the incident's key figures from lint's own parse
// (the GitHub Action's job summary reads them instead of parsing every file again), the same
// on the main thread and in worker threads, and no formatter prints them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../bench/generate.ts';
import { buildModel, modelOptionsOf } from '../../src/core/build.ts';
import { incidentMetrics } from '../../src/lint/incident-summary.ts';
import { lintRun } from '../../src/lint/run.ts';
import { formatJson } from '../../src/report/json.ts';
import { readFileSync } from 'node:fs';

const work = mkdtempSync(path.join(tmpdir(), 'hindsight-incidents-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const now = new Date('2026-11-21T12:00:00Z');

/** The figures as a second, separate parse of each file gives them. */
function readAgain(run: Awaited<ReturnType<typeof lintRun>>) {
  return run.results.map((r) => incidentMetrics(buildModel(r.filePath, readFileSync(r.filePath, 'utf8'), modelOptionsOf(run.config)).model));
}

describe('lintRun with incidents', () => {
  it('gives every result its figures, as a separate parse reads them (main thread and worker threads)', async () => {
    for (const [name, count] of [
      ['few', 6],
      ['many', 80],
    ] as const) {
      const dir = path.join(work, name);
      generateArchive(path.join(dir, 'postmortems'), count, 11);
      const run = await lintRun({ cwd: dir, now, incidents: true });
      expect(run.results).toHaveLength(count);
      expect(run.results.map((r) => r.incident)).toEqual(readAgain(run));
      expect(run.results.some((r) => r.incident?.durationMinutes !== null)).toBe(true);
    }
  });

  it('leaves them out unless asked, and out of the JSON output', async () => {
    const dir = path.join(work, 'plain');
    generateArchive(path.join(dir, 'postmortems'), 3, 5);
    expect((await lintRun({ cwd: dir, now })).results.every((r) => r.incident === undefined)).toBe(true);
    const asked = await lintRun({ cwd: dir, now, incidents: true });
    expect(formatJson(asked.results)).not.toContain('durationMinutes');
  });

  it('has none for a file lint could not read', async () => {
    const dir = path.join(work, 'unreadable');
    generateArchive(path.join(dir, 'postmortems'), 1, 3);
    writeFileSync(path.join(dir, 'postmortems', 'binary.md'), Buffer.from([0, 1, 2, 0, 255]));
    const run = await lintRun({ cwd: dir, now, incidents: true });
    const binary = run.results.find((r) => r.filePath.endsWith('binary.md'))!;
    expect(binary.messages[0]!.ruleId).toBe('fatal');
    expect(binary.incident).toBeUndefined();
  });
});
