// A line scan of a postmortem's body for an archive entry: the title, and (for `recurrence`)
// the root-cause section, outside code fences, as the model finds headings (ATX, setext, HTML,
// bold lines and labels, plain lines) but without parsing the Markdown, at a twentieth of the
// model's cost. test/lint/archive-entry-model.test.ts compares it with the model over the
// corpora and lists where and why the two differ.
import type { SectionKind } from '../../core/model.ts';
import { classifyHeading, looksLikeHeadingLine } from '../../core/sections/classify.ts';

export interface RootCauseText {
  /** The line of the root-cause heading. */
  line: number;
  /** The section's text (all root-cause sections of the document, joined). */
  text: string;
}

const MAX_ROOT_CAUSE_CHARS = 8000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// Headings are cut by hand past their opening mark: as one pattern, a lazy text followed by
// an optional closing "#" sequence (or "**", colon and blanks) rescans a long run of blanks
// from every position, quadratic in the line's length.
const ATX_OPEN = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const BOLD_OPEN = /^\s*(?:\*\*|__)(?=[^*_])/;
const HTML_HEADING = /^\s*<h([1-6])[^>]*>(.*?)<\/h\1>\s*$/i;
const BLOCK_START = /^\s*(?:[-*+>|]|\d{1,3}[.)]\s)/;
/** "**Root Cause:** text" at a paragraph's start: a bold or emphasised label (colon inside or after it), then text. */
const BOLD_LABEL = /^\s*(\*\*|__|\*|_)([^*_:]{2,40}?):?\1:?[ \t]+(\S.*)$/;
const CAPITALISED = /^[\p{Lu}*_]/u;
/** What CAPITALISED or a closing colon may follow after quote markers and emphasis: a cheap first test. */
const LABEL_LIKE = /^[\s>*_]*\p{Lu}|:[\s*_]*$/u;
/** Depth given to bold and plain-line headings: below every real heading. */
const WEAK = 7;

interface Heading {
  line: number;
  depth: number;
  text: string;
  /** A heading by Markdown's own syntax (ATX, setext, HTML), not a bold or plain line. */
  strong: boolean;
  /** Underlined: the next line belongs to it. */
  setext?: boolean;
  /** Text after a bold label on its line ("**Root Cause:** a typo"): the section's first words. */
  rest?: string;
}

/** The title and (when asked) the root-cause section, by a line scan outside code fences. */
export function scanBody(
  lines: readonly string[],
  from: number,
  rootCause: boolean,
  aliases?: ReadonlyMap<string, SectionKind>,
): { title: string | null; rootCause: RootCauseText | null } {
  let title: string | null = null;
  let fence: string | null = null;
  /** The root-cause section being read: its heading's depth, or null outside one. */
  let depth: number | null = null;
  let line: number | null = null;
  const parts: string[] = [];
  /** Whether the title is still to be found: no section has opened yet. */
  let titleOpen = true;
  let textBefore = false;
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]!;
    const fenceMark = FENCE.exec(text)?.[1];
    if (fence !== null) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      textBefore = true;
      continue;
    }
    const heading = headingAt(lines, i, from, aliases);
    if (!heading) {
      if (depth !== null) parts.push(text);
      if (text.trim() !== '') textBefore = true;
      continue;
    }
    if (heading.setext) i++;
    const kind = classifyHeading(heading.text, aliases)?.kind ?? null;
    if (titleOpen && (heading.strong || kind !== null)) {
      // As the model finds the title: the first heading that names no section, at any level,
      // unless it is a sub-heading after text (then it opens a section of its own).
      titleOpen = false;
      if (kind === null && (heading.depth === 1 || !textBefore)) title = inlineText(heading.text) || null;
    }
    if (!rootCause) {
      if (!titleOpen) break;
      continue;
    }
    if (depth !== null && (kind === 'root-cause' || (kind === null && !(heading.strong && heading.depth <= depth)))) {
      // A sub-heading of the section ("Contributing factors"): its words are part of it.
      parts.push(text);
      if (heading.setext) parts.push(lines[i]!);
    } else if (kind === 'root-cause') {
      depth = heading.depth;
      line ??= heading.line;
      if (heading.rest) parts.push(heading.rest);
    } else {
      depth = null;
    }
  }
  if (line === null) return { title, rootCause: null };
  const joined = parts.join('\n').trim();
  return { title, rootCause: { line, text: joined.length > MAX_ROOT_CAUSE_CHARS ? joined.slice(0, MAX_ROOT_CAUSE_CHARS) : joined } };
}

