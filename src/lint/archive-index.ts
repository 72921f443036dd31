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
import { existsSync, lstatSync, readdirSync, rmSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { userCacheFolder } from '../../bin/private-folder.js';
import type { SectionKind } from '../core/model.ts';
import { Archive, indexEntry, localMarkdownTarget, normalisedAliases, type ArchiveEntry, type ArchiveNeed } from './archive/index.ts';
import { LINES, rootCauseCell, rootCauseOf, rowLines, StoredRows, type RowRest, type StoredRow } from './archive/stored-rows.ts';
import type { ArchiveTable } from './archive/table.ts';
import { listContent, type ContentListing } from './archive/listing.ts';
import { settledBefore } from '../settled.ts';
import { readCacheFile, writeCacheFile } from './cache-file.ts';
import { contentHash } from './cache.ts';
import { linkBoundary, readPostmortemText } from './files.ts';

// node:crypto is loaded on first use, not by an import: a hook's one-file lint needs none of it.
const nodeCrypto = () => process.getBuiltinModule('node:crypto');

export const INDEX_FILE = 'archive-index.json';
/** Bumped whenever what an entry holds changes. */
const INDEX_FORMAT = 5;

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
  /** Keep the texts of the files being linted that it reads, up to this many characters in all (default 0), for the lint to take. */
  keepTexts?: number;
}

export interface LoadedArchive {
  archive: Archive;
  /** A hash of everything the cross-file rules read: part of the lint cache's key (computed when first read). */
  readonly digest: string;
  /** Files indexed, and of those read from disk in this run (the rest came from the cache by `stat`). */
  stats: { files: number; read: number; indexed: number };
  /** The size in bytes of the files being linted (`files` of the options) that it found. */
  lintedBytes: number;
  /** The texts kept (`keepTexts`), by absolute path. */
  texts: Map<string, string>;
}

/**
 * The index cache's path: beside the lint cache with `--cache`; else in this user's cache
 * folder, one file per configuration folder; null when this user has none to trust.
 */
