// Finds the document's sections: real headings (ATX, setext, HTML `<hN>`) and the
// heading stand-ins real postmortems use — a bold paragraph (`**Timeline:**`) or a short
// plain line standing alone ("Timeline"). Only top-level blocks can open a section.
import type { Html, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { HeadingStyle, Section, SectionKind } from '../model.ts';
import { inlineLines, plainText } from '../text.ts';
import { classifyHeading, looksLikeHeadingLine } from './classify.ts';

/** A section with the top-level blocks of its body. */
export interface SectionBlock {
  section: Section;
  /** Top-level nodes after the heading, up to the next section. */
  nodes: RootContent[];
  /**
   * When the heading was the first line(s) of a paragraph (bold or plain-line heading),
   * that paragraph is nodes[0] and this many of its lines belong to the heading.
   */
  headingLines: number;
  /** The heading's plain text before cleaning: zone declarations read it ("UTC−05:00"). */
  headingText: string;
}

export interface DetectedStructure {
  title: string | null;
  titleLine: number | null;
  blocks: SectionBlock[];
  /** Top-level nodes before the first section (after the title). */
  preamble: RootContent[];
}

interface Candidate {
  text: string;
  depth: number;
  style: HeadingStyle;
  /** Lines of the paragraph the heading takes (bold / plain-line), 0 for block headings. */
  lines: number;
  /** Offset where the heading ends and the body begins. */
  end: number;
  /** Whether the rest of the heading's paragraph holds body text. */
  restHasText: boolean;
  /** A bold label with text after it on the same line ("**Cause:** a typo"). */
  fieldWithText?: boolean;
}

const HTML_HEADING = /^\s*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>\s*(?:<(?:hr|br)\s*\/?>\s*)*$/i;
const TIMELINE_PHASES: ReadonlySet<SectionKind> = new Set(['timeline', 'detection', 'resolution']);
/** Kinds a label may open even inside another section. */
const MAIN_KINDS: ReadonlySet<SectionKind> = new Set(['summary', 'timeline', 'root-cause', 'corrective-measures', 'lessons-learned']);
/** "Root Causes: a config push …": a field label and its text. */
const FIELD = /^([^:\n]{2,40}?)[ \t]*:(?:[ \t]+|$)/;
const TAG = /<[^>]*>/g;
/** An HTML heading with more of the same HTML block after it (no blank line between). */
const HTML_HEADING_LEAD = /^\s*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>[ \t]*\r?\n([\s\S]*)$/i;
const COMMENT = /<!--[\s\S]*?-->/g;

export function detectSections(tree: Root, source: string, extraAliases?: ReadonlyMap<string, SectionKind>): DetectedStructure {
  let title: string | null = null;
  let titleLine: number | null = null;
  const blocks: SectionBlock[] = [];
  const preamble: RootContent[] = [];
  let current: SectionBlock | null = null;

  for (let index = 0; index < tree.children.length; index++) {
    const node = tree.children[index]!;
    if (node.type === 'yaml' || (node as { type: string }).type === 'toml') continue;
    // "- Summary: …", "- Impact: …", "- Root Causes: …": each field bullet is a section.
    // Only where no section holds the list: inside one, "- Root Cause: …" bullets are its details.
    const holder: SectionKind | null = (current as SectionBlock | null)?.section.kind ?? null;
    const fields: Field[] | null = node.type === 'list' && holder === null ? fieldSections(node, extraAliases) : null;
    if (fields) {
      for (const { item, section, paragraph } of fields) {
        if (section === null) {
          (current ? current.nodes : preamble).push(paragraph ?? (item as unknown as RootContent));
          continue;
        }
        if (current) closeSection(current, section.span.start.offset, source);
        current = { section, nodes: paragraph ? [paragraph] : [], headingLines: 0, headingText: section.heading };
        blocks.push(current);
      }
      continue;
    }
    const candidate = headingCandidate(node, source);
    let kind: SectionKind | null = null;
    let heading = '';
    if (candidate) {
      const classified = classifyHeading(candidate.text, extraAliases);
      kind = classified?.kind ?? null;
      heading = classified?.heading ?? candidate.text.trim();
    }
    const introducesList = tree.children[index + 1]?.type === 'list';
    const opens = candidate !== null && opensSection(candidate, kind, current, title !== null || blocks.length > 0, introducesList);
    // The first unrecognised heading before any section is the title, at any level
    // ("## 0x19 Postmortem" heads many documents).
    if (candidate && candidate.lines === 0 && title === null && blocks.length === 0 && kind === null && (!opens || preamble.every(isBlank))) {
      title = candidate.text.trim();
      titleLine = node.position?.start.line ?? null;
      continue;
    }
    if (!candidate || !opens) {
      (current ? current.nodes : preamble).push(node);
      continue;
    }
    const start = node.position!.start;
    const section: Section = {
      kind: kind ?? 'other',
      heading,
      line: start.line,
      span: { start: { line: start.line, column: start.column, offset: start.offset ?? 0 }, end: { line: 0, column: 0, offset: 0 } },
      style: candidate.style,
      depth: candidate.depth,
      bodyStart: candidate.end,
      bodyEnd: source.length,
      empty: !candidate.restHasText,
    };
    if (current) closeSection(current, section.span.start.offset, source);
    current = { section, nodes: candidate.lines > 0 ? [node] : [], headingLines: candidate.lines, headingText: candidate.text };
    blocks.push(current);
  }
  if (current) closeSection(current, source.length, source);
  return { title, titleLine, blocks, preamble };
}

function opensSection(candidate: Candidate, kind: SectionKind | null, current: SectionBlock | null, titled: boolean, introducesList = false): boolean {
  const inline = candidate.style === 'bold' || candidate.style === 'plain-line';
  // Inside a timeline, "**Description:** text" is a field of an entry, not a section.
  if (inline && current?.section.kind === 'timeline' && candidate.fieldWithText) return false;
  // A label that introduces a list of facts inside a section ("**Affected Services:**",
  // "Gradual recovery:") is part of it; only the main parts of a postmortem open one there.
  if (inline && introducesList && !candidate.restHasText && current !== null && current.section.kind !== 'other' && (kind === null || !MAIN_KINDS.has(kind)))
    return false;
  if (inline) return kind !== null && kind !== current?.section.kind;
  if (candidate.depth === 1 && kind === null && !titled) return false; // the document title
  if (!current) return true;
  const parent = current.section;
  if (candidate.depth > parent.depth) {
    // A sub-heading stays in its parent unless it names another kind of section. A
    // timeline keeps the sub-headings that are its days or phases (detection, response).
    if (parent.kind === 'timeline' && (kind === null || TIMELINE_PHASES.has(kind))) return false;
    return kind !== null && kind !== parent.kind;
  }
  return true;
}

function closeSection(block: SectionBlock, endOffset: number, source: string): void {
  const { section } = block;
  section.bodyEnd = endOffset;
  let end = endOffset;
  while (end > section.span.start.offset && /\s/.test(source[end - 1]!)) end--;
  const last = block.nodes[block.nodes.length - 1];
  const endPoint = last?.position?.end;
  section.span.end = endPoint
    ? { line: endPoint.line, column: endPoint.column, offset: endPoint.offset ?? end }
    : { ...section.span.start, offset: section.bodyStart };
  if (section.empty) section.empty = !block.nodes.slice(block.headingLines > 0 ? 1 : 0).some(hasContent);
}

function hasContent(node: RootContent): boolean {
  switch (node.type) {
    case 'thematicBreak':
    case 'definition':
      return false;
    case 'html':
      return !/^\s*(<!--[\s\S]*?-->\s*)+$/.test(node.value) && node.value.trim() !== '';
    default:
      return plainText(node).trim() !== '' || node.type === 'table' || node.type === 'code' || hasImage(node);
  }
}

function hasImage(node: RootContent): boolean {
  if (node.type === 'image' || node.type === 'imageReference') return true;
  return 'children' in node && (node.children as RootContent[]).some(hasImage);
}

function isBlank(node: RootContent): boolean {
  return !hasContent(node);
}

function headingCandidate(node: RootContent, source: string): Candidate | null {
  const end = node.position?.end.offset ?? 0;
  switch (node.type) {
    case 'heading': {
      // "##" alone is a separator line to a reader, not a section.
      const text = plainText(node);
      if (text.trim() === '') return null;
      const style: HeadingStyle = isSetext(node.position?.start.offset ?? 0, source) ? 'setext' : 'atx';
      return { text, depth: node.depth, style, lines: 0, end, restHasText: false };
    }
    case 'html':
      return htmlHeading(node, end);
    case 'paragraph':
      return boldHeading(node) ?? plainLineHeading(node);
    default:
      return null;
  }
}

function isSetext(offset: number, source: string): boolean {
  let i = offset;
  while (source[i] === ' ') i++;
  return source[i] !== '#';
}

function htmlHeading(node: Html, end: number): Candidate | null {
  const match = HTML_HEADING.exec(node.value) ?? HTML_HEADING_LEAD.exec(node.value);
  if (!match) return null;
  const text = match[2]!.replace(TAG, '').replace(/\s+/g, ' ').trim();
  // "<h2>Timeline</h2>" directly followed by lines: CommonMark keeps them in the HTML block.
  const rest = match[3] ?? '';
  const restHasText = rest.replace(COMMENT, '').replace(TAG, '').trim() !== '';
  return { text, depth: Number(match[1]), style: 'html', lines: 0, end, restHasText };
}

/** `**Timeline:**`, `**Issue Summary**` alone, or `**Root Cause:** text…` leading a paragraph. */
function boldHeading(node: Paragraph): Candidate | null {
  const first = node.children[0];
  if (!first || (first.type !== 'strong' && first.type !== 'emphasis')) return null;
  const label = plainText(first).trim();
  if (label === '' || label.length > 80) return null;
  const next = node.children[1];
  const afterBold = next ? leadingLineText(node.children.slice(1)) : '';
  const colon = label.endsWith(':') || /^\s*:/.test(afterBold);
  const sameLineRest = afterBold.replace(/^\s*:?\s*/, '');
  if (sameLineRest !== '' && !colon) return null;
  const endOffset =
    next?.type === 'text' && next.value.trimStart().startsWith(':') && sameLineRest === ''
      ? (next.position?.start.offset ?? 0) + next.value.indexOf(':') + 1
      : (first.position?.end.offset ?? 0);
  const lines = inlineLines(node.children, node.position?.start.line ?? 1);
  const restHasText = sameLineRest !== '' || lines.slice(1).some((l) => l.text !== '');
  return { text: label, depth: 2, style: 'bold', lines: 1, end: endOffset, restHasText, fieldWithText: sameLineRest !== '' };
}

/** A short plain line standing alone as a heading: "Timeline" on its own line. */
function plainLineHeading(node: Paragraph): Candidate | null {
  const first = node.children[0];
  if (first?.type !== 'text') return null;
  const newline = first.value.indexOf('\n');
  const text = newline === -1 && node.children.length === 1 ? first.value : newline === -1 ? null : first.value.slice(0, newline);
  if (text === null || !looksLikeHeadingLine(text)) return null;
  const start = first.position?.start.offset ?? 0;
  const lines = inlineLines(node.children, node.position?.start.line ?? 1);
  const restHasText = lines.slice(1).some((l) => l.text !== '');
  return { text, depth: 2, style: 'plain-line', lines: 1, end: start + text.length, restHasText };
}

function leadingLineText(children: readonly PhrasingContent[]): string {
  let out = '';
  for (const child of children) {
    const text = plainText(child);
    const newline = text.indexOf('\n');
    if (newline !== -1 || child.type === 'break') return out + (newline === -1 ? '' : text.slice(0, newline));
    out += text;
  }
  return out;
}

interface Field {
  item: ListItem;
  /** The item's first paragraph (its text). */
  paragraph: Paragraph | null;
  /** The section the field opens, or null for a field that names no kind ("Authors: …"). */
  section: Section | null;
}

/**
 * A list of Google-SRE-style fields ("- Summary: …", "- Impact: …", "- Root Causes: …"),
 * or null when the list is not one: at least two items must be labelled with a section kind.
 */
function fieldSections(list: List, extraAliases?: ReadonlyMap<string, SectionKind>): Field[] | null {
  const fields: Field[] = [];
  let named = 0;
  for (const item of list.children) {
    const paragraph = item.children[0]?.type === 'paragraph' ? item.children[0] : null;
    const text = paragraph ? plainText(paragraph) : '';
    const label = FIELD.exec(text);
    // A field holds its text on its own line ("- Impact: 1,200 orders failed.").
    const sameLine = label !== null && text.slice(label[0].length).split('\n')[0]!.trim() !== '';
    const classified = label && sameLine ? classifyHeading(label[1]!, extraAliases) : null;
    if (!classified || !paragraph?.position || !item.position) {
      fields.push({ item, paragraph, section: null });
      continue;
    }
    named++;
    const start = item.position.start;
    const rest = text.slice(label![0].length).trim();
    fields.push({
      item,
      paragraph,
      section: {
        kind: classified.kind,
        heading: classified.heading,
        line: start.line,
        span: { start: { line: start.line, column: start.column, offset: start.offset ?? 0 }, end: { line: 0, column: 0, offset: 0 } },
        style: 'field',
        depth: 2,
        bodyStart: (paragraph.position.start.offset ?? 0) + label![0].length,
        bodyEnd: item.position.end.offset ?? 0,
        empty: rest === '' && item.children.length < 2,
      },
    });
  }
  return named >= 2 ? fields : null;
}
