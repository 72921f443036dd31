// Files that are not postmortems, or not there: binary, empty, too large, a folder named
// *.md, symbolic link loops and links to nowhere, a file it may not read, a file deleted
// during the run. Each gets one fatal finding that says why, never a stack trace, and the
// other files of the run are linted exactly as they would be alone. A path named on the
// command line that cannot be read is the one exception: exit code 2 and one paragraph, as
// for a missing one (../shared/interfaces.md). Files that never end or wait (a link to a
// device, a FIFO) and links out of the content folder are never read. (100,000 files:
// files-100k.test.ts.)
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GUARD_LIMITS } from '../../src/core/guard/index.ts';
import { loadArchive } from '../../src/lint/archive-index.ts';
import { lintRun } from '../../src/lint/run.ts';
import { scanArchive, setupArchive } from '../../src/site/shared/archive.ts';
import {
  CLEAN,
  ERROR,
  expectNoStackTrace,
  expectOneParagraph,
  asOtherUser,
  hindsight,
  parseJson,
  permissionsUntestable,
  project,
  removeOtherUser,
  removeProjects,
  type JsonResult,
} from '../cli/helpers.ts';

// Deletes the files in `vanish` once the run has chosen its files, before it reads them:
// a file deleted (or moved) by another process while Hindsight runs.
const vanish = vi.hoisted(() => new Set<string>());
vi.mock('../../src/lint/files.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/lint/files.ts')>();
  return {
    ...actual,
    selectFiles: async (...args: Parameters<typeof actual.selectFiles>) => {
      const files = await actual.selectFiles(...args);
      for (const file of vanish) rmSync(file, { force: true });
      return files;
    },
  };
});

afterAll(removeProjects);

const byName = (results: JsonResult[], root: string): Map<string, JsonResult['messages']> =>
  new Map(results.map((r) => [path.relative(root, r.filePath), r.messages]));

function onlyFatal(messages: JsonResult['messages'] | undefined, text: string, line = 1): void {
  expect(messages).toHaveLength(1);
  expect(messages![0]).toMatchObject({ ruleId: null, fatal: true, severity: 2, line });
  expect(messages![0]!.message).toContain(text);
}

describe('a content folder holding what is not a postmortem', () => {
  const root = project({
    'postmortems/clean.md': CLEAN,
    'postmortems/error.md': ERROR,
    'postmortems/empty.md': '',
    'postmortems/blank.md': '\uFEFF  \n\t\n\n',
    'postmortems/notes.md/inside.md': CLEAN,
  });
  const folder = path.join(root, 'postmortems');
  writeFileSync(path.join(folder, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]));
  // Past the size limit by one byte: not read at all.
  writeFileSync(path.join(folder, 'huge.md'), Buffer.alloc(GUARD_LIMITS.maxBytes + 1, 'a'));
  symlinkSync('loop-b.md', path.join(folder, 'loop-a.md'));
  symlinkSync('loop-a.md', path.join(folder, 'loop-b.md'));
  symlinkSync('gone.md', path.join(folder, 'dangling.md'));
  // A folder link back up: walked once, no file twice, no endless walk.
  symlinkSync('..', path.join(folder, 'notes.md', 'up'));

  it('gives each one fatal finding that says why, and lints the others as it would alone', async () => {
    const run = await hindsight(['lint', '--format', 'json'], root);
    expect(run.code).toBe(1);
    expectNoStackTrace(run.stderr);
    expect(run.stderr).toBe('');
    const files = byName(parseJson(run.stdout), root);
    expect([...files.keys()].sort()).toEqual([
      'postmortems/binary.md',
      'postmortems/blank.md',
      'postmortems/clean.md',
      'postmortems/dangling.md',
      'postmortems/empty.md',
      'postmortems/error.md',
      'postmortems/huge.md',
      'postmortems/loop-a.md',
      'postmortems/loop-b.md',
      'postmortems/notes.md/inside.md',
    ]);
    // The first NUL is on line 3 (after the PNG signature's CR LF and LF).
    onlyFatal(files.get('postmortems/binary.md'), 'This file is binary, not Markdown text (it holds a NUL character at line 3, column 1)', 3);
    onlyFatal(files.get('postmortems/empty.md'), 'This file is empty');
    onlyFatal(files.get('postmortems/blank.md'), 'This file is empty');
    onlyFatal(files.get('postmortems/huge.md'), 'Hindsight reads files of at most 5.0 MB');
    onlyFatal(files.get('postmortems/loop-a.md'), 'Cannot read this file: it is a symbolic link that leads back to itself (a loop).');
    onlyFatal(files.get('postmortems/loop-b.md'), 'a loop');
    onlyFatal(files.get('postmortems/dangling.md'), 'Cannot read this file: it is a symbolic link to gone.md, which does not exist.');

    const alone = await hindsight(['lint', '--format', 'json', 'postmortems/error.md'], root);
    expect(files.get('postmortems/error.md')).toEqual(parseJson(alone.stdout)[0]!.messages);
    expect(files.get('postmortems/error.md')!.map((m) => m.ruleId)).toEqual(['timeline-order']);
    expect(files.get('postmortems/clean.md')).toEqual([]);
    expect(files.get('postmortems/notes.md/inside.md')).toEqual([]);
  });

  it('named on the command line, a file it cannot read is exit code 2, one paragraph: the command itself is wrong', async () => {
    for (const [name, why] of [
      ['postmortems/loop-a.md', 'it is a symbolic link that leads back to itself (a loop)'],
      ['postmortems/dangling.md', 'it is a symbolic link to gone.md, which does not exist'],
      ['postmortems/missing.md', undefined],
    ] as const) {
      const run = await hindsight(['lint', name, 'postmortems/clean.md'], root);
      expect(run.code, name).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(why ? `Cannot read ${name}: ${why}.` : `No such file or folder: ${name}.`);
      expectOneParagraph(run.stderr);
    }
  });

  it('stylish: each message under its file, with file:line:column, for a person at a terminal', async () => {
    const run = await hindsight(['lint', 'postmortems/binary.md', 'postmortems/clean.md'], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^postmortems\/binary\.md\n {2}3:1 {2}error {2}This file is binary/m);
    expect(run.stdout).not.toContain('clean.md');
  });
});

