// Plain text of mdast inline content, line by line, with the source line each came from.
import type { Nodes, PhrasingContent } from 'mdast';

export interface TextLine {
  text: string;
  /** 1-based source line. */
  line: number;
}

/** Lines of an inline container (paragraph, heading, table cell), markup removed. */
export function inlineLines(children: readonly PhrasingContent[], startLine: number): TextLine[] {
  const lines: TextLine[] = [{ text: '', line: startLine }];
  const append = (value: string, line: number): void => {
    const current = lines[lines.length - 1]!;
    if (current.text === '' && line > current.line) current.line = line;
    current.text += value;
  };
  const walk = (nodes: readonly PhrasingContent[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'inlineCode': {
          const line = node.position?.start.line ?? lines[lines.length - 1]!.line;
          const parts = node.value.split('\n');
          append(parts[0]!, line);
          for (let i = 1; i < parts.length; i++) lines.push({ text: parts[i]!, line: line + i });
          break;
        }
        case 'break': {
          const line = node.position?.end.line ?? lines[lines.length - 1]!.line + 1;
          lines.push({ text: '', line });
          break;
        }
        case 'image':
          append(node.alt ?? '', node.position?.start.line ?? lines[lines.length - 1]!.line);
          break;
        case 'html':
          if (/^<br\s*\/?>$/i.test(node.value)) lines.push({ text: '', line: node.position?.end.line ?? 0 });
          break;
        default:
          if ('children' in node) walk(node.children as PhrasingContent[]);
      }
    }
  };
  walk(children);
  for (const line of lines) line.text = line.text.trim();
  return lines;
}

/** Containers whose children are blocks (or cells): their texts are separated, not glued. */
const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'footnoteDefinition']);

/**
 * The whole text of a node, markup removed (like mdast-util-to-string), with a line break
 * between blocks: an item's paragraph and its sub-list are not glued ("OPS-7" + "at 80%").
 */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) {
    const separator = BLOCK_CONTAINERS.has(node.type) ? '\n' : '';
    let out = '';
    node.children.forEach((child, index) => {
      out += (index > 0 ? separator : '') + plainText(child as Nodes);
    });
    return out;
  }
  return '';
}

/** Offsets at which each line starts, for turning (line) into a column search. */
export function lineStarts(source: string): number[] {
  const starts = [0];
  // Lines end at LF, CR LF or a lone CR, as the parser counts them.
  if (!source.includes('\r')) {
    let index = source.indexOf('\n');
    while (index !== -1) {
      starts.push(index + 1);
      index = source.indexOf('\n', index + 1);
    }
    return starts;
  }
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/**
 * 1-based column where `needle` stands on `line`, or the line's first non-blank column.
 * `from` (an offset on that line) starts the search later: the second "10:05" of a line.
 */
export function columnOf(source: string, starts: readonly number[], line: number, needle: string, from?: number): number {
  const begin = starts[line - 1] ?? 0;
  const end = starts[line] ?? source.length;
  const probe = needle.slice(0, 24);
  if (probe) {
    const found = source.indexOf(probe, from !== undefined && from > begin ? from : begin);
    if (found !== -1 && found < end) return found - begin + 1;
  }
  let offset = begin;
  while (offset < end && (source[offset] === ' ' || source[offset] === '\t')) offset++;
  return offset - begin + 1;
}
