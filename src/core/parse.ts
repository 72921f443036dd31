// Markdown → mdast, once per file. mdast-util-from-markdown directly (not the unified
// processor): the same parser remark uses, without the pipeline around it — see
// `npm run bench` for the comparison. Only the syntax extensions the model reads are
// loaded: frontmatter, GFM tables, task lists and strikethrough.
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';

const options = {
  extensions: [frontmatter(['yaml']), gfmTable(), gfmTaskListItem(), gfmStrikethrough()],
  mdastExtensions: [
    frontmatterFromMarkdown(['yaml']),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
  ],
};

export function parseMarkdown(source: string): Root {
  return fromMarkdown(source, options);
}
