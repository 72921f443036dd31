// The postmortem's body shaped around the incident page: timeline entries written one per
// line become a list, each entry gets an id the picture links to, action items (shown once,
// as the page's table) leave the body, and slots mark where the page puts its own parts.
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { List, ListItem, Paragraph, PhrasingContent, RootContent, Table } from 'mdast';

/** The id of a timeline entry's element in the rendered body. */
export function entryId(line: number): string {
  return `entry-L${line}`;
}

/**
 * Where the page puts its own parts into the rendered body. Added after sanitizing (an
 * author's `<div>` keeps no class), so no postmortem can write one.
 */
export const SLOT = {
  timeline: '<div class="hindsight-slot-timeline"></div>',
  actions: '<div class="hindsight-slot-actions"></div>',
} as const;

/** An empty mdast marker where action items were taken out (turned into the slot after sanitizing). */
export function actionsMarker(node: List | Table): RootContent {
  return { type: 'thematicBreak', position: node.position };
}

/** The list or table without its action items (null when nothing else is left; the node itself when it had none). */
export function withoutActionItems(node: List | Table, lines: ReadonlySet<number>): List | Table | null {
  const isAction = (child: ListItem | Table['children'][number]): boolean => lines.has(child.position?.start.line ?? -1);
  if (!node.children.some(isAction)) return node;
  if (node.type === 'list') {
    const children = node.children.filter((c) => !isAction(c));
    return children.length === 0 ? null : { ...node, children };
  }
  const [header, ...rows] = node.children;
  const kept = rows.filter((r) => !isAction(r));
  return kept.length === 0 || !header ? null : { ...node, children: [header, ...kept] };
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

/** The page's slots: the picture after the timeline heading, the action-item table where the first items stood. */
export function addSlots(tree: HastRoot, timelineHeadingLine: number | null | undefined, actionMarkerLines: ReadonlySet<number>): void {
  const slot = (name: string): Element => ({ type: 'element', tagName: 'div', properties: { className: [`hindsight-slot-${name}`] }, children: [] });
  let timelinePlaced = false;
  let actionsPlaced = false;
  tree.children = tree.children.flatMap((child): HastContent[] => {
    if (child.type !== 'element') return [child];
    if (child.tagName === 'hr' && actionMarkerLines.has(child.position?.start.line ?? -1)) {
      if (actionsPlaced) return [];
      actionsPlaced = true;
      return [slot('actions')];
    }
    if (!timelinePlaced && /^h[1-6]$/.test(child.tagName) && timelineHeadingLine != null && child.position?.start.line === timelineHeadingLine) {
      timelinePlaced = true;
      return [child, slot('timeline')];
    }
    return [child];
  });
}

