// The content folder's postmortems as the archive index keeps them (archive-index.ts): the
// choice selectFiles made, with what it depended on, so that a hook linting one file neither
// walks the folder nor tests each file against the ignore rules while nothing changed.
import { lstatSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { settledBefore } from '../../settled.ts';
import { contentHash } from '../cache.ts';
import { markdownUnder, selectFiles } from '../files.ts';

export interface ListingOptions {
  /** The configuration's folder. */
  root: string;
  content: string;
  ignore: readonly string[];
}

export interface ContentListing {
  content: string;
  ignore: readonly string[];
  /** A hash of every `*.md` under the content folder, ignored ones included (markdownUnder, sorted). */
  markdown: string;
  /** Each .gitignore that could decide about one of those files: its size and modification time, or null where there is none. */
  gitignores: Record<string, [number, number] | null>;
  /** The files selectFiles chose of those (absolute). */
  selected: string[];
  /**
   * Every folder the walk enters (inode and modification time), stat'ed at `foldersAt`, before
   * the walk: while none has changed, neither has the list of `*.md` files, and the folder is not
   * walked again. Absent when the walk meets a symbolic link (whose target may change unseen).
   */
  folders?: Record<string, [number, number]>;
  foldersAt?: number;
}

/**
 * The postmortems of the content folder, as selectFiles chooses them (the ignore globs and the
 * .gitignore files between the root and each file). Choosing costs several times what walking
 * the folder does (a relative path and an ignore test per file: most of a one-file lint's
 * archive share at 2,000 files), so the choice is kept in the index with what it depended
 * on, and made again only when one of those differs: the same `*.md` files under the folder,
 * the same content folder and globs, and each .gitignore on their paths unchanged (size and
 * modification time, and not modified within the clock's resolution of the index's writing).
 * Walking the folder cost as much again: while no folder under it has changed (a `stat` of
 * each), the `*.md` files are those recorded, and it is not walked.
 */
export async function listContent(
  options: ListingOptions,
  known: ContentListing | undefined,
  savedAt: number,
): Promise<{ listing: ContentListing; reused: boolean }> {
  const prefix = options.root.endsWith(path.sep) ? options.root : options.root + path.sep;
  // Nothing added, removed or renamed under the folder: the same `*.md` files as recorded,
  // so the same .gitignore files could decide about them.
  if (
    known !== undefined &&
    known.content === options.content &&
    typeof known.gitignores === 'object' &&
    known.gitignores !== null &&
    sameFolders(known.folders, known.foldersAt, options.content)
  ) {
    const gitignores: ContentListing['gitignores'] = {};
    for (const dir of Object.keys(known.gitignores))
      if (dir === options.root || dir.startsWith(prefix)) gitignores[dir] = gitignoreState(path.join(dir, '.gitignore'));
    if (reusableListing(known, options, known.markdown, gitignores, savedAt)) return { listing: { ...known, gitignores }, reused: true };
  }
  const foldersAt = Date.now();
  const folders = folderStates(options.content);
  const everyMarkdown = markdownUnder(options.content).sort();
  const markdown = contentHash(everyMarkdown.join('\n'));
  const gitignores: ContentListing['gitignores'] = {};
  for (const file of everyMarkdown) {
    if (!file.startsWith(prefix)) continue; // outside the root nothing is ignored
    for (let dir = path.dirname(file); dir.length >= options.root.length && !Object.hasOwn(gitignores, dir); dir = path.dirname(dir)) {
      gitignores[dir] = gitignoreState(path.join(dir, '.gitignore'));
      if (dir.length === options.root.length) break;
    }
  }
  const reusable = known !== undefined && reusableListing(known, options, markdown, gitignores, savedAt);
  const selected = reusable
    ? known.selected
    : // Absolute and normalised already.
      await selectFiles({ cwd: options.root, root: options.root, paths: [], contentFolder: options.content, ignoreGlobs: options.ignore });
  const listing: ContentListing = { content: options.content, ignore: [...options.ignore], markdown, gitignores, selected };
  if (folders !== null) Object.assign(listing, { folders, foldersAt });
  // Folder states newly taken are recorded (the index is written).
  return { listing, reused: reusable && folders === null && known.folders === undefined };
}

function reusableListing(known: ContentListing, options: ListingOptions, markdown: string, gitignores: ContentListing['gitignores'], savedAt: number): boolean {
  return (
    known.content === options.content &&
    known.markdown === markdown &&
    JSON.stringify(known.ignore) === JSON.stringify(options.ignore) &&
    sameGitignores(known.gitignores, gitignores, savedAt) &&
    Array.isArray(known.selected) &&
    known.selected.every((file) => typeof file === 'string')
  );
}

/**
 * The inode and modification time of every folder markdownUnder would walk (no dot folders,
 * no node_modules), or null when one of them holds a symbolic link, or the folder is one:
 * a link's target can change without any folder's modification time changing.
 */
function folderStates(folder: string): Record<string, [number, number]> | null {
  const states: Record<string, [number, number]> = {};
  const walk = (dir: string): boolean => {
    let stat: Stats | undefined;
    let entries: Dirent[];
    try {
      stat = lstatSync(dir, { throwIfNoEntry: false });
      if (!stat?.isDirectory()) return false;
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    states[dir] = [stat.ino, stat.mtimeMs];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isSymbolicLink()) return false;
      if (entry.isDirectory() && entry.name !== 'node_modules' && !walk(path.join(dir, entry.name))) return false;
    }
    return true;
  };
  return walk(path.normalize(folder)) ? states : null;
}

/** Whether every recorded folder is as it was, and was last modified well before it was recorded (git's racy rule). */
function sameFolders(known: unknown, at: unknown, content: string): boolean {
  if (typeof known !== 'object' || known === null || typeof at !== 'number' || !Object.hasOwn(known, path.normalize(content))) return false;
  for (const [dir, state] of Object.entries(known as Record<string, unknown>)) {
    if (!Array.isArray(state)) return false;
    let stat: Stats | undefined;
    try {
      stat = statSync(dir, { throwIfNoEntry: false });
    } catch {
      return false;
    }
    if (!stat?.isDirectory() || stat.ino !== state[0] || stat.mtimeMs !== state[1] || !settledBefore(stat.mtimeMs, at)) return false;
  }
  return true;
}

function gitignoreState(file: string): [number, number] | null {
  try {
    const stat = statSync(file, { throwIfNoEntry: false });
    return stat ? [stat.size, stat.mtimeMs] : null;
  } catch {
    return [-1, -1]; // cannot tell: never equal to a recorded state
  }
}

function sameGitignores(known: unknown, now: ContentListing['gitignores'], savedAt: number): boolean {
  if (typeof known !== 'object' || known === null) return false;
  const recorded = known as Record<string, unknown>;
  const dirs = Object.keys(now);
  if (Object.keys(recorded).length !== dirs.length) return false;
  for (const dir of dirs) {
    const state = now[dir]!;
    const then = Object.hasOwn(recorded, dir) ? recorded[dir] : undefined;
    if (state === null ? then !== null : !Array.isArray(then) || then[0] !== state[0] || then[1] !== state[1] || !settledBefore(state[1], savedAt))
      return false;
  }
  return true;
}
