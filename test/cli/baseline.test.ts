// Adopting Hindsight on an existing archive, end to end through the real CLI: record the
// findings, lint with the baseline, add a defect, fix an old one.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN, ERROR, WARN, expectNoStackTrace, expectOneParagraph, hindsight, parseJson, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

const PLACEHOLDER = CLEAN.replace('- Rotate the logs daily (OPS-2)', '- Rotate the logs daily (OPS-2)\n- TBD');

describe.concurrent('lint --baseline', () => {
  it('written on an archive with findings → exit 0 with it → a new defect fails naming only it → a fixed one shrinks the report', async () => {
    const root = project({
      'hindsight.config.json': '{}',
      'postmortems/a.md': WARN,
      'postmortems/b.md': ERROR,
      'postmortems/c.md': PLACEHOLDER,
      'postmortems/d.md': CLEAN,
    });
    const before = await hindsight(['lint'], root);
    expect(before.code).toBe(1);

    const write = await hindsight(['lint', '--baseline-write', 'hindsight-baseline.json'], root);
    expect(write.code).toBe(0);
    expect(write.stdout).toBe('');
    expect(write.stderr).toBe('hindsight: recorded 3 findings in 3 files in the baseline hindsight-baseline.json.\n');
    const stored = JSON.parse(readFileSync(path.join(root, 'hindsight-baseline.json'), 'utf8')) as {
      version: number;
      files: Record<string, Record<string, Record<string, number>>>;
    };
    expect(stored.version).toBe(1);
    expect(Object.keys(stored.files)).toEqual(['postmortems/a.md', 'postmortems/b.md', 'postmortems/c.md']);
    expect(Object.keys(stored.files['postmortems/b.md']!)).toEqual(['timeline-order']);

    const known = await hindsight(['lint', '--baseline', 'hindsight-baseline.json'], root);
    expect(known.code).toBe(0);
    expect(known.stdout).toBe('');
    expect(known.stderr).toBe('hindsight: 3 known findings recorded in the baseline hindsight-baseline.json are not shown.\n');

    // Edits elsewhere in the files (lines shifting above the findings) change nothing.
    const file = (name: string) => path.join(root, 'postmortems', name);
    writeFileSync(file('b.md'), ERROR.replace('## Summary\n', '## Summary\n\nAn added paragraph.\n\nAnother one.\n'));
    writeFileSync(file('a.md'), WARN.replace('# Database outage\n', '# Database outage\n\nA note added on top.\n'));
    expect((await hindsight(['lint', '--baseline', 'hindsight-baseline.json'], root)).code).toBe(0);

    // One new defect: exit 1, and only it is reported.
    writeFileSync(file('d.md'), ERROR);
    const defect = await hindsight(['lint', '--baseline', 'hindsight-baseline.json', '--format', 'json'], root);
    expect(defect.code).toBe(1);
    const messages = parseJson(defect.stdout).flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line} ${m.ruleId}`));
    expect(messages).toEqual(['d.md:17 timeline-order']);
    expect(defect.stderr).toContain('3 known findings recorded in the baseline hindsight-baseline.json are not shown.');
    const stylish = await hindsight(['lint', '--baseline', 'hindsight-baseline.json', '--no-color'], root);
    expect(stylish.stdout).toContain('postmortems/d.md');
    expect(stylish.stdout).not.toMatch(/postmortems\/[abc]\.md/);
    expect(stylish.stdout).toContain('1 problem (1 error, 0 warnings)');

    // Fixing an old one: the report says it is gone, and how to shrink the baseline.
    writeFileSync(file('d.md'), CLEAN);
    writeFileSync(file('a.md'), CLEAN);
    const fixed = await hindsight(['lint', '--baseline', 'hindsight-baseline.json'], root);
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).toBe(
      'hindsight: 2 known findings recorded in the baseline hindsight-baseline.json are not shown.\n' +
        'hindsight: 1 recorded finding is gone (fixed, or its text changed): postmortems/a.md (blameless-language). Run `hindsight lint --baseline-write hindsight-baseline.json` to shrink the baseline.\n',
    );
    const rewritten = await hindsight(['lint', '--baseline-write', 'hindsight-baseline.json'], root);
    expect(rewritten.stderr).toContain('recorded 2 findings in 2 files');
    const after = await hindsight(['lint', '--baseline', 'hindsight-baseline.json'], root);
    expect(after.stderr).toBe('hindsight: 2 known findings recorded in the baseline hindsight-baseline.json are not shown.\n');
    expectNoStackTrace(write.stderr + known.stderr + defect.stderr + fixed.stderr);
  });

  it("a hook linting one file: only its findings count, other files' entries are neither shown nor gone", async () => {
    const root = project({ 'postmortems/a.md': WARN, 'postmortems/b.md': ERROR });
    expect((await hindsight(['lint', '--baseline-write', '.hindsight/baseline.json'], root)).code).toBe(0);
    const one = await hindsight(['lint', '--baseline', '.hindsight/baseline.json', 'postmortems/b.md'], root);
    expect(one.code).toBe(0);
    expect(one.stderr).toBe('hindsight: 1 known finding recorded in the baseline .hindsight/baseline.json is not shown.\n');
    // A partial --baseline-write updates that file's entries and keeps the others'.
    writeFileSync(path.join(root, 'postmortems/b.md'), CLEAN);
    expect((await hindsight(['lint', '--baseline-write', '.hindsight/baseline.json', 'postmortems/b.md'], root)).stderr).toContain(
      'recorded 1 finding in 1 file',
    );
    const stored = JSON.parse(readFileSync(path.join(root, '.hindsight/baseline.json'), 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(stored.files)).toEqual(['postmortems/a.md']);
  });

  it('warnings count against --max-warnings only when new', async () => {
    const root = project({ 'postmortems/a.md': WARN });
    await hindsight(['lint', '--baseline-write', 'b.json'], root);
    expect((await hindsight(['lint', '--baseline', 'b.json', '--max-warnings', '0'], root)).code).toBe(0);
    expect((await hindsight(['lint', '--max-warnings', '0'], root)).code).toBe(1);
  });

  it('a missing or malformed baseline, or both options: exit 2, one paragraph', async () => {
    const root = project({ 'postmortems/a.md': CLEAN, 'bad.json': '{"version": 1}' });
    const missing = await hindsight(['lint', '--baseline', 'nope.json'], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read the baseline');
    expect(missing.stderr).toContain('create it with --baseline-write');
    expectOneParagraph(missing.stderr);
    const bad = await hindsight(['lint', '--baseline', 'bad.json'], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not a Hindsight baseline: expected "files" to be an object');
    const both = await hindsight(['lint', '--baseline', 'bad.json', '--baseline-write', 'x.json'], root);
    expect(both.code).toBe(2);
    expectOneParagraph(both.stderr);
  });
});
