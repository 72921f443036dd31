// Which files a lint run reads. Files named on the command line replace the configured
// content folder (a one-file hook lints one file); folders and globs expand to *.md.
// .gitignore at the configuration root and the configured ignore globs are honoured.
import { existsSync, readFileSync, statSync } from 'node:fs';
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
  const ignorer = buildIgnore(selection.root, selection.ignoreGlobs);
  const isIgnored = (file: string): boolean => {
    const relative = path.relative(selection.root, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && ignorer.ignores(relative.split(path.sep).join('/'));
  };
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
      if (statSync(absolute).isDirectory()) {
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

function buildIgnore(root: string, globs: readonly string[]): Ignore {
  const ig = ignore();
  const gitignore = path.join(root, '.gitignore');
  if (existsSync(gitignore)) ig.add(readFileSync(gitignore, 'utf8'));
  ig.add([...globs]);
  return ig;
}
