// The lines that may state the window: the document's opening, the summary, impact and
// "other" sections, and asides in a few more; paragraphs, nested list items, block quotes
// and table rows.
import type { RootContent } from 'mdast';
import type { SectionBlock } from '../sections/detect.ts';
import { inlineLines, plainText, type TextLine } from '../text.ts';

const WINDOW_HEADING = /\b(?:duration|when|date|time\s*frame|window)\b/i;

/** Sections whose statements may give the window. */
const STATING = new Set(['summary', 'impact', 'other']);
/** Sections where a sentence about the outage may still give both ends ("… started at 10.16, and was fixed at 11.35"). */
const ASIDE = new Set(['lessons-learned', 'detection', 'resolution']);

/**
 * Lines that may state the window; a bare time range counts only in the summary. `opening`:
 * the first line of the document's or the summary's first paragraph.
 */
export function* statementLines(input: {
  preamble: readonly RootContent[];
  blocks: readonly SectionBlock[];
}): Generator<TextLine & { inSummary: boolean; opening: boolean; aside: boolean; impact: boolean }> {
  let first = true;
  for (const line of blockLines(input.preamble)) {
    yield { ...line, inSummary: true, opening: first && line.text !== '', aside: false, impact: false };
    if (line.text !== '') first = false;
  }
  for (const block of input.blocks) {
    if (ASIDE.has(block.section.kind)) {
      for (const line of blockLines(block.nodes, block.headingLines)) yield { ...line, inSummary: false, opening: false, aside: true, impact: false };
      continue;
    }
    if (!STATING.has(block.section.kind)) continue;
    const inSummary = block.section.kind === 'summary' || (block.section.kind === 'other' && WINDOW_HEADING.test(block.section.heading));
    let opening = block.section.kind === 'summary';
    for (const line of blockLines(block.nodes, block.headingLines)) {
      yield { ...line, inSummary, opening: opening && line.text !== '', aside: false, impact: block.section.kind === 'impact' };
      if (line.text !== '') opening = false;
    }
  }
}

/**
 * Lines of paragraphs, list items at any depth ("- Duration:" with "- Start Time: …" under
 * it), blockquotes and table rows. An explicit stack: nesting depth is the author's.
 */
function* blockLines(nodes: readonly RootContent[], skipFirst = 0): Generator<TextLine> {
  const stack: { node: RootContent; skip: number }[] = [];
  for (let index = nodes.length - 1; index >= 0; index--) stack.push({ node: nodes[index]!, skip: index === 0 ? skipFirst : 0 });
  while (stack.length > 0) {
    const { node, skip } = stack.pop()!;
    if (node.type === 'paragraph') {
      yield* inlineLines(node.children, node.position?.start.line ?? 1).slice(skip);
    } else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
      const children = node.children as RootContent[];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, skip: 0 });
    } else if (node.type === 'table') {
      for (const row of node.children) {
        yield { text: row.children.map((cell) => plainText(cell).trim()).join(': '), line: row.position?.start.line ?? 1 };
      }
    }
  }
}
