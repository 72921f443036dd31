// `hindsight lint -o FILE`: the report in a file (its folders made, no colours), nothing on
// stdout, the exit code unchanged; a file that cannot be written is exit code 2.
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN, ERROR, expectOneParagraph, hindsight, parseJson, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

describe('lint --output-file', () => {
  it('writes the report into new folders, prints nothing on stdout, and keeps the exit code', async () => {
    const cwd = project({ 'postmortems/a.md': ERROR });
    const run = await hindsight(['lint', '--format', 'json', '-o', 'reports/lint/hindsight.json'], cwd);
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: '' });
    const results = parseJson(readFileSync(path.join(cwd, 'reports/lint/hindsight.json'), 'utf8'));
    expect(results[0]!.messages.map((m) => m.ruleId)).toEqual(['timeline-order']);
    // No temporary file is left beside it.
    expect(readdirSync(path.join(cwd, 'reports/lint'))).toEqual(['hindsight.json']);
  });

  it('has no colours in the file, even with FORCE_COLOR, and replaces an older report', async () => {
    const cwd = project({ 'postmortems/a.md': ERROR, 'report.txt': 'an older report, longer than the new one '.repeat(100) });
    const run = await hindsight(['lint', '--output-file', 'report.txt'], cwd, { FORCE_COLOR: '1' });
    expect(run.code).toBe(1);
    const text = readFileSync(path.join(cwd, 'report.txt'), 'utf8');
    expect(text).toContain('timeline-order');
    expect(text).not.toContain('\u001b[');
    expect(text).not.toContain('an older report');
  });

  it('a clean run writes its (empty) report and exits 0', async () => {
    const cwd = project({ 'postmortems/a.md': CLEAN });
    const run = await hindsight(['lint', '-f', 'sarif', '-o', 'out.sarif'], cwd);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(cwd, 'out.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('a folder, or a file where a folder should be, is exit code 2 with one paragraph', async () => {
    const cwd = project({ 'postmortems/a.md': CLEAN, 'taken.txt': 'a file' });
    mkdirSync(path.join(cwd, 'reports'));
    for (const [target, says] of [
      ['reports', 'cannot write the report to reports: it is a folder.'],
      ['taken.txt/out.json', 'cannot write the report to taken.txt/out.json: a file stands where a folder of its path should be.'],
    ] as const) {
      const run = await hindsight(['lint', '-o', target], cwd);
      expect(run.code).toBe(2);
      expectOneParagraph(run.stderr);
      expect(run.stderr).toContain(says);
    }
    expect(readFileSync(path.join(cwd, 'taken.txt'), 'utf8')).toBe('a file');
  });

  it('refuses to write over a postmortem being linted, even through a link, and leaves it whole', async () => {
    const cwd = project({ 'postmortems/a.md': ERROR });
    symlinkSync(path.join(cwd, 'postmortems/a.md'), path.join(cwd, 'link.md'));
    for (const target of ['postmortems/a.md', 'link.md']) {
      const run = await hindsight(['lint', '-o', target], cwd);
      expect(run.code).toBe(2);
      expectOneParagraph(run.stderr);
      expect(run.stderr).toContain(`cannot write the report to ${target}: it is one of the postmortems being linted`);
    }
    expect(readFileSync(path.join(cwd, 'postmortems/a.md'), 'utf8')).toBe(ERROR);
  });

  it('with --stdin --fix, the fixed text goes to stdout and the report to the file', async () => {
    const cwd = project({});
    writeFileSync(path.join(cwd, 'in.md'), ERROR);
    const { hindsightWithInput } = await import('./stdin-helper.ts');
    const run = await hindsightWithInput(['lint', '--stdin', '--fix', '-f', 'json', '-o', 'r.json'], cwd, ERROR);
    expect(run).toMatchObject({ code: 1, stdout: ERROR, stderr: '' });
    expect(parseJson(readFileSync(path.join(cwd, 'r.json'), 'utf8'))[0]!.filePath).toBe('<stdin>');
  });
});
