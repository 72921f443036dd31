// Which files a lint run reads. Files named on the command line replace the configured
// content folder (a one-file hook lints one file); folders and globs expand to *.md.
// The .gitignore files at and below the configuration root, and the configured ignore
// globs (relative to the root), are honoured.
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';

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
    for (const file of await markdownUnder(selection.contentFolder)) if (!isIgnored(file)) found.add(file);
    return [...found].sort();
  }
  for (const given of selection.paths) {
    const absolute = path.resolve(selection.cwd, given);
    if (existsSync(absolute)) {
      const directory = statSync(absolute).isDirectory();
      // A path named but unreadable stops the run (exit code 2), as a missing one does.
      try {
        accessSync(absolute, directory ? constants.R_OK | constants.X_OK : constants.R_OK);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new PathError(`Cannot read ${given}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? (error as Error).message}.`);
      }
      if (directory) {
        for (const file of await markdownUnder(absolute)) if (!isIgnored(file)) found.add(file);
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

async function markdownUnder(folder: string): Promise<string[]> {
  const files = await glob('**/*.md', { cwd: folder, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
  return files.map((file) => path.normalize(file));
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
