// What the last scan of the archive read of each postmortem (archive.ts): its size and
// modification time, a hash of its text and its archive-index entry. A rebuild reads again
// only the files whose size or modification time differ, or were modified so close to the
// last scan that a change within the clock's resolution could hide (as git and the lint's
// archive index judge it): the entries of the others need neither their text nor a parse.
// A file that is read again is always hashed again, and its entry re-done if the hash differs.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ArchiveEntry } from '../../lint/archive/index.ts';
import { settledBefore } from '../../settled.ts';

export interface MemoFile {
  size: number;
  mtimeMs: number;
  /** The text's hash as read (lint/cache.ts contentHash). */
  hash: string;
  /** The archive-index entry (without its path), when the cross-file rules read one. */
  entry: Omit<ArchiveEntry, 'filePath'> | null;
}

interface Memo {
  /** The code and configuration fingerprint the entries were made with (archive.ts). */
  fingerprint: string;
  /** When the scan that wrote it began: a file modified within the clock's resolution of it is read again (src/settled.ts). */
  scannedAt: number;
  files: Record<string, MemoFile>;
}

export function scanMemoFile(cacheDir: string): string {
  return path.join(cacheDir, 'hindsight-scan.json');
}

/** The memo of `file` for this fingerprint; an empty one when there is none, it is unreadable, or it was made with other code. */
export function readScanMemo(file: string | null, fingerprint: string): Memo {
  const empty: Memo = { fingerprint, scannedAt: 0, files: {} };
  if (!file) return empty;
  try {
    const memo = JSON.parse(readFileSync(file, 'utf8')) as Partial<Memo> | null;
    if (memo?.fingerprint !== fingerprint || typeof memo.scannedAt !== 'number' || typeof memo.files !== 'object' || memo.files === null) return empty;
    return { fingerprint, scannedAt: memo.scannedAt, files: memo.files };
  } catch {
    return empty;
  }
}

/** What the memo knows of a file whose size and modification time are these, or null when it must be read. */
export function unchanged(memo: Memo, file: string, stat: { size: number; mtimeMs: number }): MemoFile | null {
  const known = Object.hasOwn(memo.files, file) ? memo.files[file] : undefined;
  if (!known || known.size !== stat.size || known.mtimeMs !== stat.mtimeMs) return null;
  return settledBefore(stat.mtimeMs, memo.scannedAt) ? known : null;
}

export function writeScanMemo(file: string | null, fingerprint: string, scannedAt: number, files: Record<string, MemoFile>): void {
  if (!file) return;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ fingerprint, scannedAt, files } satisfies Memo));
    renameSync(temporary, file);
  } catch {
    // only a shortcut for the next build: without it, that build reads every file
  }
}
