// Blocks whose lines are kept as they are: fenced and indented code, HTML blocks (a
// comment, or a block-level tag's block up to a blank line). The block reader hands each
// line after the container prefixes to `takes` until it says no or the block is closed.
import type { Code, Html } from 'mdast';
import { joinLines } from './block-leaves.ts';
import { advanceColumns, closesFence, columnsAt, type FenceOpen, giveUp, isBlank, nextLineStart, spacesAt } from './block-lines.ts';
import type { PositionTable } from './positions.ts';

const FENCED = 0;
const INDENTED = 1;
const COMMENT = 2;
const HTML = 3;

export class RawBlock {
  /** The block saw its last line (closing fence, end of comment). */
  closed = false;
  private readonly kind: number;
  private readonly source: string;
  private readonly at: PositionTable;
  private readonly start: number;
  private readonly fence: FenceOpen | undefined;
  private readonly indent: number;
  /** (start, end, next line's start) per line of the value. */
  private readonly lines: number[] = [];
  /** How much of `lines` counts: indented code leaves trailing blank lines out. */
  private kept = 0;
  /** Where the next `-->` is at or after the comment's current line (-1: nowhere). */
  private commentEnd = 0;
  private end: number;

  private constructor(kind: number, source: string, at: PositionTable, start: number, end: number, fence?: FenceOpen, indent = 0) {
    this.kind = kind;
    this.source = source;
    this.at = at;
    this.start = start;
    this.end = end;
    this.fence = fence;
    this.indent = indent;
  }

  static fenced(s: string, at: PositionTable, open: FenceOpen, p: number, indent: number): RawBlock {
    return new RawBlock(FENCED, s, at, p, p, open, indent);
  }

  static indented(s: string, at: PositionTable, pos: number, contentStart: number, end: number): RawBlock {
    const block = new RawBlock(INDENTED, s, at, pos, end);
    block.push(contentStart, end);
    return block;
  }

  static html(s: string, at: PositionTable, comment: boolean, pos: number, p: number, end: number): RawBlock {
    const block = new RawBlock(comment ? COMMENT : HTML, s, at, pos, end);
    block.push(pos, end);
    if (comment) block.closed = s.slice(p + 4, end).includes('-->');
    return block;
  }

  private push(start: number, end: number): void {
    this.lines.push(start, end, nextLineStart(this.source, end));
    this.kept = this.lines.length;
    this.end = end;
  }

  get indentedCode(): boolean {
    return this.kind === INDENTED;
  }

  /** Whether the line (from `pos`, after its container prefixes, to `end`) belongs to the block. */
  takes(pos: number, end: number, col: number): boolean {
    const s = this.source;
    if (this.kind === FENCED) {
      const fence = this.fence as FenceOpen;
      let n = 0;
      while (pos + n < end && s.charCodeAt(pos + n) === 32) n++;
      if (n < 4 && closesFence(s, pos + n, end, fence.marker, fence.size)) {
        this.closed = true;
        this.end = end;
        return true;
      }
      const strip = Math.min(n, this.indent);
      if (strip < this.indent && pos + strip < end && s.charCodeAt(pos + strip) === 9) giveUp();
      this.lines.push(pos + strip, end, nextLineStart(s, end));
      this.kept = this.lines.length;
      return true;
    }
    if (this.kind === COMMENT) {
      this.push(pos, end);
      // Found once: searching again from every line of a long open comment would be quadratic.
      if (this.commentEnd !== -1 && this.commentEnd < pos) this.commentEnd = s.indexOf('-->', pos);
      this.closed = this.commentEnd !== -1 && this.commentEnd < end;
      return true;
    }
    const blank = isBlank(s, pos, end);
    if (this.kind === HTML) {
      if (!blank) this.push(pos, end);
      return !blank;
    }
    if (blank) {
      // A blank line is in the value only before more code, unless it holds more than the
      // code's four columns of spaces: then what is past them is code too. With exactly four,
      // micromark ends the block with it and keeps the lines before it, not the line itself.
      const spaces = spacesAt(s, pos, end);
      if (spaces > 4) this.push(pos + 4, end);
      else {
        if (spaces === 4) {
          this.kept = this.lines.length;
          this.end = end;
        }
        this.lines.push(pos + spaces, end, nextLineStart(s, end));
      }
      return true;
    }
    if (columnsAt(s, pos, end, col) < 4) return false;
    this.push(advanceColumns(s, pos, 4, col), end);
    return true;
  }

  /** The node, the block having ended before the line now read (or closed itself). */
  close(): Code | Html {
    const s = this.source;
    if (!this.closed && (this.kind === FENCED || this.kind === COMMENT)) giveUp();
    const position = { start: this.at.point(this.start), end: this.at.point(this.end) };
    const value = joinLines(s, this.lines, this.kept);
    if (this.kind === COMMENT || this.kind === HTML) return { type: 'html', value, position };
    const fence = this.fence;
    if (!fence) return { type: 'code', lang: null, meta: null, value, position };
    const lang = fence.langStart === -1 ? null : s.slice(fence.langStart, fence.langEnd);
    const meta = fence.metaStart === -1 ? null : s.slice(fence.metaStart, fence.metaEnd);
    return { type: 'code', lang, meta, value, position };
  }

  /** The node at the end of the document; an open fence runs to it only at the top level. */
  closeAtEnd(atRoot: boolean): Code | Html {
    if (this.kind === FENCED && !this.closed) {
      if (!atRoot) giveUp();
      // An unclosed fence whose last line holds only spaces: micromark's value and end differ.
      const lastLine = this.at.lineStarts.at(-1) as number;
      if (lastLine < this.source.length && isBlank(this.source, lastLine, this.source.length)) giveUp();
      this.closed = true;
      this.end = this.source.length;
    }
    return this.close();
  }
}
