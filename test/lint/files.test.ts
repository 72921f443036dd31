// Which files a lint run reads: the content folder, or the files, folders and globs named
// (which replace it); .gitignore and the ignore globs are honoured.
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { PathError, selectFiles, type FileSelection } from '../../src/lint/files.ts';

// accessSync can be made to fail (tests run as root in some containers, where chmod does not).
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, accessSync: vi.fn(actual.accessSync) };
});

const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'hindsight-files-')));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const name of [
  'postmortems/2024-01-01-a.md',
  'postmortems/2024-02-01-b.md',
  'postmortems/notes.txt',
  'postmortems/archive/2019-01-01-old.md',
  'postmortems/drafts/wip.md',
  'postmortems/drafts/keep.md',
  'postmortems/node_modules/pkg/readme.md',
  'postmortems/.hidden/x.md',
  'postmortems/team/.gitignore',
  'postmortems/team/private.md',
  'postmortems/team/public.md',
  'other/c.md',
]) {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), '# x\n');
}
writeFileSync(path.join(root, '.gitignore'), '# drafts are not published\npostmortems/drafts/*\n!postmortems/drafts/keep.md\n');
writeFileSync(path.join(root, 'postmortems/team/.gitignore'), 'private.md\n');

function select(paths: string[], more: Partial<FileSelection> = {}): Promise<string[]> {
  return selectFiles({ cwd: root, root, paths, contentFolder: path.join(root, 'postmortems'), ignoreGlobs: [], ...more });
}

const rel = (files: string[]): string[] => files.map((f) => path.relative(root, f));

describe('selectFiles', () => {
  it('no paths: every *.md under the content folder, sorted, without node_modules, dot folders or git-ignored files', async () => {
    expect(rel(await select([]))).toEqual([
      'postmortems/2024-01-01-a.md',
      'postmortems/2024-02-01-b.md',
      'postmortems/archive/2019-01-01-old.md',
      'postmortems/drafts/keep.md',
      'postmortems/team/public.md',
    ]);
  });

  it('honours the ignore globs, relative to the configuration root', async () => {
    expect(rel(await select([], { ignoreGlobs: ['postmortems/archive/**', '**/*-b.md', 'drafts'] }))).toEqual([
      'postmortems/2024-01-01-a.md',
      'postmortems/team/public.md',
    ]);
  });

  it('honours a nested .gitignore, relative to its own folder', async () => {
    expect(rel(await select(['postmortems/team']))).toEqual(['postmortems/team/public.md']);
  });

  it('a named file replaces the content folder: one file in, one file out', async () => {
    expect(rel(await select(['postmortems/2024-02-01-b.md']))).toEqual(['postmortems/2024-02-01-b.md']);
    expect(rel(await select([path.join(root, 'other/c.md')]))).toEqual(['other/c.md']);
    // A named file of another extension is linted as named.
    expect(rel(await select(['postmortems/notes.txt']))).toEqual(['postmortems/notes.txt']);
  });

  it('folders expand to their *.md, globs to what they match, each file once', async () => {
    expect(rel(await select(['other', 'postmortems/2024-*.md', 'postmortems/2024-01-01-a.md']))).toEqual([
      'other/c.md',
      'postmortems/2024-01-01-a.md',
      'postmortems/2024-02-01-b.md',
    ]);
    expect(rel(await select(['**/20*.md']))).toEqual(['postmortems/2024-01-01-a.md', 'postmortems/2024-02-01-b.md', 'postmortems/archive/2019-01-01-old.md']);
  });

  it('leaves out ignored files even when they are named (a hook passes whatever is staged)', async () => {
    expect(await select(['postmortems/drafts/wip.md'])).toEqual([]);
    expect(rel(await select(['postmortems/drafts/keep.md']))).toEqual(['postmortems/drafts/keep.md']);
    expect(await select(['postmortems/archive/2019-01-01-old.md'], { ignoreGlobs: ['postmortems/archive/'] })).toEqual([]);
  });

  it('paths are relative to the working directory', async () => {
    const files = await selectFiles({
      cwd: path.join(root, 'postmortems'),
      root,
      paths: ['archive', '../other/c.md'],
      contentFolder: '/nowhere',
      ignoreGlobs: [],
    });
    expect(rel(files)).toEqual(['other/c.md', 'postmortems/archive/2019-01-01-old.md']);
  });

  it('fails with a PathError for a missing path, a glob matching nothing, a missing content folder', async () => {
    await expect(select(['postmortems/missing.md'])).rejects.toThrow(new PathError('No such file or folder: postmortems/missing.md.'));
    await expect(select(['postmortems/*.markdown'])).rejects.toThrow(new PathError('No files match the pattern postmortems/*.markdown.'));
    await expect(select([], { contentFolder: path.join(root, 'incidents') })).rejects.toThrow(PathError);
  });

  it('fails with a PathError for a named file or folder it may not read, or a named link that leads nowhere', async () => {
    const denied = (): never => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    vi.mocked(fs.accessSync).mockImplementationOnce(denied);
    await expect(select(['postmortems/2024-01-01-a.md'])).rejects.toThrow(new PathError('Cannot read postmortems/2024-01-01-a.md: permission denied.'));
    vi.mocked(fs.accessSync).mockImplementationOnce(denied);
    await expect(select(['other'])).rejects.toThrow(new PathError('Cannot read the folder other: permission denied.'));
    fs.symlinkSync('loop-b.md', path.join(root, 'postmortems', 'loop-a.md'));
    fs.symlinkSync('loop-a.md', path.join(root, 'postmortems', 'loop-b.md'));
    fs.symlinkSync('gone.md', path.join(root, 'postmortems', 'dangling.md'));
    try {
      await expect(select(['postmortems/loop-a.md'])).rejects.toThrow(
        new PathError('Cannot read postmortems/loop-a.md: it is a symbolic link that leads back to itself (a loop).'),
      );
      await expect(select(['postmortems/dangling.md'])).rejects.toThrow(
        new PathError('Cannot read postmortems/dangling.md: it is a symbolic link to gone.md, which does not exist.'),
      );
      // Found in a folder, they are listed: their lint says why they cannot be read.
      expect(rel(await select([]))).toEqual(expect.arrayContaining(['postmortems/dangling.md', 'postmortems/loop-a.md', 'postmortems/loop-b.md']));
    } finally {
      for (const name of ['loop-a.md', 'loop-b.md', 'dangling.md']) fs.rmSync(path.join(root, 'postmortems', name));
    }
  });
});
