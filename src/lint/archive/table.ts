// The archive's postmortems as the Archive reads them: row by row, each field asked for on its
// own, so that an archive read from the index file (../archive-index.ts) builds an entry only
// for the rows a rule's lookup returns. A one-file lint (the hook) asks for every id and file
// name and for a handful of entries; building 2,000 entries and the index's rows for them cost
// more than the lookups.
import type { ArchiveEntry } from './entry.ts';

export interface ArchiveTable {
  readonly size: number;
  /** Absolute path of row `i`. */
  filePath(i: number): string;
  id(i: number): string | null;
  title(i: number): string | null;
  date(i: number): string | null;
  /** Row `i` as an entry (the same object each time it is asked for). */
  entry(i: number): ArchiveEntry;
}

/** A table over entries already built (a worker thread's copy, the site's, a rule's examples). */
export function entryTable(entries: readonly ArchiveEntry[]): ArchiveTable {
  return {
    size: entries.length,
    filePath: (i) => entries[i]!.filePath,
    id: (i) => entries[i]!.id,
    title: (i) => entries[i]!.title,
    date: (i) => entries[i]!.date,
    entry: (i) => entries[i]!,
  };
}
