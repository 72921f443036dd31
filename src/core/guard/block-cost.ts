// The block cost, line by line: nesting depth, containers that begin or end (each re-reads
// the events before it), setext headings, fenced and indented code, tables and their cells,
// and the tokens the parser makes. Paragraph text is handed to the inline cost, which is
// told where each paragraph ends.
import { DASH, EQUALS, SPACE, TAB } from './chars.ts';
import {
  CELL_TOKENS,
  closesFence,
  delimiterRowCells,
  headerCells,
  isAtxHeading,
  opensFence,
  rowCells,
  SETEXT_WEIGHT,
  tableRowText,
  type Fence,
} from './blocks.ts';
import { Finder, INLINE_TOKENS } from './inline.ts';
import type { InlineCost } from './inline-cost.ts';
import type { GuardLimits, GuardMeasure } from './limits.ts';
import { lazyText, readPrefix, type Prefix } from './prefix.ts';

export class BlockCost {
  /** Lines read so far. */
  line = 0;

  private readonly source: string;
  private readonly limits: GuardLimits;
  private readonly m: GuardMeasure;
  private readonly inline: InlineCost;
  private readonly structureAllowed: number;
  private readonly pipe: Finder;

  private events = 0; // the parser's events so far, roughly
  /** Tokens beyond INLINE_TOKENS a marker and one a line: a fence, a heading, a container's nodes. */
  private extraTokens = 0;
  private prevBlank = true;
  private prevParagraph = false; // the previous line was paragraph text
  private prevQuotes = 0;
  private prevLineSig = 0;
  private chainSig = -1; // the last marker line's signature while its containers are open
  private inContainer = false;
  private containerQuotes = 0;
  private contentColumn = 0; // lines with content indented less leave the innermost list item
  private fence: Fence | null = null;
  private indentedCode = false;
  /** The open table: the block quotes its rows sit in, its first line, its cells so far. */
  private table: { quotes: number; line: number; cells: number } | null = null;

  constructor(source: string, limits: GuardLimits, m: GuardMeasure, inline: InlineCost) {
    this.source = source;
    this.limits = limits;
    this.m = m;
    this.inline = inline;
    this.structureAllowed = limits.structureBase + limits.structurePerByte * m.bytes;
    this.pipe = new Finder(source, '|');
  }

  /** Lines the parser reads no Markdown in (a frontmatter block): only their events count. */
  skipLines(count: number): void {
    this.line += count;
    this.events += count;
  }

  /** The parser's tokens so far, as estimated. */
  tokens(): number {
    return this.events + INLINE_TOKENS * this.inline.tokens + CELL_TOKENS * this.m.tableCells + this.extraTokens + this.inline.extraTokens;
  }

  /** The line from `start` to `end` (its break excluded; `lineEnd` after it). */
  readLine(start: number, end: number, lineEnd: number): void {
    const line = ++this.line;
    if (this.fence !== null && this.insideFence(this.fence, start, end)) return;

    const prefix = readPrefix(this.source, start, end, -1);
    const { markers, quotes, lists, sig } = prefix;
    const hasContent = prefix.content < end;
    this.events += 1 + 3 * markers;
    // A list item or block quote also costs the model its nodes: as much again.
    this.extraTokens += 3 * markers;
    if (markers > 0) this.nesting(prefix, line);

    if (markers === 0 && !hasContent) {
      this.blankLine(start, line);
      return;
    }
    const underline = this.isUnderline(prefix, end, hasContent);
    this.containers(prefix, hasContent, underline, line);
    if (this.codeLine(prefix, start, end, hasContent)) return;

    // Paragraph boundaries: a list item that may interrupt a paragraph, a deeper block quote,
    // an ATX heading (a paragraph of its own), a setext underline.
    const newItem = lists > 0 && hasContent && (!prefix.orderedNotOne || !this.prevParagraph || (this.prevLineSig === sig && sig !== 0));
    const deeperQuote = quotes > this.prevQuotes;
    const heading = hasContent && isAtxHeading(this.source, prefix.content, end);
    if (newItem || deeperQuote || heading || underline) this.inline.close(start);
    if (heading || underline) this.extraTokens += 2;

    this.tableLine(prefix, start, end, lineEnd, hasContent && !heading && !underline, line);
    if (hasContent && !underline) this.inline.readLine(line, prefix.content, end);

    this.prevBlank = false;
    this.prevParagraph = hasContent && !heading && !underline && this.table === null;
    this.prevQuotes = quotes;
    this.prevLineSig = sig;
    if (heading || underline || this.table !== null) this.inline.close(lineEnd);
    if (this.m.tokensLine === 0 && this.tokens() > this.limits.maxTokens) this.m.tokensLine = line;
  }

