// An inline link's or image's resource, `(destination "title")`, after the label's `]`, read as
// micromark's label-end does (factory-destination, factory-title, factory-whitespace). Its
// whitespace and title may run over line endings, so it reads across the run's lines.
import type { PhrasingContent } from 'mdast';
import type { Position } from 'unist';
import { plainText } from './inline-items.ts';
import { contentEnd, type LineSpan, lineEndingLength } from './inline-lines.ts';
import { decodeString, GIVE_UP, NO_MATCH, scanDestination, skipSpaces } from './inline-syntax.ts';

export interface Resource {
  /** The offset after the `)`, and the index of the line it is on. */
  end: number;
  line: number;
  url: string;
  title: string | null;
}

/**
 * The resource at `at` (must be `(`) on line `line`, whose content ends at `end`: a Resource,
 * or NO_MATCH. Where it fails after reading past a line ending, GIVE_UP: micromark then ends the
 * next line ending's text after a container's prefix, which this reader cannot see.
 */
export function scanResource(source: string, at: number, lines: readonly LineSpan[], line: number, end: number): Resource | number {
  if (at >= end || source.charCodeAt(at) !== 40) return NO_MATCH;
  let current = line;
  let stop = end;
  let index = at + 1;
  const failed = () => (current === line ? NO_MATCH : GIVE_UP);
  /** Skips spaces, tabs and line endings; false at the end of the run. */
  const skipWhitespace = (): boolean => {
    for (;;) {
      index = skipSpaces(source, index, stop);
      if (index < stop) return true;
      if (current + 1 >= lines.length) return false;
      current++;
      const span = lines[current] as LineSpan;
      index = span.start;
      stop = contentEnd(source, span);
    }
  };
  if (!skipWhitespace()) return failed();
  let code = source.charCodeAt(index);
  if (code === 41) return { end: index + 1, line: current, url: '', title: null };
  const destination = scanDestination(source, index, stop, 32);
  if (!destination) return failed();
  const url = decodeString(source, destination.from, destination.to);
  index = destination.end;
  const beforeSpace = index;
  const lineBeforeSpace = current;
  if (!skipWhitespace()) return failed();
  code = source.charCodeAt(index);
  let title: string | null = null;
  if ((index > beforeSpace || current > lineBeforeSpace) && (code === 34 || code === 39 || code === 40)) {
    const marker = code === 40 ? 41 : code;
    let value = '';
    let pieceStart = index + 1;
    for (index = pieceStart; ; index++) {
      if (index >= stop) {
        // The title goes on over the line ending, keeping this line's trailing whitespace.
        if (current + 1 >= lines.length) return failed();
        const span = lines[current] as LineSpan;
        value += decodeString(source, pieceStart, span.end) + source.slice(span.end, span.end + lineEndingLength(source, span.end));
        current++;
        const next = lines[current] as LineSpan;
        pieceStart = next.start;
        index = next.start - 1;
        stop = contentEnd(source, next);
        continue;
      }
      code = source.charCodeAt(index);
      if (code === marker) break;
      if (code === 92 && index + 1 < stop) {
        const next = source.charCodeAt(index + 1);
        if (next === marker || next === 92) index++;
      }
    }
    value += decodeString(source, pieceStart, index);
    if (value) title = value;
    index++;
    if (!skipWhitespace()) return failed();
    code = source.charCodeAt(index);
  }
  return code === 41 ? { end: index + 1, line: current, url, title } : failed();
}

/** The link (or image) node of `resource`, as mdast-util-from-markdown builds it. */
export function resourceNode(resource: Resource, image: boolean, children: PhrasingContent[], position: Position): PhrasingContent {
  const { url, title } = resource;
  return image ? { type: 'image', title, url, alt: plainText(children), position } : { type: 'link', title, url, children, position };
}
