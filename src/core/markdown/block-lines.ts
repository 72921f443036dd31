// Line-level recognisers for the fast block reader: each looks at one line from an offset
// and answers with offsets (never substrings), or a "no". They know nothing of containers.

/** Thrown (never caught outside readBlocks) when the reader meets something it does not read. */
export const GIVE_UP = { giveUp: true } as const;

export function giveUp(): never {
  throw GIVE_UP;
}

const SPACE = 32;
const TAB = 9;

/** Offset of the end of the line starting at `from` (where its line ending begins). */
export function lineEndFrom(source: string, from: number): number {
  let i = from;
  const length = source.length;
  while (i < length) {
    const code = source.charCodeAt(i);
    if (code === 10 || code === 13) return i;
    i++;
  }
  return length;
}

/** Offset where the next line starts, given the end of this one. */
export function nextLineStart(source: string, end: number): number {
  const code = source.charCodeAt(end);
  if (code === 13) return source.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  return code === 10 ? end + 1 : end;
}

/** Number of spaces from `from` on a blank line, or -1 when a tab is among its whitespace. */
export function blankSpaces(source: string, from: number, end: number): number {
  let i = from;
  while (source.charCodeAt(i) === SPACE) i++;
  return i < end ? -1 : i - from;
}

/** Number of spaces from `from`; a tab among them is something this reader does not read. */
export function spacesAt(source: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const code = source.charCodeAt(i);
    if (code === SPACE) i++;
    else if (code === TAB) giveUp();
    else break;
  }
  return i - from;
}

/** Columns of spaces and tabs from `from`, which is at column `col` (a tab runs to the next multiple of 4). */
export function columnsAt(source: string, from: number, end: number, col: number): number {
  let c = col;
  for (let i = from; i < end; i++) {
    const code = source.charCodeAt(i);
    if (code === SPACE) c++;
    else if (code === TAB) c += 4 - (c % 4);
    else break;
  }
  return c - col;
}

/** Offset of the first character from `from` that is not a space or a tab. */
export function indentEnd(source: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const code = source.charCodeAt(i);
    if (code !== SPACE && code !== TAB) break;
    i++;
  }
  return i;
}

/**
 * The offset `columns` columns on from `from` (at column `col`). When that ends inside a tab
 * it is the tab's offset if `split` allows it (the rest of the tab is then indentation still
 * to read, from the column reached), else the reader gives up.
 */
export function advanceColumns(source: string, from: number, columns: number, col: number, split = false): number {
  let c = col;
  let i = from;
  const target = col + columns;
  while (c < target) {
    const code = source.charCodeAt(i++);
    if (code === SPACE) c++;
    else if (code === TAB) c += 4 - (c % 4);
    else giveUp();
  }
  if (c === target) return i;
  return split ? i - 1 : giveUp();
}

/** Whether the line holds only spaces and tabs from `from`. */
export function isBlank(source: string, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const code = source.charCodeAt(i);
    if (code !== SPACE && code !== TAB) return false;
  }
  return true;
}

/** The end of the text once trailing spaces and tabs are left out. */
export function trimEnd(source: string, from: number, end: number): number {
  let i = end;
  while (i > from) {
    const code = source.charCodeAt(i - 1);
    if (code !== SPACE && code !== TAB) break;
    i--;
  }
  return i;
}

/** Thematic break (`***`, `- - -`, `___`) filling the line from `at`. */
export function isThematicBreak(source: string, at: number, end: number): boolean {
  const marker = source.charCodeAt(at);
  if (marker !== 42 && marker !== 45 && marker !== 95) return false;
  let count = 0;
  for (let i = at; i < end; i++) {
    const code = source.charCodeAt(i);
    if (code === marker) count++;
    else if (code !== SPACE && code !== TAB) return false;
  }
  return count >= 3;
}

/** Setext underline (`===` or `---`, trailing whitespace allowed): its depth, or 0. */
export function setextDepth(source: string, at: number, end: number): number {
  const marker = source.charCodeAt(at);
  if (marker !== 61 && marker !== 45) return 0;
  let i = at;
  while (i < end && source.charCodeAt(i) === marker) i++;
  return isBlank(source, i, end) ? (marker === 61 ? 1 : 2) : 0;
}

