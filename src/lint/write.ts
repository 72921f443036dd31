// Writing a fixed file so that it stays the same file to everyone but for its content:
// - atomically where it can: a temporary file beside it (created exclusively: never through a
//   link someone left there), flushed, given the original's mode, owner and group, then
//   renamed over the original, so a crash mid-write leaves the original intact;
// - in place, through the same inode, where a rename would change what others see: a file
//   with hard links (a rename would split them) or one whose owner or group the new file
//   cannot take (another user's file this user may write). Not atomic: a crash mid-write can
//   leave it cut short;
// - never a file its user may not write: renaming over a read-only file would bypass its mode.
// A failure removes the temporary file and is a PathError (exit code 2, one line, the
// original unchanged).
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import { PathError } from '../errors.ts';

const CREATE_EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

export function writeFixedFile(file: string, data: Buffer): void {
  // Through a symbolic link, the file it points to is replaced, not the link.
  let target: string;
  let stat: Stats;
  try {
    target = realpathSync(file);
    stat = statSync(target);
  } catch (error) {
    throw writeError(file, error);
  }
  const readOnly = readOnlyReason(target, stat);
  if (readOnly) throw new PathError(`Cannot write the fixed ${file}: ${readOnly}. The file is unchanged.`);
  if (stat.nlink > 1) {
    writeInPlace(file, target, data);
    return;
  }
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.hindsight-${process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex')}.tmp`,
  );
  let fd: number;
  try {
    fd = openSync(temporary, CREATE_EXCLUSIVE, stat.mode & 0o777);
  } catch (error) {
    throw writeError(file, error);
  }
  try {
    if (!keepOwner(fd, stat)) {
      closeQuietly(fd);
      removeQuietly(temporary);
      writeInPlace(file, target, data);
      return;
    }
    writeAll(fd, data);
    fsyncSync(fd);
    // The umask may have narrowed the mode given to open, and a chown clears set-id bits.
    fchmodSync(fd, stat.mode & 0o7777);
  } catch (error) {
    closeQuietly(fd);
    removeQuietly(temporary);
    throw writeError(file, error);
  }
  try {
    closeSync(fd);
    renameSync(temporary, target);
  } catch (error) {
    removeQuietly(temporary);
    throw writeError(file, error);
  }
}

/** Why this user may not write `target`, or null. Root may write anything: a file of no write bit is read-only to it too. */
function readOnlyReason(target: string, stat: Stats): string | null {
  const mode = (stat.mode & 0o7777).toString(8).padStart(4, '0');
  const hint = `make it writable (chmod u+w) to let --fix change it`;
  if (process.getuid?.() === 0) return (stat.mode & 0o222) === 0 ? `it is read-only (mode ${mode}): ${hint}` : null;
  try {
    accessSync(target, constants.W_OK);
    return null;
  } catch {
    return `it is read-only to you (mode ${mode}): ${hint}`;
  }
}

/** Gives the new file the original's owner and group; false when it cannot (another user's file). */
function keepOwner(fd: number, original: Stats): boolean {
  const created = fstatSync(fd);
  if (created.uid === original.uid && created.gid === original.gid) return true;
  try {
    fchownSync(fd, original.uid, original.gid);
    return true;
  } catch {
    return false;
  }
}

/** Rewrites the file through its own inode: its links, owner, mode and ACLs stay as they are. */
function writeInPlace(file: string, target: string, data: Buffer): void {
  let fd: number;
  try {
    fd = openSync(target, constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    throw writeError(file, error);
  }
  try {
    writeAll(fd, data);
    ftruncateSync(fd, data.length);
    fsyncSync(fd);
  } catch (error) {
    closeQuietly(fd);
    const reason = writeError(file, error).message.replace(/ The file is unchanged\.$/, '');
    throw new PathError(
      `${reason} It was being rewritten in place (it has hard links, or another owner), and may be cut short: restore it from version control.`,
    );
  }
  try {
    closeSync(fd);
  } catch (error) {
    throw writeError(file, error);
  }
}

function writeAll(fd: number, data: Buffer): void {
  let written = 0;
  while (written < data.length) written += writeSync(fd, data, written, data.length - written, written);
}

function writeError(file: string, error: unknown): PathError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EROFS'
        ? 'the file system is read-only'
        : code === 'ENOSPC'
          ? 'no space left on the device'
          : code === 'ENOENT'
            ? 'it no longer exists'
            : (code ?? (error as Error).message);
  return new PathError(`Cannot write the fixed ${file}: ${reason}. The file is unchanged.`);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed or unusable: the write failed anyway.
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Never created, or already gone.
  }
}
