// What the guard allows a file, why the limits sit where they do, and what it reports.
export interface GuardLimits {
  /** Largest file read, in bytes of UTF-8. */
  maxBytes: number;
  /** Most lines read. */
  maxLines: number;
  /**
   * Deepest nesting of lists and block quotes: on a line, each `>` and list marker is a
   * level, and so is each two columns of indentation before the first of them.
   */
  maxDepth: number;
  /**
   * Work of ending containers and setext headings: each such line costs the events read
   * before it. Allowed: `structureBase` plus `structurePerByte` for each byte of the file.
   */
  structureBase: number;
  structurePerByte: number;
  /** Work of unmatched inline markers, summed over paragraphs; allowed as above. */
  inlineBase: number;
  inlinePerByte: number;
  /** Most table cells in a file (each costs the parser a few kilobytes of memory). */
  maxTableCells: number;
  /** Most parser tokens in a file, as the scan estimates them (each costs about a kilobyte of memory). */
  maxTokens: number;
  /** A NUL character within this many characters of the start marks a binary file (as git decides). */
  binaryProbe: number;
}

/**
 * The limits, against the largest values of the 262 postmortems of the public corpus and
 * this repository (largest file 26 KB and 327 lines; deepest nesting 7; structure work
 * 27,775 and 2 per byte; inline work 8,721 and 2.4 per byte):
 * - 5 MB and 50,000 lines: 200 and 150 times the largest. The parser's slowest linear
 *   input (thousands of four-byte list items) takes it about 20 s per MB, so these two
 *   bound a file's parse to seconds, not minutes;
 * - 100 levels of nesting: 14 times the deepest. 200 levels of a list nested by indentation
 *   parse in 0.3 s; 500 in 17 s;
 * - structure and inline work: 10,000,000 plus 100 per byte. At the parser's cost of about
 *   30 ns per unit of work (measured for each shape in test/hostile/guard.test.ts), that is
 *   at most 0.3 s plus 3 s per MB on top of the linear parse. Real postmortems stay 360
 *   times below the base (and 40 times below the rate).
 * - 50,000 table cells and 300,000 tokens in a file: 400 and 80 times the corpus's largest
 *   (118 cells, 3,563 tokens), 1.5 times the 200,000 of a 5 MB postmortem with a 20,000-entry
 *   timeline. At the limits the parse and the rules need at most 320 to 384 MB of heap (a
 *   list of 30,000 one-word items; measured in a worker thread with the pool's limits), under
 *   the worker thread's 512 (src/lint/pool.ts).
 */
export const GUARD_LIMITS: Readonly<GuardLimits> = Object.freeze({
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

/** What stopped the parse (`internal`: an exception while reading the file, a bug). */
export type GuardKind = 'empty' | 'binary' | 'size' | 'lines' | 'depth' | 'structure' | 'inline' | 'table' | 'tokens' | 'internal';

export interface GuardProblem {
  kind: GuardKind;
  /** Where the problem is (1-based), for the one finding reported. */
  line: number;
  column: number;
  message: string;
}

/** What the scan measured: for tests, benchmarks and the limits' documentation. */
export interface GuardMeasure {
  bytes: number;
  lines: number;
  /** Deepest container nesting; the first line nested deeper than `maxDepth` (0: none). */
  depth: number;
  depthLine: number;
  depthQuotes: boolean;
  structureWork: number;
  /** Line at which structure work passed its allowance (0: it did not). */
  structureLine: number;
  structureEvents: number;
  inlineWork: number;
  /** The paragraph that cost the most inline work: its first line and its work. */
  inlineLine: number;
  inlineMaxWork: number;
  inlineMarker: string;
  /** Whether that paragraph's work is mostly markers the parser pairs or merges (its work grows with their number squared), not unmatched ones. */
  inlinePaired: boolean;
  /** The parser's tokens, estimated (each costs it about a kilobyte of memory while it reads the file). */
  tokens: number;
  /** Cells of tables, in all; the table holding the most: its first line and its cells. */
  tableCells: number;
  tableLine: number;
  tableMaxCells: number;
  /** Line at which the table cells, and the tokens, passed their limits (0: they did not). */
  tableCellsLine: number;
  tokensLine: number;
  /** Line and column of the first NUL within the binary probe, or 0. */
  nulLine: number;
  nulColumn: number;
}