export interface AtxHeading {
  depth: number;
  /** The text between the opening and closing sequences (start === end when empty). */
  start: number;
  end: number;
}

/** ATX heading from `at`, or undefined. */
export function atxHeading(source: string, at: number, end: number): AtxHeading | undefined {
  let i = at;
  while (i < end && source.charCodeAt(i) === 35) i++;
  const depth = i - at;
  if (depth === 0 || depth > 6) return undefined;
  if (i < end) {
    const after = source.charCodeAt(i);
    if (after === TAB) giveUp();
    if (after !== SPACE) return undefined;
  }
  while (i < end && source.charCodeAt(i) === SPACE) i++;
  let textEnd = trimEnd(source, i, end);
  let hashes = textEnd;
  while (hashes > i && source.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes === i) textEnd = i;
  else if (hashes < textEnd) {
    const before = source.charCodeAt(hashes - 1);
    if (before === SPACE) textEnd = trimEnd(source, i, hashes);
    else if (before === TAB) giveUp();
  }
  if (source.charCodeAt(textEnd - 1) === TAB) giveUp();
  return { depth, start: i, end: textEnd };
}

export interface FenceOpen {
  marker: number;
  size: number;
  /** Offsets of the info string's first word and of the rest (meta), or -1 when absent. */
  langStart: number;
  langEnd: number;
  metaStart: number;
  metaEnd: number;
}

/** Opening code fence from `at` (``` or ~~~), or undefined. */
export function fenceOpen(source: string, at: number, end: number): FenceOpen | undefined {
  const marker = source.charCodeAt(at);
  if (marker !== 96 && marker !== 126) return undefined;
  let i = at;
  while (i < end && source.charCodeAt(i) === marker) i++;
  const size = i - at;
  if (size < 3) return undefined;
  let langStart = -1;
  let langEnd = -1;
  let metaStart = -1;
  for (let j = i; j < end; j++) {
    const code = source.charCodeAt(j);
    if (code === 96 && marker === 96) return undefined;
    if (code === 92 || code === 38 || code === TAB) giveUp();
    if (code === SPACE) {
      if (langStart !== -1 && langEnd === -1) langEnd = j;
    } else if (langStart === -1) langStart = j;
    else if (langEnd !== -1 && metaStart === -1) metaStart = j;
  }
  if (langStart !== -1 && langEnd === -1) langEnd = end;
  return { marker, size, langStart, langEnd, metaStart, metaEnd: metaStart === -1 ? -1 : end };
}

/** Whether the line from `at` closes a fence opened with `marker` × `size`. */
export function closesFence(source: string, at: number, end: number, marker: number, size: number): boolean {
  let i = at;
  while (i < end && source.charCodeAt(i) === marker) i++;
  return i - at >= size && isBlank(source, i, end);
}

export interface ListMarker {
  /** Bullet character, or the delimiter (`.`, `)`) of an ordered marker. */
  marker: number;
  ordered: boolean;
  start: number;
  /** Offset just after the marker. */
  after: number;
}

/** List item marker from `at` followed by a space, a tab or the line's end, or undefined. */
export function listMarker(source: string, at: number, end: number): ListMarker | undefined {
  const first = source.charCodeAt(at);
  let after: number;
  let ordered = false;
  let start = 0;
  let marker = first;
  if (first === 45 || first === 42 || first === 43) after = at + 1;
  else if (first >= 48 && first <= 57) {
    let i = at;
    while (i < end && i - at < 10) {
      const code = source.charCodeAt(i);
      if (code < 48 || code > 57) break;
      start = start * 10 + code - 48;
      i++;
    }
    marker = source.charCodeAt(i);
    if (i - at > 9 || (marker !== 46 && marker !== 41)) return undefined;
    ordered = true;
    after = i + 1;
  } else return undefined;
  if (after < end) {
    const next = source.charCodeAt(after);
    if (next !== SPACE && next !== TAB) return undefined;
  }
  return { marker, ordered, start, after };
}
