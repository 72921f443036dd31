// The inline reader's lines: where each line's content ends once its trailing whitespace is
// off, its line ending, hard breaks made of trailing spaces, and the common case of a run
// with no inline syntax at all, read as one text node without the general reader.
import type { PhrasingContent } from 'mdast';
import type { Point } from 'unist';
import { trimEnd } from './block-lines.ts';
import type { PositionTable } from './positions.ts';

/**
 * One line of an inline run, as source offsets: `start` is where the line's content begins
 * (after its container prefix and leading whitespace, except the space micromark keeps after a
 * task box followed by two: `- [x]  text`), `end` where its line ending begins (or
 * where the run ends on its last line: the end of a heading's text, of a table cell). Trailing
 * whitespace before `end` is the inline reader's to strip or to read as a hard break.
 */
export interface LineSpan {
  start: number;
  end: number;
}

/** Characters that can start inline syntax: \ ` * _ [ ] < ! & ~ */
const SPECIAL = /[\\`*_[\]<!&~]/g;

/**
 * What the inline reader keeps per document, with its point table: where the characters that
 * can start inline syntax are, found in one regex pass (a few times faster than testing each
 * character), and points for offsets from a line cursor (runs come in document order).
 */
export class InlineIndex {
  readonly offsets: number[] = [];
  readonly source: string;
  readonly pointOf: (offset: number) => Point;
  private readonly lineStarts: readonly number[];
  private line = 0;

  constructor(source: string, at: PositionTable) {
    this.source = source;
    this.lineStarts = at.lineStarts;
    this.pointOf = (offset) => this.point(offset);
    SPECIAL.lastIndex = 0;
    for (let match = SPECIAL.exec(source); match; match = SPECIAL.exec(source)) this.offsets.push(match.index);
  }

  /** Index in `offsets` of the first offset at or after `from` (offsets.length if none). */
  firstFrom(from: number): number {
    const offsets = this.offsets;
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((offsets[mid] as number) < from) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Whether [from, to) holds a character that can start inline syntax. */
  anyIn(from: number, to: number): boolean {
    const first = this.offsets[this.firstFrom(from)];
    return first !== undefined && first < to;
  }

  point(offset: number): Point {
    const starts = this.lineStarts;
    let line = this.line;
    if (offset < (starts[line] as number)) line = 0;
    // Step forward a few lines, else search.
    for (let steps = 0; line + 1 < starts.length && offset >= (starts[line + 1] as number); steps++) {
      if (steps === 4) {
        let low = line + 1;
        let high = starts.length - 1;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if ((starts[mid] as number) <= offset) low = mid;
          else high = mid - 1;
        }
        line = low;
        break;
      }
      line++;
    }
    this.line = line;
    return { line: line + 1, column: offset - (starts[line] as number) + 1, offset };
  }
}

const indexByTable = new WeakMap<PositionTable, InlineIndex>();

export function inlineIndexOf(source: string, at: PositionTable): InlineIndex {
  let index = indexByTable.get(at);
  if (index?.source !== source) {
    index = new InlineIndex(source, at);
    indexByTable.set(at, index);
  }
  return index;
}

/** End of a line's content without its trailing spaces and tabs. */
export function contentEnd(source: string, span: LineSpan): number {
  return trimEnd(source, span.start, span.end);
}

export function lineEndingLength(source: string, at: number): number {
  return source.charCodeAt(at) === 13 && source.charCodeAt(at + 1) === 10 ? 2 : 1;
}

/** Whether trailing whitespace [from, to) is a hard break: two or more spaces, no tab. */
export function isTrailingBreak(source: string, from: number, to: number): boolean {
  if (to - from < 2) return false;
  for (let index = from; index < to; index++) if (source.charCodeAt(index) !== 32) return false;
  return true;
}

/** The common case: no special character and no hard break, so one text node (or none). */
export function readPlain(source: string, lines: readonly LineSpan[], index: InlineIndex): PhrasingContent[] | undefined {
  let value = '';
  let end = 0;
  for (let line = 0; line < lines.length; line++) {
    const span = lines[line] as LineSpan;
    end = contentEnd(source, span);
    if (index.anyIn(span.start, end)) return undefined;
    if (line + 1 === lines.length) value += source.slice(span.start, end);
    else {
      // An empty line inside the run, or a hard break: the general reader's business.
      if (end === span.start || isTrailingBreak(source, end, span.end)) return undefined;
      value += source.slice(span.start, end) + source.slice(span.end, span.end + lineEndingLength(source, span.end));
    }
  }
  const first = lines[0];
  if (!first || !value) return [];
  if (end === (lines[lines.length - 1] as LineSpan).start && lines.length > 1) return undefined;
  return [{ type: 'text', value, position: { start: index.point(first.start), end: index.point(end) } }];
}