export function indexFileFor(lintCacheFile: string, root: string, withCache: boolean, userFolder: () => string | null = userCacheFolder): string | null {
  if (withCache) return path.join(path.dirname(lintCacheFile), INDEX_FILE);
  const folder = userFolder();
  if (folder === null) return null;
  // zlib's crc32, not a sha1: node:crypto takes 4–5 ms of a hook's run to load, zlib 1 ms. Two
  // projects given one file (1 in 4 billion) only slow each other: a row is reused only for a
  // file of the same relative path, size and time, and the listing only for the same folder.
  const project = process.getBuiltinModule('node:zlib').crc32(path.resolve(root)).toString(16).padStart(8, '0');
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
  // The key as it is, not hashed: it is short, and comparing it needs no node:crypto.
  const key = JSON.stringify([INDEX_FORMAT, options.version, [...options.sectionAliases]]);
  const fromFile = options.indexFile !== null ? readIndexCache(options.indexFile, key) : NO_INDEX;
  const linted = new Set<string>(options.files.map((f) => path.resolve(f)));
  const files = new Set<string>(linted);
  let lintedBytes = 0;
  const texts = new Map<string, string>();
  // Of those, the ones whose entry was read here: the lint's self() takes that entry.
  const reads: { filePath: string; text: string; entry: ArchiveEntry }[] = [];
  let textRoom = options.keepTexts ?? 0;
  let listing: ContentListing | undefined;
  let listed = true; // the listing recorded in the index file still holds
  if (existsSync(options.content)) {
    ({ listing, reused: listed } = await listContent(options, fromFile.listing, fromFile.savedAt));
    for (const file of listing.selected) files.add(file);
  }
  const aliases = normalisedAliases(options.sectionAliases);
  const indexFile = files.size >= (options.cacheFrom ?? 0) ? options.indexFile : null;
  const stored = indexFile !== null ? fromFile.rows : null;
  const need = options.need;
  let dirty = !listed;
  let read = 0;
  let indexed = 0;
  // The archive, row by row: each file's row of the index (-1: none), else its new entry.
  const kept: string[] = [];
  const rowOf: number[] = [];
  const fresh: (ArchiveEntry | undefined)[] = [];
  const hashes: (string | undefined)[] = [];
  const stats: number[] = [];
  const rowFor = storedRowFinder(options.root, stored);
  for (const filePath of [...files].sort()) {
    let stat: Stats | undefined;
    try {
      stat = statSync(filePath, NO_THROW);
    } catch {
      continue; // A link loop, a folder it may not enter: the lint of that file, if it is linted, says why.
    }
    if (!stat?.isFile()) continue;
    if (linted.has(filePath)) lintedBytes += stat.size;
    let row = rowFor(filePath);
    // For recurrence, a row recorded without its root cause is no row.
    if (row !== -1 && need === 'root-cause' && (stored!.rest(row)?.[3] ?? 0) === 0) row = -1;
    if (row !== -1 && stored!.size(row) === stat.size && stored!.mtimeMs(row) === stat.mtimeMs && settledBefore(stat.mtimeMs, fromFile.savedAt)) {
      kept.push(filePath);
      rowOf.push(row);
      fresh.push(undefined);
      hashes.push(undefined);
      stats.push(stat.size, stat.mtimeMs);
      continue;
    }
    // Unreadable or past the size limit: the lint of that file, if it is linted, says so.
    const readText = readPostmortemText(filePath, linkBoundary(filePath, options.content, options.root));
    if (!('text' in readText)) continue;
    const text = readText.text;
    const keep = text.length <= textRoom && linted.has(filePath);
    if (keep) {
      texts.set(filePath, text);
      textRoom -= text.length;
    }
    if (++read % 32 === 0) options.onProgress?.();
    dirty = true; // A new modification time (or a racy one, now settled) is recorded.
    const hash = contentHash(text);
    kept.push(filePath);
    hashes.push(hash);
    stats.push(stat.size, stat.mtimeMs);
    if (row !== -1 && stored!.hash(row) === hash) {
      rowOf.push(row);
      fresh.push(undefined);
      continue;
    }
    indexed++;
    rowOf.push(-1);
    const entry = indexEntry(filePath, text, need, aliases);
    fresh.push(entry);
    if (keep) reads.push({ filePath, text, entry });
  }
  const table = new LoadedTable(kept, rowOf, fresh, stored, need, (filePath) => readEntry(filePath, options, aliases));
  if (indexFile !== null && (dirty || (stored?.count ?? 0) !== kept.length)) {
    const rows: StoredRow[] = [];
    for (let i = 0; i < kept.length; i++) {
      const row = table.storedRow(i, hashes[i], stats[2 * i]!, stats[2 * i + 1]!, options.root);
      if (row !== undefined) rows.push(row); // else read again next time
    }
    writeIndexCache(indexFile, { key, listing, count: rows.length }, rows);
  }
  let digest: string | undefined;
  const archive = new Archive(options.root, table, aliases);
  for (const read of reads) archive.knowRead(read.filePath, read.text, need, read.entry);
  return {
    archive,
    // Only a run with --cache reads it (hashing every entry and looking for the files of links that leave the archive).
    get digest() {
      digest ??= archiveDigest(options.root, archive.entries);
      return digest;
    },
    stats: { files: kept.length, read, indexed },
    lintedBytes,
    texts,
  };
}

/** statSync's options, made once: a hook's lint takes the size and time of every postmortem. */
const NO_THROW = { throwIfNoEntry: false } as const;

/** The row of the index recorded for a file, or -1: rows are written in the order files are read, so the next row is tried first. */
function storedRowFinder(root: string, stored: StoredRows | null): (filePath: string) => number {
  if (stored === null) return () => -1;
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  const names = stored.names;
  let next = 0;
  let byName: Map<string, number> | undefined;
  return (filePath) => {
    const name = names[next];
    // filePath is prefix + name, tested without making either string.
    if (path.sep === '/' && name !== undefined && filePath.length === prefix.length + name.length && filePath.startsWith(prefix) && filePath.endsWith(name))
      return next++;
    if (byName === undefined) {
      byName = new Map();
      for (let row = 0; row < names.length; row++) if (!byName.has(names[row]!)) byName.set(names[row]!, row);
    }
    const row = byName.get(keyOf(root, filePath));
    if (row === undefined) return -1;
    next = row + 1;
    return row;
  };
}

/** The archive of a load: rows of the index, entries built when a lookup returns them; new entries for the files read. */
class LoadedTable implements ArchiveTable {
  readonly size: number;
  private readonly built: (ArchiveEntry | undefined)[];
  private readonly files: readonly string[];
  private readonly rowOf: readonly number[];
  private readonly stored: StoredRows | null;
  private readonly need: ArchiveNeed;
  private readonly reread: (filePath: string) => ArchiveEntry;

  constructor(
    files: readonly string[],
    rowOf: readonly number[],
    fresh: (ArchiveEntry | undefined)[],
    stored: StoredRows | null,
    need: ArchiveNeed,
    reread: (filePath: string) => ArchiveEntry,
  ) {
    this.size = files.length;
    this.files = files;
    this.rowOf = rowOf;
    this.built = fresh;
    this.stored = stored;
    this.need = need;
    this.reread = reread;
  }

