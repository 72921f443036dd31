// In many real postmortems the headings are plain lines inside one long paragraph
// ("…the site was down.\nTimeline\n10:05 AM …\nRoot Cause:\n…"), or lazy continuation
// lines of a list item. Before sections are detected, top-level paragraphs and lists are
// split at such heading lines, so each heading line starts a paragraph of its own.
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { SectionKind } from '../model.ts';
import { classifyHeading, looksLikeHeadingLine } from './classify.ts';

interface Splitter {
  source: string;
  lineStarts: readonly number[];
  extra: ReadonlyMap<string, SectionKind> | undefined;
}

export function splitHeadingLines(tree: Root, source: string, lineStarts: readonly number[], extra?: ReadonlyMap<string, SectionKind>): void {
  const splitter: Splitter = { source, lineStarts, extra };
  const out: RootContent[] = [];
  let changed = false;
  for (const top of tree.children) {
    const pending: RootContent[] = [top];
    while (pending.length > 0) {
      const node = pending.pop()!;
      const parts = node.type === 'paragraph' ? splitParagraph(node, splitter) : node.type === 'list' ? splitList(node, splitter) : null;
      if (!parts) {
        out.push(node);
        continue;
      }
      changed = true;
      out.push(parts[0]!);
      for (let i = parts.length - 1; i >= 1; i--) pending.push(parts[i]!);
    }
  }
  if (changed) tree.children = out;
}

const CAPITALISED = /^[\p{Lu}*_]/u;

/** The first line (after the first) of a paragraph that is a heading line, or -1. */
function headingLineIn(paragraph: Paragraph, splitter: Splitter): number {
  const start = paragraph.position?.start.line;
  const end = paragraph.position?.end.line;
  if (start === undefined || end === undefined || end === start) return -1;
  for (let line = start + 1; line <= end; line++) {
    const text = lineText(splitter, line);
    // A wrapped word in prose (`text` is trimmed), or a line too long for a heading: the cheap
    // tests before looksLikeHeadingLine's.
    if (text.length > 120 || (!CAPITALISED.test(text) && !text.endsWith(':'))) continue;
    if (!looksLikeHeadingLine(text)) continue;
    if (classifyHeading(text, splitter.extra)) return line;
  }
  return -1;
}

function lineText(splitter: Splitter, line: number): string {
  const begin = splitter.lineStarts[line - 1] ?? 0;
  const next = splitter.lineStarts[line];
  const end = next === undefined ? splitter.source.length : next - 1;
  return splitter.source
    .slice(begin, end)
    .replace(/\r$/, '')
    .replace(/^\s*(?:>\s*)*/, '')
    .replace(/[*_]+/g, '')
    .trim();
}

function splitParagraph(paragraph: Paragraph, splitter: Splitter): [Paragraph, Paragraph] | null {
  const line = headingLineIn(paragraph, splitter);
  if (line === -1) return null;
  return cutParagraph(paragraph, line, splitter);
}

/** Cuts a paragraph before `line`: inline nodes on earlier lines stay, the rest move on. */
function cutParagraph(paragraph: Paragraph, line: number, splitter: Splitter): [Paragraph, Paragraph] | null {
  const before: PhrasingContent[] = [];
  const after: PhrasingContent[] = [];
  for (const child of paragraph.children) {
    const start = child.position?.start.line ?? 0;
    const end = child.position?.end.line ?? 0;
    if (end < line) before.push(child);
    else if (start >= line) after.push(child);
    else if (child.type === 'text') {
      const [head, tail] = cutText(child, line, splitter);
      if (head.value !== '') before.push(head);
      after.push(tail);
    } else if (start < line && child.type === 'break') {
      before.push(child);
    } else {
      return null; // emphasis or a link spanning the heading line: leave the paragraph whole
    }
  }
  if (before.length === 0 || after.length === 0) return null;
  const cutOffset = lineStartOffset(splitter, line);
  const endPoint = pointBefore(splitter, line);
  const first: Paragraph = { type: 'paragraph', children: before, position: { start: paragraph.position!.start, end: endPoint } };
  const second: Paragraph = {
    type: 'paragraph',
    children: after,
    position: { start: { line, column: cutOffset.column, offset: cutOffset.offset }, end: paragraph.position!.end },
  };
  return [first, second];
}

