// git's "racy" rule, shared by the lint's archive index (src/lint/archive-index.ts and
// archive/listing.ts) and the site's scan memo (src/site/shared/scan-memo.ts): a size and
// modification time recorded at some moment stand for the file's content only when the file
// was last modified well before that moment; a change within the clock's resolution could
// leave both as they were. Node builtins only: the site's main thread loads this without the
// lint stack.

/** Coarsest modification-time resolution trusted (FAT: 2 s). */
const RACY_MS = 2000;

/** Whether a modification at `mtimeMs` was settled when its state was recorded at `recordedAt`. */
export function settledBefore(mtimeMs: number, recordedAt: number): boolean {
  return recordedAt - mtimeMs > RACY_MS;
}
