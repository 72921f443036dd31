// Loads the archive index for a lint run in which a cross-file rule is active: every
// postmortem of the content folder (and the files being linted), read cheaply (archive/entry.ts)
// and cached in `archive-index.json` beside the lint cache, so that a hook linting one file
// does not read the whole archive again:
//
// - an entry is reused without reading its file when the file's size and modification time
//   are those recorded, and the recording was made well after that modification time (a file
//   changed again within the clock's resolution is read: git's "racy" rule);
// - otherwise the file is read, and its entry is reused when its content hash is unchanged;
// - otherwise the file is indexed again.
//
// The index cache is on whenever a cross-file rule is: with `--cache` it is kept beside the
// lint cache (`archive-index.json`, where CI keeps its caches); without, nothing is written
// into the project (the contract of running without --cache) and it is kept per
// configuration folder in this user's own cache folder (bin/private-folder.js: checked to be
// this user's alone, never a folder another user could plant files in), whatever the
// archive's size (even for 12 files the cache is read faster than the files); files there
// that have not been written for a month are removed. No such folder: no index cache.
// A cache that cannot be read or written, or is not what Hindsight writes (cache-file.ts, and
// every entry checked), is only slower, never an error. Its key is Hindsight's version, the
// index format and the section aliases (which decide what the root-cause section is).
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, rmSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { userCacheFolder } from '../../bin/private-folder.js';
import type { SectionKind } from '../core/model.ts';
import { Archive, indexEntry, localMarkdownTarget, normalisedAliases, type ArchiveEntry, type ArchiveNeed } from './archive/index.ts';
import { readCacheFile, writeCacheFile } from './cache-file.ts';
import { cacheKey, contentHash } from './cache.ts';
import { linkBoundary, markdownUnder, readPostmortemText, selectFiles } from './files.ts';

export const INDEX_FILE = 'archive-index.json';
/** Bumped whenever what an entry holds changes. */
const INDEX_FORMAT = 3;
/** Coarsest modification-time resolution trusted (FAT: 2 s). */
const RACY_MS = 2000;

export interface ArchiveLoadOptions {
  /** The configuration's folder: paths in the index and in messages are relative to it. */
  root: string;
  /** The content folder (every `*.md` under it, less the ignored ones, is the archive). */
  content: string;
  ignore: readonly string[];
  /** The files being linted: part of the archive even outside the content folder. */
  files: readonly string[];
  need: ArchiveNeed;
  sectionAliases: ReadonlyMap<string, SectionKind>;
  /** The index cache file; null: none. */
  indexFile: string | null;
  /** Keep no index cache for an archive of fewer files than this (reading them costs less than the cache). Default 0. */
  cacheFrom?: number;
  version: string;
  /** Called every few files read (run.ts holds the main thread's young generation with it). */
  onProgress?: () => void;
}

export interface LoadedArchive {
  archive: Archive;
  /** A hash of everything the cross-file rules read: part of the lint cache's key (computed when first read). */
  readonly digest: string;
  /** Files indexed, and of those read from disk in this run (the rest came from the cache by `stat`). */
  stats: { files: number; read: number; indexed: number };
}

interface CachedEntry {
  hash: string;
  size: number;
  mtimeMs: number;
  entry: Omit<ArchiveEntry, 'filePath'>;
}

interface IndexCacheFile {
  key: string;
  savedAt: number;
  files: Record<string, CachedEntry>;
  /** The content folder's postmortems as selectFiles chose them, and what that choice depended on. */
  listing?: ContentListing;
}

