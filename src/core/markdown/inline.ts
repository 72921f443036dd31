// The fast reader's inline part: the phrasing content of a paragraph, heading or table
// cell, exactly as mdast-util-from-markdown gives it (CommonMark inlines and GFM
// strikethrough), or `undefined` when the text holds anything this reader does not read —
// a code span, tag or link that runs over a line ending, too many delimiter runs — and the
// caller then parses the whole document with micromark. test/core/markdown-inline.test.ts
// compares it with the library on every corpus and on generated runs.
import type { PhrasingContent } from 'mdast';
import type { Point } from 'unist';
import {
  BRACKET,
  delimiterItem,
  finishChildren,
  type Item,
  nodeItem,
  resolveAttention,
  resolveInside,
  resolveStrikethrough,
  TEXT,
  textItem,
} from './inline-items.ts';
import {
  characterGroup,
  GIVE_UP,
  isAsciiPunctuation,
  findRun,
  OTHER,
  PUNCTUATION,
  scanAutolink,
  scanCharacterReference,
  scanHtml,
  WHITESPACE,
} from './inline-syntax.ts';
import { referenceNode, scanReference, type Reference } from './inline-reference.ts';
import { type Resource, resourceNode, scanResource } from './inline-resource.ts';
import { contentEnd, isTrailingBreak, type LineSpan, type InlineIndex, inlineIndexOf, lineEndingLength, readPlain } from './inline-lines.ts';
import type { PositionTable } from './positions.ts';

export type { LineSpan } from './inline-lines.ts';

/** What readLine did: read to the line's end, ended it with a backslash break, or went on to a later line. */
const LINE_READ = 0;
const BACKSLASH_BREAK = 1;
const RESUMED = 2;

/** More delimiter runs than this in one run: leave it to micromark (pairing them walks back). */
const MAX_DELIMITERS = 200;
/** More brackets, `<` and backtick runs than this (each tries a scan ahead): leave it to micromark. */
const MAX_ATTEMPTS = 1000;

interface Opening {
  index: number;
  image: boolean;
  active: boolean;
}

/** The phrasing content of one run of lines, or undefined when this reader does not read it exactly. */
export function readInline(source: string, lines: readonly LineSpan[], at: PositionTable, options?: InlineOptions): PhrasingContent[] | undefined {
  const index = inlineIndexOf(source, at);
  const plain = readPlain(source, lines, index);
  if (plain !== undefined) return plain;
  return new InlineReader(source, lines, index, options?.inTable, options?.defined).read();
}

export interface InlineOptions {
  /**
   * Whether the run is a table cell: there mdast-util-gfm-table turns `\|` in a code span into
   * `|`. Left out, a code span holding `\|` is given up.
   */
  inTable?: boolean;
  /** The labels the document defines (normalized): `[text]`, `[text][label]` and `[text][]` are references to them. */
  defined?: ReadonlySet<string>;
}

class InlineReader {
  private readonly items: Item[] = [];
  private readonly openings: Opening[] = [];
  private delimiters = 0;
  private attempts = 0;
  private firstAttention = Number.POSITIVE_INFINITY;
  private firstStrikethrough = Number.POSITIVE_INFINITY;
  /** Backtick run lengths known to have no closing run further on. */
  private readonly unclosedCode = new Set<number>();
  /** Where reading goes on after a code span that closed on a later line (-1: it did not). */
  private resumeLine = -1;
  private resumeAt = 0;

  private readonly source: string;
  private readonly lines: readonly LineSpan[];
  private readonly index: InlineIndex;
  private readonly pointOf: (offset: number) => Point;
  private readonly inTable: boolean | undefined;
  private readonly defined: ReadonlySet<string> | undefined;

  constructor(source: string, lines: readonly LineSpan[], index: InlineIndex, inTable: boolean | undefined, defined: ReadonlySet<string> | undefined) {
    this.source = source;
    this.lines = lines;
    this.index = index;
    this.pointOf = index.pointOf;
    this.inTable = inTable;
    this.defined = defined !== undefined && defined.size > 0 ? defined : undefined;
  }

