// The main thread's young generation while it builds the archive index (src/lint/young-generation.ts):
// measured in a fresh process, since V8's flags and heap are the process's; its young generation may
// grow to 128 MiB, as on a large machine, whatever this machine's memory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const moduleUrl = new URL('../../src/lint/young-generation.ts', import.meta.url).href;

// Builds 400,000 small objects that survive (as an index's entries do), with `check` called every
// 1,000, then reports the young generation's size; `after` grows it again outside the cap.
const script = (capped: boolean): string => `
  import { withYoungGenerationCapped, youngGenerationMb } from ${JSON.stringify(moduleUrl)};
  const build = (check) => { const kept = []; for (let i = 0; i < 400000; i++) { kept.push({ id: 'INC-' + i, services: [String(i % 7)] }); if (i % 1000 === 0) check(); } return kept; };
  const during = ${capped} ? await withYoungGenerationCapped(async (check) => (build(check), youngGenerationMb())) : (build(() => {}), youngGenerationMb());
  const more = []; for (let round = 0; round < 3; round++) more.push(build(() => {}));
  console.log(JSON.stringify({ during, after: youngGenerationMb() }));
`;

function run(capped: boolean): { during: number; after: number } {
  const out = execFileSync(process.execPath, ['--max-semi-space-size=64', '--input-type=module', '-e', script(capped)], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as { during: number; after: number };
}

describe('the main thread young generation while the archive index is built', () => {
  it('stays at the cap however many objects survive, and grows again afterwards (for the worker threads)', () => {
    const capped = run(true);
    expect(capped.during).toBeLessThanOrEqual(32);
    expect(capped.after).toBeGreaterThan(32);
  });

  it('grows past the cap without it (the measure can tell)', () => {
    expect(run(false).during).toBeGreaterThan(32);
  });
});

// A lint in one thread allocates as much again per file, and keeps each file's findings: its
// young generation is held at the cap too (src/lint/run.ts). Two semi-spaces of 64 MiB cost
// more page faults and cache misses than they save in collections: on 2,000 files, 4–17% of
// the wall time and a fifth of the peak memory (docs/performance.md).
describe('the main thread young generation while it lints in one thread', () => {
  it('stays at the cap from the first file to the last', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'hindsight-young-'));
    try {
      const lint = `
        import { generateArchive } from ${JSON.stringify(new URL('../../bench/generate.ts', import.meta.url).href)};
        import { lintRun } from ${JSON.stringify(new URL('../../src/lint/run.ts', import.meta.url).href)};
        import { youngGenerationMb } from ${JSON.stringify(moduleUrl)};
        generateArchive(${JSON.stringify(path.join(work, 'postmortems'))}, 600, 7);
        const run = await lintRun({ cwd: ${JSON.stringify(work)}, now: new Date('2026-11-21T12:00:00Z'), version: 'test' });
        console.log(JSON.stringify({ files: run.results.length, young: youngGenerationMb() }));
      `;
      const out = execFileSync(process.execPath, ['--max-semi-space-size=64', '--input-type=module', '-e', lint], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, HINDSIGHT_WORKERS: '0' },
      });
      const { files, young } = JSON.parse(out) as { files: number; young: number };
      expect(files).toBe(600);
      expect(young).toBeLessThanOrEqual(32);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
