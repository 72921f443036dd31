// The line-prefix reader: a line's indentation, block quote markers and list markers, which
// decide the containers it opens, continues or ends.
import { TAB, SPACE, HASH, CLOSE_PAREN, STAR, PLUS, DASH, DOT, ZERO, NINE, LT, EQUALS, GT, UNDERSCORE, BACKTICK, TILDE, PIPE } from './chars.ts';

/** A line's container prefix: indentation, `>` and list markers. */
export interface Prefix {
  /** Offset of the content after the prefix. */
  content: number;
  /** Column of the content (tabs to multiples of 4). */
  column: number;
  /** Whitespace columns between the last marker (or the line's start) and the content. */
  lead: number;
  markers: number;
  quotes: number;
  lists: number;
  /** Indentation before the first marker. */
  firstIndent: number;
  /** The markers and their columns, hashed: equal for sibling list items and continued quotes. */
  sig: number;
  /** Column just after the last marker. */
  markerEnd: number;
  /** An ordered marker numbered other than 1 (it may not interrupt a paragraph). */
  orderedNotOne: boolean;
  /** Whether the last marker is a list marker (not `>`). */
  lastIsList: boolean;
}

export function readPrefix(source: string, start: number, end: number, onlyQuotes: number): Prefix {
  const out: Prefix = {
    content: start,
    column: 0,
    lead: 0,
    markers: 0,
    quotes: 0,
    lists: 0,
    firstIndent: 0,
    sig: 0,
    markerEnd: 0,
    orderedNotOne: false,
    lastIsList: false,
  };
  let p = start;
  let column = 0;
  let first = -1;
  for (;;) {
    while (p < end) {
      const c = source.charCodeAt(p);
      if (c === SPACE) column++;
      else if (c === TAB) column += 4 - (column % 4);
      else break;
      p++;
    }
    if (p >= end) break;
    const c = source.charCodeAt(p);
    if (c === GT) {
      if (onlyQuotes >= 0 && out.quotes >= onlyQuotes) break;
      if (first < 0) first = column;
      out.markers++;
      out.quotes++;
      out.lastIsList = false;
      out.sig = (out.sig * 31 + 1) % 2_147_483_647;
      p++;
      column++;
      out.markerEnd = column;
      continue;
    }
    if (onlyQuotes >= 0) break;
    if ((c === DASH || c === STAR || c === PLUS) && (p + 1 === end || source.charCodeAt(p + 1) === SPACE || source.charCodeAt(p + 1) === TAB)) {
      if (first < 0) first = column;
      out.markers++;
      out.lists++;
      out.lastIsList = true;
      out.sig = (out.sig * 31 + 2 + 3 * column) % 2_147_483_647;
      p++;
      column++;
      out.markerEnd = column;
      continue;
    }
    if (c >= ZERO && c <= NINE) {
      let q = p;
      while (q < end && q - p < 10) {
        const d = source.charCodeAt(q);
        if (d < ZERO || d > NINE) break;
        q++;
      }
      const d = q < end ? source.charCodeAt(q) : -1;
      if (q - p <= 9 && (d === DOT || d === CLOSE_PAREN) && (q + 1 === end || source.charCodeAt(q + 1) === SPACE || source.charCodeAt(q + 1) === TAB)) {
        if (first < 0) first = column;
        if (!(q - p === 1 && source.charCodeAt(p) === ZERO + 1)) out.orderedNotOne = true;
        out.markers++;
        out.lists++;
        out.lastIsList = true;
        out.sig = (out.sig * 31 + 3 + 3 * column) % 2_147_483_647;
        column += q + 1 - p;
        p = q + 1;
        out.markerEnd = column;
        continue;
      }
    }
    break;
  }
  out.content = p;
  out.column = column;
  out.lead = column - out.markerEnd;
  out.firstIndent = Math.max(first, 0);
  return out;
}

/** Text that cannot start a block of its own (so under a paragraph it continues it). */
export function lazyText(code: number): boolean {
  switch (code) {
    case HASH:
    case BACKTICK:
    case TILDE:
    case LT:
    case DASH:
    case UNDERSCORE:
    case STAR:
    case EQUALS:
    case PLUS:
    case GT:
    case PIPE:
      return false;
    default:
      return code > SPACE;
  }
}
