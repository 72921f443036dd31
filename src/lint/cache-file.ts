// The files Hindsight keeps between runs (the lint cache, the archive index): read only when
// they are what Hindsight writes, and written so that no link or file planted beside them is
// followed.
// - Read: a regular file, not a symbolic link, of this user's, of at most 256 MB. Anything
//   else (a link to /dev/zero, another user's forged file) is no cache: the run starts afresh.
// - Written: to a temporary file of a random name created exclusively (O_EXCL|O_NOFOLLOW: a
//   link planted under that name fails the open instead of being written through), mode
//   0600, then renamed over the cache file (which replaces a link there, never its target).
import { closeSync, constants, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { readRegularFile } from './read.ts';

// node:crypto is loaded on first use, not by an import: a hook's one-file lint needs none of it.
const nodeCrypto = () => process.getBuiltinModule('node:crypto');

/** Largest cache file read: 100,000 postmortems' findings stay far below. */
export const MAX_CACHE_BYTES = 256 * 1024 * 1024;

const CREATE_EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** The cache file's text, or null when there is none Hindsight may trust. */
export function readCacheFile(file: string): string | null {
  const read = readRegularFile(file, { maxBytes: MAX_CACHE_BYTES, followLinks: false, ownOnly: true });
  return 'bytes' in read ? read.bytes.toString('utf8') : null;
}

/** Writes the cache file (its folder made if need be); throws the file system's error. */
export function writeCacheFile(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, CREATE_EXCLUSIVE, 0o600);
  try {
    try {
      const data = Buffer.from(text, 'utf8');
      let written = 0;
      while (written < data.length) written += writeSync(fd, data, written, data.length - written, written);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
