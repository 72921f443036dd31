// Which files a lint run reads. Files named on the command line replace the configured
// content folder (a one-file hook lints one file); folders and globs expand to *.md.
// The .gitignore files at and below the configuration root, the root's .hindsightignore and
// the configured ignore globs (relative to the root) are honoured.
import { accessSync, constants, existsSync, lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { PathError } from '../errors.ts';
import { GUARD_LIMITS } from '../core/guard/index.ts';
import { isInside, linkOutside, megabytes, notAFile, readError, readRegularFile } from './read.ts';

export { readError } from './read.ts';

export { PathError } from '../errors.ts';

/** Where a configuration's ignore patterns stand: its folder and its `ignore` globs. */
export interface IgnoreScope {
  root: string;
  ignoreGlobs: readonly string[];
}

export interface FileSelection extends IgnoreScope {
  cwd: string;
  paths: readonly string[];
  contentFolder: string;
  /**
   * The ignore scope of the configuration that applies to a file (default: `root` and
   * `ignoreGlobs` for every file): the same object for every file of one configuration.
   */
  scopeOf?: (file: string) => IgnoreScope;
  /**
   * Told of each file named on the command line that an ignore pattern leaves out, with where
   * the pattern is (ESLint warns of these too: naming a file and getting nothing back is
   * otherwise a silent surprise). Files found in a folder or by a glob are left out silently.
   */
  onIgnored?: (file: string, source: string) => void;
}

export async function selectFiles(selection: FileSelection): Promise<string[]> {
  const matchers = new Map<IgnoreScope, IgnoreMatcher>();
  const ignoredBy = (file: string): string | null => {
    const scope = selection.scopeOf?.(file) ?? selection;
    let matcher = matchers.get(scope);
    if (!matcher) matchers.set(scope, (matcher = ignoredUnder(scope.root, scope.ignoreGlobs)));
    return matcher(file);
  };
  const isIgnored = (file: string): boolean => ignoredBy(file) !== null;
  const found = new Set<string>();
  if (selection.paths.length === 0) {
    if (!existsSync(selection.contentFolder)) {
      throw new PathError(
        `The content folder ${selection.contentFolder} does not exist: create it, set "content" in the configuration, or name files to lint.`,
      );
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
      const stat = statSync(absolute);
      const directory = stat.isDirectory();
      if (!directory && !stat.isFile()) throw new PathError(`Cannot read ${given}: ${notAFile(absolute, stat)}.`);
      const outside = linkOutside(absolute, linkBoundary(absolute, selection.contentFolder, selection.root));
      if (outside) throw new PathError(`Cannot read ${given}: ${outside}.`);
      try {
        accessSync(absolute, directory ? constants.R_OK | constants.X_OK : constants.R_OK);
      } catch (error) {
        throw new PathError(`Cannot read ${directory ? 'the folder ' : ''}${given}: ${readError(error)}.`);
      }
      if (directory) {
        for (const file of markdownUnder(absolute)) if (!isIgnored(file)) found.add(file);
      } else {
        const source = ignoredBy(absolute);
        if (source === null) found.add(absolute);
        else selection.onIgnored?.(absolute, source);
      }
      continue;
    }
    // tinyglobby (with fdir and picomatch) is loaded only for a target that is not a path: a
    // hook's one-file lint never needs it.
    const { glob, isDynamicPattern } = await import('tinyglobby');
    if (!isDynamicPattern(given)) throw new PathError(`No such file or folder: ${given}.`);
    // A folder link (`everything -> /`) is not walked into: `**` would read the whole machine.
    const matches = await glob(given, {
      cwd: selection.cwd,
      absolute: true,
      onlyFiles: true,
      dot: false,
      followSymbolicLinks: false,
      ignore: ['**/node_modules/**'],
    });
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
 * - a symbolic link named like a postmortem that leads nowhere (a loop, a missing target), and
 *   a FIFO, socket or device so named, are listed, where a glob would drop them, so that
 *   reading them reports why;
 * - a folder named like a postmortem ("x.md") is a folder: its files are listed, it is not;
 * - a symbolic link to a folder outside the one walked (`everything -> /`) is not walked: it is
 *   listed, whatever its name, so that reading it reports where it leads.
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
      } else if (!entry.isSymbolicLink()) {
        // A FIFO, socket or device named like a postmortem: listed, so that reading it says why it is not read.
        if (name.endsWith('.md')) found.push(full);
      } else {
        let target: ReturnType<typeof statSync>;
        try {
          target = statSync(full);
        } catch {
          if (name.endsWith('.md')) found.push(full);
          continue;
        }
        if (target.isDirectory()) {
          if (name === 'node_modules') continue;
          let real: string;
          try {
            real = realpathSync.native(full);
          } catch {
            continue; // gone since: nothing to walk
          }
          if (isInside(real, root)) walk(full, real);
          else found.push(full);
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

/**
 * The folder a postmortem may not leave through a symbolic link: the content folder for a
 * file in it, else the configuration's folder for a file in that, else none (a file named
 * from elsewhere on the command line is the user's own choice).
 */
export function linkBoundary(file: string, content: string, root: string): string | undefined {
  if (isInside(file, content)) return content;
  return isInside(file, root) ? root : undefined;
}

export type PostmortemRead = { bytes: Buffer; text: string } | { problem: string };

/**
 * Reads a postmortem, or says why it cannot (src/lint/read.ts): only a regular file, only up to
 * the size limit of src/core/guard/ (a 1 GB file or /dev/zero must not fill the memory
 * first), and, within `within`, not through a link out of it. The text is the bytes as UTF-8,
 * invalid bytes read as U+FFFD, as the parser would see them anyway (`--fix` writes the bytes).
 */
export function readPostmortem(file: string, within?: string): PostmortemRead {
  const read = readRegularFile(file, { maxBytes: GUARD_LIMITS.maxBytes, within });
  if ('bytes' in read) return { bytes: read.bytes, text: read.bytes.toString('utf8') };
  if ('unreadable' in read) return { problem: `Cannot read this file: ${read.unreadable}.` };
  const size = read.tooLarge === null ? `larger than ${megabytes(GUARD_LIMITS.maxBytes)}` : megabytes(read.tooLarge);
  return {
    problem: `This file is ${size}; Hindsight reads files of at most ${megabytes(GUARD_LIMITS.maxBytes)}: move attached logs and data out of the postmortem (link to them), or split it.`,
  };
}

/** readPostmortem's text only. */
export function readPostmortemText(file: string, within?: string): { text: string } | { problem: string } {
  const read = readPostmortem(file, within);
  return 'text' in read ? { text: read.text } : read;
}

/** The warning for a file named on the command line that an ignore pattern leaves out (see FileSelection's onIgnored). */
export function ignoredWarning({ file, source }: { file: string; source: string }, cwd: string): string {
  return `warning: ${path.relative(cwd, file)} is not linted: it matches an ignore pattern in ${path.isAbsolute(source) ? path.relative(cwd, source) : source}.`;
}

/** A .gitignore or .hindsightignore: one the size of a real one at most, and only a regular file (never a FIFO that would wait). */
function readIgnoreFile(file: string): string | null {
  const read = readRegularFile(file, { maxBytes: MAX_IGNORE_FILE_BYTES });
  return 'bytes' in read ? read.bytes.toString('utf8') : null;
}

/** 1 MB: a .gitignore of 20,000 long lines. */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

/** Where the pattern that leaves a file out is (a file's path, or the configuration's `ignore`), or null when none does. */
type IgnoreMatcher = (file: string) => string | null;

/** The file of ignore patterns, in gitignore's syntax, read beside the configuration. */
export const HINDSIGHT_IGNORE = '.hindsightignore';

/**
 * What leaves a file out: the root's .gitignore, .hindsightignore and ignore globs (relative to
 * the root, read together in that order, so a later `!pattern` can take a file back), or a
 * .gitignore in a folder between the root and the file (relative to its own folder, as git
 * reads it). Files outside the root are never ignored.
 */
function ignoredUnder(root: string, globs: readonly string[]): IgnoreMatcher {
  const sources: { name: string; rules: Ignore }[] = [];
  for (const name of ['.gitignore', HINDSIGHT_IGNORE]) {
    const text = readIgnoreFile(path.join(root, name));
    if (text !== null) sources.push({ name: path.join(root, name), rules: ignore().add(text) });
  }
  if (globs.length > 0) sources.push({ name: 'the configuration\'s "ignore"', rules: ignore().add([...globs]) });
  const atRoot = ignore();
  for (const source of sources) atRoot.add(source.rules);
  const nested = new Map<string, Ignore | null>();
  const ignoreIn = (dir: string): Ignore | null => {
    let found = nested.get(dir);
    if (found === undefined) {
      const rules = readIgnoreFile(path.join(dir, '.gitignore'));
      found = rules === null ? null : ignore().add(rules);
      nested.set(dir, found);
    }
    return found;
  };
  return (file) => {
    const relative = path.relative(root, file);
    if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return null;
    const parts = relative.split(path.sep);
    const posix = parts.join('/');
    if (atRoot.ignores(posix)) return sources.findLast((source) => source.rules.ignores(posix))?.name ?? 'an ignore pattern';
    let dir = root;
    for (let i = 0; i < parts.length - 1; i++) {
      dir = path.join(dir, parts[i]!);
      if (ignoreIn(dir)?.ignores(parts.slice(i + 1).join('/'))) return path.join(dir, '.gitignore');
    }
    return null;
  };
}
