// `hindsight lint -o FILE`: the report written to a file, its folders made. Written to a
// temporary file beside it and renamed over it, so a reader (a CI step uploading SARIF) never
// sees half a report, and a failed run leaves the previous report whole.
import { mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PathError } from '../errors.ts';

// node:crypto is loaded on first use, not by an import: a hook's one-file lint needs none of it.
const nodeCrypto = () => process.getBuiltinModule('node:crypto');

/**
 * Writes `text` to `file` (relative to `cwd`); a PathError (exit code 2) names the file as
 * given and why not. Never over one of the `linted` files: `-o postmortems/a.md` is a slip
 * that would replace a postmortem with its own report.
 */
export function writeReportFile(cwd: string, file: string, text: string, linted: readonly string[]): void {
  const target = path.resolve(cwd, file);
  const real = realOrSelf(target);
  if (linted.some((f) => realOrSelf(path.resolve(cwd, f)) === real)) {
    throw new PathError(`cannot write the report to ${file}: it is one of the postmortems being linted, and the report would replace it. Name another file.`);
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
  try {
    if (isFolder(target)) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    mkdirSync(path.dirname(target), { recursive: true });
    // `wx`: created anew, never written through a link left under the temporary name.
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, target);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // never made: its folder could not be
    }
    throw new PathError(`cannot write the report to ${file}: ${writeProblem(error)}.`);
  }
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

const PROBLEMS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a file stands where a folder of its path should be',
  EEXIST: 'a file stands where a folder of its path should be',
  EROFS: 'the file system is read-only',
  ENOENT: 'its folder does not exist and cannot be made',
  ENOSPC: 'the disk is full',
};

/**
 * Why a file could not be written, in words (the error code when there are none); `words`
 * says some of them as a command's context has them.
 */
export function writeProblem(error: unknown, words: Readonly<Record<string, string>> = {}): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && (words[code] ?? PROBLEMS[code])) ?? code ?? (error as Error).message;
}
