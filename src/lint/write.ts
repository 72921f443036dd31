// Writing a fixed file atomically: a temporary file beside it, flushed, then renamed over
// the original, so a crash mid-write leaves the original intact. A failure removes the
// temporary file and is a PathError (exit code 2, one line, the original unchanged).
import { closeSync, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PathError } from './files.ts';

export function writeFileAtomic(file: string, text: string): void {
  // Through a symbolic link, the file it points to is replaced, not the link.
  let target: string;
  let mode: number;
  try {
    target = realpathSync(file);
    mode = statSync(target).mode & 0o7777;
  } catch (error) {
    throw writeError(file, error);
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.hindsight-${process.pid}-${Date.now().toString(36)}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, 'wx', mode);
  } catch (error) {
    throw writeError(file, error);
  }
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
    // The umask may have narrowed the mode given to open: keep the original's.
    fchmodSync(fd, mode);
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

function writeError(file: string, error: unknown): PathError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'EROFS' ? 'the file system is read-only'
    : code === 'ENOSPC' ? 'no space left on the device'
    : code === 'ENOENT' ? 'it no longer exists'
    : code ?? (error as Error).message;
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
