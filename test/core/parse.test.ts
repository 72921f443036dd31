// parseMarkdown reads with the fast reader and falls back to micromark, which leaves out the
// syntax extensions a text cannot use (no `|`, no table). The tree must be exactly the one
// micromark with every extension gives, whatever the text: on the samples, the corpora, and
// generated documents built from the constructs the extensions read, with and without the
// characters they need. The fast reader alone (readBlocks) is held to the same tree whenever
// it answers, and must answer a share of each corpus.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../src/core/markdown/blocks.ts';
import { parseMarkdown, parseMarkdownWithAllExtensions, parseMarkdownWithMicromark } from '../../src/core/parse.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function markdownIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((n) => n.endsWith('.md'))
    .map((n) => path.join(dir, n));
}

const files = ['postmortems', 'templates', '../shared/corpus/public', '../shared/corpus/varied'].flatMap((dir) => markdownIn(path.join(root, dir)));

function expectSameTree(source: string, parse = parseMarkdown): void {
  expect({ source, tree: parse(source) }).toEqual({ source, tree: parseMarkdownWithAllExtensions(source) });
}

/** Whether the fast reader answered; when it did, its tree must be micromark's. */
function expectFastSameOrGiveUp(source: string): boolean {
  const fast = readBlocks(source);
  if (fast) expect({ source, tree: fast }).toEqual({ source, tree: parseMarkdownWithAllExtensions(source) });
  return fast !== undefined;
}

/** The share of each corpus the fast reader must answer (the rest falls back to micromark). */
const CORPORA: [dir: string, share: number][] = [
  ['postmortems', 1],
  ['templates', 1],
  ['test/fixtures', 0.8],
  ['../shared/corpus/public', 0.9],
  ['../shared/corpus/varied', 0.95],
];

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
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      expectSameTree(source);
      expectSameTree(source, parseMarkdownWithMicromark);
    }
  });

  it('on generated documents, with the characters each extension needs taken out or left in', () => {
    const drop = fc.subarray(['|', '[', '~', '-']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }), drop, (pieces, removed) => {
        let source = pieces.join('');
        for (const character of removed) source = source.replaceAll(character, '');
        expectSameTree(source);
        expectSameTree(source, parseMarkdownWithMicromark);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the fast reader gives the tree of the full parser, or gives up', () => {
  for (const [dir, share] of CORPORA) {
    const corpus = markdownIn(path.join(root, dir));
    it.skipIf(corpus.length === 0)(`on every file of ${dir}, answering at least ${share * 100}%`, () => {
      const answered = corpus.filter((file) => expectFastSameOrGiveUp(readFileSync(file, 'utf8'))).length;
      expect(answered / corpus.length).toBeGreaterThanOrEqual(share);
    });
  }

  it('on generated documents with inline syntax', () => {
    const inline = [
      'Plain words.',
      'Some *emphasis* and **strong**.',
      'A `code span` here.',
      'A [link](https://example.test).',
      '~~struck~~ out',
      'Escaped \\* star',
      'Tail  ',
    ];
    const line = fc.array(fc.constantFrom(...inline), { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    const block = fc.oneof(
      line.map((text) => `${text}\n`),
      line.map((text) => `# ${text}\n`),
      line.map((text) => `- ${text}\n`),
      line.map((text) => `- [ ] ${text}\n`),
      line.map((text) => `- [x]  ${text}\n`),
      line.map((text) => `<img src="x.png">\n${text}\n`),
      line.map((text) => `1. ${text}\n   ${text}\n`),
      line.map((text) => `| ${text} | b |\n| --- | --- |\n| c | ${text} |\n`),
      line.map((text) => `> ${text}\n`),
      fc.constant('\n'),
    );
    let runs = 0;
    let answered = 0;
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), (blocks) => {
        runs++;
        if (expectFastSameOrGiveUp(blocks.join(''))) answered++;
      }),
      { numRuns: 1000 },
    );
    expect(answered / runs).toBeGreaterThan(0.5);
  });
});