  /** Ends the open table (if any), keeping the largest one's cells. */
  endTable(): void {
    const table = this.table;
    if (table === null) return;
    if (table.cells > this.m.tableMaxCells) {
      this.m.tableMaxCells = table.cells;
      this.m.tableLine = table.line;
    }
    this.table = null;
  }

  /**
   * A line while a fence is open: only its block quote markers are read. True when it is
   * inside the fence (its closing line too); else the fence ends with its container.
   */
  private insideFence(fence: Fence, start: number, end: number): boolean {
    const prefix = readPrefix(this.source, start, end, fence.quotes);
    this.events += 1 + 3 * prefix.quotes;
    this.extraTokens += 1;
    const hasContent = prefix.content < end;
    const inside = prefix.quotes >= fence.quotes && !(hasContent && prefix.column < fence.minColumn);
    if (inside) {
      if (hasContent && prefix.lead <= 3 + fence.minColumn && closesFence(this.source, prefix.content, end, fence)) this.fence = null;
      this.prevBlank = false;
      this.prevParagraph = false;
      return true;
    }
    this.fence = null;
    return false;
  }

  /** Nesting: each marker is a level, and a list nested by indentation takes two columns a level. */
  private nesting(prefix: Prefix, line: number): void {
    const m = this.m;
    const depth = prefix.markers + Math.floor(prefix.firstIndent / 2);
    if (depth > this.limits.maxDepth && m.depthLine === 0) m.depthLine = line;
    if (depth > m.depth) {
      m.depth = depth;
      m.depthQuotes = prefix.quotes * 2 > prefix.markers;
    }
  }

  private blankLine(start: number, line: number): void {
    this.inline.close(start);
    this.endTable();
    // A blank line ends block quotes (lists go on).
    if (this.inContainer && this.containerQuotes > 0) {
      this.structure(line, 1);
      this.inContainer = false;
      this.chainSig = -1;
    }
    this.prevBlank = true;
    this.prevParagraph = false;
    this.prevQuotes = 0;
    this.prevLineSig = 0;
  }

  /** A setext underline: `===` or `---` alone under paragraph text, in the same container. */
  private isUnderline(prefix: Prefix, end: number, hasContent: boolean): boolean {
    const { markers, quotes, lists } = prefix;
    const inListItem = this.inContainer && this.containerQuotes === 0;
    if (this.prevParagraph && lists === 0 && quotes === this.prevQuotes && hasContent) {
      const indentOk =
        quotes > 0 ? prefix.lead <= 4 : inListItem ? prefix.column >= this.contentColumn && prefix.column <= this.contentColumn + 3 : prefix.column <= 3;
      const c = this.source.charCodeAt(prefix.content);
      if (indentOk && (c === EQUALS || c === DASH)) {
        let q = prefix.content;
        while (q < end && this.source.charCodeAt(q) === c) q++;
        while (q < end && (this.source.charCodeAt(q) === SPACE || this.source.charCodeAt(q) === TAB)) q++;
        return q === end;
      }
    } else if (this.prevParagraph && !this.inContainer && lists > 0 && markers === lists && !hasContent) {
      return true; // "text\n-": an underline (or an empty list item)
    }
    return false;
  }

  /** Structure: a line where containers begin or end, or a lazy line that ends a block quote. */
  private containers(prefix: Prefix, hasContent: boolean, underline: boolean, line: number): void {
    const { markers, quotes, lists, sig } = prefix;
    let structural = 0; // how many times the line's events count
    if (markers > 0) {
      // A line goes on in the same containers only through block quote markers and at most a
      // last list marker (a sibling item); a list marker before other markers starts an item
      // whose nested containers are new, ending the previous line's.
      if (lists > 1 || (lists === 1 && !prefix.lastIsList)) structural = 2;
      else if (sig !== this.chainSig) structural = 1;
      this.inContainer = true;
      this.containerQuotes = quotes;
      this.chainSig = sig;
      this.contentColumn = lists > 0 ? prefix.markerEnd + (hasContent ? Math.min(Math.max(prefix.lead, 1), 4) : 1) : 0;
    } else if (this.inContainer && hasContent && !underline) {
      if (this.containerQuotes > 0) {
        structural = 1;
        this.inContainer = false;
        this.chainSig = -1;
      } else if (prefix.column < this.contentColumn && !(this.prevParagraph && lazyText(this.source.charCodeAt(prefix.content)))) {
        // (Plain text right under a paragraph continues it lazily: nothing ends.)
        structural = 1;
        this.chainSig = -1;
        if (prefix.column < 2) this.inContainer = false;
        else this.contentColumn = prefix.column;
      }
    }
    // A setext heading re-reads more of what came before it than a container's end does.
    if (underline) this.structure(line, SETEXT_WEIGHT);
    else if (structural > 0) this.structure(line, structural);
  }

