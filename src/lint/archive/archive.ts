// The archive as cross-file rules (unique-id, related-links, recurrence) see it: the entries
// (entry.ts) and the lookups the rules make, each index built at its first use. Loading and
// caching the index on disk: ../archive-index.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Postmortem, SectionKind } from '../../core/model.ts';
// Part of the archive's interface for the archive index and the site (the loop lives with the classifier).
export { normalisedAliases } from '../../core/sections/classify.ts';
import { indexEntry, type ArchiveEntry, type ArchiveNeed } from './entry.ts';
import { NearIds } from './near-ids.ts';
import { entryTable, type ArchiveTable } from './table.ts';
import { termCounts, weigh, type TermVector } from './similarity.ts';

/** Titles compared as a reader would: case, markup and spacing aside. */
export function titleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/[*_`~#]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The archive rules see (src/lint/rule.ts's ArchiveView; kept apart so rule.ts and this folder do not import each other). */
export class Archive {
  /** The folder paths in messages are relative to (the configuration's). */
  readonly root: string;
  readonly aliases: ReadonlyMap<string, SectionKind> | undefined;
  /** False for an archive that stands for none (a document linted alone): see documentAlone. */
  readonly known: boolean;
  private source: readonly ArchiveEntry[] | (() => ArchiveEntry[]) | ArchiveTable;
  private rows: ArchiveTable | null = null;
  private list: readonly ArchiveEntry[] | null = null;
  private paths: Map<string, number> | null = null;
  private ids: Map<string, number[]> | null = null;
  private stems: Map<string, number[]> | null = null;
  private titles: Map<string, number[]> | null = null;
  private services: Map<string, ArchiveEntry[]> | null = null;
  /** Lookups by file name and path answered by a scan of the rows: past SCANS_BEFORE_INDEX, they are answered from a map. */
  private scans = 0;
  private nearIds: NearIds | null = null;
  private onDisk = new Map<string, boolean>();
  /** Paths as messages show them: a file that shares its id or title with 50 others is named in 50 messages. */
  private displayed = new Map<string, string>();
  private selves = new WeakMap<Postmortem, { need: ArchiveNeed; entry: ArchiveEntry }>();
  /** Entries a cold index read from the very texts the lint takes: self() of that text is that entry (knowRead). */
  private reads = new Map<string, { text: string; need: ArchiveNeed; entry: ArchiveEntry }>();
  private vectors = new WeakMap<ArchiveEntry, TermVector>();
  private counts = new WeakMap<ArchiveEntry, Map<string, number>>();
  private frequencies: { docs: number; df: Map<string, number> } | null = null;

  /** `entries` may be a function (the archive is read at its first use) or a table (table.ts: entries built as lookups return them). */
  constructor(
    root: string,
    entries: readonly ArchiveEntry[] | (() => ArchiveEntry[]) | ArchiveTable,
    aliases?: ReadonlyMap<string, SectionKind>,
    known = true,
  ) {
    this.root = root;
    this.known = known;
    this.source = entries;
    this.aliases = aliases;
  }

  /** An archive that holds no postmortem, for a document linted alone: rules cannot tell what exists beyond the disk. */
  static documentAlone(root: string): Archive {
    return new Archive(root, [], undefined, false);
  }

  private get table(): ArchiveTable {
    if (this.rows === null) {
      const source = this.source;
      this.rows = isEntries(source) ? entryTable(source) : typeof source === 'function' ? entryTable(source()) : source;
    }
    return this.rows;
  }

  get entries(): readonly ArchiveEntry[] {
    if (this.list === null) {
      const table = this.table;
      this.list = isEntries(this.source) ? this.source : Array.from({ length: table.size }, (_, i) => table.entry(i));
    }
    return this.list;
  }

  /** Entries with this id (ids compare without regard to case or surrounding spaces). */
  withId(id: string): readonly ArchiveEntry[] {
    const table = this.table;
    if (this.ids === null) {
      this.ids = new Map();
      for (let i = 0; i < table.size; i++) {
        const own = table.id(i);
        if (own !== null) push(this.ids, own.toLowerCase(), i);
      }
    }
    return this.entriesAt(this.ids.get(id.trim().toLowerCase()));
  }

  /** Entries without an id with this title (as `titleKey` compares them) and date. */
  withTitleAndDate(title: string, date: string): readonly ArchiveEntry[] {
    const table = this.table;
    if (this.titles === null) {
      this.titles = new Map();
      for (let i = 0; i < table.size; i++) {
        if (table.id(i) !== null) continue;
        const [own, day] = [table.title(i), table.date(i)];
        if (own !== null && day !== null) push(this.titles, `${day} ${titleKey(own)}`, i);
      }
    }
    return this.entriesAt(this.titles.get(`${date} ${titleKey(title)}`));
  }

  /** Entries that name one of these services (case aside), each once, in archive order. */
  withServices(services: readonly string[]): readonly ArchiveEntry[] {
    if (this.services === null) {
      this.services = new Map();
      for (const entry of this.entries) for (const service of new Set(entry.services.map((s) => s.toLowerCase()))) push(this.services, service, entry);
    }
    const found = new Set<ArchiveEntry>();
    for (const service of services) for (const entry of this.services.get(service.toLowerCase()) ?? []) found.add(entry);
    return found.size === 0 ? [] : this.entries.filter((e) => found.has(e));
  }

  /** Entries whose file name, without `.md`, is this. */
  withStem(stem: string): readonly ArchiveEntry[] {
    const wanted = stem.trim().replace(/\.md$/i, '').toLowerCase();
    const table = this.table;
    if (this.stems === null && ++this.scans > SCANS_BEFORE_INDEX) {
      this.stems = new Map();
      for (let i = 0; i < table.size; i++) push(this.stems, stemOf(table.filePath(i)), i);
    }
    if (this.stems !== null) return this.entriesAt(this.stems.get(wanted));
    // A scan that lower-cases only the names of the right length: a name that lower-cases to
    // an ASCII stem is as long as that stem (other stems are compared with every name).
    const ascii = /^[\x00-\x7f]*$/.test(wanted);
    const found: number[] = [];
    for (let i = 0; i < table.size; i++) {
      const file = table.filePath(i);
      const length = file.length - nameStart(file);
      if ((!ascii || length === wanted.length || length === wanted.length + 3) && stemOf(file) === wanted) found.push(i);
    }
    return this.entriesAt(found);
  }

  at(filePath: string): ArchiveEntry | undefined {
    const at = this.rowAt(filePath);
    return at === undefined ? undefined : this.table.entry(at);
  }

  private rowAt(filePath: string): number | undefined {
    const wanted = path.resolve(filePath);
    const table = this.table;
    if (this.paths === null && ++this.scans > SCANS_BEFORE_INDEX) {
      this.paths = new Map();
      for (let i = 0; i < table.size; i++) this.paths.set(table.filePath(i), i);
    }
    if (this.paths !== null) return this.paths.get(wanted);
    for (let i = table.size - 1; i >= 0; i--) if (table.filePath(i) === wanted) return i;
    return undefined;
  }

  private entriesAt(rows: readonly number[] | undefined): readonly ArchiveEntry[] {
    if (rows === undefined || rows.length === 0) return [];
    const table = this.table;
    return rows.map((i) => table.entry(i));
  }

  /** Whether a file exists: in the archive, else on disk (a link may point outside the content folder). */
  hasFile(filePath: string): boolean {
    if (this.rowAt(filePath) !== undefined) return true;
    let exists = this.onDisk.get(filePath);
    if (exists === undefined) this.onDisk.set(filePath, (exists = existsSync(filePath)));
    return exists;
  }

  /** The id closest to this value (case aside) within two edits, for "did you mean": near-ids.ts. */
  closestId(value: string): string | null {
    const table = this.table;
    this.nearIds ??= new NearIds(Array.from({ length: table.size }, (_, i) => table.id(i)));
    return this.nearIds.closest(value);
  }

  /** A path as messages show it: relative to the root, with `/`. */
  display(filePath: string): string {
    let shown = this.displayed.get(filePath);
    if (shown === undefined) {
      const relative = path.relative(this.root, filePath);
      shown = relative.startsWith('..') || path.isAbsolute(relative) ? filePath : relative.split(path.sep).join('/');
      this.displayed.set(filePath, shown);
    }
    return shown;
  }

  /**
   * The document being linted as an archive entry, read from its text as the others were;
   * its root cause only when `need` is 'root-cause' (finding that section is most of the cost).
   */
  self(model: Postmortem, need: ArchiveNeed = 'index'): ArchiveEntry {
    const known = this.selves.get(model);
    if (known && (known.need === 'root-cause' || need === 'index')) return known.entry;
    const read = this.reads.size > 0 ? this.takeRead(model, need) : undefined;
    if (read !== undefined) return read;
    // The model's frontmatter, when it read the same block without a problem: the YAML is
    // the costliest part of reading an entry.
    const { frontmatter } = model;
    const parsed =
      frontmatter.data !== null && frontmatter.errors.length === 0 && frontmatter.raw !== null ? { raw: frontmatter.raw, data: frontmatter.data } : undefined;
    const entry = indexEntry(path.resolve(model.filePath), model.source, need, this.aliases, parsed);
    this.selves.set(model, { need, entry });
    return entry;
  }

  /**
   * Tells the archive that its entry for `filePath` was read from `text` (by indexEntry, with
   * `need`): when the lint's model of that file has this text, self() takes the entry instead
   * of reading it again. The model's frontmatter data, which self() would pass, is what
   * indexEntry reads from the same block (the same readers), so the two are the same entry.
   */
  knowRead(filePath: string, text: string, need: ArchiveNeed, entry: ArchiveEntry): void {
    this.reads.set(filePath, { text, need, entry });
  }

  /** Drops what knowRead kept (the files are linted elsewhere: worker threads). */
  forgetReads(): void {
    this.reads.clear();
  }

  private takeRead(model: Postmortem, need: ArchiveNeed): ArchiveEntry | undefined {
    const filePath = path.resolve(model.filePath);
    const read = this.reads.get(filePath);
    if (read === undefined) return undefined;
    this.reads.delete(filePath);
    if (read.text !== model.source || (read.need === 'index' && need === 'root-cause')) return undefined;
    this.selves.set(model, { need: read.need, entry: read.entry });
    return read.entry;
  }

  /** The TF-IDF vector of an entry's root cause (IDF over the archive's root causes). */
  vector(entry: ArchiveEntry): TermVector {
    let vector = this.vectors.get(entry);
    if (!vector) {
      vector = weigh(this.termsOf(entry), this.documentFrequencies());
      this.vectors.set(entry, vector);
    }
    return vector;
  }

  private termsOf(entry: ArchiveEntry): Map<string, number> {
    let counts = this.counts.get(entry);
    if (!counts) {
      counts = termCounts(entry.rootCause?.text ?? '');
      this.counts.set(entry, counts);
    }
    return counts;
  }

  private documentFrequencies(): { docs: number; df: Map<string, number> } {
    if (this.frequencies === null) {
      const df = new Map<string, number>();
      let docs = 0;
      for (const entry of this.entries) {
        if (!entry.rootCause) continue;
        docs++;
        for (const term of this.termsOf(entry).keys()) df.set(term, (df.get(term) ?? 0) + 1);
      }
      this.frequencies = { docs, df };
    }
    return this.frequencies;
  }
}

/** A file's name without `.md`, lower-cased: as `path.basename(file).replace(/\.md$/i, '').toLowerCase()`, at a fraction of its cost (a hook's lint takes it of every file). */
export function stemOf(filePath: string): string {
  const name = filePath.slice(nameStart(filePath)).toLowerCase();
  return name.endsWith('.md') ? name.slice(0, -3) : name;
}

/** Where a path's file name starts. */
function nameStart(filePath: string): number {
  return Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf(path.sep)) + 1;
}

const SCANS_BEFORE_INDEX = 8;

function isEntries(source: readonly ArchiveEntry[] | (() => ArchiveEntry[]) | ArchiveTable): source is readonly ArchiveEntry[] {
  return Array.isArray(source);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A small archive for a rule's documented examples: file name (relative to the working
 * directory, as the example's own `fileName`) → Markdown. Read at its first use.
 */
export function exampleArchive(files: Record<string, string>, root = process.cwd()): Archive {
  return new Archive(root, () => Object.entries(files).map(([name, text]) => indexEntry(path.resolve(root, name), text, 'root-cause')));
}

/** Whether a `related:` value names a postmortem of the archive: by id, file name or relative path. */
export function relatedTarget(value: string, fromFile: string, archive: Pick<Archive, 'withId' | 'withStem' | 'at' | 'hasFile'>): ArchiveEntry | 'file' | null {
  const byId = archive.withId(value)[0];
  if (byId) return byId;
  if (!/[/\\]/.test(value)) {
    const byName = archive.withStem(value)[0];
    if (byName) return byName;
  }
  if (/[/\\]/.test(value) || /\.md$/i.test(value)) {
    const target = path.resolve(path.dirname(fromFile), value);
    const entry = archive.at(target);
    if (entry) return entry;
    if (archive.hasFile(target)) return 'file';
  }
  return null;
}
