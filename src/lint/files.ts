// Which files a lint run reads. Files named on the command line replace the configured
// content folder (a one-file hook lints one file); folders and globs expand to *.md.
// The .gitignore files at and below the configuration root, and the configured ignore
// globs (relative to the root), are honoured.
import { accessSync, closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { GUARD_LIMITS } from '../core/guard.ts';

export class PathError extends Error {
  override name = 'PathError';
}

export interface FileSelection {
  cwd: string;
  /** Folder the ignore globs and .gitignore are relative to. */
  root: string;
  paths: readonly string[];
  contentFolder: string;
  ignoreGlobs: readonly string[];
}

export async function selectFiles(selection: FileSelection): Promise<string[]> {
  const isIgnored = ignoredUnder(selection.root, selection.ignoreGlobs);
  const found = new Set<string>();
  if (selection.paths.length === 0) {
    if (!existsSync(selection.contentFolder)) {
      throw new PathError(`The content folder ${selection.contentFolder} does not exist: create it, set "content" in the configuration, or name files to lint.`);
    }
    for (const file of markdownUnder(selection.contentFolder)) if (!isIgnored(file)) found.add(file);
    return [...found].sort();
  }
  for (const given of selection.paths) {
    const absolute = path.resolve(selection.cwd, given);
    // A path named but unreadable (a link loop or to nowhere, no permission) stops the run
    // with exit code 2, as a missing one does: the command line itself is wrong. (A file
    // found in a folder that cannot be read is linted: its fatal finding says why.)
    const broken = brokenLink(absolute);
    if (broken) throw new PathError(`Cannot read ${given}: ${broken}.`);
    if (existsSync(absolute)) {
      const directory = statSync(absolute).isDirectory();
      try {
        accessSync(absolute, directory ? constants.R_OK | constants.X_OK : constants.R_OK);
      } catch (error) {
        throw new PathError(`Cannot read ${directory ? 'the folder ' : ''}${given}: ${readError(error)}.`);
      }
      if (directory) {
        for (const file of markdownUnder(absolute)) if (!isIgnored(file)) found.add(file);
      } else if (!isIgnored(absolute)) {
        found.add(absolute);
      }
      continue;
    }
    if (!isDynamicPattern(given)) throw new PathError(`No such file or folder: ${given}.`);
    const matches = await glob(given, { cwd: selection.cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] });
    if (matches.length === 0) throw new PathError(`No files match the pattern ${given}.`);
    for (const file of matches) if (!isIgnored(path.normalize(file))) found.add(path.normalize(file));
  }
  return [...found].sort();
}

/**
 * Every Markdown file under a folder (name ending in .md; no dot files or folders, no
 * node_modules), walked by hand to handle what a glob drops or repeats:
 * - a folder reached twice (a symbolic link to a folder already walked, a link loop such
 *   as `up -> ..`) is walked once, so no postmortem is linted twice under two names;
 * - a symbolic link named like a postmortem that leads nowhere (a loop, a missing target) is
 *   listed, where a glob would drop it, so that reading it reports why;
 * - a folder named like a postmortem ("x.md") is a folder: its files are listed, it is not.
 * A folder that cannot be read is skipped, as a glob skips it.
 */
export function markdownUnder(folder: string): string[] {
  const found: string[] = [];
  const walked = new Set<string>();
  const walk = (dir: string, real: string): void => {
    if (walked.has(real)) return;
    walked.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (entry.isDirectory()) {
        if (name !== 'node_modules') walk(full, path.join(real, name));
      } else if (entry.isFile()) {
        if (name.endsWith('.md')) found.push(full);
      } else if (entry.isSymbolicLink()) {
        let target: ReturnType<typeof statSync>;
        try {
          target = statSync(full);
        } catch {
          if (name.endsWith('.md')) found.push(full);
          continue;
        }
        if (target.isDirectory()) {
          if (name === 'node_modules') continue;
          try {
            walk(full, realpathSync.native(full));
          } catch {
            // gone since: nothing to walk
          }
        } else if (name.endsWith('.md')) {
          found.push(full);
        }
      }
    }
  };
  let root: string;
  try {
    root = realpathSync.native(folder);
  } catch {
    return found;
  }
  walk(path.normalize(folder), root);
  return found;
}

/** Why a path that is a symbolic link cannot be followed, or null (not a link, or a good one). */
function brokenLink(file: string): string | null {
  try {
    if (!lstatSync(file).isSymbolicLink()) return null;
  } catch {
    return null;
  }
  try {
    statSync(file);
    return null;
  } catch (error) {
    return readError(error, file);
  }
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
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'EIO':
      return 'an input/output error of the disk';
    default:
      return code ?? (error as Error).message;
  }
}

/**
 * Reads a postmortem as UTF-8 text, or says why it cannot: a file past the size limit of
 * src/core/guard.ts is not read at all (a 1 GB file must not fill the memory first).
 * Invalid UTF-8 bytes read as U+FFFD, as the parser would see them anyway.
 */
export function readPostmortemText(file: string): { text: string } | { problem: string } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return { problem: `Cannot read this file: ${readError(error, file)}.` };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { problem: 'Cannot read this file: it is a folder, not a file.' };
    if (stat.size > GUARD_LIMITS.maxBytes) {
      const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
      return { problem: `This file is ${mb(stat.size)}; Hindsight reads files of at most ${mb(GUARD_LIMITS.maxBytes)}: move attached logs and data out of the postmortem (link to them), or split it.` };
    }
    return { text: readFileSync(fd, 'utf8') };
  } catch (error) {
    return { problem: `Cannot read this file: ${readError(error, file)}.` };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
  }
}

/**
 * Whether a file is ignored: by the root's .gitignore and the ignore globs (relative to the
 * root), or by a .gitignore in a folder between the root and the file (relative to its own
 * folder, as git reads it). Files outside the root are never ignored.
 */
function ignoredUnder(root: string, globs: readonly string[]): (file: string) => boolean {
  const atRoot = ignore();
  const gitignore = path.join(root, '.gitignore');
  if (existsSync(gitignore)) atRoot.add(readFileSync(gitignore, 'utf8'));
  atRoot.add([...globs]);
  const nested = new Map<string, Ignore | null>();
  const ignoreIn = (dir: string): Ignore | null => {
    let found = nested.get(dir);
    if (found === undefined) {
      const file = path.join(dir, '.gitignore');
      found = existsSync(file) ? ignore().add(readFileSync(file, 'utf8')) : null;
      nested.set(dir, found);
    }
    return found;
  };
  return (file) => {
    const relative = path.relative(root, file);
    if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return false;
    const parts = relative.split(path.sep);
    if (atRoot.ignores(parts.join('/'))) return true;
    let dir = root;
    for (let i = 0; i < parts.length - 1; i++) {
      dir = path.join(dir, parts[i]!);
      if (ignoreIn(dir)?.ignores(parts.slice(i + 1).join('/'))) return true;
    }
    return false;
  };
}
