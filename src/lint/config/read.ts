// Reading a configuration or a baseline: a regular file only, and never more than a cap. A
// name can lead to /dev/zero, a named pipe that never ends (open would even wait for a writer)
// or a file of gigabytes; each is refused with a reason before it costs memory or time.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a file was not read: the reason completes "Cannot read X: …". */
export class ReadRefused extends Error {
  override name = 'ReadRefused';
}

/** The file's text (UTF-8), at most `cap` bytes of it; a ReadRefused, or the system's error, otherwise. */
export function readTextCapped(file: string, cap: number): string {
  // Non-blocking, so that opening a named pipe returns at once instead of waiting for a writer.
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new ReadRefused('it is a folder');
    if (!stat.isFile()) throw new ReadRefused('it is not a regular file (a device, a pipe or a socket)');
    if (stat.size > cap) throw new ReadRefused(`it is larger than ${formatBytes(cap)}`);
    const chunks: Buffer[] = [];
    const buffer = Buffer.allocUnsafe(64 * 1024);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      total += n;
      // The size can grow while it is read (or lie, on some file systems): count what comes.
      if (total > cap) throw new ReadRefused(`it is larger than ${formatBytes(cap)}`);
      chunks.push(Buffer.from(buffer.subarray(0, n)));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`;
}
