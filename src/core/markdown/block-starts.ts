// What a line starts, for the decisions the block reader makes between blocks: whether a
// line that leaves a container may continue its paragraph lazily, interrupts a paragraph,
// or ends a table. Pure functions of the line; they give up where micromark's answer is in doubt.
import { htmlStart, NOT_HTML } from './block-leaves.ts';
import { atxHeading, fenceOpen, giveUp, isBlank, isThematicBreak, listMarker, setextDepth, spacesAt } from './block-lines.ts';
import { hasPipe } from './block-table.ts';

/** Where a block quote's content starts, after its `>` at `marker` and one optional space. */
export function afterQuoteMarker(s: string, marker: number, end: number): number {
  const next = s.charCodeAt(marker + 1);
  if (next === 9) giveUp();
  return next === 32 && marker + 1 < end ? marker + 2 : marker + 1;
}

/** A line that does not continue every open container: may it continue the paragraph (a lazy line)? */
export function isLazyLine(s: string, pos: number, end: number): boolean {
  const n = spacesAt(s, pos, end);
  if (n >= 4) return true;
  const p = pos + n;
  const code = s.charCodeAt(p);
  if (code === 62 || code === 96 || code === 126 || code === 35 || code === 60 || code === 61 || code === 124) {
    if (code === 35 && !atxHeading(s, p, end)) return true;
    if (code === 62 || code === 35 || fenceOpen(s, p, end)) return false;
    return giveUp();
  }
  if (isThematicBreak(s, p, end)) return false;
  const marker = listMarker(s, p, end);
  if (marker) return isBlank(s, marker.after, end) ? giveUp() : false;
  if (setextDepth(s, p, end) || hasPipe(s, p, end)) giveUp();
  return true;
}

/** Whether a line (its first non-space at `p`) interrupts a paragraph as a heading, fence, break or HTML block. */
export function interruptsParagraph(s: string, p: number, end: number): boolean {
  const code = s.charCodeAt(p);
  if (code === 35) return atxHeading(s, p, end) !== undefined;
  if (code === 96 || code === 126) return fenceOpen(s, p, end) !== undefined;
  if (code === 42 || code === 45 || code === 95) return isThematicBreak(s, p, end);
  return code === 60 && htmlStart(s, p, end) !== NOT_HTML;
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
