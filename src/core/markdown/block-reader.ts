// The fast block reader's line loop (see blocks.ts for what it reads and gives up on):
// CommonMark's container algorithm over char codes and offsets. Each line first continues
// the open block quotes and list items, then may be a lazy paragraph line, then opens new
// containers, then continues or starts a leaf block. Nodes get their end when closed.
import type { AlignType, Blockquote, ListItem, Parent, Root, RootContent, Table } from 'mdast';
import { BARE_BOX, HTML_COMMENT, htmlStart, NO_BOX, NOT_HTML, readFrontmatter, tableRow, taskBoxAt } from './block-leaves.ts';
import { type Container, continueContainers, endQuotedChild, finishContainer, ITEM, newContainer, openItem, QUOTE } from './block-containers.ts';
import {
  advanceColumns,
  atxHeading,
  columnsAt,
  fenceOpen,
  giveUp,
  indentEnd,
  isBlank,
  isThematicBreak,
  type ListMarker,
  lineEndFrom,
  listMarker,
  nextLineStart,
  setextDepth,
} from './block-lines.ts';
import { readDefinitions } from './block-definitions.ts';
import { type InlineReader, InlineRuns } from './block-inline.ts';
import { RawBlock } from './block-raw.ts';
import { afterQuoteMarker, endsTable, interruptsParagraph, LAZY_HTML, lazyLine } from './block-starts.ts';
import { delimiterRow, hasPipe, headerIndentDiffers, isColonDelimiterLike } from './block-table.ts';
import type { LineSpan } from './inline.ts';
import type { PositionTable } from './positions.ts';

/** The open leaf block. */
const NONE = 0,
  PARAGRAPH = 1,
  TABLE = 2,
  RAW = 3;
/** What a line does to the open paragraph. */
const CONTINUES = 0,
  INTERRUPTS = 1,
  TAKEN = 2;

export class BlockReader {
  private readonly root: Root = { type: 'root', children: [] };
  private readonly stack: Container[] = [];
  private leaf = NONE;
  private paragraph: LineSpan[] = [];
  private paragraphLazy = false;
  private paragraphTask = false;
  /** The paragraph is a lone `[ ]` on a new item's line: if it goes on, micromark reads a task box. */
  private paragraphBareBox = false;
  private table: Table | undefined;
  private raw: RawBlock | undefined;
  /** An empty item was closed, and no block has started since: micromark splits indented code that follows into a block a line. */
  private afterEmptyItem = false;
  private readonly mayHaveDefinitions: boolean;
  /** The open paragraph starts with `[` in a document that may define labels: it may open with definitions. */
  private paragraphMayDefine = false;
  private readonly source: string;
  private readonly at: PositionTable;
  private readonly runs: InlineRuns;

  constructor(source: string, at: PositionTable, inline: InlineReader) {
    this.source = source;
    this.at = at;
    this.stack.push(newContainer(0, this.root, 0));
    this.mayHaveDefinitions = source.includes(']:');
    this.runs = new InlineRuns(source, at, inline, this.mayHaveDefinitions);
  }

  read(): Root {
    const s = this.source;
    const frontmatter = readFrontmatter(s, this.at);
    if (frontmatter) this.root.children.push(frontmatter.node);
    let lineStart = frontmatter ? frontmatter.next : 0;
    while (lineStart < s.length) {
      const end = lineEndFrom(s, lineStart);
      this.line(lineStart, end);
      lineStart = nextLineStart(s, end);
    }
    if (this.raw) {
      const node = this.raw.closeAtEnd(this.stack.length === 1);
      this.raw = undefined;
      this.leaf = NONE;
      this.add(node);
    }
    this.closeContainers(1);
    this.closeLeaf();
    this.runs.finish();
    this.root.position = { start: this.at.point(0), end: this.at.point(s.length) };
    return this.root;
  }

