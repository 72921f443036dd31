// The text rules read: prose (text outside code, inline code and HTML) and code, each
// piece with its exact offset in the source so findings point at the words themselves.
import type { Nodes, Root } from 'mdast';
import type { Section } from '../../core/model.ts';

export interface TextPiece {
  /** The text exactly as it stands in the source from `offset`. */
  value: string;
  offset: number;
  kind: 'prose' | 'code';
}

/**
 * Text nodes (prose) and code / inline code (code), in document order. A text node's
 * value can differ from the source (escapes, entities, stripped indentation across
 * lines); such a node is split into source-exact runs, line by line.
 */
export function textPieces(tree: Root, source: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' || node.type === 'code' || node.type === 'inlineCode' || node.type === 'yaml' || (node as { type: string }).type === 'toml') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      const kind = node.type === 'text' ? 'prose' : node.type === 'yaml' ? 'code' : 'code';
      pushExact(pieces, source, start, end, node.type === 'text' ? node.value : null, kind);
      continue;
    }
    if (node.type === 'html') continue;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return pieces;
}

function pushExact(pieces: TextPiece[], source: string, start: number, end: number, value: string | null, kind: TextPiece['kind']): void {
  const raw = source.slice(start, end);
  if (value === null || value === raw) {
    pieces.push({ value: raw, offset: start, kind });
    return;
  }
  // Escapes or stripped indentation: keep the source text itself, line by line, so
  // offsets stay exact; the few escape characters do not matter to word searches.
  let offset = start;
  for (const line of raw.split('\n')) {
    const trimmed = line.replace(/^[ \t>]*/, '');
    pieces.push({ value: trimmed, offset: offset + (line.length - trimmed.length), kind });
    offset += line.length + 1;
  }
}

/** The prose of one section's body, as pieces. */
export function sectionPieces(pieces: readonly TextPiece[], section: Section): TextPiece[] {
  return pieces.filter((p) => p.offset >= section.bodyStart && p.offset < section.bodyEnd);
}

/** Words in a text (for word counts): runs of letters or digits. */
export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return matches ? matches.length : 0;
}
