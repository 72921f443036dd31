// .hindsightignore: gitignore patterns beside the configuration (or in the working folder when
// there is none). Files it matches are left out of folders and globs silently; a file named
// on the command line that it matches is not linted either, and a warning says so and why.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN, ERROR, expectNoStackTrace, hindsight, parseJson, project, removeProjects } from './helpers.ts';

afterAll(removeProjects);

const relativePaths = (root: string, stdout: string): string[] => parseJson(stdout).map((r) => path.relative(root, r.filePath));

describe.concurrent('.hindsightignore', () => {
  it('leaves matching files out of the content folder, a folder and a glob', async () => {
    const root = project({
      '.hindsightignore': '# imported from the old wiki: not in our format\npostmortems/legacy/\n*.draft.md\n',
      'postmortems/a.md': CLEAN,
      'postmortems/legacy/old.md': ERROR,
      'postmortems/b.draft.md': ERROR,
    });
    const [content, folder, glob] = await Promise.all([
      hindsight(['lint', '--format', 'json'], root),
      hindsight(['lint', '--format', 'json', 'postmortems'], root),
      hindsight(['lint', '--format', 'json', 'postmortems/**/*.md'], root),
    ]);
    for (const run of [content, folder, glob]) {
      expectNoStackTrace(run.stderr);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(relativePaths(root, run.stdout)).toEqual(['postmortems/a.md']);
    }
  });

  it("is read in the configuration file's folder, not the working folder", async () => {
    const root = project({
      'hindsight.config.json': '{"content": "docs/postmortems"}',
      '.hindsightignore': 'docs/postmortems/2019/\n',
      'docs/postmortems/2019/old.md': ERROR,
      'docs/postmortems/2024/new.md': CLEAN,
    });
    const run = await hindsight(['lint', '--format', 'json'], path.join(root, 'docs'));
    expect(run.code).toBe(0);
    expect(relativePaths(root, run.stdout)).toEqual(['docs/postmortems/2024/new.md']);
  });

  it("a file named on the command line that it matches is not linted, with a warning naming the pattern's file", async () => {
    const root = project({ '.hindsightignore': 'postmortems/legacy/\n', 'postmortems/legacy/old.md': ERROR, 'postmortems/a.md': CLEAN });
    const run = await hindsight(['lint', '--format', 'json', 'postmortems/legacy/old.md', 'postmortems/a.md'], root);
    expectNoStackTrace(run.stderr);
    // The ignored file's error does not count: a hook handed every staged file still passes.
    expect(run.code).toBe(0);
    expect(relativePaths(root, run.stdout)).toEqual(['postmortems/a.md']);
    expect(run.stderr).toBe(
      `hindsight: warning: ${path.join('postmortems', 'legacy', 'old.md')} is not linted: it matches an ignore pattern in .hindsightignore.\n`,
    );
  });

  it('the warning names the configuration\'s "ignore" and .gitignore when they are where the pattern is', async () => {
    const root = project({
      '.hindsightrc.json': '{"ignore": ["postmortems/skip.md"]}',
      '.gitignore': 'postmortems/tmp.md\n',
      'postmortems/skip.md': ERROR,
      'postmortems/tmp.md': ERROR,
    });
    const run = await hindsight(['lint', 'postmortems/skip.md', 'postmortems/tmp.md'], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${path.join('postmortems', 'skip.md')} is not linted: it matches an ignore pattern in the configuration's "ignore".`);
    expect(run.stderr).toContain(`${path.join('postmortems', 'tmp.md')} is not linted: it matches an ignore pattern in .gitignore.`);
  });

  it('a later "!pattern" in .hindsightignore takes back a file .gitignore leaves out', async () => {
    const root = project({
      '.gitignore': 'postmortems/*.md\n',
      '.hindsightignore': '!postmortems/keep.md\n',
      'postmortems/keep.md': CLEAN,
      'postmortems/other.md': CLEAN,
    });
    const run = await hindsight(['lint', '--format', 'json'], root);
    expect(run.code).toBe(0);
    expect(relativePaths(root, run.stdout)).toEqual(['postmortems/keep.md']);
  });
});