  filePath(i: number): string {
    return this.files[i]!;
  }

  id(i: number): string | null {
    const row = this.rowOf[i]!;
    return row === -1 ? this.entry(i).id : this.stored!.ids[row]!;
  }

  title(i: number): string | null {
    const row = this.rowOf[i]!;
    const title = row === -1 ? undefined : this.stored!.title(row);
    return title === undefined ? this.entry(i).title : title;
  }

  date(i: number): string | null {
    const row = this.rowOf[i]!;
    const date = row === -1 ? undefined : this.stored!.date(row);
    return date === undefined ? this.entry(i).date : date;
  }

  entry(i: number): ArchiveEntry {
    let entry = this.built[i];
    if (entry === undefined) {
      const [stored, row] = [this.stored!, this.rowOf[i]!];
      const [title, date, rest] = [stored.title(row), stored.date(row), stored.rest(row)];
      const filePath = this.files[i]!;
      entry =
        title === undefined || date === undefined || rest === undefined
          ? this.reread(filePath)
          : entryOf(filePath, stored.ids[row]!, title, date, rest, this.need);
      this.built[i] = entry;
    }
    return entry;
  }

  /** Row `i` as the index file will hold it; undefined when its row of the index is not what Hindsight writes. */
  storedRow(i: number, hash: string | undefined, size: number, mtimeMs: number, root: string): StoredRow | undefined {
    const row = this.rowOf[i]!;
    if (row !== -1) {
      const recorded = this.stored!.row(row);
      return recorded && { ...recorded, hash: hash ?? recorded.hash, size, mtimeMs };
    }
    const entry = this.built[i]!;
    const rest: RowRest = [entry.services, entry.related, entry.links ?? 0, rootCauseCell(entry.rootCause)];
    return { name: keyOf(root, entry.filePath), hash: hash!, size, mtimeMs, id: entry.id, title: entry.title, date: entry.date, rest };
  }
}

function entryOf(filePath: string, id: string | null, title: string | null, date: string | null, rest: RowRest, need: ArchiveNeed): ArchiveEntry {
  const [services, related, links, rootCause] = rest;
  const entry: ArchiveEntry = { filePath, id, title, date, services, related };
  if (links !== 0) entry.links = links;
  if (need === 'root-cause' && rootCause !== 0) entry.rootCause = rootCauseOf(rootCause);
  return entry;
}

/** A file's entry read from the file: its row of the index was not what Hindsight writes. An unreadable file has an empty entry (its lint says why). */
function readEntry(filePath: string, options: ArchiveLoadOptions, aliases: ReadonlyMap<string, SectionKind>): ArchiveEntry {
  const readText = readPostmortemText(filePath, linkBoundary(filePath, options.content, options.root));
  return indexEntry(filePath, 'text' in readText ? readText.text : '', options.need, aliases);
}

function keyOf(root: string, filePath: string): string {
  // Most files are under the root: a slice is much cheaper than path.relative.
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  const relative = filePath.startsWith(prefix) ? filePath.slice(prefix.length) : path.relative(root, filePath);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

interface IndexHeader {
  key: string;
  /** Rows below the header. */
  count: number;
  /** The content folder's postmortems as selectFiles chose them, and what that choice depended on. */
  listing?: ContentListing | undefined;
}

const NO_INDEX = { savedAt: 0, rows: null, listing: undefined };

function readIndexCache(file: string, key: string): { savedAt: number; rows: StoredRows | null; listing: ContentListing | undefined } {
  try {
    const text = readCacheFile(file);
    const lines = text === null ? [] : text.split('\n');
    const header = lines.length === LINES ? (JSON.parse(lines[0]!) as (Partial<IndexHeader> & { savedAt?: unknown }) | null) : null;
    if (header && header.key === key && typeof header.savedAt === 'number' && typeof header.count === 'number') {
      const rows = StoredRows.parse(lines, header.count);
      const listing = typeof header.listing === 'object' && header.listing !== null ? header.listing : undefined;
      if (rows !== null) return { savedAt: header.savedAt, rows, listing };
    }
  } catch {
    // Not JSON: start afresh.
  }
  return NO_INDEX;
}

function writeIndexCache(file: string, header: IndexHeader, rows: readonly StoredRow[]): void {
  try {
    writeCacheFile(file, [JSON.stringify({ ...header, savedAt: Date.now() }), ...rowLines(rows)].join('\n'));
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
  const hash = nodeCrypto().createHash('sha1');
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