// Permission is tested for real: not as root, a file of mode 000 is unreadable to this user;
// as root (as in CI's containers) the lint runs as "nobody", for whom it is unreadable too,
// with a Node and a copy of Hindsight that nobody can reach wherever this checkout is.
const untestable = permissionsUntestable();
if (untestable && process.platform !== 'win32') console.warn(`files.test.ts: SKIPPING the permission tests: ${untestable}.`);
describe.skipIf(untestable !== null)('a file or folder it may not read', () => {
  const root = project({ 'postmortems/open/locked.md': CLEAN, 'postmortems/open/clean.md': CLEAN, 'postmortems/closed/a.md': CLEAN });
  for (const folder of ['', 'postmortems', 'postmortems/open']) chmodSync(path.join(root, folder), 0o755);
  chmodSync(path.join(root, 'postmortems/open/locked.md'), 0o000);
  chmodSync(path.join(root, 'postmortems/closed'), 0o000);
  let as: ReturnType<typeof asOtherUser>['as'];
  beforeAll(() => {
    as = asOtherUser().as;
  });
  afterAll(() => {
    // (So that removeProjects, not as root, may empty it.)
    chmodSync(path.join(root, 'postmortems/closed'), 0o755);
    removeOtherUser();
  });

  it('in the content folder: one fatal finding, the others linted', async () => {
    const run = await hindsight(['lint', '--format', 'json', 'postmortems/open'], root, undefined, { as });
    expect(run.code).toBe(1);
    const files = byName(parseJson(run.stdout), root);
    onlyFatal(files.get('postmortems/open/locked.md'), 'Cannot read this file: permission denied.');
    expect(files.get('postmortems/open/clean.md')).toEqual([]);
  });

  it('named: exit code 2, one paragraph', async () => {
    const run = await hindsight(['lint', 'postmortems/open/locked.md', 'postmortems/open/clean.md'], root, undefined, { as });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Cannot read postmortems/open/locked.md: permission denied.');
    expectOneParagraph(run.stderr);
  });

  it('a named folder it cannot list: exit code 2, one paragraph', async () => {
    const run = await hindsight(['lint', 'postmortems/closed'], root, undefined, { as });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Cannot read the folder postmortems/closed: permission denied.');
    expectOneParagraph(run.stderr);
  });
});

