// The inline reader's lines: where each line's content ends once its trailing whitespace is
// off, its line ending, hard breaks made of trailing spaces, and the common case of a run
// with no inline syntax at all, read as one text node without the general reader.
import type { PhrasingContent } from 'mdast';
import type { Point } from 'unist';
import type { PositionTable } from './positions.ts';

/**
 * One line of an inline run, as source offsets: `start` is where the line's content begins
 * (after its container prefix and leading whitespace), `end` where its line ending begins (or
 * where the run ends on its last line: the end of a heading's text, of a table cell). Trailing
 * whitespace before `end` is the inline reader's to strip or to read as a hard break.
 */
export interface LineSpan {
  start: number;
  end: number;
}

/** Characters that can start inline syntax: \ ` * _ [ ] < ! & ~ */
export const SPECIAL = new Uint8Array(128);
for (const char of '\\`*_[]<!&~') SPECIAL[char.charCodeAt(0)] = 1;

/** Points for offsets, remembering the last line found: a run's offsets come mostly in order. */
export function pointsOn(at: PositionTable): (offset: number) => Point {
  const starts = at.lineStarts;
  let line = 0;
  return (offset) => {
    if (offset < (starts[line] as number) || (line + 1 < starts.length && offset >= (starts[line + 1] as number))) {
      if (line + 2 < starts.length && offset >= (starts[line + 1] as number) && offset < (starts[line + 2] as number)) line++;
      else line = at.point(offset).line - 1;
    }
    return { line: line + 1, column: offset - (starts[line] as number) + 1, offset };
  };
}

/** End of a line's content without its trailing spaces and tabs. */
export function contentEnd(source: string, span: LineSpan): number {
  let end = span.end;
  while (end > span.start) {
    const code = source.charCodeAt(end - 1);
    if (code !== 32 && code !== 9) break;
    end--;
  }
  return end;
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
export function readPlain(source: string, lines: readonly LineSpan[], pointOf: (offset: number) => Point): PhrasingContent[] | undefined {
  let value = '';
  let end = 0;
  for (let line = 0; line < lines.length; line++) {
    const span = lines[line] as LineSpan;
    end = contentEnd(source, span);
    for (let index = span.start; index < end; index++) {
      const code = source.charCodeAt(index);
      if (code < 128 && SPECIAL[code]) return undefined;
    }
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
  return [{ type: 'text', value, position: { start: pointOf(first.start), end: pointOf(end) } }];
}
