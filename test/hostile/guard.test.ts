// The guard (src/core/guard/): text that would take the Markdown parser minutes is never
// parsed. Past a limit, a file has one `fatal` finding at the offending line, at once;
// below the limits, the parse and the rules stay within the time bound per megabyte, for
// each shape the parser is superlinear on; the corpus stays far below every limit; the
// guard itself is linear and costs a small fraction of the parse.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { frontmatterEnd, GUARD_LIMITS, guardSource, measureSource, type GuardKind } from '../../src/core/guard/index.ts';
import { parseMarkdown } from '../../src/core/parse.ts';
import type { Linter } from '../../src/lint/linter.ts';
import { cpuOf, describeGrowth, growth, settle } from '../helpers/growth.ts';
import { boundMs, corpus, decode, everyRuleLinter, FUZZ, SKIP_CORPUS, timedLint } from './helpers.ts';

let linter: Linter | null = null;
const lint = async (source: string) => timedLint((linter ??= await everyRuleLinter()), source);

const nested = (depth: number, eol = '\n'): string => Array.from({ length: depth }, (_, i) => `${' '.repeat(2 * i)}- level ${i + 1}`).join(eol) + eol;

describe('inputs the parser cannot read in reasonable time are refused at once', () => {
  const cases: [string, () => string, GuardKind, number, RegExp][] = [
    [
      'a list nested 1,000 levels deep by indentation (1 MB)',
      () => `# Outage\n\n${nested(1000)}`,
      'depth',
      103,
      /nests lists 1,000 levels deep \(deeper than 100 from line 103 on\); Hindsight reads at most 100 levels: flatten the list/,
    ],
    ['the same with lone CR line endings', () => `# Outage\r\r${nested(1000, '\r')}`, 'depth', 103, /nests lists 1,000 levels deep/],
    ['the same with CR LF line endings', () => `# Outage\r\n\r\n${nested(1000, '\r\n')}`, 'depth', 103, /nests lists 1,000 levels deep/],
    ['a list nested 3,000 levels deep (9 MB)', () => nested(3000), 'size', 1, /This file is 8\.6 MB; Hindsight reads files of at most 5\.0 MB/],
    ['list markers nested on one line', () => `# Outage\n\n${'- '.repeat(5000)}a\n`, 'depth', 3, /nests lists 5,000 levels deep/],
    ['a block quote 10,000 levels deep', () => `${'> '.repeat(10_000)}a\n`, 'depth', 1, /nests block quotes 10,000 levels deep/],
    [
      'block quotes nested one more each line',
      () => Array.from({ length: 1000 }, (_, i) => `${'>'.repeat(i + 1)} q`).join('\n'),
      'depth',
      101,
      /nests block quotes 1,000 levels deep/,
    ],
    [
      '8,000 stars, a letter, 8,000 stars',
      () => `# Outage\n\n${'*'.repeat(8000)}a${'*'.repeat(8000)}\n`,
      'inline',
      3,
      /The paragraph at line 3 holds more unmatched emphasis \(\*\) markers than Hindsight reads/,
    ],
    ['"*a" 8,000 times', () => `${'*a'.repeat(8000)}\n`, 'inline', 1, /unmatched emphasis \(\*\)/],
    ['"a_ " 20,000 times', () => `${'a_ '.repeat(20_000)}\n`, 'inline', 1, /unmatched emphasis \(_\)/],
    ['"[*" 20,000 times', () => `${'[*'.repeat(20_000)}\n`, 'inline', 1, /unmatched emphasis \(\*\)/],
    ['unclosed HTML comments', () => `${'a <!--'.repeat(20_000)}\n`, 'inline', 1, /unmatched HTML \(<\)/],
    [
      'code-span runs of growing length',
      () => `${Array.from({ length: 3000 }, (_, i) => `${'`'.repeat(i + 1)}a`).join('')}\n`,
      'inline',
      1,
      /unmatched backtick/,
    ],
    [
      '"*a* " 25,000 times in one paragraph (matched emphasis)',
      () => `# Outage\n\n${'*a* '.repeat(25_000)}\n`,
      'inline',
      3,
      /^The paragraph at line 3 holds more emphasis \(\*\) markers than Hindsight reads in one paragraph \(the parser's work grows with the square of their number\): split it with blank lines/,
    ],
    [
      '"_a_ " and "~a~ " 10,000 times each, over many lines',
      () => `${'_a_ ~a~\n'.repeat(10_000)}`,
      'inline',
      1,
      /holds more (emphasis \(_\)|strikethrough \(~\)) markers than Hindsight reads in one paragraph/,
    ],
    [
      '"[a] " 25,000 times (brackets that are not links)',
      () => `${'[a] '.repeat(25_000)}\n`,
      'inline',
      1,
      /holds more bracket \(\]\) markers than Hindsight reads in one paragraph/,
    ],
    ['"[a]( " 20,000 times (links that never close)', () => `${'[a]( '.repeat(20_000)}\n`, 'inline', 1, /holds more bracket \(\]\) markers/],
    ['"&x " 30,000 times', () => `*${'&x '.repeat(30_000)}\n`, 'inline', 1, /holds more ampersand \(&\) markers/],
    [
      'a table of 2 columns and 30,000 rows',
      () => `# Data\n\n| a | b |\n|---|---|\n${'| 1 | 2 |\n'.repeat(30_000)}`,
      'table',
      0,
      /^The table at line 3 has 60,004 cells: Hindsight reads at most 50,000 table cells in a file \(passed at line [\d,]+; the parser would need gigabytes of memory\)\. Move the data to a file of its own/,
    ],
    ['a table row of 100,000 cells', () => `|a|\n|-|\n${'|a'.repeat(100_000)}\n`, 'table', 3, /^The table at line 1 has 100,002 cells/],
    [
      'many small tables',
      () => `|a|b|\n|-|-|\n${'|1|2|\n'.repeat(1000)}\n`.repeat(30),
      'table',
      0,
      /^The tables of this file have [\d,]+ cells \(the largest, at line 1, 2,004\)/,
    ],
    ['a million links', () => `${'[a](b) '.repeat(1_000_000)}`, 'size', 1, /This file is 6\.7 MB/],
    ['100,000 links, a paragraph each', () => `${'[a](b)\n\n'.repeat(100_000)}`, 'lines', 50_001, /This file has 200,000 lines/],
    [
      '40,000 links in paragraphs of 20',
      () => `${'[a](b) '.repeat(20)}\n\n`.repeat(2000),
      'tokens',
      0,
      /^This file holds more Markdown syntax than Hindsight reads \(about [\d,]+ pieces: list items, links, emphasis, headings, table cells; at most 300,000, passed at line [\d,]+; the parser would need gigabytes of memory\)/,
    ],
    ['40,000 one-word list items', () => '- a\n'.repeat(40_000), 'tokens', 0, /holds more Markdown syntax than Hindsight reads/],
    [
      '8,000 block quotes one after another',
      () => '> a\n\n'.repeat(8000),
      'structure',
      0,
      /^This file starts or ends lists, block quotes and underlined headings 16,000 times in 39 KB: from line [\d,]+ on, more than Hindsight reads in a file of this size/,
    ],
    ['8,000 setext headings', () => 'a\n===\n'.repeat(8000), 'structure', 0, /underlined headings 8,000 times in \d+ KB/],
    ['a list item after every paragraph, 6,000 times', () => '- a\n\npara\n\n'.repeat(6000), 'structure', 0, /starts or ends lists/],
    ['60,000 lines', () => 'a\n'.repeat(60_000), 'lines', 50_001, /This file has 60,000 lines; Hindsight reads at most 50,000/],
    ['a 10 MB single line', () => 'a'.repeat(10 * 1024 * 1024), 'size', 1, /This file is 10 MB; Hindsight reads files of at most 5\.0 MB/],
    ['a 50 MB file', () => 'abcd '.repeat(10 * 1024 * 1024), 'size', 1, /This file is 50 MB/],
    [
      '20 KB of random bytes',
      () => decode(Buffer.concat([Buffer.from('# x\n'), randomBytes(20_000), Buffer.from([0])])),
      'binary',
      0,
      /This file is binary, not Markdown text \(it holds a NUL character at line \d+, column \d+\)/,
    ],
  ];

  it.each(cases)('%s', async (_name, make, kind, line, message) => {
    const source = make();
    const problem = guardSource(source);
    expect(problem?.kind).toBe(kind);
    if (line > 0) expect(problem!.line).toBe(line);
    expect(problem!.message).toMatch(message);
    // The linter reports exactly that one finding, rule id "fatal", and runs nothing else,
    // within the suite's bound per megabyte. (The guard's own cost is linear: see "the guard
    // itself is linear" below; its cost against the parse: "real postmortems".)
    const { findings, ms } = await lint(source);
    expect(findings).toEqual([
      {
        ruleId: 'fatal',
        severity: 2,
        message: problem!.message,
        line: problem!.line,
        column: problem!.column,
        endLine: problem!.line,
        endColumn: problem!.column,
      },
    ]);
    expect(ms).toBeLessThanOrEqual(boundMs(Buffer.byteLength(source)));
  });

  it('a NUL past the first 8,000 characters is not binary (as git decides): the file is read', () => {
    expect(guardSource(`# Outage\n\n${'text '.repeat(2000)}\0 more\n`)).toBeNull();
    expect(guardSource(`# Outage\n\0`)).toMatchObject({ kind: 'binary', line: 2, column: 1 });
    expect(guardSource(`\uFEFF# Outage\r\nline two\r\nab\0`)).toMatchObject({ kind: 'binary', line: 3, column: 3 });
  });

  it('the limits are where the documentation says', () => {
    expect(GUARD_LIMITS).toEqual({
      maxBytes: 5 * 1024 * 1024,
      maxLines: 50_000,
      maxDepth: 100,
      structureBase: 10_000_000,
      structurePerByte: 100,
      inlineBase: 10_000_000,
      inlinePerByte: 100,
      maxTableCells: 50_000,
      maxTokens: 300_000,
      binaryProbe: 8000,
    });
    // At the limits: 100 levels are read, 101 are not; 50,000 lines are read, 50,001 are not.
    expect(guardSource(nested(100))).toBeNull();
    expect(guardSource(nested(101))).toMatchObject({ kind: 'depth', line: 101 });
    expect(guardSource('a\n'.repeat(50_000))).toBeNull();
    expect(guardSource('a\n'.repeat(50_001))).toMatchObject({ kind: 'lines' });
    expect(guardSource('a'.repeat(GUARD_LIMITS.maxBytes))).toBeNull();
    expect(guardSource('a'.repeat(GUARD_LIMITS.maxBytes + 1))).toMatchObject({ kind: 'size' });
    // Multi-byte characters count as the bytes they take.
    expect(guardSource('é'.repeat(GUARD_LIMITS.maxBytes / 2 + 1))).toMatchObject({ kind: 'size' });
  });
});

