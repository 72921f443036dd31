// The postmortem's body shaped around the incident page: timeline entries written one per
// line become a list, each entry gets an id the picture links to, and action items (shown
// once, as the page's table) leave the body, a slot marking where the page puts the table.
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { List, ListItem, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';

/** The id of a timeline entry's element in the rendered body. */
export function entryId(line: number): string {
  return `entry-L${line}`;
}

/**
 * Where the page puts its action-item table into the rendered body (see ACTIONS_SLOT_PATTERN).
 * Added after sanitizing (an author's `<div>` keeps no class), so no postmortem can write one.
 */
export const ACTIONS_SLOT = '<div class="hindsight-slot-actions">';

/** An empty mdast marker where action items were taken out (turned into the slot after sanitizing). */
export function actionsMarker(node: List | Table): RootContent {
  return { type: 'thematicBreak', position: node.position };
}

/**
 * The list or table without its action items (null when nothing else is left; the node
 * itself when it had none), and the text of the items taken out.
 */
export function withoutActionItems(node: List | Table, lines: ReadonlySet<number>): { kept: List | Table | null; removed: string[] } {
  const isAction = (child: ListItem | Table['children'][number]): boolean => lines.has(child.position?.start.line ?? -1);
  if (!node.children.some(isAction)) return { kept: node, removed: [] };
  if (node.type === 'list') {
    const children = node.children.filter((c) => !isAction(c));
    return { kept: children.length === 0 ? null : { ...node, children }, removed: node.children.filter(isAction).map((c) => flatText(c)) };
  }
  const [header, ...rows] = node.children;
  const kept = rows.filter((r) => !isAction(r));
  return {
    kept: kept.length === 0 || !header ? null : { ...node, children: [header, ...kept] },
    removed: rows.filter(isAction).map((r) => r.children.map((c) => flatText(c)).join(' · ')),
  };
}

function flatText(node: Parameters<typeof mdastText>[0]): string {
  return mdastText(node).replace(/\s+/g, ' ').trim();
}

/**
 * A paragraph of timeline entries written one per line with no list markers ("14:02 UTC -
 * Alert fires" and a line break, then the next): one list item per entry, so it reads as
 * entries rather than one run-on paragraph. A line that starts no entry continues the one
 * before. Null when the paragraph is not such a block.
 */
export function entryList(paragraph: Paragraph, entries: ReadonlySet<number>): List | null {
  const first = paragraph.position?.start.line;
  const last = paragraph.position?.end.line;
  if (first === undefined || last === undefined || first === last || !entries.has(first)) return null;
  let count = 0;
  for (let line = first; line <= last; line++) if (entries.has(line)) count++;
  if (count < 2) return null;
  const lines = phrasingLines(paragraph.children);
  if (lines.length !== last - first + 1) return null;
  const items: ListItem[] = [];
  lines.forEach((parts, index) => {
    const line = first + index;
    const previous = items[items.length - 1];
    if (!entries.has(line) && previous) {
      (previous.children[0] as Paragraph).children.push({ type: 'text', value: ' ' }, ...parts);
      return;
    }
    const position = { start: { line, column: 1 }, end: { line, column: 1 } };
    items.push({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: parts, position }], position });
  });
  return { type: 'list', ordered: false, spread: false, children: items, position: paragraph.position };
}

/** Phrasing content split at its line breaks (soft and hard). */
function phrasingLines(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type === 'break') lines.push([]);
    else if (child.type === 'text' && child.value.includes('\n')) {
      child.value.split('\n').forEach((part, index) => {
        if (index > 0) lines.push([]);
        if (part.trim()) lines[lines.length - 1]!.push({ type: 'text', value: index > 0 ? part.trimStart() : part });
      });
    } else lines[lines.length - 1]!.push(child);
  }
  return lines;
}

/** `id="entry-L<line>"` on the element (list item, table row, paragraph) where each timeline entry starts. */
export function addEntryIds(tree: HastRoot, lines: ReadonlySet<number> | undefined): void {
  if (!lines?.size) return;
  const given = new Set<number>();
  const visit = (parent: HastRoot | Element): void => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const line = child.position?.start.line;
      if (line !== undefined && lines.has(line) && !given.has(line) && (child.tagName === 'li' || child.tagName === 'tr' || child.tagName === 'p')) {
        given.add(line);
        child.properties = { ...child.properties, id: entryId(line) };
      }
      visit(child);
    }
  };
  visit(tree);
}

/**
 * The slot where the first action items stood (the markers of the others go). It holds their
 * text as a plain list, for the search index; the page replaces the whole slot with its table.
 */
export function addActionsSlot(tree: HastRoot, markerLines: ReadonlySet<number>, texts: readonly string[]): void {
  let placed = false;
  tree.children = tree.children.flatMap((child): HastContent[] => {
    if (child.type !== 'element' || child.tagName !== 'hr' || !markerLines.has(child.position?.start.line ?? -1)) return [child];
    if (placed) return [];
    placed = true;
    const items: Element[] = texts.map((text) => ({ type: 'element', tagName: 'li', properties: {}, children: [{ type: 'text', value: text }] }));
    return [
      {
        type: 'element',
        tagName: 'div',
        properties: { className: ['hindsight-slot-actions'] },
        children: [{ type: 'element', tagName: 'ul', properties: {}, children: items }],
      },
    ];
  });
}

/** The slot with the text it holds (no `<div>` inside it, so the first `</div>` closes it). */
export const ACTIONS_SLOT_PATTERN = /<div class="hindsight-slot-actions">[\s\S]*?<\/div>/;
