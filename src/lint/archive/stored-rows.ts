// The postmortems of the archive index file (../archive-index.ts), as columns: one JSON value
// per line of the file, each parsed only when something asks for it. A one-file lint (the
// hook) compares every file's size and modification time with the recorded ones and reads
// every id, and little else: the titles, hashes and the rest are left unparsed unless a lookup
// or a changed file needs them, so that no object is made per postmortem for them.
//
// Lines: 0 the header (../archive-index.ts), 1 the names (relative to the configuration's
// folder), 2 the sizes and modification times ([size, mtimeMs, size, mtimeMs, …]), 3 the ids,
// 4 [titles, dates], 5 the content hashes, 6 the rest of each row. A column that is not what
// Hindsight writes is no column: its rows are read from their files again.
import type { RootCauseText } from './entry.ts';

/** Services, related, links (0: none), root cause ([line, text]; null: none; 0: not read). */
export type RowRest = [services: string[], related: string[], links: string[] | 0, rootCause: [number, string] | null | 0];

/** One postmortem of the index, for writing. */
export interface StoredRow {
  name: string;
  hash: string;
  size: number;
  mtimeMs: number;
  id: string | null;
  title: string | null;
  date: string | null;
  rest: RowRest;
}

export const LINES = 7;

export class StoredRows {
  readonly count: number;
  readonly names: readonly string[];
  readonly ids: readonly (string | null)[];
  private readonly stats: readonly number[];
  private readonly lines: readonly string[];
  /** Parsed lazily: undefined not yet, null not what Hindsight writes. */
  private titlesAndDates: [(string | null)[], (string | null)[]] | null | undefined;
  private hashes: string[] | null | undefined;
  private rests: RowRest[] | null | undefined;

  private constructor(count: number, names: string[], stats: number[], ids: (string | null)[], lines: readonly string[]) {
    this.count = count;
    this.names = names;
    this.stats = stats;
    this.ids = ids;
    this.lines = lines;
  }

  /** The rows of an index file's lines (the header's `count` rows), or null when the columns every lint reads are not what Hindsight writes. */
  static parse(lines: readonly string[], count: number): StoredRows | null {
    if (lines.length !== LINES || !Number.isInteger(count) || count < 0) return null;
    const names = parsed(lines[1]!);
    const stats = parsed(lines[2]!);
    const ids = parsed(lines[3]!);
    if (!strings(names, count, false) || !Array.isArray(stats) || stats.length !== 2 * count || !stats.every((n) => typeof n === 'number')) return null;
    if (!strings(ids, count, true)) return null;
    return new StoredRows(count, names, stats as number[], ids, lines);
  }

  size(row: number): number {
    return this.stats[2 * row]!;
  }

  mtimeMs(row: number): number {
    return this.stats[2 * row + 1]!;
  }

  /** Undefined: the column is not what Hindsight writes (read the file). */
  title(row: number): string | null | undefined {
    return this.titleColumns()?.[0][row];
  }

  date(row: number): string | null | undefined {
    return this.titleColumns()?.[1][row];
  }

  hash(row: number): string | undefined {
    if (this.hashes === undefined) {
      const hashes = parsed(this.lines[5]!);
      this.hashes = strings(hashes, this.count, false) ? hashes : null;
    }
    return this.hashes?.[row];
  }

  rest(row: number): RowRest | undefined {
    if (this.rests === undefined) {
      const rests = parsed(this.lines[6]!);
      this.rests = Array.isArray(rests) && rests.length === this.count && rests.every(isRest) ? (rests as RowRest[]) : null;
    }
    return this.rests?.[row];
  }

  /** A row as written, or undefined when a column of it is not what Hindsight writes. */
  row(row: number): StoredRow | undefined {
    const [hash, title, date, rest] = [this.hash(row), this.title(row), this.date(row), this.rest(row)];
    if (hash === undefined || title === undefined || date === undefined || rest === undefined) return undefined;
    return { name: this.names[row]!, hash, size: this.size(row), mtimeMs: this.mtimeMs(row), id: this.ids[row]!, title, date, rest };
  }

  private titleColumns(): [(string | null)[], (string | null)[]] | null {
    if (this.titlesAndDates === undefined) {
      const value = parsed(this.lines[4]!);
      const ok = Array.isArray(value) && value.length === 2 && strings(value[0], this.count, true) && strings(value[1], this.count, true);
      this.titlesAndDates = ok ? (value as [(string | null)[], (string | null)[]]) : null;
    }
    return this.titlesAndDates;
  }
}

/** The lines of an index file holding these rows, after its header line. */
export function rowLines(rows: readonly StoredRow[]): string[] {
  const stats: number[] = [];
  for (const row of rows) stats.push(row.size, row.mtimeMs);
  return [
    JSON.stringify(rows.map((r) => r.name)),
    JSON.stringify(stats),
    JSON.stringify(rows.map((r) => r.id)),
    JSON.stringify([rows.map((r) => r.title), rows.map((r) => r.date)]),
    JSON.stringify(rows.map((r) => r.hash)),
    JSON.stringify(rows.map((r) => r.rest)),
  ];
}

/** A row's root-cause cell, from the entry's root cause (undefined: not read). */
export function rootCauseCell(rootCause: RootCauseText | null | undefined): RowRest[3] {
  return rootCause === undefined ? 0 : rootCause && [rootCause.line, rootCause.text];
}

/** A root cause as the entry holds it, from a row's cell. */
export function rootCauseOf(cell: [number, string] | null): RootCauseText | null {
  return cell && { line: cell[0], text: cell[1] };
}

function parsed(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function strings(value: unknown, count: number, nullable: boolean): value is (string | null)[] & string[] {
  return Array.isArray(value) && value.length === count && value.every((item) => typeof item === 'string' || (nullable && item === null));
}

const texts = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function isRest(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 4) return false;
  const [services, related, links, rootCause] = value as unknown[];
  if (!texts(services) || !texts(related) || (links !== 0 && !texts(links))) return false;
  return (
    rootCause === 0 ||
    rootCause === null ||
    (Array.isArray(rootCause) && rootCause.length === 2 && typeof rootCause[0] === 'number' && typeof rootCause[1] === 'string')
  );
}
