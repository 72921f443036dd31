// The fast reader's block part: the tree mdast-util-from-markdown gives (with frontmatter,
// GFM tables, task lists and strikethrough) for the documents it can read exactly, else
// `undefined` so that the caller parses with micromark. It reads frontmatter, ATX and setext
// headings, paragraphs, bullet and ordered lists (nested), task-list items, fenced and
// indented code, GFM tables, thematic breaks, block quotes, comments and HTML blocks, link
// reference definitions, tabs in indentation. It gives up on raw-text HTML and declarations,
// a tab that would leave columns in code or HTML, and any line whose reading by micromark is
// in doubt (the quirks are named where the reader gives up). Differential tests: test/core/markdown-blocks.test.ts
// and test/core/parse.test.ts.
import type { Root } from 'mdast';
import { GIVE_UP } from './block-lines.ts';
import type { InlineReader } from './block-inline.ts';
import { BlockReader } from './block-reader.ts';
import { readInline } from './inline.ts';
import { PositionTable } from './positions.ts';

export type { InlineReader };

/** The document's tree, or undefined when it holds anything this reader does not read. */
export function readBlocks(text: string, inline: InlineReader = readInline): Root | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.includes('\0')) return undefined;
  try {
    return new BlockReader(source, new PositionTable(source), inline).read();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