  /** Indented code (at the top level after a blank line) or a fence that opens: true when the line is code. */
  private codeLine(prefix: Prefix, start: number, end: number, hasContent: boolean): boolean {
    const { markers, quotes, lists } = prefix;
    if (this.indentedCode && (markers > 0 || prefix.column < 4)) this.indentedCode = false;
    if (!this.indentedCode && markers === 0 && !this.inContainer && prefix.column >= 4 && this.prevBlank) this.indentedCode = true;
    if (this.indentedCode) {
      this.codeRead(prefix, start);
      return true;
    }
    const fenceLength =
      hasContent && prefix.lead <= 3 + (markers === 0 && this.inContainer ? this.contentColumn : 0) ? opensFence(this.source, prefix.content, end) : 0;
    if (fenceLength === 0) return false;
    this.codeRead(prefix, start);
    this.fence = {
      char: this.source.charCodeAt(prefix.content),
      length: fenceLength,
      quotes,
      minColumn:
        lists > 0 ? this.contentColumn : markers === 0 && this.inContainer && this.containerQuotes === 0 ? Math.min(this.contentColumn, prefix.column) : 0,
    };
    return true;
  }

  /** A line of code (no Markdown inside): it ends the paragraph and the table. */
  private codeRead(prefix: Prefix, start: number): void {
    this.inline.close(start);
    this.endTable();
    this.extraTokens += 2;
    this.prevBlank = false;
    this.prevParagraph = false;
    this.prevQuotes = prefix.quotes;
    this.prevLineSig = prefix.sig;
  }

  /**
   * Tables: the parser reads each cell's text on its own, so a row is a paragraph of its own
   * here (at most: its cells are smaller), and each cell costs its tokens. A line is taken
   * for a row only where the parser surely goes on with the table: the same block quotes,
   * no list marker, and text that cannot start a block of its own; anything else ends the
   * table here, and is read as paragraph text (which counts more work, never less).
   * `text`: the line has content and is no heading or underline.
   */
  private tableLine(prefix: Prefix, start: number, end: number, lineEnd: number, text: boolean, line: number): void {
    const { quotes, lists } = prefix;
    const m = this.m;
    if (
      this.table !== null &&
      !(text && lists === 0 && quotes === this.table.quotes && prefix.lead <= 3 && tableRowText(this.source.charCodeAt(prefix.content)))
    ) {
      this.inline.close(start);
      this.endTable();
    }
    if (
      this.table === null &&
      text &&
      this.pipe.next(prefix.content) < end &&
      this.pipe.next(prefix.content) !== -1 &&
      lists === 0 &&
      prefix.lead <= 3 &&
      !(this.inContainer && this.containerQuotes === 0) &&
      (!this.prevParagraph || quotes >= this.prevQuotes)
    ) {
      const cells = headerCells(this.source, prefix.content, end);
      if (cells > 0 && delimiterRowCells(this.source, lineEnd, quotes) === cells) {
        this.inline.close(start);
        this.table = { quotes, line, cells: 0 };
      }
    }
    if (this.table !== null) {
      this.inline.close(start);
      const cells = rowCells(this.source, prefix.content, end);
      this.table.cells += cells;
      m.tableCells += cells;
      if (m.tableCells > this.limits.maxTableCells && m.tableCellsLine === 0) m.tableCellsLine = line;
    }
  }

  /** A line where containers end or a setext heading stands: it costs `weight` times the events before it. */
  private structure(at: number, weight: number): void {
    const m = this.m;
    m.structureEvents++;
    m.structureWork += this.events * weight;
    if (m.structureLine === 0 && m.structureWork > this.structureAllowed) m.structureLine = at;
  }
}
