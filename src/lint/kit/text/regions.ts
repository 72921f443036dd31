// The regions of a document a text rule reads besides its prose pieces: table cells with
// their column's header, HTML nodes, the frontmatter block.
import type { Nodes, Root, Table } from 'mdast';
import type { Postmortem } from '../../../core/model.ts';
import { containing, stripMarkup } from './context.ts';

/** A table cell's extent in the source and its column's header ("Owner", "Status"). */
export interface Cell {
  start: number;
  end: number;
  header: string;
}

/** Every body cell of every table, in no particular order. */
export function tableCells(tree: Root, source: string): Cell[] {
  const cells: Cell[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'table') {
      collectCells(node, source, cells);
      continue;
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return cells;
}

function collectCells(table: Table, source: string, cells: Cell[]): void {
  const [head, ...rows] = table.children;
  if (!head) return;
  const headers = head.children.map((cell) => {
    const s = cell.position?.start.offset;
    const e = cell.position?.end.offset;
    return s === undefined || e === undefined
      ? ''
      : source
          .slice(s, e)
          .replace(/[|*_`]/g, '')
          .trim();
  });
  for (const row of rows) {
    row.children.forEach((cell, i) => {
      const s = cell.position?.start.offset;
      const e = cell.position?.end.offset;
      if (s !== undefined && e !== undefined) cells.push({ start: s, end: e, header: headers[i] ?? '' });
    });
  }
}

/** The table cell holding an offset, with its header and its text without markup (the cells read on first use). */
export class TableCellIndex {
  private readonly tree: Root;
  private readonly source: string;
  private cells: Cell[] | null = null;
  private readonly texts = new Map<Cell, string>();

  constructor(tree: Root, source: string) {
    this.tree = tree;
    this.source = source;
  }

  at(offset: number): { header: string; text: string } | null {
    this.cells ??= tableCells(this.tree, this.source).sort((a, b) => a.start - b.start);
    const cell = containing(
      this.cells,
      offset,
      (c) => c.start,
      (c) => c.end,
    );
    if (cell === undefined) return null;
    let text = this.texts.get(cell);
    if (text === undefined) this.texts.set(cell, (text = stripMarkup(this.source.slice(cell.start, cell.end).replace(/^\|/, '').replace(/\|$/, ''))));
    return { header: cell.header, text };
  }
}

/** A stretch of the source: its text and where it starts. */
export interface SourceText {
  value: string;
  offset: number;
}

/** The HTML nodes that hold a "<" ("<insert summary>" parses as HTML), as they stand in the source. */
export function htmlTexts(tree: Root, source: string): SourceText[] {
  const html: SourceText[] = [];
  const stack: Nodes[] = source.includes('<') ? [tree] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'html') {
      const start = node.position?.start.offset;
      if (start !== undefined && node.value.includes('<')) html.push({ value: source.slice(start, node.position?.end.offset), offset: start });
      continue;
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return html;
}

/** The frontmatter block's text and offset, when the block exists and stands as read. */
export function frontmatterText(model: Postmortem, lineStarts: readonly number[]): SourceText | null {
  const { raw, span } = model.frontmatter;
  if (raw === null || span === null || raw === '') return null;
  const offset = lineStarts[span.start.line];
  if (offset === undefined || model.source.slice(offset, offset + raw.length) !== raw) return null;
  return { value: raw, offset };
}
