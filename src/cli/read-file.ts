import { lstatSync } from 'node:fs';
import { readPostmortemText } from '../lint/files.ts';
import { UsageError } from '../errors.ts';

/**
 * Reads a postmortem as UTF-8 text for a command that needs this one file: any reason it
 * cannot (missing, a folder, a link loop, a device or FIFO, no permission, past the size
 * limit) is a one-line message and exit code 2. The file is named by the user: it may be a
 * link to anywhere, but only to a regular file (src/lint/read.ts).
 */
export function readPostmortemFile(filePath: string): string {
  let exists = true;
  try {
    lstatSync(filePath);
  } catch {
    exists = false;
  }
  if (!exists) throw new UsageError(`cannot read ${filePath}: no such file.`);
  const read = readPostmortemText(filePath);
  if ('text' in read) return read.text;
  throw new UsageError(`cannot inspect ${filePath}: ${read.problem}`);
}
