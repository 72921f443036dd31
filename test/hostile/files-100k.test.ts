// 100,000 postmortems in one content folder, four of them broken (binary, empty, a link
// loop, an out-of-order timeline): the run ends, in worker threads, with one finding for each
// broken file and nothing for the others. The files are small and three rules are on; the
// per-file work of real postmortems is measured by `npm run bench -- scale`, not here.
// `npm test` runs 25,000 files (about 20 s of processor time); `npm run test:fuzz` the
// 100,000 (a minute and a half).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoStackTrace, hindsight, project, removeProjects } from '../cli/helpers.ts';
import { FUZZ } from './helpers.ts';

afterAll(removeProjects, 600_000);

const COUNT = FUZZ > 1 ? 100_000 : 25_000;

describe(`${COUNT.toLocaleString('en-US')} files`, () => {
  it('one finding for each broken file, none for the others, exit code 1', { timeout: 900_000 }, async () => {
    const root = project({});
    const folder = path.join(root, 'postmortems');
    mkdirSync(folder);
    for (let i = 0; i < COUNT - 4; i++) {
      writeFileSync(
        path.join(folder, `${String(i).padStart(6, '0')}.md`),
        `## Summary\nDown ${i}.\n## Timeline\n- 09:00 UTC alert\n## Root Cause\nA disk.\n## Corrective Measures\n- Alert\n`,
      );
    }
    writeFileSync(path.join(folder, 'a-binary.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]));
    writeFileSync(path.join(folder, 'b-empty.md'), '');
    symlinkSync('c-loop.md', path.join(folder, 'c-loop.md'));
    writeFileSync(
      path.join(folder, 'd-order.md'),
      '## Summary\nDown.\n## Timeline\n- 09:30 UTC alert\n- 09:00 UTC page\n## Root Cause\nA disk.\n## Corrective Measures\n- Alert\n',
    );

    // Only the three rules: every other rule off.
    const rules = JSON.parse((await hindsight(['rules', '--format', 'json'], root)).stdout) as { id: string }[];
    const on = new Set(['required-sections', 'timeline-order', 'frontmatter-schema']);
    writeFileSync(
      path.join(root, 'hindsight.config.json'),
      JSON.stringify({ rules: Object.fromEntries(rules.map((r) => [r.id, on.has(r.id) ? 'error' : 'off'])) }),
    );

    const run = await hindsight(['lint'], root, undefined, { timeout: 870_000 });
    expectNoStackTrace(run.stderr);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const reported = run.stdout.split('\n').filter((line) => /^\S+\.md$/.test(line));
    expect(reported).toEqual(['postmortems/a-binary.md', 'postmortems/b-empty.md', 'postmortems/c-loop.md', 'postmortems/d-order.md']);
    expect(run.stdout).toContain('This file is binary');
    expect(run.stdout).toContain('This file is empty');
    expect(run.stdout).toContain('a symbolic link that leads back to itself (a loop)');
    expect(run.stdout).toMatch(/timeline-order/);
    expect(run.stdout).toContain('✖ 4 problems (4 errors, 0 warnings)');
  });
});