describe('a file deleted while the run goes on', () => {
  for (const count of [3, 250]) {
    it(`gets a fatal finding that says so; the others are linted (${count} files: ${count >= 200 ? 'worker threads' : 'one thread'})`, async () => {
      const files: Record<string, string> = {};
      for (let i = 0; i < count; i++) files[`postmortems/${String(i).padStart(3, '0')}.md`] = CLEAN;
      const root = project(files);
      const gone = path.join(root, 'postmortems', '001.md');
      vanish.add(gone);
      try {
        const run = await lintRun({ cwd: root, now: new Date('2024-04-01T00:00:00Z') });
        expect(run.results).toHaveLength(count);
        const deleted = run.results.find((r) => r.filePath === gone)!;
        expect(deleted.messages).toEqual([
          expect.objectContaining({ ruleId: 'fatal', message: 'Cannot read this file: it no longer exists (deleted or moved while Hindsight ran).' }),
        ]);
        expect(run.results.filter((r) => r.filePath !== gone).every((r) => r.messages.length === 0)).toBe(true);
      } finally {
        vanish.delete(gone);
      }
    });
  }
});

describe('a file that changes into something else between runs', () => {
  it('--cache: a file that became a folder, a loop or binary is reported, not served from the cache', async () => {
    const root = project({ 'postmortems/a.md': CLEAN, 'postmortems/b.md': CLEAN, 'postmortems/c.md': CLEAN });
    expect((await hindsight(['lint', '--cache'], root)).code).toBe(0);
    unlinkSync(path.join(root, 'postmortems/a.md'));
    mkdirSync(path.join(root, 'postmortems/a.md'));
    unlinkSync(path.join(root, 'postmortems/b.md'));
    symlinkSync('b.md', path.join(root, 'postmortems/b.md'));
    writeFileSync(path.join(root, 'postmortems/c.md'), Buffer.from([0, 1, 2, 3]));
    const run = await hindsight(['lint', '--cache', '--format', 'json'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const files = byName(parseJson(run.stdout), root);
    expect([...files.keys()].sort()).toEqual(['postmortems/b.md', 'postmortems/c.md']);
    onlyFatal(files.get('postmortems/b.md'), 'a loop');
    onlyFatal(files.get('postmortems/c.md'), 'binary');
  });
});

// Shapes a hostile pull request can add: links to devices that never end (/dev/zero, which
// reports 0 bytes) or never repeat (/dev/urandom), a FIFO (opening it waits for a writer), a
// file past the size limit, a link to a file outside the content folder, folder links to `/`
// and to the project above the content folder. A run that read any of them would fill the
// memory, hang, or read the whole machine; each is one fatal finding instead, and named on the
// command line exit code 2. (The run has a generous timeout only so that a hang fails.)
const devicesUntestable = process.platform === 'win32' ? 'no devices, FIFOs or POSIX links on Windows' : null;
describe.skipIf(devicesUntestable !== null)('files that never end, wait, or lead out of the content folder', () => {
  const root = project({ 'postmortems/clean.md': CLEAN, 'postmortems/team/kept.md': CLEAN, 'secret.txt': 'token: not for the linter\n' });
  const folder = path.join(root, 'postmortems');
  symlinkSync('/dev/zero', path.join(folder, 'zero.md'));
  symlinkSync('/dev/urandom', path.join(folder, 'random.md'));
  const fifo = spawnSync('mkfifo', [path.join(folder, 'pipe.md')]);
  writeFileSync(path.join(folder, 'six-megabytes.md'), Buffer.alloc(6 * 1024 * 1024, '# a\n'));
  symlinkSync('../secret.txt', path.join(folder, 'outside.md'));
  symlinkSync('team/kept.md', path.join(folder, 'inside.md'));
  symlinkSync('/', path.join(folder, 'everything'));
  symlinkSync('../..', path.join(folder, 'team', 'project'));
  // A loop inside the folder: walked once.
  symlinkSync('..', path.join(folder, 'team', 'back'));
  const OPTIONS = { timeout: 120_000 };

  it('each gets one fatal finding that says why; the others are linted; nothing else on the machine is read', async () => {
    expect(fifo.status, String(fifo.stderr)).toBe(0);
    const run = await hindsight(['lint', '--format', 'json'], root, undefined, OPTIONS);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const files = byName(parseJson(run.stdout), root);
    expect([...files.keys()].sort()).toEqual([
      'postmortems/clean.md',
      'postmortems/everything',
      'postmortems/inside.md',
      'postmortems/outside.md',
      'postmortems/pipe.md',
      'postmortems/random.md',
      'postmortems/six-megabytes.md',
      'postmortems/team/kept.md',
      'postmortems/team/project',
      'postmortems/zero.md',
    ]);
    onlyFatal(files.get('postmortems/zero.md'), 'Cannot read this file: it is a symbolic link to /dev/zero, which is a device, not a regular file.');
    onlyFatal(files.get('postmortems/random.md'), 'Cannot read this file: it is a symbolic link to /dev/urandom, which is a device, not a regular file.');
    onlyFatal(files.get('postmortems/pipe.md'), 'Cannot read this file: it is a named pipe (FIFO), not a regular file.');
    onlyFatal(files.get('postmortems/six-megabytes.md'), 'This file is 6.0 MB; Hindsight reads files of at most 5.0 MB');
    onlyFatal(
      files.get('postmortems/outside.md'),
      `Cannot read this file: it is a symbolic link to ${root}/secret.txt, outside ${folder}; Hindsight follows no link out of the folder it lints.`,
    );
    onlyFatal(files.get('postmortems/everything'), `it is a symbolic link to /, outside ${folder}`);
    onlyFatal(files.get('postmortems/team/project'), `it is a symbolic link to ${root}, outside ${folder}`);
    expect(files.get('postmortems/inside.md')).toEqual([]);
    expect(files.get('postmortems/clean.md')).toEqual([]);
    expect(run.stdout).not.toContain('not for the linter');
  });

  it('named on the command line: exit code 2, one paragraph that says why', async () => {
    for (const [name, why] of [
      ['postmortems/zero.md', 'it is a symbolic link to /dev/zero, which is a device, not a regular file'],
      ['postmortems/pipe.md', 'it is a named pipe (FIFO), not a regular file'],
      ['postmortems/outside.md', `it is a symbolic link to ${root}/secret.txt, outside ${folder}`],
      ['postmortems/everything', `it is a symbolic link to /, outside ${folder}`],
    ] as const) {
      const run = await hindsight(['lint', name, 'postmortems/clean.md'], root, undefined, OPTIONS);
      expect(run.code, name).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`Cannot read ${name}: ${why}`);
      expectOneParagraph(run.stderr);
    }
    const inspect = await hindsight(['inspect', 'postmortems/zero.md', '--format', 'json'], root, undefined, OPTIONS);
    expect(inspect.code).toBe(2);
    expect(inspect.stderr).toContain('it is a symbolic link to /dev/zero, which is a device, not a regular file');
    expectOneParagraph(inspect.stderr);
  });

  it('a glob does not walk into a folder link: `**` never reads the whole machine', async () => {
    const run = await hindsight(['lint', '--format', 'json', 'postmortems/**/*.md'], root, undefined, OPTIONS);
    const files = [...byName(parseJson(run.stdout), root).keys()];
    expect(files.every((file) => file.startsWith('postmortems/') && !file.includes('everything') && !file.includes('project/'))).toBe(true);
    expect(files).toContain('postmortems/team/kept.md');
  });

  it('the archive index of the cross-file rules skips them', async () => {
    const loaded = await loadArchive({
      root,
      content: folder,
      ignore: [],
      files: [],
      need: 'root-cause',
      sectionAliases: new Map(),
      indexFile: path.join(root, 'index.json'),
      version: 'test',
    });
    expect(loaded.archive.entries.map((e) => path.relative(root, e.filePath)).sort()).toEqual([
      'postmortems/clean.md',
      'postmortems/inside.md',
      'postmortems/team/kept.md',
    ]);
  });

  it("the site's scan stops at the first, naming it and why, before reading it", async () => {
    await expect(scanArchive(await setupArchive(root, 'postmortems'), new Date('2024-04-01T00:00:00Z'))).rejects.toThrow(
      /^postmortems\/(?:everything|outside\.md|pipe\.md|random\.md|six-megabytes\.md|zero\.md|team\/project): (?:Cannot read this file|This file is 6\.0 MB)/,
    );
  });
});