  private line(start: number, end: number): void {
    const s = this.source;
    const stack = this.stack;
    const { matched, pos: continued, col: continuedCol, splitTab } = continueContainers(s, stack, start, end, this.raw !== undefined);
    let pos = continued;
    let col = continuedCol;
    const all = matched === stack.length;
    const raw = this.raw;
    let afterIndentedCode = false;
    if (raw) {
      // Code's content after a tab split by a container's indentation: left to micromark.
      if (splitTab) giveUp();
      if (all && raw.takes(pos, end, col)) {
        if (raw.closed) this.closeLeaf();
        return;
      }
      afterIndentedCode = raw.indentedCode;
      this.closeLeaf();
    }
    let blank = isBlank(s, pos, end);
    /** The quote's child this line closes, when it stays in the quote. */
    let closedInQuote: Container | undefined;
    if (!all) {
      // A blank quoted line that ends containers inside the quote: micromark stretches their end to it.
      if (blank && matched > 1 && stack[matched - 1]?.kind === QUOTE) giveUp();
      // A line after a table in a closing container: micromark's table tokenizer reads it apart.
      if (this.leaf === TABLE && !blank) giveUp();
      const lazy = this.leaf === PARAGRAPH && !blank && lazyLine(s, pos, end, col);
      if (lazy) {
        const p = indentEnd(s, pos, end);
        if (lazy === LAZY_HTML) {
          // A tab before the tag: its columns, not its characters, would be kept.
          if (splitTab || p - pos !== columnsAt(s, pos, end, col)) giveUp();
          this.closeLeaf();
          this.startLeaf(pos, p, end, false);
        } else {
          this.paragraphLazy = true;
          this.continueParagraph(p, end);
        }
        for (const c of stack) if (c.kind === QUOTE) c.lastEnd = end;
        return;
      }
      closedInQuote = matched > 1 && stack[matched - 1]?.kind === QUOTE ? (stack[matched] as Container) : undefined;
      this.closeContainers(matched);
    }
    const contentStart = pos;
    let opened = false;
    let fresh = false;
    // Every container this line opens interrupts the paragraph (micromark keeps the flag for the whole line).
    const interrupting = this.leaf === PARAGRAPH;
    while (!blank) {
      const n = columnsAt(s, pos, end, col);
      if (n >= 4) break;
      const p = indentEnd(s, pos, end);
      const pcol = col + n;
      const code = s.charCodeAt(p);
      if (code === 62) {
        if (closedInQuote) endQuotedChild(closedInQuote, this.at.point(contentStart));
        closedInQuote = undefined;
        this.closeLeaf();
        const node: Blockquote = { type: 'blockquote', children: [], position: { start: this.at.point(p), end: this.at.point(end) } };
        this.add(node);
        const quote = newContainer(QUOTE, node, 0);
        quote.lastEnd = end;
        stack.push(quote);
        pos = afterQuoteMarker(s, p, end);
        col = pcol + pos - p;
        fresh = false;
      } else {
        const marker = (code === 45 || code === 42) && isThematicBreak(s, p, end) ? undefined : listMarker(s, p, end);
        if (!marker) break;
        const empty = isBlank(s, marker.after, end);
        if (empty || (marker.ordered && (marker.after - p !== 2 || code !== 49))) {
          // Such an item cannot interrupt a paragraph; after indented code micromark holds it to the same rule.
          if (interrupting) break;
          if (afterIndentedCode) giveUp();
        }
        if (closedInQuote) endQuotedChild(closedInQuote, this.at.point(contentStart));
        closedInQuote = undefined;
        const afterCol = pcol + marker.after - p;
        if (empty && s.charCodeAt(marker.after) === 9) giveUp();
        // An empty item opened on the line of another container (`- *`): micromark ends it apart.
        if (empty && opened) giveUp();
        let gap = empty ? 1 : columnsAt(s, marker.after, end, afterCol);
        // Five columns or more after the marker: the item's content starts one space after it, as indented code.
        const codeFirst = gap >= 5;
        if (codeFirst) {
          if (s.charCodeAt(marker.after) !== 32) giveUp();
          gap = 1;
        }
        this.openItem(marker, p, afterCol + gap - col, empty, end);
        pos = empty ? end : codeFirst ? marker.after + 1 : indentEnd(s, marker.after, end);
        col = afterCol + gap;
        fresh = true;
      }
      opened = true;
      blank = isBlank(s, pos, end);
    }
    this.leafLine(pos, col, end, blank, all, opened, fresh, splitTab);
  }

