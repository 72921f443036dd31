// The fast block reader must give micromark's tree exactly, or give up. Its phrasing content
// comes from the inline reader, so the block structure is checked with two stand-ins: one
// that leaves phrasing out on both sides (any document, block structure and positions
// only), and one that reads plain text over several lines exactly (generated documents).
// A reader that always gave up would pass a comparison, so each check also asserts a share
// of documents answered.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { htmlBlockNames } from 'micromark-util-html-tag-name';
import { describe, expect, it } from 'vitest';
import { FUZZ, SEED } from '../helpers/fuzz.ts';
import { cpuOf, describeGrowth, growth, runOf, settle } from '../helpers/growth.ts';
import { HTML_BLOCK_NAMES } from '../../src/core/markdown/block-leaves.ts';
import { readBlocks } from '../../src/core/markdown/blocks.ts';
import type { LineSpan } from '../../src/core/markdown/inline.ts';
import type { PositionTable } from '../../src/core/markdown/positions.ts';
import { parseMarkdownWithAllExtensions } from '../../src/core/parse.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function markdownIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}

/** Each corpus and the share of its documents whose block structure the reader must answer. */
const CORPORA: [string, number][] = [
  ['postmortems', 1],
  ['templates', 1],
  ['test/fixtures', 0.8],
  ['../shared/corpus/public', 0.9],
  ['../shared/corpus/varied', 0.85],
];

/** Phrasing left out: every paragraph, heading and cell holds one marker on both sides. */
const MARKER = { type: 'text', value: '(phrasing)' } as const;
const markerInline = (): PhrasingContent[] => [{ ...MARKER }];

function withMarkers<T extends Nodes>(node: T): T {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
    if (node.children.length > 0) node.children = [{ ...MARKER }];
  } else if ('children' in node) {
    // A task's paragraph starts at its box unless its first child is text, which the marker is.
    const first = node.children[0];
    if (node.type === 'listItem' && node.checked !== null && first?.type === 'paragraph' && first.position && first.children[0]?.position) {
      first.position.start = first.children[0].position.start;
    }
    for (const child of node.children) withMarkers(child);
  }
  return node;
}

