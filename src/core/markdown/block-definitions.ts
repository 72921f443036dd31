// Link reference definitions (`[label]: destination "title"`) at the start of a paragraph, as
// micromark's content construct reads them: one after another, each ending its line, until a
// line is none; the lines left are the paragraph. What micromark could read on over more
// lines than these (a label, or a title, running past its line) is given up.
import type { Definition } from 'mdast';
import { giveUp } from './block-lines.ts';
import type { LineSpan } from './inline-lines.ts';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { type DestinationScan, decodeString, GIVE_UP, LABEL_OPEN, scanDestination, scanLabel, skipSpaces } from './inline-syntax.ts';
import type { PositionTable } from './positions.ts';

export interface DefinitionsRead {
  nodes: Definition[];
  /** The lines of the paragraph that follows them (none: none does). */
  rest: readonly LineSpan[];
}

/**
 * The definitions that open a paragraph of `lines` (its first starts with `[`), with each
 * label's normalized form added to `defined`.
 */
export function readDefinitions(source: string, lines: readonly LineSpan[], at: PositionTable, defined: Set<string>): DefinitionsRead {
  const nodes: Definition[] = [];
  let line = 0;
  while (line < lines.length && source.charCodeAt((lines[line] as LineSpan).start) === 91) {
    const read = definitionAt(source, lines, line, at);
    if (read === undefined) break;
    nodes.push(read.node);
    defined.add(normalizeIdentifier(read.label));
    line = read.next;
  }
  return { nodes, rest: line === 0 ? lines : lines.slice(line) };
}

interface DefinitionAt {
  node: Definition;
  label: string;
  /** The line after the definition's last. */
  next: number;
}

function definitionAt(source: string, lines: readonly LineSpan[], first: number, at: PositionTable): DefinitionAt | undefined {
  const span = lines[first] as LineSpan;
  const start = span.start;
  let end = span.end;
  const last = first + 1 === lines.length;
  // The label, on this line.
  const close = scanLabel(source, start + 1, end);
  if (close === GIVE_UP || (close === LABEL_OPEN && !last)) giveUp();
  if (close < 0 || source.charCodeAt(close + 1) !== 58) return undefined;
  const label = source.slice(start + 1, close);
  // Whitespace, over one line ending at most, then the destination.
  let line = first;
  let i = skipSpaces(source, close + 2, end);
  if (i === end) {
    if (last) return undefined;
    line++;
    end = (lines[line] as LineSpan).end;
    i = skipSpaces(source, (lines[line] as LineSpan).start, end);
    if (i === end) return undefined;
  }
  const destination = scanDestination(source, i, end, Number.POSITIVE_INFINITY);
  if (destination === undefined) return undefined;
  const url = decodeString(source, destination.from, destination.to);
  // A title, on this line or the next, ending its line; or none, and the destination ends its line.
  const title = titleAfter(source, lines, line, destination.end);
  let defEnd: number;
  let next: number;
  let titleValue: string | null = null;
  if (title) {
    titleValue = decodeString(source, title.from, title.to);
    defEnd = title.end;
    next = title.line + 1;
  } else {
    defEnd = skipSpaces(source, destination.end, end);
    if (defEnd !== end) return undefined;
    next = line + 1;
  }
  const node: Definition = {
    type: 'definition',
    identifier: normalizeIdentifier(label).toLowerCase(),
    label: decodeString(source, start + 1, close),
    title: titleValue,
    url,
    position: { start: at.point(start), end: at.point(defEnd) },
  };
  return { node, label, next };
}

/**
 * A title after whitespace from `from` on line `line` (or at the start of the next line), closed
 * on its line and followed by nothing but spaces: its slice and the line it ends; else undefined.
 */
function titleAfter(source: string, lines: readonly LineSpan[], line: number, from: number): (DestinationScan & { line: number }) | undefined {
  let end = (lines[line] as LineSpan).end;
  let i = skipSpaces(source, from, end);
  let titleLine = line;
  if (i === from && i < end) return undefined;
  if (i === end) {
    if (line + 1 === lines.length) return undefined;
    titleLine = line + 1;
    end = (lines[titleLine] as LineSpan).end;
    i = skipSpaces(source, (lines[titleLine] as LineSpan).start, end);
  }
  const open = source.charCodeAt(i);
  const close = open === 40 ? 41 : open;
  if (close !== 34 && close !== 39 && close !== 41) return undefined;
  for (let j = i + 1; j < end; j++) {
    const code = source.charCodeAt(j);
    if (code === close) {
      const after = skipSpaces(source, j + 1, end);
      if (after !== end) return undefined;
      return { from: i + 1, to: j, end, line: titleLine };
    }
    // A parenthesized title holding `(`: left to micromark.
    if (open === 40 && code === 40) giveUp();
    if (code === 92) {
      const next = source.charCodeAt(j + 1);
      if (j + 1 < end && (next === close || next === 92)) j++;
    }
  }
  // Unclosed on its line: micromark reads on into the next, if there is one.
  return titleLine + 1 < lines.length ? giveUp() : undefined;
}