  private leafLine(pos: number, col: number, end: number, blank: boolean, all: boolean, opened: boolean, fresh: boolean, splitTab: boolean): void {
    const s = this.source;
    const continuing = all && !opened;
    if (blank) {
      if (this.leaf !== NONE) this.closeLeaf();
      return;
    }
    const n = columnsAt(s, pos, end, col);
    const p = indentEnd(s, pos, end);
    if (this.leaf === PARAGRAPH && continuing) {
      const next = n >= 4 ? CONTINUES : this.afterParagraph(p, end);
      if (next === CONTINUES) this.continueParagraph(p, end);
      if (next !== INTERRUPTS) return;
    } else if (this.leaf === TABLE && continuing) {
      if (n >= 4 || p - pos !== n) giveUp();
      if (!endsTable(s, p, end)) {
        const table = this.table as Table;
        const row = tableRow(s, this.at, p, end, this.runs.of);
        table.children.push(row);
        (table.position as { end: unknown }).end = row.position?.end;
        return;
      }
    }
    this.closeLeaf();
    if (n >= 4) {
      // Indented code on a line that closed containers: micromark's lazy-line marks split it.
      if ((!all && !opened) || splitTab || this.afterEmptyItem) giveUp();
      this.raw = RawBlock.indented(s, this.at, pos, advanceColumns(s, pos, 4, col), end);
      this.leaf = RAW;
    } else {
      this.afterEmptyItem = false;
      // A tab in the indentation of a fence (its content would lose columns, not characters) or HTML (kept as it is).
      const code = s.charCodeAt(p);
      if ((p - pos !== n || splitTab) && (((code === 96 || code === 126) && fenceOpen(s, p, end)) || (code === 60 && htmlStart(s, p, end) !== NOT_HTML)))
        giveUp();
      this.startLeaf(pos, p, end, fresh);
    }
  }

  /** What a line does to the open paragraph: continue it, interrupt it, or take it over (setext underline, table delimiter row). */
  private afterParagraph(p: number, end: number): number {
    const s = this.source;
    const lines = this.paragraph;
    const header = lines[lines.length - 1] as LineSpan;
    const headerHasPipe = hasPipe(s, header.start, header.end);
    const depth = setextDepth(s, p, end);
    if (depth) {
      if (this.paragraphLazy || this.paragraphTask || headerHasPipe || this.paragraphMayDefine) giveUp();
      const children = this.runs.of(lines);
      const position = { start: this.at.point((lines[0] as LineSpan).start), end: this.at.point(end) };
      this.leaf = NONE;
      this.add({ type: 'heading', depth: depth as 1 | 2, children, position });
      return TAKEN;
    }
    // A delimiter row makes a table even when its header line has no pipe; one with a colon needs no pipe either.
    if (isColonDelimiterLike(s, p, end)) giveUp();
    if (hasPipe(s, p, end)) {
      const align = delimiterRow(s, p, end);
      if (align) {
        if (this.paragraphLazy || this.paragraphTask || this.paragraphMayDefine) giveUp();
        this.startTable(header, align, end);
        return TAKEN;
      }
    }
    return interruptsParagraph(s, p, end) ? INTERRUPTS : CONTINUES;
  }

  private startTable(header: LineSpan, align: AlignType[], end: number): void {
    if (headerIndentDiffers(this.source, header.start, this.paragraph.length > 1)) giveUp();
    const row = tableRow(this.source, this.at, header.start, header.end, this.runs.of);
    if (row.children.length !== align.length) giveUp();
    this.paragraph.pop();
    if (this.paragraph.length > 0) this.closeLeaf();
    this.table = { type: 'table', align, children: [row], position: { start: row.position?.start as never, end: this.at.point(end) } };
    this.add(this.table);
    this.leaf = TABLE;
  }

