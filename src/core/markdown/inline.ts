// The fast reader's inline part: the phrasing content of a paragraph, heading or table
// cell, exactly as mdast-util-from-markdown gives it, or `undefined` when the text holds
// anything this reader does not read (the caller then parses the whole document with
// micromark).
import type { PhrasingContent } from 'mdast';
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

/** Characters that can start inline syntax. */
const SPECIAL = /[\\`*_[\]<>!&~]/;

/** Minimal reader, to be replaced by the full one: plain text on one line, else undefined. */
export function readInline(source: string, lines: readonly LineSpan[], at: PositionTable): PhrasingContent[] | undefined {
  const only = lines[0];
  if (lines.length !== 1 || !only) return undefined;
  const value = source.slice(only.start, only.end).replace(/[ \t]+$/, '');
  if (SPECIAL.test(value)) return undefined;
  if (!value) return [];
  return [{ type: 'text', value, position: { start: at.point(only.start), end: at.point(only.start + value.length) } }];
}
