// Markdown → mdast, once per file. First the fast reader (src/core/markdown/blocks.ts):
// hand-written, it gives mdast-util-from-markdown's exact tree for the documents it can
// read and gives up on the rest (test/core/parse.test.ts compares the two on every corpus).
// Otherwise mdast-util-from-markdown directly (not the unified processor): the same parser
// remark uses, without the pipeline around it — see `npm run bench` for the comparison.
// Only the syntax extensions the model reads are loaded: frontmatter, GFM tables, task
// lists and strikethrough.
//
// Each extension is loaded for a text only when the character it needs is in it. A table
// needs a `|` (or, without one, a delimiter row's `:-` or `-:`), a task-list box a `[`, strikethrough a `~`, frontmatter a leading `---` (YAML) or `+++` (TOML);
// without it the extension can match nothing, yet the table's tokenizer is still tried at
// the start of every block and strikethrough's resolver runs on every span. Leaving them
// out gives the same tree (test/core/parse.test.ts) for about a fifth less parse time.
import type { Root } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { readBlocks } from './markdown/blocks.ts';

const EXTENSIONS = [
  {
    needed: (source: string) => /^\uFEFF?(?:---|\+\+\+)/.test(source),
    syntax: () => frontmatter(['yaml', 'toml']),
    tree: () => frontmatterFromMarkdown(['yaml', 'toml']),
  },
  {
    needed: (source: string) => source.includes('|') || source.includes(':-') || source.includes('-:'),
    syntax: () => gfmTable(),
    tree: () => gfmTableFromMarkdown(),
  },
  { needed: (source: string) => source.includes('['), syntax: () => gfmTaskListItem(), tree: () => gfmTaskListItemFromMarkdown() },
  { needed: (source: string) => source.includes('~'), syntax: () => gfmStrikethrough(), tree: () => gfmStrikethroughFromMarkdown() },
];

/** Parser options per set of extensions (a bit per entry of EXTENSIONS), made on first use. */
const optionsBySet = new Map<number, Options>();

export function parseMarkdown(source: string): Root {
  return readBlocks(source) ?? fromMarkdown(source, optionsFor(source));
}

/** micromark alone, never the fast reader: the fallback, and what its extension choice must keep (tests). */
export function parseMarkdownWithMicromark(source: string): Root {
  return fromMarkdown(source, optionsFor(source));
}

/** Every extension, whatever the text: the parse the fast path must equal (tests). */
export function parseMarkdownWithAllExtensions(source: string): Root {
  return fromMarkdown(source, optionsForSet((1 << EXTENSIONS.length) - 1));
}

function optionsFor(source: string): Options {
  let set = 0;
  EXTENSIONS.forEach((extension, bit) => {
    if (extension.needed(source)) set |= 1 << bit;
  });
  return optionsForSet(set);
}

function optionsForSet(set: number): Options {
  let options = optionsBySet.get(set);
  if (!options) {
    const chosen = EXTENSIONS.filter((_, bit) => set & (1 << bit));
    options = { extensions: chosen.map((e) => e.syntax()), mdastExtensions: chosen.map((e) => e.tree()) };
    optionsBySet.set(set, options);
  }
  return options;
}
