// A line scan of a postmortem's body for an archive entry: the first level-1 heading, and
// (for `recurrence`) the root-cause section, outside code fences, as the model finds headings
// (ATX, setext, HTML, bold and plain-line ones) but without parsing the Markdown.
import type { SectionKind } from '../../core/model.ts';
import { classifyHeading, cleanHeadingText, looksLikeHeadingLine } from '../../core/sections/classify.ts';

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
}

/** The first level-1 heading and (when asked) the root-cause section, by a line scan outside code fences. */
export function scanBody(lines: readonly string[], from: number, rootCause: boolean, aliases?: ReadonlyMap<string, SectionKind>): { title: string | null; rootCause: RootCauseText | null } {
  let title: string | null = null;
  let fence: string | null = null;
  /** The root-cause section being read: its heading's depth, or null outside one. */
  let depth: number | null = null;
  let line: number | null = null;
  const parts: string[] = [];
  for (let i = from; i < lines.length; i++) {
    const text = lines[i]!;
    const fenceMark = FENCE.exec(text)?.[1];
    if (fence !== null) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    const heading = headingAt(lines, i, from);
    if (!heading) {
      if (depth !== null) parts.push(text);
      continue;
    }
    if (heading.setext) i++;
    if (heading.depth === 1 && heading.strong && title === null) title = cleanHeadingText(heading.text) || null;
    if (!rootCause) {
      if (title !== null) break;
      continue;
    }
    const kind = classifyHeading(heading.text, aliases)?.kind ?? null;
    if (depth !== null && (kind === 'root-cause' || (kind === null && !(heading.strong && heading.depth <= depth)))) {
      // A sub-heading of the section ("Contributing factors"): its words are part of it.
      parts.push(text);
      if (heading.setext) parts.push(lines[i]!);
    } else if (kind === 'root-cause') {
      depth = heading.depth;
      line ??= heading.line;
    } else {
      depth = null;
    }
  }
  if (line === null) return { title, rootCause: null };
  const joined = parts.join('\n').trim();
  return { title, rootCause: { line, text: joined.length > MAX_ROOT_CAUSE_CHARS ? joined.slice(0, MAX_ROOT_CAUSE_CHARS) : joined } };
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

function headingAt(lines: readonly string[], i: number, from: number): Heading | null {
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
  const bold = boldLine(text);
  if (bold !== null) return { line: i + 1, depth: WEAK, text: bold, strong: false };
  // A short line standing alone ("Root cause" between blank lines), as the model reads plain-line headings.
  const alone = (i === from || (lines[i - 1] ?? '').trim() === '') && next.trim() === '';
  if (alone && looksLikeHeadingLine(text)) return { line: i + 1, depth: WEAK, text: text.trim(), strong: false };
  return null;
}
