// Another user of the machine must not be able to plant what `hindsight` runs or writes
// through: Node's compile cache (whose entries a crc32 guards) and the archive index are kept
// only in a folder that is this user's alone (bin/private-folder.js), never in the shared
// temporary folder's node-compile-cache. A folder another user could have made (writable by
// others, a symbolic link, another owner, under a folder anyone can write) is not used: one
// warning line, and the run goes on uncached. As root (CI), another owner is made with chown.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { privateFolder, userCacheFolder } from '../../bin/private-folder.js';
import { CLEAN, CLI } from '../cli/helpers.ts';

// (macOS and Windows keep caches elsewhere than $XDG_CACHE_HOME.)
const posix = process.platform !== 'win32' && process.platform !== 'darwin';
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder (mode 0700, as mkdtemp makes it) under the system's temporary folder. */
function scratch(): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'hindsight-folders-')));
  made.push(dir);
  return dir;
}

/** Runs `hindsight lint` on one postmortem with this cache home and temporary folder, and nothing else from this environment. */
function lint(dir: string, env: Record<string, string>) {
  const project = path.join(dir, 'project');
  mkdirSync(path.join(project, 'postmortems'), { recursive: true });
  writeFileSync(path.join(project, 'postmortems', 'a.md'), CLEAN);
  const result = spawnSync(process.execPath, [CLI, 'lint', 'postmortems/a.md'], {
    cwd: project,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: path.join(dir, 'home'), TMPDIR: path.join(dir, 'tmp'), ...env },
  });
  return { code: result.status, stderr: result.stderr };
}

function setUp(): { dir: string; xdg: string; folder: string; tmp: string } {
  const dir = scratch();
  const xdg = path.join(dir, 'xdg');
  const tmp = path.join(dir, 'tmp');
  mkdirSync(xdg);
  mkdirSync(tmp);
  return { dir, xdg, folder: path.join(xdg, 'hindsight'), tmp };
}

const files = (dir: string): string[] => readdirSync(dir, { recursive: true }).map(String);

describe.skipIf(!posix)('the per-user cache folder', () => {
  it("is made mode 0700 in the user's cache home and holds the compile cache and the archive index; the shared temporary folder holds nothing", () => {
    const { dir, xdg, folder, tmp } = setUp();
    const run = lint(dir, { XDG_CACHE_HOME: xdg });
    expect(run).toEqual({ code: 0, stderr: '' });
    const stat = lstatSync(folder);
    expect(stat.isDirectory()).toBe(true);
    expect(stat.mode & 0o777).toBe(0o700);
    expect(stat.uid).toBe(process.getuid!());
    expect(files(path.join(folder, 'compile-cache')).length).toBeGreaterThan(0);
    expect(files(folder).some((name) => /^archive-index-[0-9a-f]+\.json$/.test(name))).toBe(true);
    expect(files(tmp)).toEqual([]);
  });

  it('NODE_DISABLE_COMPILE_CACHE=1 keeps no compile cache at all', () => {
    const { dir, xdg, folder, tmp } = setUp();
    expect(lint(dir, { XDG_CACHE_HOME: xdg, NODE_DISABLE_COMPILE_CACHE: '1' }).code).toBe(0);
    expect(existsSync(path.join(folder, 'compile-cache'))).toBe(false);
    expect(files(tmp)).toEqual([]);
  });

  const planted: [string, (folder: string, dir: string) => void, string][] = [
    [
      'writable by others',
      (folder) => {
        mkdirSync(folder);
        chmodSync(folder, 0o777);
      },
      'it can be written by other users (mode 0777)',
    ],
    [
      'a symbolic link to a folder the planter reads',
      (folder, dir) => {
        mkdirSync(path.join(dir, 'planted'));
        symlinkSync(path.join(dir, 'planted'), folder);
      },
      'it is a symbolic link',
    ],
    [
      'in a cache home anyone can write (the folder could be swapped after the check)',
      (folder) => {
        chmodSync(path.dirname(folder), 0o777);
      },
      'which any user can write',
    ],
  ];
  if (process.getuid?.() === 0) {
    planted.push([
      "another user's, mode 0700 (made by chown, as root)",
      (folder) => {
        mkdirSync(folder, { mode: 0o700 });
        chownSync(folder, 65534, 65534);
      },
      'it belongs to another user (uid 65534)',
    ]);
  }
  for (const [shape, plant, why] of planted) {
    it(`one it did not make is not used: ${shape}; one warning line, the run goes on`, () => {
      const { dir, xdg, folder, tmp } = setUp();
      plant(folder, dir);
      const run = lint(dir, { XDG_CACHE_HOME: xdg });
      expect(run.code).toBe(0);
      expect(run.stderr).toContain(why);
      expect(run.stderr).toMatch(/^hindsight: not caching in .+Hindsight runs on, only slower\.\n$/);
      // Nothing written where the planter could read or swap it, and not in the shared folder either.
      const target = lstatSync(folder, { throwIfNoEntry: false })?.isSymbolicLink() ? path.join(dir, 'planted') : folder;
      if (existsSync(target)) expect(files(target)).toEqual([]);
      expect(files(tmp)).toEqual([]);
    });
  }

  it('without a usable cache home, hindsight-<uid> in the temporary folder, checked the same way', () => {
    const { dir, tmp } = setUp();
    writeFileSync(path.join(dir, 'not-a-folder'), '');
    const noHome = { XDG_CACHE_HOME: path.join(dir, 'not-a-folder', 'cache') };
    expect(lint(dir, noHome)).toEqual({ code: 0, stderr: '' });
    const fallback = path.join(tmp, `hindsight-${process.getuid!()}`);
    expect(lstatSync(fallback).mode & 0o777).toBe(0o700);
    expect(files(fallback).length).toBeGreaterThan(0);
    expect(existsSync(path.join(tmp, 'node-compile-cache'))).toBe(false);

    // Made first by someone else (here: a link): not used.
    rmSync(fallback, { recursive: true });
    mkdirSync(path.join(dir, 'planted'));
    symlinkSync(path.join(dir, 'planted'), fallback);
    const run = lint(dir, noHome);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`not caching in ${fallback}: it is a symbolic link`);
    expect(files(path.join(dir, 'planted'))).toEqual([]);
  });
});

describe.skipIf(!posix)('privateFolder', () => {
  it("tightens a folder of this user's that only others may read, and refuses a file in the folder's place", () => {
    const dir = scratch();
    const readable = path.join(dir, 'readable');
    mkdirSync(readable, { mode: 0o755 });
    chmodSync(readable, 0o755);
    expect(privateFolder(readable)).toEqual({ folder: readable });
    expect(lstatSync(readable).mode & 0o777).toBe(0o700);
    writeFileSync(path.join(dir, 'file'), '');
    expect(privateFolder(path.join(dir, 'file'))).toEqual({ untrusted: `${path.join(dir, 'file')}: it is not a folder` });
  });

  it('warns through the given function, and gives no folder, when the preferred one is planted', () => {
    const dir = scratch();
    mkdirSync(path.join(dir, 'hindsight'), { mode: 0o777 });
    chmodSync(path.join(dir, 'hindsight'), 0o777);
    const warnings: string[] = [];
    expect(userCacheFolder({ XDG_CACHE_HOME: dir }, (message) => warnings.push(message))).toBeNull();
    expect(warnings).toEqual([`${path.join(dir, 'hindsight')}: it can be written by other users (mode 0777)`]);
  });
});