const SPECIAL = /[\\`*_[\]<>!&~|]/;

/** Plain text over any number of lines, read exactly as micromark reads it, else undefined. */
function plainInline(source: string, lines: readonly LineSpan[], at: PositionTable): PhrasingContent[] | undefined {
  let value = '';
  let last = 0;
  for (const [index, line] of lines.entries()) {
    let end = line.end;
    while (end > line.start && (source[end - 1] === ' ' || source[end - 1] === '\t')) end--;
    if (index < lines.length - 1 && line.end - end >= 2) return undefined;
    const text = source.slice(line.start, end);
    if (SPECIAL.test(text) || /^\s/.test(text)) return undefined;
    const previous = lines[index - 1];
    if (previous) value += source.slice(previous.end, source.startsWith('\r\n', previous.end) ? previous.end + 2 : previous.end + 1);
    value += text;
    last = end;
  }
  const first = lines[0];
  if (!value || !first) return [];
  return [{ type: 'text', value, position: { start: at.point(first.start), end: at.point(last) } }];
}

/** Whether the reader answered; when it did, its tree must be the library's. */
function expectSameOrGiveUp(source: string, mode: 'markers' | 'plain'): boolean {
  const fast = readBlocks(source, mode === 'markers' ? markerInline : plainInline);
  if (!fast) return false;
  const library: Root = parseMarkdownWithAllExtensions(source);
  expect({ source, tree: fast }).toEqual({ source, tree: mode === 'markers' ? withMarkers(library) : library });
  return true;
}

/** Pieces of postmortems and of the syntax around them, near-misses included. */
const PIECES = [
  '---\ntitle: x\n---\n',
  '+++\na = 1\n+++\n',
  '\uFEFF# Bom\n',
  '# Title\n',
  '## Sub ##\n',
  '#   spaced   ##   \n',
  '#\n',
  '#no\n',
  '####### seven\n',
  'para text\n',
  'line one\nline two\n',
  'hard  \nbreak\n',
  'text\r\n',
  '\r\n',
  'old mac line\r',
  '- old mac item\r',
  '\r',
  '\n',
  '\n\n',
  '   \n',
  '- a\n',
  '* c\n',
  '+ d\n',
  '  - nested\n',
  '    - deeper\n',
  ' - one space\n',
  '-  two\n',
  '-     five\n',
  '- \n',
  '-\n',
  '1. one\n',
  '2. two\n',
  '3) three\n',
  '10. ten\n',
  '1.\n',
  '1. a\n   b\n',
  '- a\n\n  b\n',
  '- x\n\n\n- y\n',
  '- [ ] task\n',
  '- [x] done\n',
  '- [X] cap\n',
  '- [ ]\n',
  '* [x]  two\n',
  '- [ ] a\n  - [x] b\n',
  '- # head\n',
  '- > quoted\n',
  '  cont\n',
  'lazy\n',
  '  indented two\n',
  '    four\n',
  '    code\n      more\n',
  '      \n',
  '\tcode\n',
  '- \ttab\n',
  '*\tstar tab\n',
  ' \tspace tab\n',
  '\t- tab nested\n',
  '\t  tab two more\n',
  '\t# tab heading\n',
  '\t```\n',
  '- a\n\n\t  b\n',
  '---\n',
  '***\n',
  '- - -\n',
  '> - quoted item\n',
  '> 1. quoted step\n',
  '>   quoted more\n',
  '-      far\n',
  '\t\n',
  '\t<i>\n',
  '\t- `span`\n',
  '        \n',
  '    \n',
  '  ---\n',
  '===\n',
  '=== \n',
  'a\n---\n',
  '```js\ncode\n```\n',
  '```\n',
  '  ```\n',
  '~~~\nx\n~~~\n',
  '~~~ info here\n',
  '````\n',
  '```\n\tcode\n```\n',
  '| a | b |\n|---|:-:|\n| c | d |\n',
  '| a | b |\n| --- | --- |\n',
  'x | y\n-|-\n',
  '|a|\n|-|\n',
  'a|b\n:-:|--\n',
  '| x |\n|---|\ntext row\n',
  '| e |\n',
  '> quote\n',
  '>\n',
  '> - q\n',
  '> # h\n',
  '> ```\n',
  '> | a |\n> |-|\n',
  '  > q\n',
  '<!-- c -->\n',
  '<!--\nmulti\n-->\n',
  '  <!-- indented -->\n',
  '<div>\n',
  '</div>\n',
  '<p>para html</p>\n',
  '<DIV class="x">\n',
  '<img src="x">\n',
  '<img src="x"> caption\n',
  '<span>s</span> tail\n',
  '<pre>\n',
  '<br/>\n',
  '</span>\n',
  '<a href="x" title=\'t\' data-x=1 hidden>\n',
  '<a b="1"c>\n',
  '- <br/>\n',
  '> <img src=x />\n',
  '<img src="a>b">\n',
  '<sub>*small print*</sub>\n',
  '<br/><br/>\n',
  '= not a heading\n',
  'para\n> -\n',
  '>>\n',
  '>> nested quote\n',
  'no pipe header\n-|\n',
  'colon header\n:-\n',
  '`not a fence\n',
  '[link]: /url\n',
];

