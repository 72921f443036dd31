// Reading a file Hindsight did not write (a postmortem, a .gitignore, a cache file) without
// trusting it:
// - regular files only. A device, a FIFO or a socket is never opened: /dev/zero never ends,
//   a FIFO waits for a writer forever, and opening some devices acts on the machine;
// - at most a byte limit, read in chunks until then: the size `stat` reports is not trusted
//   (a file can report 0 bytes and never end, or grow while it is read);
// - inside a folder (`within`), no symbolic link out of it: a pull request that adds
//   `postmortems/x.md -> ~/.ssh/id_rsa` must not get that file linted, published or quoted.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

export type FileRead =
  | { bytes: Buffer }
  /** Why the file cannot be read, as the end of "Cannot read this file: …". */
  | { unreadable: string }
  /** Past the limit: the size the file reported, or null when only reading found it out. */
  | { tooLarge: number | null };

export interface ReadOptions {
  maxBytes: number;
  /** A folder: when the file's path lies in it, a symbolic link may not lead out of it. */
  within?: string | undefined;
  /** False: a symbolic link is not followed at all (a cache file Hindsight wrote is never one). */
  followLinks?: boolean;
  /** True: only a file of this user's (a cache another user wrote is theirs to forge). */
  ownOnly?: boolean;
}

// O_NONBLOCK: should a FIFO appear between the check and the open, the open does not wait for
// a writer. O_NOCTTY: a terminal device never becomes the process's controlling terminal.
// (Neither exists on Windows, which has neither hazard.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const FIRST_CHUNK = 64 * 1024;

export function readRegularFile(file: string, options: ReadOptions): FileRead {
  let stat: Stats;
  try {
    stat = lstatSync(file);
    if (stat.isSymbolicLink() && options.followLinks === false) return { unreadable: 'it is a symbolic link' };
    if (stat.isSymbolicLink()) {
      // (stat opens nothing: a link to a FIFO or a device is safe to look at.)
      stat = statSync(file);
      const outside = stat.isFile() || stat.isDirectory() ? linkOutside(file, options.within) : null;
      if (outside) return { unreadable: outside };
    }
  } catch (error) {
    return { unreadable: readError(error, file) };
  }
  if (!stat.isFile()) return { unreadable: notAFile(file, stat) };
  if (options.ownOnly && !ownedByThisUser(stat)) return { unreadable: `it belongs to another user (uid ${stat.uid})` };
  if (stat.size > options.maxBytes) return { tooLarge: stat.size };
  let fd: number;
  try {
    fd = openSync(file, options.followLinks === false ? OPEN_FLAGS | (constants.O_NOFOLLOW ?? 0) : OPEN_FLAGS);
  } catch (error) {
    return { unreadable: readError(error, file) };
  }
  try {
    // Replaced between the check and the open: check what was opened.
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { unreadable: notAFile(file, opened) };
    if (options.ownOnly && !ownedByThisUser(opened)) return { unreadable: `it belongs to another user (uid ${opened.uid})` };
    if (opened.size > options.maxBytes) return { tooLarge: opened.size };
    return readAtMost(fd, opened.size, options.maxBytes);
  } catch (error) {
    return { unreadable: readError(error, file) };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
}

function ownedByThisUser(stat: Stats): boolean {
  return typeof process.getuid !== 'function' || stat.uid === process.getuid();
}

/**
 * Reads `fd` to its end, or until it has given more than `maxBytes`: in one read when the
 * file is the `size` it reports (one byte more to see its end), in growing chunks when not.
 */
function readAtMost(fd: number, size: number, maxBytes: number): FileRead {
  let buffer = Buffer.allocUnsafe(Math.min(size > 0 ? size + 1 : FIRST_CHUNK, maxBytes + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return { tooLarge: null };
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return { bytes: buffer.subarray(0, length) };
}

/**
 * Why the symbolic link `file` may not be followed: it lies in `within` and leads out of it.
 * Null when it may be (no `within`, a path outside it, a target inside it).
 */
export function linkOutside(file: string, within: string | undefined): string | null {
  if (within === undefined || !isInside(path.resolve(file), path.resolve(within))) return null;
  const target = realpathSync.native(file);
  let realWithin: string;
  try {
    realWithin = realpathSync.native(within);
  } catch {
    realWithin = path.resolve(within);
  }
  if (isInside(target, realWithin)) return null;
  return `it is a symbolic link to ${target}, outside ${within}; Hindsight follows no link out of the folder it lints`;
}

export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** Why `file`, of this type, is not read (`stat` describes it, through its links). */
export function notAFile(file: string, stat: Stats): string {
  const kind = stat.isDirectory()
    ? 'a folder'
    : stat.isFIFO()
      ? 'a named pipe (FIFO)'
      : stat.isSocket()
        ? 'a socket'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'a device'
          : 'not a regular file';
  let link: string | null = null;
  try {
    if (lstatSync(file).isSymbolicLink()) link = readlinkSync(file);
  } catch {
    // gone since: describe what was found
  }
  if (stat.isDirectory() && link === null) return 'it is a folder, not a file';
  const what = kind === 'not a regular file' ? kind : `${kind}, not a regular file`;
  return link === null ? `it is ${what}` : `it is a symbolic link to ${link}, which is ${what}`;
}

/** A file-system error as a reason a reader understands. */
export function readError(error: unknown, file?: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      if (file !== undefined) {
        try {
          if (lstatSync(file).isSymbolicLink()) return `it is a symbolic link to ${readlinkSync(file)}, which does not exist`;
        } catch {
          // not there at all
        }
      }
      return 'it no longer exists (deleted or moved while Hindsight ran)';
    case 'ELOOP':
      return 'it is a symbolic link that leads back to itself (a loop)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENXIO':
      return 'it is a socket or a device that is not there, not a regular file';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'EIO':
      return 'an input/output error of the disk';
    default:
      return code ?? (error as Error).message;
  }
}

/** Megabytes as a message gives them ("5.0 MB", "600 MB"). */
export function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
}