/**
 * A heading's text without its inline markup, near enough to the model's plain text: link
 * and image text, no tags, emphasis or code marks. Each pattern stops at the next bracket,
 * tag or run: linear in the heading's length.
 */
function inlineText(text: string): string {
  return text
    .replace(/!?\[([^\][]*)\]\([^()]*\)/g, '$1')
    .replace(/<[^<>]*>/g, '')
    .replace(/\*+|`+/g, '')
    .replace(/(?<![_\p{L}\p{N}])_+|(?<!_)_+(?![_\p{L}\p{N}])/gu, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .trim();
}

/** A plain line that names a section, as the model splits a paragraph at one (core/sections/split-lines.ts). */
function namesSection(line: string, aliases?: ReadonlyMap<string, SectionKind>): boolean {
  // Most lines are prose: too long for a heading, or a wrapped line starting in lower case.
  if (line.length > 200 || !LABEL_LIKE.test(line)) return false;
  const text = line
    .replace(/^\s*(?:>\s*)*/, '')
    .replace(/[*_]+/g, '')
    .trim();
  if (text.length > 120 || (!CAPITALISED.test(text) && !text.endsWith(':'))) return false;
  return looksLikeHeadingLine(text) && classifyHeading(text, aliases) !== null;
}

/** An ATX heading's level and text, without its closing sequence ("## Timeline ##"). */
function atxHeading(line: string): { depth: number; text: string } | null {
  const open = ATX_OPEN.exec(line);
  if (!open) return null;
  let text = line.slice(open[0].length).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) text = '';
  else if (end < text.length && (text[end - 1] === ' ' || text[end - 1] === '\t')) text = text.slice(0, end).trimEnd();
  return { depth: open[1]!.length, text };
}

/** The text of a line that is all bold ("**Root Cause**", "__Timeline:__", "**Impact**:"). */
function boldLine(line: string): string | null {
  const open = BOLD_OPEN.exec(line);
  if (!open) return null;
  let rest = line.slice(open[0].length).trimEnd();
  if (rest.endsWith(':')) rest = rest.slice(0, -1).trimEnd();
  if (!rest.endsWith('**') && !rest.endsWith('__')) return null;
  const text = rest.slice(0, -2);
  return text === '' ? null : text;
}

function headingAt(lines: readonly string[], i: number, from: number, aliases?: ReadonlyMap<string, SectionKind>): Heading | null {
  const text = lines[i]!;
  const atx = atxHeading(text);
  if (atx) return { line: i + 1, depth: atx.depth, text: atx.text, strong: true };
  const html = HTML_HEADING.exec(text);
  if (html) return { line: i + 1, depth: Number(html[1]), text: html[2]!.replace(/<[^>]*>/g, ''), strong: true };
  if (text.trim() === '') return null;
  const next = lines[i + 1] ?? '';
  const underline = SETEXT.exec(next);
  if (underline && !BLOCK_START.test(text) && (i === from || (lines[i - 1] ?? '').trim() === '')) {
    return { line: i + 1, depth: underline[1]![0] === '=' ? 1 : 2, text: text.trim(), strong: true, setext: true };
  }
  // Indented four columns or more: code, or a list item's text, never a heading line here.
  if (!/^ {0,3}\S/.test(text)) return null;
  const paragraphStart = i === from || (lines[i - 1] ?? '').trim() === '';
  const bold = boldLine(text);
  if (bold !== null) return { line: i + 1, depth: WEAK, text: bold, strong: false };
  // A bold label that names a section, with its text after it ("**Root Cause:** a typo").
  const label = paragraphStart ? BOLD_LABEL.exec(text) : null;
  if (label && classifyHeading(label[2]!, aliases)) return { line: i + 1, depth: WEAK, text: label[2]!, strong: false, rest: label[3]! };
  // A short line standing alone ("Root cause" between blank lines), or one that names a
  // section inside a paragraph ("Root Cause:" over its text), as the model reads plain-line headings.
  const alone = paragraphStart && next.trim() === '';
  if (alone && looksLikeHeadingLine(text)) return { line: i + 1, depth: WEAK, text: text.trim(), strong: false };
  if (!alone && !BLOCK_START.test(text) && namesSection(text, aliases)) return { line: i + 1, depth: WEAK, text: text.trim(), strong: false };
  return null;
}