interface ContentListing {
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
 * The index cache's path: beside the lint cache with `--cache`; else in this user's cache
 * folder, one file per configuration folder; null when this user has none to trust.
 */
export function indexFileFor(lintCacheFile: string, root: string, withCache: boolean, userFolder: () => string | null = userCacheFolder): string | null {
  if (withCache) return path.join(path.dirname(lintCacheFile), INDEX_FILE);
  const folder = userFolder();
  if (folder === null) return null;
  const project = createHash('sha1').update(path.resolve(root)).digest('hex').slice(0, 16);
  return path.join(folder, `${USER_PREFIX}${project}.json`);
}

const USER_PREFIX = 'archive-index-';
/** Index files in the user's folder not written for this long are removed. */
const USER_MAX_AGE_MS = 30 * 86_400_000;

/** Removes the user folder's index files of projects not linted for a month. */
function pruneUserFolder(written: string): void {
  if (!path.basename(written).startsWith(USER_PREFIX)) return;
  const folder = path.dirname(written);
  try {
    for (const name of readdirSync(folder)) {
      if (!name.startsWith(USER_PREFIX)) continue;
      const file = path.join(folder, name);
      if (file !== written && Date.now() - lstatSync(file).mtimeMs > USER_MAX_AGE_MS) rmSync(file, { force: true });
    }
  } catch {
    // Pruning is housekeeping only.
  }
}

export async function loadArchive(options: ArchiveLoadOptions): Promise<LoadedArchive> {
  const key = cacheKey([INDEX_FORMAT, options.version, [...options.sectionAliases]]);
  const fromFile = options.indexFile !== null ? readIndexCache(options.indexFile, key) : { key, savedAt: 0, files: {} };
  const files = new Set<string>(options.files.map((f) => path.resolve(f)));
  let listing: ContentListing | undefined;
  let listed = true; // the listing recorded in the index file still holds
  if (existsSync(options.content)) {
    ({ listing, reused: listed } = await listContent(options, fromFile));
    for (const file of listing.selected) files.add(file);
  }
  const aliases = normalisedAliases(options.sectionAliases);
  const indexFile = files.size >= (options.cacheFrom ?? 0) ? options.indexFile : null;
  const stored = indexFile !== null ? fromFile : { key, savedAt: 0, files: {} };
  const next: IndexCacheFile = { key, savedAt: 0, files: {}, listing };
  let dirty = !listed;
  let read = 0;
  let indexed = 0;
  const entries: ArchiveEntry[] = [];
  for (const filePath of [...files].sort()) {
    const name = keyOf(options.root, filePath);
    let stat: Stats | undefined;
    try {
      stat = statSync(filePath, { throwIfNoEntry: false });
    } catch {
      continue; // A link loop, a folder it may not enter: the lint of that file, if it is linted, says why.
    }
    if (!stat?.isFile()) continue;
    const known = Object.hasOwn(stored.files, name) ? checkedEntry(stored.files[name]) : undefined;
    const usable = known !== undefined && (options.need !== 'root-cause' || known.entry.rootCause !== undefined);
    if (usable && known.size === stat.size && known.mtimeMs === stat.mtimeMs && stored.savedAt - stat.mtimeMs > RACY_MS) {
      next.files[name] = known;
      entries.push({ ...known.entry, filePath });
      continue;
    }
    // Unreadable or past the size limit: the lint of that file, if it is linted, says so.
    const readText = readPostmortemText(filePath, linkBoundary(filePath, options.content, options.root));
    if (!('text' in readText)) continue;
    const text = readText.text;
    if (++read % 32 === 0) options.onProgress?.();
    dirty = true; // A new modification time (or a racy one, now settled) is recorded.
    const hash = contentHash(text);
    if (usable && known.hash === hash) {
      next.files[name] = { ...known, size: stat.size, mtimeMs: stat.mtimeMs };
      entries.push({ ...known.entry, filePath });
      continue;
    }
    indexed++;
    const entry = indexEntry(filePath, text, options.need, aliases);
    const { filePath: _, ...rest } = entry;
    next.files[name] = { hash, size: stat.size, mtimeMs: stat.mtimeMs, entry: rest };
    entries.push(entry);
  }
  if (indexFile !== null && (dirty || Object.keys(stored.files).length !== Object.keys(next.files).length)) writeIndexCache(indexFile, next);
  if (options.need === 'index') for (const entry of entries) delete entry.rootCause;
  let digest: string | undefined;
  return {
    archive: new Archive(options.root, entries, aliases),
    // Only a run with --cache reads it (hashing every entry and looking for the files of links that leave the archive).
    get digest() {
      digest ??= archiveDigest(options.root, entries);
      return digest;
    },
    stats: { files: entries.length, read, indexed },
  };
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
async function listContent(options: ArchiveLoadOptions, stored: IndexCacheFile): Promise<{ listing: ContentListing; reused: boolean }> {
  const known = stored.listing;
  const prefix = options.root.endsWith(path.sep) ? options.root : options.root + path.sep;
  // Nothing added, removed or renamed under the folder: the same `*.md` files as recorded,
  // so the same .gitignore files could decide about them.
  if (known !== undefined && known.content === options.content && sameFolders(known.folders, known.foldersAt)) {
    const gitignores: ContentListing['gitignores'] = {};
    for (const dir of Object.keys(known.gitignores)) if (dir === options.root || dir.startsWith(prefix)) gitignores[dir] = gitignoreState(path.join(dir, '.gitignore'));
    if (reusableListing(known, options, known.markdown, gitignores, stored.savedAt)) return { listing: { ...known, gitignores }, reused: true };
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
  const reusable = known !== undefined && reusableListing(known, options, markdown, gitignores, stored.savedAt);
  const selected = reusable
    ? known.selected
    : // Absolute and normalised already.
      await selectFiles({ cwd: options.root, root: options.root, paths: [], contentFolder: options.content, ignoreGlobs: options.ignore });
  const listing: ContentListing = { content: options.content, ignore: [...options.ignore], markdown, gitignores, selected };
  if (folders !== null) Object.assign(listing, { folders, foldersAt });
  // Folder states newly taken are recorded (the index is written).
  return { listing, reused: reusable && folders === null && known.folders === undefined };
}

function reusableListing(
  known: ContentListing,
  options: ArchiveLoadOptions,
  markdown: string,
  gitignores: ContentListing['gitignores'],
  savedAt: number,
): boolean {
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
function sameFolders(known: unknown, at: unknown): boolean {
  if (typeof known !== 'object' || known === null || typeof at !== 'number') return false;
  for (const [dir, state] of Object.entries(known as Record<string, unknown>)) {
    if (!Array.isArray(state)) return false;
    let stat: Stats | undefined;
    try {
      stat = statSync(dir, { throwIfNoEntry: false });
    } catch {
      return false;
    }
    if (!stat?.isDirectory() || stat.ino !== state[0] || stat.mtimeMs !== state[1] || at - stat.mtimeMs <= RACY_MS) return false;
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
    if (state === null ? then !== null : !Array.isArray(then) || then[0] !== state[0] || then[1] !== state[1] || savedAt - state[1] <= RACY_MS) return false;
  }
  return true;
}

function keyOf(root: string, filePath: string): string {
  // Most files are under the root: a slice is much cheaper than path.relative.
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  const relative = filePath.startsWith(prefix) ? filePath.slice(prefix.length) : path.relative(root, filePath);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

function readIndexCache(file: string, key: string): IndexCacheFile {
  try {
    const text = readCacheFile(file);
    const stored = text === null ? null : (JSON.parse(text) as Partial<IndexCacheFile> | null);
    if (
      stored &&
      stored.key === key &&
      typeof stored.savedAt === 'number' &&
      typeof stored.files === 'object' &&
      stored.files !== null &&
      !Array.isArray(stored.files)
    ) {
      const listing = typeof stored.listing === 'object' && stored.listing !== null ? stored.listing : undefined;
      return { key, savedAt: stored.savedAt, files: stored.files, listing };
    }
  } catch {
    // Not JSON: start afresh.
  }
  return { key, savedAt: 0, files: {} };
}

/** An entry of the index file as Hindsight writes it, else undefined (the file is read again). */
function checkedEntry(value: unknown): CachedEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { hash, size, mtimeMs, entry } = value as Partial<CachedEntry>;
  if (typeof hash !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof entry !== 'object' || entry === null) return undefined;
  const text = (v: unknown): boolean => v === null || typeof v === 'string';
  const texts = (v: unknown): boolean => Array.isArray(v) && v.every((item) => typeof item === 'string');
  const rootCause = entry.rootCause;
  if (!text(entry.id) || !text(entry.title) || !text(entry.date) || !texts(entry.services) || !texts(entry.related)) return undefined;
  if (entry.links !== undefined && !texts(entry.links)) return undefined;
  if (
    rootCause !== undefined &&
    rootCause !== null &&
    (typeof rootCause !== 'object' || typeof rootCause.line !== 'number' || typeof rootCause.text !== 'string')
  )
    return undefined;
  return value as CachedEntry;
}

function writeIndexCache(file: string, data: IndexCacheFile): void {
  try {
    writeCacheFile(file, JSON.stringify({ ...data, savedAt: Date.now() }));
    pruneUserFolder(file);
  } catch {
    // Only slower next time.
  }
}

/**
 * A hash of what the cross-file rules read: every entry, and whether each body link that
 * points outside the archive leads to an existing file.
 */
export function archiveDigest(root: string, entries: readonly ArchiveEntry[]): string {
  const hash = createHash('sha1');
  const paths = new Set(entries.map((e) => e.filePath));
  for (const entry of entries) {
    const outside = (entry.links ?? []).map((link) => {
      const target = path.resolve(path.dirname(entry.filePath), localMarkdownTarget(link) ?? link);
      return paths.has(target) ? null : [link, existsSync(target)];
    });
    hash.update(
      JSON.stringify([keyOf(root, entry.filePath), entry.id, entry.title, entry.date, entry.services, entry.related, entry.rootCause ?? null, outside]),
    );
  }
  return hash.digest('base64url');
}