  private startLeaf(pos: number, p: number, end: number, fresh: boolean): void {
    const s = this.source;
    const code = s.charCodeAt(p);
    this.paragraphBareBox = false;
    this.paragraphTask = false;
    this.paragraphMayDefine = false;
    if (code === 35) {
      const heading = atxHeading(s, p, end);
      if (heading) {
        const children = heading.end > heading.start ? this.runs.of([{ start: heading.start, end: heading.end }]) : [];
        this.add({ type: 'heading', depth: heading.depth as 1, children, position: { start: this.at.point(p), end: this.at.point(end) } });
        return;
      }
    } else if (code === 96 || code === 126) {
      const open = fenceOpen(s, p, end);
      if (open) {
        this.raw = RawBlock.fenced(s, this.at, open, p, p - pos);
        this.leaf = RAW;
        return;
      }
    } else if (code === 42 || code === 45 || code === 95) {
      if (isThematicBreak(s, p, end)) {
        this.add({ type: 'thematicBreak', position: { start: this.at.point(p), end: this.at.point(end) } });
        return;
      }
    } else if (code === 60) {
      const kind = htmlStart(s, p, end);
      if (kind !== NOT_HTML) {
        this.raw = RawBlock.html(s, this.at, kind === HTML_COMMENT, pos, p, end);
        this.leaf = RAW;
        if (this.raw.closed) this.closeLeaf();
        return;
      }
    } else if (code === 91) {
      const box = fresh ? taskBoxAt(s, p, end) : NO_BOX;
      const item = this.stack[this.stack.length - 1] as Container;
      // A box is followed by a space, a label by a colon: a task's paragraph defines nothing.
      if (this.mayHaveDefinitions && box === NO_BOX) this.paragraphMayDefine = true;
      else if (box === BARE_BOX) this.paragraphBareBox = true;
      else if (box !== NO_BOX) {
        (item.node as ListItem).checked = box === 1;
        this.paragraphTask = true;
        p += 4;
      }
    }
    this.leaf = PARAGRAPH;
    this.paragraph = [{ start: p, end }];
    this.paragraphLazy = false;
  }

  private continueParagraph(start: number, end: number): void {
    if (this.paragraphBareBox || (this.paragraphMayDefine && this.paragraphLazy)) giveUp();
    this.paragraph.push({ start, end });
  }

  private closeLeaf(): void {
    const leaf = this.leaf;
    this.leaf = NONE;
    if (leaf === PARAGRAPH) {
      let lines: readonly LineSpan[] = this.paragraph;
      if (this.paragraphMayDefine) {
        const definitions = readDefinitions(this.source, lines, this.at, this.runs.defined);
        for (const node of definitions.nodes) this.add(node);
        lines = definitions.rest;
      }
      if (lines.length > 0) this.add(this.runs.paragraph(lines, this.paragraphTask));
    } else if (leaf === RAW) {
      this.add((this.raw as RawBlock).close());
      this.raw = undefined;
    } else this.table = undefined;
  }

  private add(node: RootContent): void {
    const top = this.stack[this.stack.length - 1] as Container;
    (top.node as Parent).children.push(node);
    top.openList = undefined;
  }

  private openItem(marker: ListMarker, p: number, width: number, empty: boolean, end: number): void {
    this.closeLeaf();
    this.stack.push(openItem(this.stack[this.stack.length - 1] as Container, marker, this.at.point(p), width, empty, end));
  }

  /** Close the open leaf and every container from depth `depth` on. */
  private closeContainers(depth: number): void {
    const stack = this.stack;
    if (stack.length > depth) this.closeLeaf();
    while (stack.length > depth) {
      const c = stack.pop() as Container;
      if (c.kind === ITEM && c.emptyStart) this.afterEmptyItem = true;
      finishContainer(c, this.at);
    }
  }
}
