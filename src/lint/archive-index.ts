// Loads the archive index for a lint run in which a cross-file rule is active: every
// postmortem of the content folder (and the files being linted), read cheaply (archive.ts)
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
// into the project (the contract of running without --cache) and it is kept per user and
// per configuration folder in the system's temporary folder, as Node keeps its compile cache,
// whatever the archive's size (even for 12 files the cache is read faster than the files);
// files there that have not been written for a month are removed.
// A cache that cannot be read or written is only slower, never an error. Its key is
// Hindsight's version, the index format and the section aliases (which decide what the
// root-cause section is).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SectionKind } from '../core/model.ts';
import { Archive, indexEntry, localMarkdownTarget, normalisedAliases, type ArchiveEntry, type ArchiveNeed } from './archive.ts';
import { cacheKey, contentHash } from './cache.ts';
import { linkBoundary, readPostmortemText, selectFiles } from './files.ts';

export const INDEX_FILE = 'archive-index.json';
/** Bumped whenever what an entry holds changes. */
const INDEX_FORMAT = 2;
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
  /** The index cache file. */
  indexFile: string;
  /** Keep no index cache for an archive of fewer files than this (reading them costs less than the cache). Default 0. */
  cacheFrom?: number;
  version: string;
}

export interface LoadedArchive {
  archive: Archive;
  /** A hash of everything the cross-file rules read: part of the lint cache's key. */
  digest: string;
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
}

/**
 * The index cache's path: beside the lint cache with `--cache`; else in the temporary
 * folder, one file per user and configuration folder.
 */
export function indexFileFor(lintCacheFile: string, root: string, withCache: boolean): string {
  if (withCache) return path.join(path.dirname(lintCacheFile), INDEX_FILE);
  const folder = createHash('sha1').update(path.resolve(root)).digest('hex').slice(0, 16);
  return path.join(temporaryFolder(), `${TEMPORARY_PREFIX}${folder}.json`);
}

const TEMPORARY_PREFIX = 'archive-index-';
/** Index files in the temporary folder not written for this long are removed. */
const TEMPORARY_MAX_AGE_MS = 30 * 86_400_000;

function temporaryFolder(): string {
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : os.userInfo().username;
  return path.join(os.tmpdir(), `hindsight-${user}`);
}

/** Removes the temporary folder's index files of projects not linted for a month. */
function pruneTemporary(written: string): void {
  const folder = path.dirname(written);
  if (folder !== temporaryFolder()) return;
  try {
    for (const name of readdirSync(folder)) {
      if (!name.startsWith(TEMPORARY_PREFIX)) continue;
      const file = path.join(folder, name);
      if (file !== written && Date.now() - statSync(file).mtimeMs > TEMPORARY_MAX_AGE_MS) rmSync(file, { force: true });
    }
  } catch {
    // Pruning is housekeeping only.
  }
}

export async function loadArchive(options: ArchiveLoadOptions): Promise<LoadedArchive> {
  const files = new Set<string>(options.files.map((f) => path.resolve(f)));
  if (existsSync(options.content)) {
    // Absolute and normalised already.
    for (const file of await selectFiles({ cwd: options.root, root: options.root, paths: [], contentFolder: options.content, ignoreGlobs: options.ignore })) files.add(file);
  }
  const aliases = normalisedAliases(options.sectionAliases);
  const key = cacheKey([INDEX_FORMAT, options.version, [...options.sectionAliases]]);
  const cached = files.size >= (options.cacheFrom ?? 0);
  const stored = cached ? readIndexCache(options.indexFile, key) : { key, savedAt: 0, files: {} };
  const next: IndexCacheFile = { key, savedAt: 0, files: {} };
  let dirty = false;
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
    if (!stat || !stat.isFile()) continue;
    const known = stored.files[name];
    const usable = known !== undefined && (options.need !== 'root-cause' || known.entry.rootCause !== undefined);
    if (usable && known.size === stat.size && known.mtimeMs === stat.mtimeMs && stored.savedAt - stat.mtimeMs > RACY_MS) {
      next.files[name] = known;
      entries.push({ filePath, ...known.entry });
      continue;
    }
    // Unreadable or past the size limit: the lint of that file, if it is linted, says so.
    const readText = readPostmortemText(filePath, linkBoundary(filePath, options.content, options.root));
    if (!('text' in readText)) continue;
    const text = readText.text;
    read++;
    dirty = true; // A new modification time (or a racy one, now settled) is recorded.
    const hash = contentHash(text);
    if (usable && known.hash === hash) {
      next.files[name] = { ...known, size: stat.size, mtimeMs: stat.mtimeMs };
      entries.push({ filePath, ...known.entry });
      continue;
    }
    indexed++;
    const entry = indexEntry(filePath, text, options.need, aliases);
    const { filePath: _, ...rest } = entry;
    next.files[name] = { hash, size: stat.size, mtimeMs: stat.mtimeMs, entry: rest };
    entries.push(entry);
  }
  if (cached && (dirty || Object.keys(stored.files).length !== Object.keys(next.files).length)) writeIndexCache(options.indexFile, next);
  if (options.need === 'index') for (const entry of entries) delete entry.rootCause;
  return {
    archive: new Archive(options.root, entries, aliases),
    digest: archiveDigest(options.root, entries),
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
    // Only a file of this user's (the temporary folder is shared).
    if (typeof process.getuid === 'function' && statSync(file).uid !== process.getuid()) throw new Error('not ours');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as IndexCacheFile;
    if (stored && stored.key === key && typeof stored.savedAt === 'number' && typeof stored.files === 'object' && stored.files !== null) return stored;
  } catch {
    // No index yet, or an unreadable one: start afresh.
  }
  return { key, savedAt: 0, files: {} };
}

function writeIndexCache(file: string, data: IndexCacheFile): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, JSON.stringify({ ...data, savedAt: Date.now() }), { mode: 0o600 });
    renameSync(temporary, file);
    pruneTemporary(file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder itself could not be made: nothing was written.
    }
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
    hash.update(JSON.stringify([keyOf(root, entry.filePath), entry.id, entry.title, entry.date, entry.services, entry.related, entry.rootCause ?? null, outside]));
  }
  return hash.digest('base64url');
}