function cutText(node: Text, line: number, splitter: Splitter): [Text, Text] {
  const startLine = node.position!.start.line;
  let index = -1;
  for (let l = startLine; l < line; l++) index = node.value.indexOf('\n', index + 1);
  // Trailing blanks cut by a loop (`/[ \t]+$/` is quadratic on a long run of them inside the text).
  let headEnd = Math.max(0, index);
  while (headEnd > 0 && (node.value[headEnd - 1] === ' ' || node.value[headEnd - 1] === '\t')) headEnd--;
  const head = node.value.slice(0, headEnd);
  const tail = node.value.slice(index + 1);
  const cut = lineStartOffset(splitter, line);
  return [
    { type: 'text', value: head, position: { start: node.position!.start, end: pointBefore(splitter, line) } },
    { type: 'text', value: tail, position: { start: { line, column: cut.column, offset: cut.offset }, end: node.position!.end } },
  ];
}

/** Where a line's text begins (after indentation and blockquote markers). */
function lineStartOffset(splitter: Splitter, line: number): { column: number; offset: number } {
  const begin = splitter.lineStarts[line - 1] ?? 0;
  let offset = begin;
  while (offset < splitter.source.length && /[ \t>]/.test(splitter.source[offset]!)) offset++;
  return { column: offset - begin + 1, offset };
}

function pointBefore(splitter: Splitter, line: number): { line: number; column: number; offset: number } {
  const offset = Math.max(0, (splitter.lineStarts[line - 1] ?? 1) - 1);
  const previous = line - 1;
  const begin = splitter.lineStarts[previous - 1] ?? 0;
  const end = splitter.source[offset - 1] === '\r' ? offset - 1 : offset;
  return { line: previous, column: end - begin + 1, offset: end };
}

/**
 * A top-level list whose item swallowed a heading line as a lazy continuation: the list
 * ends there, the heading line and what follows become a paragraph, and the remaining
 * items a list of their own.
 */
function splitList(list: List, splitter: Splitter): RootContent[] | null {
  for (let i = 0; i < list.children.length; i++) {
    const item = list.children[i]!;
    const found = lazyHeading(item, splitter);
    if (!found) continue;
    const [kept, moved] = found;
    const head: List = { ...list, children: [...list.children.slice(0, i), kept] };
    if (head.position && kept.position) head.position = { start: list.position!.start, end: kept.position.end };
    const rest = list.children.slice(i + 1);
    const parts: RootContent[] = [head, moved];
    if (rest.length > 0) {
      parts.push({
        ...list,
        children: rest,
        start: typeof list.start === 'number' ? list.start + i + 1 : list.start,
        position: rest[0]!.position && list.position ? { start: rest[0]!.position.start, end: list.position.end } : undefined,
      });
    }
    return parts;
  }
  return null;
}

/** The item cut before its heading line, and the paragraph from that line on. */
function lazyHeading(item: ListItem, splitter: Splitter): [ListItem, Paragraph] | null {
  const last = item.children[item.children.length - 1];
  if (!last) return null;
  if (last.type === 'list') {
    const inner = last.children[last.children.length - 1];
    if (!inner) return null;
    const found = lazyHeading(inner, splitter);
    if (!found) return null;
    const innerList: List = { ...last, children: [...last.children.slice(0, -1), found[0]] };
    return [{ ...item, children: [...item.children.slice(0, -1), innerList] }, found[1]];
  }
  if (last.type !== 'paragraph') return null;
  const line = headingLineIn(last, splitter);
  if (line === -1) return null;
  const cut = cutParagraph(last, line, splitter);
  if (!cut) return null;
  const kept: ListItem = { ...item, children: [...item.children.slice(0, -1), cut[0]] };
  if (item.position) kept.position = { start: item.position.start, end: cut[0].position!.end };
  return [kept, cut[1]];
}
