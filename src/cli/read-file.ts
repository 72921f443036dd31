import { readFile } from 'node:fs/promises';
import { UsageError } from './errors.ts';

/** Reads a postmortem as UTF-8 text, turning file-system failures into one-line messages. */
export async function readPostmortemFile(filePath: string): Promise<string> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'it is a directory, not a file'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : code === 'ELOOP' ? 'a symbolic link loop'
      : (error as Error).message;
    throw new UsageError(`cannot read ${filePath}: ${reason}.`);
  }
}