describe('the fast block reader', () => {
  for (const [dir, share] of CORPORA) {
    const sources = markdownIn(path.join(root, dir));
    it.skipIf(sources.length === 0)(`gives micromark's block structure on ${dir}, answering at least ${share * 100}%`, () => {
      const answered = sources.filter((source) => expectSameOrGiveUp(source, 'markers')).length;
      expect(answered / sources.length).toBeGreaterThanOrEqual(share);
    });
  }

  it("gives micromark's whole tree on generated documents of plain text, or gives up", () => {
    let runs = 0;
    let answered = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 10 }), fc.boolean(), (pieces, cut) => {
        const source = pieces.join('');
        runs++;
        if (expectSameOrGiveUp(cut ? source.slice(0, -1) : source, 'plain')) answered++;
      }),
      { numRuns: 3000 * FUZZ, ...(SEED !== undefined && { seed: SEED }) },
    );
    expect(answered / runs).toBeGreaterThan(0.3);
  });

  it("gives micromark's block structure on strings of syntax characters, or gives up", () => {
    let runs = 0;
    let answered = 0;
    const character = fc.constantFrom(...' \t\n\n\n\r>-*+#`~|<!=[]x1.)ab:_\\&"/');
    fc.assert(
      fc.property(fc.array(character, { maxLength: 60 }), (characters) => {
        runs++;
        if (expectSameOrGiveUp(characters.join(''), 'markers')) answered++;
      }),
      { numRuns: 5000 * FUZZ, ...(SEED !== undefined && { seed: SEED }) },
    );
    expect(answered / runs).toBeGreaterThan(0.3);
  });

  it('reads a typical postmortem', () => {
    const source = [
      '---\ntitle: Queue backlog\n---\n',
      '# Queue backlog\n',
      '## Timeline\n',
      '- 10:02 alert fired\n- 10:15 rolled back\n',
      '## Impact\n',
      '| Service | Minutes |\n| --- | ---: |\n| api | 25 |\n',
      '## Action items\n',
      '- [ ] Add a canary stage\n- [x] Page the owner\n',
      '```sh\nkubectl rollout undo\n```\n',
      '<!-- reviewed -->\n',
    ].join('\n');
    expect(expectSameOrGiveUp(source, 'plain')).toBe(true);
  });

  it.each([
    ['an empty item after an item', '- Paged the on-call\n- \n\n## Impact\n'],
    ['an empty item after a quoted paragraph', '> Customers saw errors\n-\n'],
    ['a lone tag on a lazy line, which micromark puts in the item', '- Rolled back the deploy\n<br/>\nAfter\n'],
    ['a lone tag on the last line, with no line ending, which micromark puts after the list', '- Rolled back\n<br/>'],
    ['a lone tag on a lazy line in a quote', '> Queue drained\n<br>\n> still quoted\n'],
    ['a list in a quote', '> Steps to reproduce:\n>\n> 1. Open the page\n> 2. Reload it\n'],
    ['a list in a quote closed by a nested quote, which micromark ends at the quote marker', '> - first\n> > aside\n> 1. other list\n'],
    ['an item whose text starts five columns after its marker (indented code)', '-      14:02 alert\n-      14:10 page\n'],
    ['a blank line holding a tab inside an item', '- Detected by the canary\n\t\n  Rolled back\n'],
    ['indented code right after a heading that closed a list', '- Paged\n# Follow-up\n    kubectl get pods\n    kubectl logs api\n'],
    ['indented code whose last lines hold only spaces, more than four (kept) or four (ending it)', '    restart api\n        \n    \nAfter\n'],
  ])('reads %s as micromark does', (_, source) => {
    expect(expectSameOrGiveUp(source, 'markers')).toBe(true);
    expect(expectSameOrGiveUp(source, 'plain')).toBe(true);
  });

  it('reads a tab-indented item whose text opens with a code span (no fence) as micromark does', () => {
    expect(expectSameOrGiveUp('1. Roll back\n\t- `deploy --undo`: reverts the release\n', 'markers')).toBe(true);
  });

  it.each([
    ['a link reference definition whose label runs onto the next line', '[long\nlabel]: https://example.test\n\nText\n'],
    ['indented code after a tab a list item splits', '- a\n\n\t  code\n'],
    ['a raw-text HTML block', '<pre>\nkept\n</pre>\n'],
    ['a lone tag on a lazy line after a tab the list item splits', '- a\n\t- b\n\t<i>\n'],
    ['indented code after an empty item closed by blank lines (micromark makes a block of each line)', '-\n\n\n    first\n    second\n'],
    ['a fence left open inside a list', '- ```\n  code\nafter\n'],
    ['an empty item with its text on the next line', '-\n  text\n'],
  ])('gives up on %s', (_, source) => {
    expect(readBlocks(source, markerInline)).toBeUndefined();
  });

  it('gives up when the inline reader does', () => {
    expect(readBlocks('# Title\n\nText\n', () => undefined)).toBeUndefined();
  });

  // Shapes where a search could run past its line (for a pipe, the end of a comment, a
  // quote) or work could pile up per line (deep containers, a long paragraph or table).
  it.each([
    ['a long paragraph', 'plain words on a line\n'],
    ['tables one after another', '| a | b |\n|---|---|\n| c | d |\n'],
    ['a comment left open', '<!--\nstill in the comment\n'],
    ['tags with an open quote', '<a title="never closed>\n'],
    ['deeply nested quotes', '> '],
    ['a long list', '- item\n  - nested item\n'],
  ])('reads or gives up in linear time on %s', (_, unit) => {
    const small = 40000;
    const g = growth((size, variant) => {
      const source = `${runOf(unit, size)}${'z'.repeat(variant)}\n`;
      settle();
      return cpuOf(() => readBlocks(source, markerInline));
    }, small);
    expect(g.ratio, describeGrowth(g, small, small * 32)).toBeLessThan(g.limit);
  });

  it("knows CommonMark's block-level HTML tag names", () => {
    expect([...HTML_BLOCK_NAMES].sort()).toEqual([...htmlBlockNames].sort());
  });
});
