// The inline reader's working list, and how its delimiter runs become emphasis, strong and
// delete nodes. Both resolvers follow micromark's (attention's and GFM strikethrough's
// `resolveAll`) step for step: a closer walks back to the nearest opener it can pair with,
// what lies between is resolved on its own first, and runs left unpaired become text.
import type { PhrasingContent } from 'mdast';
import type { Point } from 'unist';

export const TEXT = 0;
export const NODE = 1;
export const DELIMITER = 2;
/** A `[` or `![` that may still open a link or image; text if it never does. */
export const BRACKET = 3;

export interface Item {
  kind: number;
  start: number;
  end: number;
  /** The text's value (TEXT, BRACKET; a DELIMITER's is its source). */
  value: string;
  node: PhrasingContent | undefined;
  /** DELIMITER: `*`, `_` or `~`, how many are left, whether it can open / close. */
  marker: number;
  size: number;
  open: boolean;
  close: boolean;
}

export function textItem(start: number, end: number, value: string): Item {
  return { kind: TEXT, start, end, value, node: undefined, marker: 0, size: 0, open: false, close: false };
}

export function nodeItem(node: PhrasingContent, start: number, end: number): Item {
  return { kind: NODE, start, end, value: '', node, marker: 0, size: 0, open: false, close: false };
}

export function delimiterItem(marker: number, start: number, end: number, open: boolean, close: boolean): Item {
  return { kind: DELIMITER, start, end, value: '', node: undefined, marker, size: end - start, open, close };
}

export type PointOf = (offset: number) => Point;

const TILDE = 126;

/** What micromark resolves inside a span (a link's text, an emphasis): attention, then strikethrough. */
export function resolveInside(items: Item[], pointOf: PointOf): Item[] {
  resolveAttention(items, pointOf);
  resolveStrikethrough(items, pointOf);
  return items;
}

export function resolveAttention(items: Item[], pointOf: PointOf): void {
  for (let index = 0; index < items.length; index++) {
    const closer = items[index] as Item;
    if (closer.kind !== DELIMITER || closer.marker === TILDE || !closer.close) continue;
    for (let open = index - 1; open >= 0; open--) {
      const opener = items[open] as Item;
      if (opener.kind !== DELIMITER || opener.marker !== closer.marker || !opener.open) continue;
      // The rule of 3, with the sizes left now, as micromark counts them.
      if ((opener.close || closer.open) && closer.size % 3 && !((opener.size + closer.size) % 3)) continue;
      const use = opener.size > 1 && closer.size > 1 ? 2 : 1;
      const children = finishChildren(resolveInside(items.slice(open + 1, index), pointOf), pointOf);
      const start = opener.end - use;
      const end = closer.start + use;
      const node: PhrasingContent = { type: use === 2 ? 'strong' : 'emphasis', children, position: { start: pointOf(start), end: pointOf(end) } };
      opener.end -= use;
      opener.size -= use;
      closer.start += use;
      closer.size -= use;
      const replaced: Item[] = [];
      if (opener.size) replaced.push(opener);
      replaced.push(nodeItem(node, start, end));
      if (closer.size) replaced.push(closer);
      items.splice(open, index - open + 1, ...replaced);
      // Look at what is left of the closer again, or go on after the new node.
      index = open + replaced.length - (closer.size ? 2 : 1);
      break;
    }
  }
  for (const item of items) if (item.kind === DELIMITER && item.marker !== TILDE) toText(item);
}

export function resolveStrikethrough(items: Item[], pointOf: PointOf): void {
  for (let index = 0; index < items.length; index++) {
    const closer = items[index] as Item;
    if (closer.kind !== DELIMITER || closer.marker !== TILDE || !closer.close) continue;
    for (let open = index - 1; open >= 0; open--) {
      const opener = items[open] as Item;
      if (opener.kind !== DELIMITER || opener.marker !== TILDE || !opener.open || opener.size !== closer.size) continue;
      const children = finishChildren(resolveInside(items.slice(open + 1, index), pointOf), pointOf);
      const node: PhrasingContent = { type: 'delete', children, position: { start: pointOf(opener.start), end: pointOf(closer.end) } };
      items.splice(open, index - open + 1, nodeItem(node, opener.start, closer.end));
      index = open;
      break;
    }
  }
  for (const item of items) if (item.kind === DELIMITER && item.marker === TILDE) toText(item);
}

function toText(item: Item): void {
  item.kind = TEXT;
  item.value = String.fromCharCode(item.marker).repeat(item.size);
}

/** The finished phrasing content: adjacent text merged into one node, as mdast-util-from-markdown merges data. */
export function finishChildren(items: readonly Item[], pointOf: PointOf): PhrasingContent[] {
  const children: PhrasingContent[] = [];
  let index = 0;
  while (index < items.length) {
    const item = items[index] as Item;
    if (item.kind === NODE) {
      children.push(item.node as PhrasingContent);
      index++;
      continue;
    }
    let value = item.kind === DELIMITER ? String.fromCharCode(item.marker).repeat(item.size) : item.value;
    let end = item.end;
    for (index++; index < items.length; index++) {
      const next = items[index] as Item;
      if (next.kind === NODE) break;
      value += next.kind === DELIMITER ? String.fromCharCode(next.marker).repeat(next.size) : next.value;
      end = next.end;
    }
    children.push({ type: 'text', value, position: { start: pointOf(item.start), end: pointOf(end) } });
  }
  return children;
}

/** An image's `alt`: its content as plain text (mdast-util-to-string, as mdast-util-from-markdown takes it). */
export function plainText(nodes: readonly PhrasingContent[]): string {
  let value = '';
  for (const node of nodes) {
    if ('value' in node) value += node.value;
    else if (node.type === 'image') value += node.alt ?? '';
    else if ('children' in node) value += plainText(node.children);
  }
  return value;
}
