// What a line starts, for the decisions the block reader makes between blocks: whether a
// line that leaves a container may continue its paragraph lazily, interrupts a paragraph,
// or ends a table. Pure functions of the line; they give up where micromark's answer is in doubt.
import { HTML_LONE_TAG, htmlStart, NOT_HTML } from './block-leaves.ts';
import { atxHeading, columnsAt, fenceOpen, giveUp, indentEnd, isThematicBreak, listMarker, setextDepth } from './block-lines.ts';
import { hasPipe } from './block-table.ts';

/** Where a block quote's content starts, after its `>` at `marker` and one optional space. */
export function afterQuoteMarker(s: string, marker: number, end: number): number {
  const next = s.charCodeAt(marker + 1);
  if (next === 9) giveUp();
  return next === 32 && marker + 1 < end ? marker + 2 : marker + 1;
}

/** What `lazyLine` answers for a lone tag (HTML block type 7): micromark starts that block inside the containers. */
export const LAZY_HTML = 2;

/**
 * A line that does not continue every open container: does it continue the paragraph (a lazy
 * line: true), close the containers (false), or start an HTML block inside them (LAZY_HTML)?
 */
export function lazyLine(s: string, pos: number, end: number, col: number): boolean | typeof LAZY_HTML {
  if (columnsAt(s, pos, end, col) >= 4) return true;
  const p = indentEnd(s, pos, end);
  const code = s.charCodeAt(p);
  if (code === 62) return false;
  if (code === 35) return atxHeading(s, p, end) === undefined;
  if (code === 96 || code === 126) return fenceOpen(s, p, end) === undefined;
  if (code === 60) {
    const html = htmlStart(s, p, end);
    // On the document's last line, with no line ending after it, the block starts outside them.
    if (html === HTML_LONE_TAG) return end < s.length ? LAZY_HTML : false;
    return html === NOT_HTML;
  }
  if (code === 124 || hasPipe(s, p, end)) giveUp();
  if (isThematicBreak(s, p, end)) return false;
  const marker = listMarker(s, p, end);
  if (marker) return false;
  // A setext underline cannot be lazy; whether micromark then reads it as text is left to it.
  return setextDepth(s, p, end) ? giveUp() : true;
}

/** Whether a line (its first non-space at `p`) interrupts a paragraph as a heading, fence, break or HTML block. */
export function interruptsParagraph(s: string, p: number, end: number): boolean {
  const code = s.charCodeAt(p);
  if (code === 35) return atxHeading(s, p, end) !== undefined;
  if (code === 96 || code === 126) return fenceOpen(s, p, end) !== undefined;
  if (code === 42 || code === 45 || code === 95) return isThematicBreak(s, p, end);
  if (code !== 60) return false;
  const html = htmlStart(s, p, end);
  return html !== NOT_HTML && html !== HTML_LONE_TAG;
}

/** Whether a line ends the table above it (else it is a row). */
export function endsTable(s: string, p: number, end: number): boolean {
  const code = s.charCodeAt(p);
  if (code === 35) return atxHeading(s, p, end) !== undefined;
  if (code === 96 || code === 126 || code === 60 || code === 61) giveUp();
  if ((code === 42 || code === 45 || code === 95) && isThematicBreak(s, p, end)) return true;
  if (setextDepth(s, p, end)) giveUp();
  return false;
}
