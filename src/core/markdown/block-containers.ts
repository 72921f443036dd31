// The block reader's open containers (block quotes and list items) and what closing one
// settles: its end, and for a list item whether it is spread and where its list ends.
import type { Blockquote, List, ListItem, Parent, Root } from 'mdast';
import type { Point } from 'unist';
import { giveUp, type ListMarker } from './block-lines.ts';
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
