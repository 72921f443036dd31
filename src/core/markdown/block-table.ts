// GFM table rows for the fast block reader: where each cell of a line starts and ends, and
// the alignment a delimiter row gives. Offsets only; the reader builds the nodes.
import type { AlignType } from 'mdast';
import { giveUp, spacesAt, trimEnd } from './block-lines.ts';

/** Per cell, four offsets: cell start, cell end, text start, text end. */
export type CellOffsets = number[];

const PIPE = 124;
const SPACE = 32;

/** The cells of a row running from `at` (its first non-space) to `end` (its line end). */
export function splitRow(source: string, at: number, end: number): CellOffsets {
  const last = trimEnd(source, at, end);
  const cells: number[] = [];
  let cellStart = at;
  let textStart = source.charCodeAt(at) === PIPE ? at + 1 : at;
  for (let i = textStart; i < last; i++) {
    const code = source.charCodeAt(i);
    // A backslash may escape a pipe; a tab changes where micromark's cell text starts.
    if (code === 92 || code === 9) giveUp();
    if (code !== PIPE) continue;
    if (i === last - 1) break;
    cells.push(cellStart, i, textStart + spacesAt(source, textStart, i), i);
    cellStart = i;
    textStart = i + 1;
  }
  if (textStart === last && source.charCodeAt(last - 1) === PIPE && cells.length === 0 && last - at === 1) giveUp();
  const textEnd = source.charCodeAt(last - 1) === PIPE && last - 1 >= textStart ? last - 1 : last;
  cells.push(cellStart, end, textStart + spacesAt(source, textStart, textEnd), textEnd);
  return cells;
}

/** Whether the line has a pipe anywhere between `at` and `end` (a loop: indexOf would scan past the line). */
export function hasPipe(source: string, at: number, end: number): boolean {
  for (let i = at; i < end; i++) if (source.charCodeAt(i) === PIPE) return true;
  return false;
}

/** The alignment of each column of a delimiter row, or undefined when the line is not one. */
export function delimiterRow(source: string, at: number, end: number): AlignType[] | undefined {
  if (!hasPipe(source, at, end)) return undefined;
  const cells = splitRow(source, at, end);
  const align: AlignType[] = [];
  for (let c = 0; c < cells.length; c += 4) {
    let i = cells[c + 2] as number;
    const textEnd = trimEnd(source, i, cells[c + 3] as number);
    const left = source.charCodeAt(i) === 58;
    if (left) i++;
    let dashes = 0;
    while (i < textEnd && source.charCodeAt(i) === 45) {
      i++;
      dashes++;
    }
    const right = i < textEnd && source.charCodeAt(i) === 58;
    if (right) i++;
    if (dashes === 0 || i !== textEnd) return undefined;
    align.push(left ? (right ? 'center' : 'left') : right ? 'right' : null);
  }
  return align;
}

/** Only dashes, colons and spaces, with a colon: a delimiter row without pipes, which micromark may take for one. */
export function isColonDelimiterLike(source: string, at: number, end: number): boolean {
  let colon = false;
  for (let i = at; i < end; i++) {
    const code = source.charCodeAt(i);
    if (code === 58) colon = true;
    else if (code !== 45 && code !== SPACE && code !== 9) return false;
  }
  return colon;
}

/** A header row indented with a tab, or by four spaces on a paragraph's later line: micromark's cells start elsewhere. */
export function headerIndentDiffers(source: string, headerStart: number, laterLine: boolean): boolean {
  let spaces = 0;
  for (let i = headerStart - 1; i >= 0; i--) {
    const code = source.charCodeAt(i);
    if (code === 10 || code === 13) return false;
    if (code === 9 || (code === SPACE && ++spaces >= 4 && laterLine)) return true;
  }
  return false;
}
