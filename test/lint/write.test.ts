// writeFileAtomic: a crash mid-write (simulated by failing file-system calls) leaves the
// original file intact and no temporary file behind.
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { PathError } from '../../src/lint/files.ts';
import { writeFileAtomic } from '../../src/lint/write.ts';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, renameSync: vi.fn(actual.renameSync), writeFileSync: vi.fn(actual.writeFileSync), fsyncSync: vi.fn(actual.fsyncSync) };
});

const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-write-')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.clearAllMocks());

const ORIGINAL = '---\nseverity: sev2\n---\n\n# Outage\n';
const FIXED = '---\nseverity: SEV2\n---\n\n# Outage\n';

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

describe('writeFileAtomic', () => {
  it('replaces the content and keeps the file mode', () => {
    const file = postmortem('ok.md', 0o640);
    writeFileAtomic(file, FIXED);
    expect(fs.readFileSync(file, 'utf8')).toBe(FIXED);
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(leftovers()).toEqual([]);
  });

  it('when the rename fails: the original is intact, no temporary file is left, a PathError says why', () => {
    const file = postmortem('rename.md');
    vi.mocked(fs.renameSync).mockImplementationOnce(() => {
      throw ioError('EXDEV');
    });
    expect(() => writeFileAtomic(file, FIXED)).toThrow(PathError);
    expect(fs.renameSync).toHaveBeenCalledTimes(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(leftovers()).toEqual([]);
  });

  it('when the disk fills up halfway through the write: the original is intact, no temporary file is left', () => {
    const file = postmortem('full.md');
    const actual = vi.mocked(fs.writeFileSync).getMockImplementation()!;
    vi.mocked(fs.writeFileSync).mockImplementationOnce((fd, text) => {
      actual(fd, String(text).slice(0, 7));
      throw ioError('ENOSPC');
    });
    expect(() => writeFileAtomic(file, FIXED)).toThrow(`Cannot write the fixed ${file}: no space left on the device. The file is unchanged.`);
    expect(fs.readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(leftovers()).toEqual([]);
  });

  it('when the flush fails: the same', () => {
    const file = postmortem('fsync.md');
    vi.mocked(fs.fsyncSync).mockImplementationOnce(() => {
      throw ioError('EIO');
    });
    expect(() => writeFileAtomic(file, FIXED)).toThrow(/EIO/);
    expect(fs.readFileSync(file, 'utf8')).toBe(ORIGINAL);
    expect(leftovers()).toEqual([]);
  });

  it('writes through a symbolic link to the file it points to, keeping the link', () => {
    const file = postmortem('target.md');
    const link = path.join(dir, 'link.md');
    fs.symlinkSync(file, link);
    writeFileAtomic(link, FIXED);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(FIXED);
  });

  it('a file that vanished is a PathError, not a crash', () => {
    expect(() => writeFileAtomic(path.join(dir, 'gone.md'), FIXED)).toThrow(PathError);
    expect(leftovers()).toEqual([]);
  });
});
