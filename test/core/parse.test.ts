// parseMarkdown leaves out the syntax extensions a text cannot use (no `|`, no table). The
// tree must be exactly the one every extension gives, whatever the text: on the samples, the
// corpus, and generated documents built from the constructs the extensions read, with and
// without the characters they need.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseMarkdownWithAllExtensions } from '../../src/core/parse.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dirs = [`${root}postmortems`, `${root}templates`, `${root}../shared/corpus/public`].filter(existsSync);
const files = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .map((n) => path.join(dir, n)),
);

function expectSameTree(source: string): void {
  expect({ source, tree: parseMarkdown(source) }).toEqual({ source, tree: parseMarkdownWithAllExtensions(source) });
}

/** Pieces that the extensions read, and near-misses of them. */
const PIECES = [
  '---\ntitle: x\n---\n',
  '\uFEFF---\na: 1\n---\n',
  '---\n',
  'Setext\n---\n',
  '***\n',
  '| Time | Event |\n|---|---|\n| 10:05 | paged |\n',
  'Time | Event\n--- | ---\n10:05 | paged\n',
  'a | b\n',
  '- [ ] fix it\n',
  '- [x] done\n',
  '* [X] also\n',
  '[link](http://x.test)\n',
  '- [not a box\n',
  '1. [ ] numbered\n',
  '~~gone~~\n',
  '~one~\n',
  '~~~\ncode\n~~~\n',
  'a ~ b\n',
  '# Title\n',
  '## Timeline\n',
  '- 10:05 paged\n',
  '> quote\n',
  '    indented\n',
  '```\nfence | x\n```\n',
  '<h2>html</h2>\n',
  '**Timeline:**\n',
  'text with `co|de` and [ref]\n',
  '\n',
];

describe('parseMarkdown gives the tree of the full parser', () => {
  it('on every sample, template and corpus file', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expectSameTree(readFileSync(file, 'utf8'));
  });

  it('on generated documents, with the characters each extension needs taken out or left in', () => {
    const drop = fc.subarray(['|', '[', '~', '-']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), drop, (pieces, removed) => {
        let source = pieces.join('');
        for (const character of removed) source = source.replaceAll(character, '');
        expectSameTree(source);
      }),
      { numRuns: 2000 },
    );
  });
});