  read(): PhrasingContent[] | undefined {
    const { source, lines } = this;
    let line = 0;
    let from = (lines[0] as LineSpan).start;
    while (line < lines.length) {
      const span = lines[line] as LineSpan;
      const end = contentEnd(source, span);
      const last = line + 1 === lines.length;
      const outcome = this.readLine(from, span.start, end, line, last);
      if (outcome === undefined) return undefined;
      if (outcome === RESUMED) {
        line = this.resumeLine;
        from = this.resumeAt;
        this.resumeLine = -1;
        continue;
      }
      if (last) break;
      line++;
      from = (lines[line] as LineSpan).start;
      if (outcome === BACKSLASH_BREAK) continue;
      const after = span.end + lineEndingLength(source, span.end);
      if (isTrailingBreak(source, end, span.end)) this.items.push(nodeItem(this.breakNode(end, after), end, after));
      else this.pushText(span.end, after, source.slice(span.end, after));
    }
    // micromark resolves at the top level in the order the constructs first occurred.
    if (this.firstStrikethrough < this.firstAttention) {
      resolveStrikethrough(this.items, this.pointOf);
      resolveAttention(this.items, this.pointOf);
    } else {
      resolveAttention(this.items, this.pointOf);
      resolveStrikethrough(this.items, this.pointOf);
    }
    return finishChildren(this.items, this.pointOf);
  }

  private breakNode(start: number, end: number): PhrasingContent {
    return { type: 'break', position: { start: this.pointOf(start), end: this.pointOf(end) } };
  }

  private pushText(start: number, end: number, value: string): void {
    const previous = this.items[this.items.length - 1];
    if (previous && previous.kind === TEXT) {
      previous.value += value;
      previous.end = end;
    } else this.items.push(textItem(start, end, value));
  }

  /**
   * Reads a line's content from `start` to `end`: LINE_READ, BACKSLASH_BREAK when it ends in one,
   * RESUMED when a code span closed on a later line (read on at resumeLine, resumeAt), or
   * undefined to give up.
   */
  private readLine(start: number, lineStart: number, end: number, line: number, last: boolean): number | undefined {
    const { source, items } = this;
    const offsets = this.index.offsets;
    let special = this.index.firstFrom(start);
    let plainFrom = start;
    let index = start;
    for (;;) {
      while (special < offsets.length && (offsets[special] as number) < index) special++;
      index = special < offsets.length ? (offsets[special] as number) : end;
      if (index >= end) break;
      const code = source.charCodeAt(index);
      if (index > plainFrom) this.pushText(plainFrom, index, source.slice(plainFrom, index));
      if ((code === 91 || code === 60 || code === 96) && ++this.attempts > MAX_ATTEMPTS) return undefined;
      let next = index + 1;
      switch (code) {
        case 92: {
          const escaped = source.charCodeAt(index + 1);
          if (index + 1 < end && isAsciiPunctuation(escaped)) {
            next = index + 2;
            this.pushText(index, next, source[index + 1] as string);
            break;
          }
          if (index + 1 === end && !last && end === (this.lines[line] as LineSpan).end) {
            const after = end + lineEndingLength(source, end);
            items.push(nodeItem(this.breakNode(index, after), index, after));
            return BACKSLASH_BREAK;
          }
          this.pushText(index, next, '\\');
          break;
        }
        case 96: {
          const found = this.codeSpan(index, end, line);
          if (found === GIVE_UP) return undefined;
          next = found;
          break;
        }
        case 42:
        case 95:
        case 126: {
          next = this.delimiterRun(code, index, lineStart, end);
          if (next === GIVE_UP) return undefined;
          break;
        }
        case 91:
          this.openings.push({ index: items.length, image: false, active: true });
          items.push({ ...textItem(index, next, '['), kind: BRACKET });
          break;
        case 33:
          if (index + 1 < end && source.charCodeAt(index + 1) === 91) {
            next = index + 2;
            this.openings.push({ index: items.length, image: true, active: true });
            items.push({ ...textItem(index, next, '!['), kind: BRACKET });
          } else this.pushText(index, next, '!');
          break;
        case 93: {
          const found = this.labelEnd(index, end, line);
          if (found === GIVE_UP) return undefined;
          next = found;
          break;
        }
        case 60: {
          const found = this.angle(index, end, last);
          if (found === GIVE_UP) return undefined;
          next = found;
          break;
        }
        default: {
          const reference = scanCharacterReference(source, index, end);
          if (reference) {
            next = reference.end;
            this.pushText(index, next, reference.value);
          } else this.pushText(index, next, '&');
        }
      }
      if (this.resumeLine !== -1) {
        // A code span or link closed on a later line: read on there.
        this.resumeAt = next;
        return RESUMED;
      }
      index = next;
      plainFrom = next;
    }
    if (end > plainFrom) this.pushText(plainFrom, end, source.slice(plainFrom, end));
    return LINE_READ;
  }

