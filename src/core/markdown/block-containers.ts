// The block reader's open containers (block quotes and list items): how far a line continues
// them, opening a list item, and what closing one settles: its end, and for a list item
// whether it is spread and where its list ends.
import type { Blockquote, List, ListItem, Parent, Root } from 'mdast';
import type { Point } from 'unist';
import { advanceColumns, blankSpaces, columnsAt, giveUp, isBlank, type ListMarker, spacesAt } from './block-lines.ts';
import { afterQuoteMarker } from './block-starts.ts';
import type { PositionTable } from './positions.ts';

export const QUOTE = 1;
export const ITEM = 2;

export interface Container {
  kind: number;
  node: Root | Blockquote | ListItem;
  /** List item: the columns its content is indented by. */
  width: number;
  /** List item whose first line had no content (it ends on the next line). */
  emptyStart: boolean;
  list: List | undefined;
  /** Block quote: end of its last line; empty list item: end of its marker line. */
  lastEnd: number;
  /** The last child when it is a list that can still take items, and its marker. */
  openList: List | undefined;
  openMarker: number;
}

export function newContainer(kind: number, node: Container['node'], width: number): Container {
  return { kind, node, width, emptyStart: false, list: undefined, lastEnd: 0, openList: undefined, openMarker: 0 };
}

/**
 * A block quote ends with its last line. A list item ends with its last child (or its marker
 * line when empty), and so does its list so far; it is spread when a blank line separates
 * two of its children, as mdast-util-from-markdown decides.
 */
export function finishContainer(c: Container, at: PositionTable): void {
  const position = c.node.position as { end: unknown };
  if (c.kind === QUOTE) {
    // An empty block quote: micromark's end for it depends on the lines around it.
    if ((c.node as Blockquote).children.length === 0) giveUp();
    position.end = at.point(c.lastEnd);
    return;
  }
  const children = (c.node as ListItem).children;
  const last = children[children.length - 1];
  position.end = last ? last.position?.end : at.point(c.lastEnd);
  for (let i = 1; i < children.length; i++) {
    if ((children[i]?.position?.start.line as number) - (children[i - 1]?.position?.end.line as number) > 1) {
      (c.node as ListItem).spread = true;
      break;
    }
  }
  ((c.list as List).position as { end: unknown }).end = position.end;
}

/** A new list item in `top`, as a container: in `top`'s open list when its marker is the same, else in a new list. */
export function openItem(top: Container, marker: ListMarker, start: Point, width: number, empty: boolean, end: number): Container {
  let list = top.openList;
  if (list && top.openMarker === marker.marker) {
    const previous = list.children[list.children.length - 1] as ListItem;
    if (start.line - (previous.position?.end.line as number) > 1) list.spread = true;
  } else {
    list = { type: 'list', ordered: marker.ordered, start: marker.ordered ? marker.start : null, spread: false, children: [] };
    list.position = { start, end: start };
    (top.node as Parent).children.push(list);
    top.openList = list;
    top.openMarker = marker.marker;
  }
  const node: ListItem = { type: 'listItem', spread: false, checked: null, children: [], position: { start, end: start } };
  list.children.push(node);
  const item = newContainer(ITEM, node, width);
  item.list = list;
  item.emptyStart = empty;
  item.lastEnd = end;
  return item;
}

/**
 * A quote's child (a quote, or a list item) closed by a line that stays in the quote and opens
 * a container: micromark ends that quote, or the item's list, where the line's content starts.
 */
export function endQuotedChild(closed: Container, end: Point): void {
  const node = closed.kind === QUOTE ? closed.node : closed.list;
  ((node as Parent).position as { end: Point }).end = end;
}

/** How far a line continues the open containers: how many (the root counted), and where its rest starts. */
export interface Continued {
  matched: number;
  pos: number;
  /** The column of `pos`, tabs expanded. */
  col: number;
  /** A list item's indentation ended inside a tab: `pos` is that tab, `col` past the item's part of it. */
  splitTab: boolean;
}

/** Which of the open containers (`stack`, the root first) the line from `start` to `end` continues; `raw`: a code or HTML block is open. */
export function continueContainers(s: string, stack: readonly Container[], start: number, end: number, raw: boolean): Continued {
  let pos = start;
  let col = 0;
  let splitTab = false;
  let matched = 1;
  for (; matched < stack.length; matched++) {
    const c = stack[matched] as Container;
    if (c.kind === QUOTE) {
      const n = spacesAt(s, pos, end);
      if (n > 3 || s.charCodeAt(pos + n) !== 62) break;
      const before = pos;
      pos = afterQuoteMarker(s, pos + n, end);
      col += pos - before;
      c.lastEnd = end;
    } else if (isBlank(s, pos, end)) {
      // A list in a block quote with a blank quoted line: micromark stretches the list's end to it.
      if (matched > 1 && stack[matched - 1]?.kind === QUOTE) giveUp();
      if (c.emptyStart) break;
      let n = blankSpaces(s, pos, end);
      if (n === -1) {
        // A tab in a blank line: what it leaves matters only to an open code or HTML block.
        if (raw) giveUp();
        pos = end;
        continue;
      }
      n = Math.min(n, c.width);
      pos += n;
      col += n;
    } else {
      const n = columnsAt(s, pos, end, col);
      if (c.emptyStart) {
        if (n >= c.width) giveUp();
        break;
      }
      if (n < c.width) break;
      const next = advanceColumns(s, pos, c.width, col, true);
      if (columnsAt(s, pos, next, col) !== c.width) splitTab = true;
      pos = next;
      col += c.width;
    }
  }
  return { matched, pos, col, splitTab };
}
