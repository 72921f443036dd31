// The floor of issue 6's benchmark: one process that reads every *.md file under the
// given folders and parses it with mdast-util-from-markdown plus the frontmatter and GFM
// extensions, keeping nothing. Hindsight's lint is measured against this. JavaScript, as
// bench/peak-memory.mjs is, so that the floor's process does not pay for Node's type stripper.
import { readFileSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';

const options = { extensions: [frontmatter(['yaml']), gfm()], mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmFromMarkdown()] };
let nodes = 0;
for (const target of process.argv.slice(2)) {
  const files = target.endsWith('.md') ? [target] : await glob('**/*.md', { cwd: target, absolute: true });
  for (const file of files) nodes += fromMarkdown(readFileSync(file, 'utf8'), options).children.length;
}
if (nodes < 0) console.log(nodes);
