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
import { existsSync, lstatSync, readdirSync, rmSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { userCacheFolder } from '../../bin/private-folder.js';
import type { SectionKind } from '../core/model.ts';
import { Archive, indexEntry, localMarkdownTarget, normalisedAliases, type ArchiveEntry, type ArchiveNeed } from './archive/index.ts';
import { listContent, RACY_MS, type ContentListing } from './archive/listing.ts';
import { readCacheFile, writeCacheFile } from './cache-file.ts';
import { cacheKey, contentHash } from './cache.ts';
import { linkBoundary, readPostmortemText } from './files.ts';

export const INDEX_FILE = 'archive-index.json';
/** Bumped whenever what an entry holds changes. */
const INDEX_FORMAT = 4;

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

/**
 * A postmortem in the index file: a row, so that no property name is written (and parsed)
 * once per postmortem. Links: 0 for none; root cause: [line, text], null for none, 0 when not read.
 */
type Row = [
  hash: string,
  size: number,
  mtimeMs: number,
  id: string | null,
  title: string | null,
  date: string | null,
  services: string[],
  related: string[],
  links: string[] | 0,
  rootCause: [number, string] | null | 0,
];

interface IndexCacheFile {
  key: string;
  savedAt: number;
  /** By path relative to the root (keyOf). */
  files: Record<string, unknown>;
  /** The content folder's postmortems as selectFiles chose them, and what that choice depended on. */
  listing?: ContentListing;
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
    ({ listing, reused: listed } = await listContent(options, fromFile.listing, fromFile.savedAt));
    for (const file of listing.selected) files.add(file);
  }
  const aliases = normalisedAliases(options.sectionAliases);
  const indexFile = files.size >= (options.cacheFrom ?? 0) ? options.indexFile : null;
  const stored = indexFile !== null ? fromFile : { key, savedAt: 0, files: {} };
  let dirty = !listed;
  let read = 0;
  let indexed = 0;
  const entries: ArchiveEntry[] = [];
  // What the index file will hold: the rows read (as they were) and new ones, by name.
  const names: string[] = [];
  const rows: Row[] = [];
  const need = options.need;
  for (const filePath of [...files].sort()) {
    const name = keyOf(options.root, filePath);
    let stat: Stats | undefined;
    try {
      stat = statSync(filePath, { throwIfNoEntry: false });
    } catch {
      continue; // A link loop, a folder it may not enter: the lint of that file, if it is linted, says why.
    }
    if (!stat?.isFile()) continue;
    const row = Object.hasOwn(stored.files, name) ? stored.files[name] : undefined;
    const known = row === undefined ? undefined : rowEntry(row, filePath, need);
    if (known !== undefined && known[0][1] === stat.size && known[0][2] === stat.mtimeMs && stored.savedAt - stat.mtimeMs > RACY_MS) {
      names.push(name);
      rows.push(known[0]);
      entries.push(known[1]);
      continue;
    }
    // Unreadable or past the size limit: the lint of that file, if it is linted, says so.
    const readText = readPostmortemText(filePath, linkBoundary(filePath, options.content, options.root));
    if (!('text' in readText)) continue;
    const text = readText.text;
    if (++read % 32 === 0) options.onProgress?.();
    dirty = true; // A new modification time (or a racy one, now settled) is recorded.
    const hash = contentHash(text);
    names.push(name);
    if (known !== undefined && known[0][0] === hash) {
      const [, , , ...rest] = known[0];
      rows.push([hash, stat.size, stat.mtimeMs, ...rest]);
      entries.push(known[1]);
      continue;
    }
    indexed++;
    const entry = indexEntry(filePath, text, need, aliases);
    rows.push(rowOf(hash, stat, entry));
    entries.push(entry);
  }
  if (indexFile !== null && (dirty || Object.keys(stored.files).length !== rows.length)) {
    const written: Record<string, Row> = {};
    for (let i = 0; i < names.length; i++) written[names[i]!] = rows[i]!;
    writeIndexCache(indexFile, { key, savedAt: 0, files: written, listing });
  }
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

/**
 * A row of the index file as Hindsight writes it, with the entry of `filePath` it holds (its
 * root cause only when `need` asks for it); else undefined, also when the row lacks the root
 * cause asked for (the file is read again).
 */
function rowEntry(value: unknown, filePath: string, need: ArchiveNeed): [Row, ArchiveEntry] | undefined {
  if (!Array.isArray(value) || value.length !== 10) return undefined;
  const [hash, size, mtimeMs, id, title, date, services, related, links, rootCause] = value as unknown[];
  if (typeof hash !== 'string' || typeof size !== 'number' || typeof mtimeMs !== 'number') return undefined;
  if (!text(id) || !text(title) || !text(date) || !texts(services) || !texts(related) || (links !== 0 && !texts(links))) return undefined;
  const readRootCause =
    rootCause === null || (Array.isArray(rootCause) && rootCause.length === 2 && typeof rootCause[0] === 'number' && typeof rootCause[1] === 'string');
  if (!readRootCause && rootCause !== 0) return undefined;
  const entry: ArchiveEntry = { filePath, id, title, date, services, related };
  if (links !== 0) entry.links = links;
  if (need === 'root-cause') {
    if (!readRootCause) return undefined;
    entry.rootCause = rootCause && { line: rootCause[0] as number, text: rootCause[1] as string };
  }
  return [value as Row, entry];
}

const text = (value: unknown): value is string | null => value === null || typeof value === 'string';
const texts = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function rowOf(hash: string, stat: Stats, entry: ArchiveEntry): Row {
  const rootCause = entry.rootCause === undefined ? 0 : entry.rootCause && ([entry.rootCause.line, entry.rootCause.text] as [number, string]);
  return [hash, stat.size, stat.mtimeMs, entry.id, entry.title, entry.date, entry.services, entry.related, entry.links ?? 0, rootCause];
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