  /**
   * A code span from the backtick run at `at`: the offset to read on from (on resumeLine when it
   * closes on a later line), or GIVE_UP.
   */
  private codeSpan(at: number, end: number, line: number): number {
    const { source, lines } = this;
    let runEnd = at + 1;
    while (runEnd < end && source.charCodeAt(runEnd) === 96) runEnd++;
    const size = runEnd - at;
    if (!this.unclosedCode.has(size)) {
      const close = findRun(source, runEnd, end, size);
      if (close !== -1) return this.pushCode(at, close + size, source.slice(runEnd, close));
      // micromark's search reads on through the later lines. A line with anything before its
      // content (a container's prefix, or an indent micromark keeps in the code) is given up: after
      // a failed search micromark even ends the line ending's text after a container's prefix.
      let value = source.slice(runEnd, (lines[line] as LineSpan).end);
      for (let later = line + 1; later < lines.length; later++) {
        const span = lines[later] as LineSpan;
        const previous = lines[later - 1] as LineSpan;
        const before = source.charCodeAt(span.start - 1);
        if (before !== 10 && before !== 13) return GIVE_UP;
        value += source.slice(previous.end, previous.end + lineEndingLength(source, previous.end));
        const closeLater = findRun(source, span.start, span.end, size);
        if (closeLater !== -1) {
          this.resumeLine = later;
          return this.pushCode(at, closeLater + size, value + source.slice(span.start, closeLater));
        }
        value += source.slice(span.start, span.end);
      }
      this.unclosedCode.add(size);
    }
    this.pushText(at, runEnd, source.slice(at, runEnd));
    return runEnd;
  }

  /** An inlineCode node from its source content: one space or line ending of padding off each side, as micromark takes it. */
  private pushCode(start: number, end: number, content: string): number {
    let value = content;
    const first = value.charCodeAt(0);
    const last = value.charCodeAt(value.length - 1);
    if ((first === 32 || first === 10 || first === 13) && (last === 32 || last === 10 || last === 13) && /[^ \r\n]/.test(value)) {
      const head = first === 13 && value.charCodeAt(1) === 10 ? 2 : 1;
      const tail = last === 10 && value.charCodeAt(value.length - 2) === 13 ? 2 : 1;
      value = value.slice(head, value.length - tail);
    }
    if (value.includes('\\|')) {
      if (this.inTable === undefined) return GIVE_UP;
      if (this.inTable) value = value.replace(/\\([\\|])/g, (whole, character) => (character === '|' ? character : whole));
    }
    const node: PhrasingContent = { type: 'inlineCode', value, position: { start: this.pointOf(start), end: this.pointOf(end) } };
    this.items.push(nodeItem(node, start, end));
    return end;
  }

