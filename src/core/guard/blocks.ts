// Block structure as the guard reads it: fences, ATX headings and tables, and the weights of
// the structure work and table cells the parser pays for.
import { TAB, SPACE, HASH, DASH, BACKSLASH, BACKTICK, TILDE, COLON, PIPE, LINE_BREAK } from './chars.ts';
import { lazyText, readPrefix } from './prefix.ts';

/** How much more a setext underline costs than a container's end, per event before it. */
export const SETEXT_WEIGHT = 6;
/** The parser's tokens per table cell. */
export const CELL_TOKENS = 4;

export interface Fence {
  char: number;
  length: number;
  /** Block quote markers its lines begin with. */
  quotes: number;
  /** Inside a list item: lines indented less (with content) end it. */
  minColumn: number;
}

export function isAtxHeading(source: string, at: number, end: number): boolean {
  let q = at;
  while (q < end && source.charCodeAt(q) === HASH) q++;
  const level = q - at;
  if (level < 1 || level > 6) return false;
  return q === end || source.charCodeAt(q) === SPACE || source.charCodeAt(q) === TAB;
}

/** A closing fence: at least `length` of `char`, then only whitespace. */
export function closesFence(source: string, at: number, end: number, fence: Fence): boolean {
  let q = at;
  while (q < end && source.charCodeAt(q) === fence.char) q++;
  if (q - at < fence.length) return false;
  for (; q < end; q++) {
    const c = source.charCodeAt(q);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/** The length of an opening fence at `at` (three or more backticks or tildes), or 0. */
export function opensFence(source: string, at: number, end: number): number {
  const c = source.charCodeAt(at);
  if (c !== BACKTICK && c !== TILDE) return 0;
  let q = at;
  while (q < end && source.charCodeAt(q) === c) q++;
  const length = q - at;
  if (length < 3) return 0;
  // A backtick fence's info string holds no backtick (else the line is inline code).
  if (c === BACKTICK) for (; q < end; q++) if (source.charCodeAt(q) === BACKTICK) return 0;
  return length;
}

/** Text that goes on with a table as a row: what cannot start a block of its own, or a `|`. */
export function tableRowText(code: number): boolean {
  return code === PIPE || lazyText(code);
}

/** Unescaped `|` between `at` and `end`, and whether the text (blanks aside) starts and ends with one. */
export function pipes(source: string, at: number, end: number): { count: number; leading: boolean; trailing: boolean } {
  let first = at;
  while (first < end && (source.charCodeAt(first) === SPACE || source.charCodeAt(first) === TAB)) first++;
  let last = end - 1;
  while (last >= first && (source.charCodeAt(last) === SPACE || source.charCodeAt(last) === TAB)) last--;
  let count = 0;
  let trailing = false;
  for (let q = first; q <= last; q++) {
    const c = source.charCodeAt(q);
    // As the parser reads a row: `\\` and `\|` are text.
    if (c === BACKSLASH && (source.charCodeAt(q + 1) === BACKSLASH || source.charCodeAt(q + 1) === PIPE) && q < last) q++;
    else if (c === PIPE) {
      count++;
      if (q === last) trailing = true;
    }
  }
  return { count, leading: first <= last && source.charCodeAt(first) === PIPE, trailing };
}

/** Cells between `|`, as the parser counts them: none before a leading `|`, none after a trailing one. */
export function cellsOf(p: { count: number; leading: boolean; trailing: boolean }): number {
  return p.count + (p.leading ? 0 : 1) - (p.trailing ? 1 : 0);
}

/** The cells of a table's header row (0: it holds no `|`, or only one). */
export function headerCells(source: string, at: number, end: number): number {
  const p = pipes(source, at, end);
  if (p.count === 0 || (p.count === 1 && p.leading && p.trailing)) return 0;
  return cellsOf(p);
}

/** The cells of a table's row (a row without `|` is one cell). */
export function rowCells(source: string, at: number, end: number): number {
  return Math.max(1, cellsOf(pipes(source, at, end)));
}

/**
 * The cells of the delimiter row (`|---|:-:|`) on the line that starts at `start`, in `quotes`
 * block quotes and no list; 0 when that line is not one, or holds no `|`.
 */
export function delimiterRowCells(source: string, start: number, quotes: number): number {
  if (start >= source.length) return 0;
  LINE_BREAK.lastIndex = start;
  const end = LINE_BREAK.exec(source)?.index ?? source.length;
  const prefix = readPrefix(source, start, end, -1);
  if (prefix.quotes !== quotes || prefix.lists > 0 || prefix.lead > 3) return 0;
  const blanks = (q: number): number => {
    while (q < end && (source.charCodeAt(q) === SPACE || source.charCodeAt(q) === TAB)) q++;
    return q;
  };
  let q = prefix.content;
  let cells = 0;
  let pipeSeen = false;
  if (source.charCodeAt(q) === PIPE) {
    pipeSeen = true;
    q++;
  }
  for (;;) {
    q = blanks(q);
    if (q >= end) break;
    if (source.charCodeAt(q) === COLON) q++;
    if (source.charCodeAt(q) !== DASH) return 0;
    while (source.charCodeAt(q) === DASH) q++;
    if (source.charCodeAt(q) === COLON) q++;
    cells++;
    q = blanks(q);
    if (q >= end) break;
    if (source.charCodeAt(q) !== PIPE) return 0;
    pipeSeen = true;
    q++;
  }
  return pipeSeen ? cells : 0;
}