/** Shapes the parser is superlinear on, each as a function of a count n. */
const SHAPES: Record<string, (n: number) => string> = {
  'block quotes one after another': (n) => '> a\n\n'.repeat(n),
  'lists between paragraphs': (n) => '- a\n\npara\n\n'.repeat(n),
  'setext headings': (n) => 'a\n===\n'.repeat(n),
  'lazy lines of block quotes': (n) => '> a\nb\n\n'.repeat(n),
  'nested lists between paragraphs': (n) => '- a\n  - b\n\npara\n\n'.repeat(n),
  'two list markers a line': (n) => '- - a\n'.repeat(n),
  'a list in a block quote, each line': (n) => '- > a\n'.repeat(n),
  'deep quotes one after another': (n) => '> > > > > > > > a\n\n'.repeat(n),
  'a list nested 100 deep, again and again': (n) => `${nested(100)}\npara\n\n`.repeat(n),
  'list markers 100 deep on one line, again and again': (n) => `${'- '.repeat(99)}a\n\npara\n\n`.repeat(n),
  '"*a"': (n) => '*a'.repeat(n),
  '"a* "': (n) => 'a* '.repeat(n),
  '"a_ "': (n) => 'a_ '.repeat(n),
  '"[*"': (n) => '[*'.repeat(n),
  '"~a"': (n) => '~a'.repeat(n),
  'a run of stars either side of a letter': (n) => `${'*'.repeat(n)}a${'*'.repeat(n)}`,
  'unclosed HTML comments': (n) => 'a <!--'.repeat(n),
  'unclosed processing instructions': (n) => 'a <?'.repeat(n),
  'code-span runs of growing length': (n) => Array.from({ length: n }, (_, i) => `${'`'.repeat(i + 1)}a`).join(''),
  '"_" and CR LF': (n) => '_\r\n(_('.repeat(n),
  'paragraphs of unmatched stars': (n) => `${'*a'.repeat(200)}\n\n`.repeat(n),
  // Pairs and merges: each rewrites the paragraph's events after it (issue 14, case 5).
  '"*a* "': (n) => '*a* '.repeat(n),
  '"**a** _b_ ~c~ "': (n) => '**a** _b_ ~c~ '.repeat(n),
  '"[a] "': (n) => '[a] '.repeat(n),
  '"[a]( "': (n) => '[a]( '.repeat(n),
  '"&x *"': (n) => '&x *'.repeat(n),
  '"*a* " on many lines': (n) => '*a* *a*\n'.repeat(n),
  'paragraphs of matched emphasis': (n) => `${'*a* '.repeat(400)}\n\n`.repeat(n),
  'brackets opened deep': (n) => '['.repeat(n),
  'brackets nested deep': (n) => `${'['.repeat(n)}a${']'.repeat(n)}`,
  // Memory: tokens and table cells.
  links: (n) => '[a](b) '.repeat(n),
  'one-word list items': (n) => '- a\n'.repeat(n),
  'table rows': (n) => `|a|b|\n|-|-|\n${'|a|b|\n'.repeat(n)}`,
  'a table row of many cells': (n) => `|a|\n|-|\n${'|a'.repeat(n)}\n`,
  'a table of many columns': (n) => `|${'a|'.repeat(n)}\n|${'-|'.repeat(n)}\n|${'a|'.repeat(n)}\n`,
  'tables with emphasis in every cell': (n) => `|a|b|\n|-|-|\n${'| *a* | **b** |\n'.repeat(500)}\n`.repeat(n),
};

/**
 * The largest n whose text the guard accepts (a search over n, doubling then halving), and
 * in the default run no larger than `maxBytes` (the per-byte allowance is reached in files
 * of megabytes: `npm run test:fuzz` goes that far).
 */
function largestAccepted(shape: (n: number) => string, maxBytes = FUZZ > 1 ? Infinity : 256 * 1024): number {
  let low = 1;
  let high = 2;
  while (guardSource(shape(high)) === null && shape(high).length <= maxBytes && high < 1 << 22) {
    low = high;
    high *= 2;
  }
  while (high - low > Math.max(1, low >> 6)) {
    const mid = (low + high) >> 1;
    if (guardSource(shape(mid)) === null && shape(mid).length <= maxBytes) low = mid;
    else high = mid;
  }
  return low;
}

describe('below the limits, each superlinear shape stays within the time bound per megabyte', () => {
  // The default run takes half of the older shapes, and every shape of issue 14 (from "*a* " on).
  const firstNew = Object.keys(SHAPES).indexOf('"*a* "');
  const names = FUZZ > 1 ? Object.keys(SHAPES) : Object.keys(SHAPES).filter((_, i) => i % 2 === 0 || i < 4 || i >= firstNew);
  it.each(names)('%s, as large as the guard lets it be', async (name) => {
    const shape = SHAPES[name]!;
    const n = largestAccepted(shape);
    const source = shape(n);
    expect(guardSource(source)).toBeNull();
    const bytes = Buffer.byteLength(source);
    const { findings, ms } = await lint(source);
    expect(findings.filter((f) => f.ruleId === 'fatal')).toEqual([]);
    console.log(
      `guard edge, ${name}: n=${n}, ${(bytes / 1024).toFixed(0)} KB linted in ${ms.toFixed(0)} ms (${(((ms / bytes) * 1024 * 1024) / 1000).toFixed(2)} s/MB; bound ${boundMs(bytes).toFixed(0)} ms)`,
    );
    expect(ms).toBeLessThanOrEqual(boundMs(bytes));
  });
});

describe.skipIf(SKIP_CORPUS)('real postmortems', () => {
  it('stay far below every limit', () => {
    const texts = corpus().map((f) => decode(f.bytes));
    const measures = texts.map((t) => measureSource(t));
    const max = (pick: (m: (typeof measures)[number]) => number): number => Math.max(...measures.map(pick));
    const figures = {
      bytes: max((m) => m.bytes),
      lines: max((m) => m.lines),
      depth: max((m) => m.depth),
      structure: max((m) => m.structureWork),
      structurePerByte: max((m) => m.structureWork / m.bytes),
      inline: max((m) => m.inlineWork),
      inlinePerByte: max((m) => m.inlineWork / m.bytes),
      tokens: max((m) => m.tokens),
      tableCells: max((m) => m.tableCells),
    };
    expect(figures.bytes * 20).toBeLessThan(GUARD_LIMITS.maxBytes);
    expect(figures.lines * 20).toBeLessThan(GUARD_LIMITS.maxLines);
    expect(figures.depth * 5).toBeLessThan(GUARD_LIMITS.maxDepth);
    expect(figures.structure * 100).toBeLessThan(GUARD_LIMITS.structureBase);
    expect(figures.structurePerByte * 10).toBeLessThan(GUARD_LIMITS.structurePerByte);
    expect(figures.inline * 100).toBeLessThan(GUARD_LIMITS.inlineBase);
    expect(figures.inlinePerByte * 10).toBeLessThan(GUARD_LIMITS.inlinePerByte);
    expect(figures.tokens * 50).toBeLessThan(GUARD_LIMITS.maxTokens);
    expect(figures.tableCells * 100).toBeLessThan(GUARD_LIMITS.maxTableCells);
    for (const text of texts) expect(guardSource(text)).toBeNull();
  });
});

/** The text of a shape at about `bytes` characters. */
function sized(shape: (n: number) => string, bytes: number): string {
  let n = 1;
  while (shape(n).length < bytes / 2) n *= 2;
  let low = n;
  let high = n * 2;
  while (high - low > 1 && Math.abs(shape(low).length - bytes) > bytes / 20) {
    const mid = (low + high) >> 1;
    if (shape(mid).length < bytes) low = mid;
    else high = mid;
  }
  return shape(low);
}

describe('the guard itself is linear', () => {
  it.each(Object.keys(SHAPES).slice(0, FUZZ > 1 ? undefined : 8))('on %s', (name) => {
    const shape = SHAPES[name]!;
    // Sizes past the limits too: the scan goes on to measure what it refuses. 32 times apart:
    // linear grows about 32 times, quadratic about 1,000 times (test/helpers/growth.ts). The
    // scan keeps nothing between calls, so the same two texts serve every call.
    const texts = new Map([31_250, 1_000_000].map((bytes) => [bytes, sized(shape, bytes)]));
    const g = growth(
      (bytes) => {
        settle();
        return cpuOf(() => measureSource(texts.get(bytes)!));
      },
      31_250,
      1_000_000,
    );
    expect(g.ratio, describeGrowth(g, '31 KB', '1 MB')).toBeLessThan(g.limit);
  });
});

describe('the frontmatter block', () => {
  it('ends where the parser ends it, and its text is not read as Markdown', () => {
    const cases = [
      '---\na: 1\n---\n# T\n',
      '---\n---\nx\n',
      '---\na\n',
      '--- \r\na: [\r\n--- \r\n[x]\n',
      '+++\na = 1\n+++\nx',
      '---\na\n----\nb\n---\n',
      '\uFEFF---\na\n---\n',
      'x\n---\na\n---\n',
      '---\r\na\r---\rb',
      '---\na\n+++\n',
    ];
    for (const source of cases) {
      const tree = parseMarkdown(source);
      const block = tree.children.find((n) => n.type === 'yaml' || (n.type as string) === 'toml');
      expect(frontmatterEnd(source) > 0, JSON.stringify(source)).toBe(block !== undefined);
      // Up to its closing fence, with what follows the fence on its line.
      // (The parser's offsets do not count a byte order mark.)
      const bom = source.startsWith('\uFEFF') ? 1 : 0;
      if (block) expect(source.slice(block.position!.end.offset! + bom, frontmatterEnd(source)), JSON.stringify(source)).toMatch(/^[ \t]*(?:\r\n|\r|\n)?$/);
    }
    // Brackets nested thousands deep in a YAML value: data, not a paragraph of brackets.
    expect(guardSource(`---\na: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n# Outage\n`)).toBeNull();
  });
});