  /** A run of `*`, `_` or `~` at `at`, with its flanking as micromark classifies it. */
  private delimiterRun(marker: number, at: number, lineStart: number, end: number): number {
    const { source } = this;
    let runEnd = at + 1;
    while (runEnd < end && source.charCodeAt(runEnd) === marker) runEnd++;
    const size = runEnd - at;
    if (marker === 126 && size > 2) {
      this.pushText(at, runEnd, source.slice(at, runEnd));
      return runEnd;
    }
    if (++this.delimiters > MAX_DELIMITERS) return GIVE_UP;
    const previous = at === lineStart ? -1 : source.charCodeAt(at - 1);
    const following = runEnd === end ? -1 : source.charCodeAt(runEnd);
    const before = previous === -1 ? WHITESPACE : characterGroup(previous);
    const after = following === -1 ? WHITESPACE : characterGroup(following);
    let open: boolean;
    let close: boolean;
    if (marker === 126) {
      open = after === OTHER || (after === PUNCTUATION && before !== OTHER);
      close = before === OTHER || (before === PUNCTUATION && after !== OTHER);
      if (at < this.firstStrikethrough) this.firstStrikethrough = at;
    } else {
      // `~` loosens `*` and `_` next to it (micromark's attention markers of other constructs).
      const opens = after === OTHER || (after === PUNCTUATION && before !== OTHER) || following === 126;
      const closes = before === OTHER || (before === PUNCTUATION && after !== OTHER) || previous === 126;
      open = marker === 42 ? opens : opens && (before !== OTHER || !closes);
      close = marker === 42 ? closes : closes && (after !== OTHER || !opens);
      if (at < this.firstAttention) this.firstAttention = at;
    }
    this.items.push(delimiterItem(marker, at, runEnd, open, close));
    return runEnd;
  }

  /**
   * A `]`: closes the latest `[` or `![` as a link or image when an inline resource follows, or
   * as a reference to a label the document defines.
   */
  private labelEnd(at: number, end: number, line: number): number {
    const { source, items, openings } = this;
    const opening = openings.pop();
    if (!opening?.active) {
      this.pushText(at, at + 1, ']');
      return at + 1;
    }
    const open = items[opening.index] as Item;
    const resource = scanResource(source, at + 1, this.lines, line, end);
    let target: Resource | Reference;
    if (typeof resource !== 'number') target = resource;
    else {
      if (resource === GIVE_UP) return GIVE_UP;
      const found = this.defined && scanReference(source, open.start + (opening.image ? 2 : 1), at, end, line + 1 < this.lines.length, this.defined);
      if (found === GIVE_UP) return GIVE_UP;
      if (!found) {
        this.pushText(at, at + 1, ']');
        return at + 1;
      }
      target = found;
    }
    const inner = resolveInside(items.splice(opening.index), this.pointOf).slice(1);
    const children = finishChildren(inner, this.pointOf);
    const position = { start: this.pointOf(open.start), end: this.pointOf(target.end) };
    const node = 'kind' in target ? referenceNode(target, opening.image, children, position) : resourceNode(target, opening.image, children, position);
    if (!opening.image) for (const earlier of openings) if (!earlier.image) earlier.active = false;
    items.push(nodeItem(node, open.start, target.end));
    if ('line' in target && target.line !== line) this.resumeLine = target.line;
    return target.end;
  }

  /** A `<`: an autolink, inline HTML, or text. */
  private angle(at: number, end: number, last: boolean): number {
    const { source } = this;
    const autolink = scanAutolink(source, at, end);
    if (autolink) {
      const value = source.slice(at + 1, autolink.end - 1);
      const text: PhrasingContent = { type: 'text', value, position: { start: this.pointOf(at + 1), end: this.pointOf(autolink.end - 1) } };
      const url = autolink.email ? `mailto:${value}` : value;
      const node: PhrasingContent = {
        type: 'link',
        title: null,
        url,
        children: [text],
        position: { start: this.pointOf(at), end: this.pointOf(autolink.end) },
      };
      this.items.push(nodeItem(node, at, autolink.end));
      return autolink.end;
    }
    const html = scanHtml(source, at, end, last);
    if (html === GIVE_UP) return GIVE_UP;
    if (html < 0) {
      this.pushText(at, at + 1, '<');
      return at + 1;
    }
    const node: PhrasingContent = { type: 'html', value: source.slice(at, html), position: { start: this.pointOf(at), end: this.pointOf(html) } };
    this.items.push(nodeItem(node, at, html));
    return html;
  }
}
