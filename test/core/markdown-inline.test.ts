// The fast reader's inline part must give exactly mdast-util-from-markdown's phrasing content
// wherever it answers (and may give up anywhere). Compared with the library on every
// paragraph, heading and table cell of the archive, the templates and the shared corpora, and
// on runs generated from the pieces inline syntax is made of.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { cpuOf, describeGrowth, growth, runOf, settle } from '../helpers/growth.ts';
import { type LineSpan, readInline } from '../../src/core/markdown/inline.ts';
import { PositionTable } from '../../src/core/markdown/positions.ts';
import { parseMarkdownWithAllExtensions } from '../../src/core/parse.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(dir, name));
}

interface Run {
  lines: LineSpan[];
  children: PhrasingContent[];
  inTable: boolean;
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

/** Offset where the line holding `at` ends (its line ending, or the end of the text). */
function lineEnd(source: string, at: number): number {
  let index = at;
  while (index < source.length && source[index] !== '\n' && source[index] !== '\r') index++;
  return index;
}

function nextLineStart(source: string, end: number): number {
  return source[end] === '\r' && source[end + 1] === '\n' ? end + 2 : end + 1;
}

/** The lines of a paragraph or setext heading's text: the first from `start`, each further one from its first non-whitespace. */
function textLines(source: string, start: number, end: number): LineSpan[] {
  const lines: LineSpan[] = [];
  let from = start;
  for (;;) {
    const stop = Math.min(lineEnd(source, from), end);
    lines.push({ start: from, end: stop });
    if (stop >= end) return lines;
    from = nextLineStart(source, stop);
    while (from < end && isSpaceOrTab(source.charCodeAt(from))) from++;
  }
}

function atxLines(source: string, start: number, end: number): LineSpan[] {
  let from = start;
  while (isSpaceOrTab(source.charCodeAt(from))) from++;
  while (source[from] === '#') from++;
  let stop = end;
  while (stop > from && isSpaceOrTab(source.charCodeAt(stop - 1))) stop--;
  let hashes = stop;
  while (hashes > from && source[hashes - 1] === '#') hashes--;
  if (hashes === from || isSpaceOrTab(source.charCodeAt(hashes - 1))) stop = hashes;
  while (from < stop && isSpaceOrTab(source.charCodeAt(from))) from++;
  return [{ start: from, end: Math.max(from, stop) }];
}

function cellLines(source: string, start: number, end: number): LineSpan[] {
  let from = start;
  if (source[from] === '|') from++;
  while (from < end && isSpaceOrTab(source.charCodeAt(from))) from++;
  let stop = end;
  while (stop > from && isSpaceOrTab(source.charCodeAt(stop - 1))) stop--;
  let backslashes = 0;
  while (source[stop - 2 - backslashes] === '\\') backslashes++;
  if (stop > from && source[stop - 1] === '|' && backslashes % 2 === 0) stop--;
  return [{ start: from, end: Math.max(from, stop) }];
}

/** Every paragraph, heading and table cell outside block quotes, with its lines and the library's children. */
function runsOf(source: string, tree: Root): Run[] {
  const runs: Run[] = [];
  const visit = (node: Nodes, parent: Nodes | undefined): void => {
    if (node.type === 'blockquote') return;
    const position = node.position;
    if (position && (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell')) {
      const start = position.start.offset as number;
      const end = position.end.offset as number;
      let lines: LineSpan[];
      if (node.type === 'tableCell') lines = cellLines(source, start, end);
      else if (node.type === 'heading' && position.start.line === position.end.line) lines = atxLines(source, start, end);
      else if (node.type === 'heading') lines = textLines(source, start, end).slice(0, -1);
      else {
        let from = start;
        const box = /^\[[ xX]\][ \t]+/.exec(source.slice(from, from + 8));
        if (parent?.type === 'listItem' && typeof parent.checked === 'boolean' && parent.children[0] === node && box) from += box[0].length;
        lines = textLines(source, from, end);
      }
      runs.push({ lines, children: node.children, inTable: node.type === 'tableCell' });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes, node);
  };
  visit(tree, undefined);
  return runs;
}

/** Compares every run of a document; returns how many runs there were and how many the reader answered. */
function compareDocument(source: string): { runs: number; answered: number } {
  const tree = parseMarkdownWithAllExtensions(source);
  // The block reader gives up on any document with a definition (then `[x]` could be a reference).
  // micromark drops a byte order mark and counts offsets without it: left to the block reader.
  if (source.startsWith('\uFEFF') || tree.children.some((node) => node.type === 'definition')) return { runs: 0, answered: 0 };
  const table = new PositionTable(source);
  let answered = 0;
  const runs = runsOf(source, tree);
  for (const run of runs) {
    const read = readInline(source, run.lines, table, { inTable: run.inTable });
    if (read === undefined) continue;
    answered++;
    expect({ text: run.lines.map((line) => source.slice(line.start, line.end)), read }).toStrictEqual({
      text: run.lines.map((line) => source.slice(line.start, line.end)),
      read: run.children,
    });
  }
  return { runs: runs.length, answered };
}

describe('readInline against mdast-util-from-markdown', () => {
  const corpora = [
    { name: 'postmortems and templates', files: [...markdownFiles(`${root}postmortems`), ...markdownFiles(`${root}templates`)], minimum: 0.9 },
    { name: 'shared public corpus', files: markdownFiles(`${root}../shared/corpus/public`), minimum: 0.9 },
    { name: 'shared varied corpus', files: markdownFiles(`${root}../shared/corpus/varied`), minimum: 0.9 },
  ];
  for (const corpus of corpora) {
    it.skipIf(corpus.files.length === 0)(`gives the library's tree for the runs it reads, and reads most of them: ${corpus.name}`, () => {
      let runs = 0;
      let answered = 0;
      for (const file of corpus.files) {
        const counts = compareDocument(readFileSync(file, 'utf8'));
        runs += counts.runs;
        answered += counts.answered;
      }
      expect(runs).toBeGreaterThan(0);
      expect(answered / runs).toBeGreaterThanOrEqual(corpus.minimum);
    });
  }

  it('reads the everyday syntax of a postmortem, not only plain text', () => {
    const samples = [
      'Rolled back **v2.3.1** at `10:42` after [the alert](https://status.example.test/a "Alert") fired.',
      'The on-call\nengineer paged <team-lead> and _the vendor_; see <https://example.test/x> or <ops@example.test>.',
      'Latency rose ~40% (p99 &gt; 2&nbsp;s) \\*not\\* ~~5~~ 6 nodes  \nlost.\\\nNext line ![graph](img.png)',
      '| *impact* | `code` |\n|---|---|\n| 3 \\| 4 | <br> |',
      '# Root cause: **pool** exhaustion #',
      'Ran `kubectl rollout\nundo` and read [the\nrunbook](\n  https://runbook.example.test/db "Database\n  runbook"\n).',
    ];
    for (const source of samples) {
      const table = new PositionTable(source);
      const runs = runsOf(source, parseMarkdownWithAllExtensions(source));
      for (const run of runs) expect(readInline(source, run.lines, table, { inTable: run.inTable })).toStrictEqual(run.children);
    }
  });

  it("keeps micromark's length limits: schemes, email labels, character references, nested parentheses", () => {
    const samples = [
      `<${'s'.repeat(32)}:x> <${'s'.repeat(33)}:x>`,
      `<me@${'d'.repeat(63)}.test> <me@${'d'.repeat(64)}.test>`,
      '&#1234567; &#12345678; &#x10FFFF; &#x1000000; &#X41; &#0;',
      `&${'a'.repeat(31)}; &CounterClockwiseContourIntegral;`,
      `[a](${'('.repeat(32)}b${')'.repeat(32)}) [a](${'('.repeat(33)}b${')'.repeat(33)})`,
    ];
    for (const sample of samples) {
      const source = `x ${sample} y\n`;
      const run = runsOf(source, parseMarkdownWithAllExtensions(source))[0] as Run;
      expect(readInline(source, run.lines, new PositionTable(source))).toStrictEqual(run.children);
    }
  });

  it('gives the same points whatever order the runs of a document are read in', () => {
    const source = '# Impact\n\nLine one *a*\nline two `b`\n\n- item [c](d)\n- item\n  wrapped\n\n| x | y |\n|---|---|\n| *1* | 2 |\n';
    const runs = runsOf(source, parseMarkdownWithAllExtensions(source));
    const table = new PositionTable(source);
    for (const run of [...runs].reverse()) expect(readInline(source, run.lines, table, { inTable: run.inTable })).toStrictEqual(run.children);
  });

  it('reads in time linear in the run, on one long line and on many lines', () => {
    // Only syntax without a per-run limit (delimiters, brackets, `<` and backticks have one).
    for (const unit of ['a &amp; \\* b c 5 > 3 ! ', 'text &copy; x  \nmore\\\nend & so\n']) {
      const small = 2000;
      const g = growth((size, variant) => {
        const source = `${runOf(unit, size)}${'z'.repeat(variant)}`;
        const lines = textLines(source, 0, source.length);
        const table = new PositionTable(source);
        settle();
        let read: PhrasingContent[] | undefined;
        const ms = cpuOf(() => {
          read = readInline(source, lines, table);
        });
        expect(read).toBeDefined();
        return ms;
      }, small);
      expect(g.ratio, `${JSON.stringify(unit)}: ${describeGrowth(g, small, small * 32)}`).toBeLessThan(g.limit);
    }
  });

  it('leaves a run full of delimiters or brackets to micromark, and reads one with fewer', () => {
    for (const [unit, count] of [
      ['*a ', 250],
      ['[a] ', 1200],
    ] as const) {
      const many = unit.repeat(count);
      expect(readInline(many, [{ start: 0, end: many.length }], new PositionTable(many))).toBeUndefined();
      const few = unit.repeat(40);
      const tree = parseMarkdownWithAllExtensions(few);
      expect(readInline(few, [{ start: 0, end: few.length }], new PositionTable(few))).toStrictEqual((tree.children[0] as { children: unknown }).children);
    }
  });

  it('gives up rather than guess on a tag over a line ending, or a code span over an indented line', () => {
    for (const source of ['a <span\nclass="x"> here', '- a `code\n  span` here']) {
      const runs = runsOf(source, parseMarkdownWithAllExtensions(source));
      expect(runs).toHaveLength(1);
      expect(readInline(source, (runs[0] as Run).lines, new PositionTable(source))).toBeUndefined();
    }
    // The same code span from column 1 is read.
    const source = 'a `code\nspan` here';
    const run = runsOf(source, parseMarkdownWithAllExtensions(source))[0] as Run;
    expect(readInline(source, run.lines, new PositionTable(source))).toStrictEqual(run.children);
  });

  it("reads `\\|` in a table cell's code span as `|`, as mdast-util-gfm-table does, and gives up when it is not told where the run is", () => {
    const source = '| `a \\| b` |\n|---|\n';
    const table = new PositionTable(source);
    const lines = [{ start: 2, end: 11 }];
    expect(readInline(source, lines, table, { inTable: true })).toMatchObject([{ type: 'inlineCode', value: 'a | b' }]);
    expect(readInline(source, lines, table, { inTable: false })).toMatchObject([{ type: 'inlineCode', value: 'a \\| b' }]);
    expect(readInline(source, lines, table)).toBeUndefined();
    compareDocument(source);
  });

  /** Pieces of inline syntax and near-misses of it. */
  const PIECES = [
    ...['a', 'b c', ' ', '  ', '\t', '.', ',', '"', ':', '1', '(', ')', '|', '\\|', '#', ' #', 'é', '—', '\u00a0', '\u3000', '\u2019', '🙂'],
    ...['*', '**', '***', '_', '__', '~', '~~', '~~~', ' *', '* ', ' _', '_ ', 'x_', '_x', '*a*', '**b**', '_c_', '~a~', '~~b~~', '__init__'],
    ...['`', '``', '` `', '[', ']', '](', '](x)', '](<a b>)', '](u "t")', " 't'", '](a(b)c)', '](\\))', '](<>)', '![', '!', '[c](d)', '![e](f)'],
    ...['\\', '\\*', '\\[', '&amp;', '&#35;', '&#x41;', '&bogus;', '&', '&#0;', '&#12345678;', '&#x110000;', '&ampx'],
    ...['<', '>', '<b>', '</b>', '<a href="x">', '<x y=z>', '<x/>', '<!-- c -->', '<!---->', '<?x?>', '<!X y>', '<![CDATA[z]]>'],
    ...['<https://x.test/p>', '<me@x.test>', '<a:b>', '<ab:c d>', '<a-b@c-d.e>', '<a@b->'],
  ];
  const LINE_ENDINGS = ['\n', '\r\n', '\n  ', '\n\t', '  \n', '\\\n', '](\n', ' "t\n'];
  const oneLine = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((pieces) => pieces.join(''));
  const lines = fc
    .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.constantFrom(...LINE_ENDINGS) }), {
      minLength: 1,
      maxLength: 16,
    })
    .map((pieces) => pieces.join(''));
  /** The runs inside the blocks that hold them: paragraphs at the top and in list items, headings, table cells. */
  const documents = fc.oneof(
    lines.map((text) => `x${text}x\n`),
    lines.map((text) => `x${text}x\n`.replace(/\r?\n/g, '\r\n')),
    lines.map((text) => `- x${text}x\n`),
    lines.map((text) => `1. item\n   x${text}x\n`),
    lines.map((text) => `- [ ] x${text}x\n`),
    lines.map((text) => `x${text}x\n===\n`),
    oneLine.map((text) => `# ${text}\n`),
    oneLine.map((text) => `## x${text} ##\n`),
    fc.tuple(oneLine, oneLine).map(([a, b]) => `| h | k |\n|---|---|\n| ${a} | ${b} |\n`),
    fc.tuple(oneLine, oneLine).map(([a, b]) => `|${a}|${b}|\n|-|-|\n`),
  );

  it('matches the library on generated runs, in every block that holds one', () => {
    let runs = 0;
    let answered = 0;
    fc.assert(
      fc.property(documents, (source) => {
        const counts = compareDocument(source);
        runs += counts.runs;
        answered += counts.answered;
      }),
      { numRuns: 4000 },
    );
    // Generated runs are full of near-misses; the reader must still answer nearly all of them.
    expect(answered / runs).toBeGreaterThan(0.9);
  });
});
