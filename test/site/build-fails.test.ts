// `npm run build` validates the archive: with postmortems that have errors it fails, and its
// output names every failing file and every failing rule at once (not only the first).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempProject, npmRun, samplesDir, type RunResult, type TempProject } from './project.ts';

const sample = readFileSync(path.join(samplesDir, '2025-08-14-notifications-log-volume-full.md'), 'utf8');

describe('npm run build on an archive with errors', () => {
  let project: TempProject;
  let run: RunResult;

  beforeAll(async () => {
    project = createTempProject('hindsight-broken-', {
      // Copies of a sample, each with its own id (a shared one would be a unique-id error too).
      // A template leftover (no-placeholder) and a timeline entry out of order (timeline-order).
      'broken-placeholder.md': sample
        .replace('id: LSP-2025-027', 'id: LSP-2025-901')
        .replace('## Summary\n', '## Summary\n\nTODO: add the customer impact figures.\n')
        .replace('- **2025-08-14T09:21Z**', '- **2025-08-14T09:10Z**'),
      // No root cause section at all (required-sections).
      'broken-missing-section.md': sample.replace('id: LSP-2025-027', 'id: LSP-2025-902').replace(/\n## Root Cause\n[\s\S]*?(?=\n## )/, '\n'),
    });
    run = await npmRun(project.dir, 'build');
  }, 900_000);

  afterAll(() => project?.remove());

  it('exits non-zero and writes no site', () => {
    expect(run.code).not.toBe(0);
    expect(existsSync(path.join(project.dir, 'dist', 'index.html'))).toBe(false);
  });

  it('names every failing file and every failing rule in one report', () => {
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output).toContain('2 postmortems have lint errors');
    expect(output).toContain('postmortems/broken-placeholder.md');
    expect(output).toContain('postmortems/broken-missing-section.md');
    expect(output).toMatch(/error\s+.*no-placeholder/);
    expect(output).toMatch(/error\s+.*required-sections/);
    expect(output).toMatch(/error\s+.*timeline-order/);
    expect(output).toMatch(/✖ \d+ problems \(\d+ errors, 0 warnings\)/);
    // The valid samples are not reported.
    expect(output).not.toContain('postmortems/2025-08-14-notifications-log-volume-full.md');
  });
});
