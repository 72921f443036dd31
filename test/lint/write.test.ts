// writeFixedFile: a crash mid-write (simulated by failing file-system calls) leaves the
// original file intact and no temporary file behind; the file keeps its mode, owner and hard
// links, and a read-only one is refused.
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { PathError } from '../../src/lint/files.ts';
import { writeFixedFile } from '../../src/lint/write.ts';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, renameSync: vi.fn(actual.renameSync), writeSync: vi.fn(actual.writeSync), fsyncSync: vi.fn(actual.fsyncSync) };
});

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-write-')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.clearAllMocks());

const ORIGINAL = '---\nseverity: sev2\n---\n\n# Outage\n';
const FIXED = Buffer.from('---\nseverity: SEV2\n---\n\n# Outage\n');

function postmortem(name: string, mode = 0o640): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, ORIGINAL);
  fs.chmodSync(file, mode);
  return file;
}

function ioError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

const leftovers = (): string[] => fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('writeFixedFile', () => {
  it('replaces the content and keeps the file mode', () => {
    const file = postmortem('ok.md', 0o640);
    writeFixedFile(file, FIXED);
    expect(fs.readFileSync(file)).toEqual(FIXED);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(leftovers()).toEqual([]);
  });

  it('when the rename fails: the original is intact, no temporary file is left, a PathError says why', () => {
    const file = postmortem('rename.md');
    vi.mocked(fs.renameSync).mockImplementationOnce(() => {
      throw ioError('EXDEV');
    });
    expect(() => writeFixedFile(file, FIXED)).toThrow(PathError);
    expect(fs.renameSync).toHaveBeenCalledTimes(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(leftovers()).toEqual([]);
  });

  it('when the disk fills up halfway through the write: the original is intact, no temporary file is left', () => {
    const file = postmortem('full.md');
    const actual = vi.mocked(fs.writeSync).getMockImplementation()! as unknown as (fd: number, data: Buffer) => number;
    vi.mocked(fs.writeSync).mockImplementationOnce((fd: number, data: unknown) => {
      actual(fd, (data as Buffer).subarray(0, 7));
      throw ioError('ENOSPC');
    });
    expect(() => writeFixedFile(file, FIXED)).toThrow(`Cannot write the fixed ${file}: no space left on the device. The file is unchanged.`);
    expect(fs.readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(leftovers()).toEqual([]);
  });

  it('when the flush fails: the same', () => {
    const file = postmortem('fsync.md');
    vi.mocked(fs.fsyncSync).mockImplementationOnce(() => {
      throw ioError('EIO');
    });
    expect(() => writeFixedFile(file, FIXED)).toThrow(/EIO/);
    expect(fs.readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(leftovers()).toEqual([]);
  });

  it('writes through a symbolic link to the file it points to, keeping the link', () => {
    const file = postmortem('target.md');
    const link = path.join(dir, 'link.md');
    fs.symlinkSync(file, link);
    writeFixedFile(link, FIXED);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(file)).toEqual(FIXED);
  });

  it('a file that vanished is a PathError, not a crash', () => {
    expect(() => writeFixedFile(path.join(dir, 'gone.md'), FIXED)).toThrow(PathError);
    expect(leftovers()).toEqual([]);
  });
});

describe('writeFixedFile keeps the file the same file', () => {
  it('refuses a read-only file: a PathError, the file unchanged, nothing left behind (rename would bypass its mode)', () => {
    const file = postmortem('read-only.md', 0o444);
    expect(() => writeFixedFile(file, FIXED)).toThrow(`Cannot write the fixed ${file}: it is read-only`);
    expect(() => writeFixedFile(file, FIXED)).toThrow('(mode 0444): make it writable (chmod u+w) to let --fix change it. The file is unchanged.');
    expect(fs.readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    expect(leftovers()).toEqual([]);
  });

  it('a file with hard links is rewritten through its own inode: every name sees the fix', () => {
    const file = postmortem('linked.md', 0o640);
    const other = path.join(dir, 'linked-elsewhere.md');
    fs.linkSync(file, other);
    const inode = fs.statSync(file).ino;
    writeFixedFile(file, FIXED);
    expect(fs.readFileSync(other)).toEqual(FIXED);
    expect(fs.statSync(file)).toMatchObject({ ino: inode, nlink: 2 });
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.renameSync).not.toHaveBeenCalled();
    expect(leftovers()).toEqual([]);
  });

  it('in place, a shorter text leaves no tail of the longer one', () => {
    const file = postmortem('shorter.md');
    fs.linkSync(file, path.join(dir, 'shorter-link.md'));
    writeFixedFile(file, Buffer.from('# Outage\n'));
    expect(fs.readFileSync(file, 'utf8')).toBe('# Outage\n');
  });

  // Only root may give a file to another user; as root, the fixed file keeps its owner.
  it.skipIf(process.getuid?.() !== 0)("as root, another user's file keeps its owner, group and mode", () => {
    const file = postmortem('theirs.md', 0o664);
    fs.chownSync(file, 65534, 65534);
    writeFixedFile(file, FIXED);
    expect(fs.readFileSync(file)).toEqual(FIXED);
    expect(fs.statSync(file)).toMatchObject({ uid: 65534, gid: 65534 });
    expect(fs.statSync(file).mode & 0o7777).toBe(0o664);
  });
});
