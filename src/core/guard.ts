// A linear pre-scan that keeps hostile or broken text away from the Markdown parser.
//
// micromark (under mdast-util-from-markdown) is linear on the Markdown people write, but some
// shapes cost it quadratic time or worse, and a postmortem of a few hundred kilobytes built from
// them would take minutes or hours to read:
//   - containers nested deep: lists nested by indentation (500 levels, 250 KB: 17 s; 3,000:
//     hours) or by markers on one line (`- - - - a`), block quotes nested line after line;
//   - many containers that end, lazy lines and setext headings: each one re-copies every
//     event of the document read so far (micromark's EditMap), so thousands of them cost
//     their number times the document's length (`> a\n\n` 8,000 times: 10 s for 40 KB);
//   - inline markers that never match within one paragraph: an emphasis closer with no
//     opener walks back to the paragraph's start (`*a` 8,000 times: 5 s), a run of `*` pairs
//     off two at a time (`'*'.repeat(8000) + 'a' + '*'.repeat(8000)`: 11 s), a code-span run
//     or an HTML comment with no end scans forward to the paragraph's end;
//   - inline markers that do match, within one paragraph: each emphasis pair, and each stretch
//     of text the parser merges where a `]`, `&`, `<` or `!` opened nothing, splices the
//     paragraph's events from there to its end (`*a* ` 100,000 times, 400 KB: 50 s);
//   - memory: each token the parser makes costs about a kilobyte while it reads the file, so
//     a 1 MB table of one-letter cells (500,000 cells) takes 3 GB, and a 5 MB one more than
//     the machine has.
// This scan measures each of them in one pass over the text, as an upper estimate of the work
// (and the tokens) the parser will make, and reports the first limit passed. Past a limit the file is not parsed:
// the linter reports one `fatal` finding at the offending line instead. The limits sit far
// above what any real postmortem reaches (see GUARD_LIMITS and README "Hostile input"), and
// below them the parser's time stays within a bound per megabyte (test/hostile/).

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

/**
 * Checks a file's text before it is parsed: null when it may be parsed, else the one
 * problem to report.
 */
export function guardSource(source: string, limits: GuardLimits = GUARD_LIMITS): GuardProblem | null {
  // Size first, and without scanning: a 3-byte character per UTF-16 unit at most.
  if (source.length > limits.maxBytes || (source.length * 3 > limits.maxBytes && Buffer.byteLength(source) > limits.maxBytes)) {
    const bytes = Buffer.byteLength(source);
    return {
      kind: 'size',
      line: 1,
      column: 1,
      message: `This file is ${megabytes(bytes)}; Hindsight reads files of at most ${megabytes(limits.maxBytes)}: move attached logs and data out of the postmortem (link to them), or split it.`,
    };
  }
  // Nothing but blanks (or a byte order mark): one finding that says so, not four missing sections.
  if (!/[^\s\uFEFF]/.test(source)) {
    return {
      kind: 'empty',
      line: 1,
      column: 1,
      message: 'This file is empty: write the postmortem in it (`hindsight new "Title"` starts one from the template), or delete it.',
    };
  }
  const m = measureSource(source, limits);
  if (m.nulLine > 0) {
    return {
      kind: 'binary',
      line: m.nulLine,
      column: m.nulColumn,
      message: `This file is binary, not Markdown text (it holds a NUL character at line ${count(m.nulLine)}, column ${count(m.nulColumn)}): lint only postmortems written as text, or remove the NUL bytes.`,
    };
  }
  if (m.lines > limits.maxLines) {
    return {
      kind: 'lines',
      line: limits.maxLines + 1,
      column: 1,
      message: `This file has ${count(m.lines)} lines; Hindsight reads at most ${count(limits.maxLines)}: move attached logs and data out of the postmortem (link to them), or split it.`,
    };
  }
  if (m.depthLine > 0) {
    const what = m.depthQuotes ? 'block quotes' : 'lists';
    return {
      kind: 'depth',
      line: m.depthLine,
      column: 1,
      message: `This file nests ${what} ${count(m.depth)} levels deep (deeper than ${count(limits.maxDepth)} from line ${count(m.depthLine)} on); Hindsight reads at most ${count(limits.maxDepth)} levels: flatten the ${m.depthQuotes ? 'quotes' : 'list'}.`,
    };
  }
  if (m.structureLine > 0) {
    return {
      kind: 'structure',
      line: m.structureLine,
      column: 1,
      message: `This file starts or ends lists, block quotes and underlined headings ${count(m.structureEvents)} times in ${size(m.bytes)}: from line ${count(m.structureLine)} on, more than Hindsight reads in a file of this size (the parser would take minutes). Such a file is generated, not written: join the lists, or use "## Heading" headings.`,
    };
  }
  if (m.tableCellsLine > 0) {
    const what = m.tableMaxCells === m.tableCells ? `The table at line ${count(m.tableLine)} has ${count(m.tableCells)} cells` : `The tables of this file have ${count(m.tableCells)} cells (the largest, at line ${count(m.tableLine)}, ${count(m.tableMaxCells)})`;
    return {
      kind: 'table',
      line: m.tableCellsLine,
      column: 1,
      message: `${what}: Hindsight reads at most ${count(limits.maxTableCells)} table cells in a file (passed at line ${count(m.tableCellsLine)}; the parser would need gigabytes of memory). Move the data to a file of its own (CSV, a spreadsheet) and link to it, or keep only the rows the postmortem needs.`,
    };
  }
  if (m.tokensLine > 0) {
    return {
      kind: 'tokens',
      line: m.tokensLine,
      column: 1,
      message: `This file holds more Markdown syntax than Hindsight reads (about ${count(m.tokens)} pieces: list items, links, emphasis, headings, table cells; at most ${count(limits.maxTokens)}, passed at line ${count(m.tokensLine)}; the parser would need gigabytes of memory). Such a file is generated, not written: move data and logs out of the postmortem (link to them), or into a fenced code block (\`\`\`).`,
    };
  }
  if (m.inlineWork > limits.inlineBase + limits.inlinePerByte * m.bytes) {
    return {
      kind: 'inline',
      line: m.inlineLine,
      column: 1,
      message: m.inlinePaired
        ? `The paragraph at line ${count(m.inlineLine)} holds more ${m.inlineMarker} markers than Hindsight reads in one paragraph (the parser's work grows with the square of their number): split it with blank lines, or put pasted logs and data in a fenced code block (\`\`\`).`
        : `The paragraph at line ${count(m.inlineLine)} holds more unmatched ${m.inlineMarker} markers than Hindsight reads: put pasted logs and data in a fenced code block (\`\`\`), or escape the markers with "\\".`,
    };
  }
  return null;
}

/** The finding for an exception thrown while reading a file: a bug to report. */
export function internalProblem(error: unknown, where = 'read this file'): GuardProblem {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    kind: 'internal',
    line: 1,
    column: 1,
    message: `Hindsight failed to ${where} (${reason.split('\n')[0]!.slice(0, 200)}). This is a bug in Hindsight: please report it with the file.`,
  };
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-US')} KB` : megabytes(bytes);
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb).toLocaleString('en-US') : mb.toFixed(1)} MB`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

// Character codes.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const HASH = 35;
const AMP = 38;
const CLOSE_PAREN = 41;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const QUESTION = 63;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;
const UNDERSCORE = 95;
const BACKTICK = 96;
const TILDE = 126;

/** ASCII punctuation, as CommonMark counts it for flanking. */
const ASCII_PUNCTUATION = new Uint8Array(128);
for (const c of '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~') ASCII_PUNCTUATION[c.charCodeAt(0)] = 1;
const UNICODE_PUNCTUATION = /[\p{P}\p{S}]/u;
const UNICODE_WHITESPACE = /\s/u;

/** 0 whitespace (or a line's edge), 1 punctuation, 2 other: CommonMark's classes for flanking. */
function classOf(code: number): 0 | 1 | 2 {
  if (code < 0 || code === SPACE || code === TAB || code === LF || code === CR) return 0;
  if (code < 128) return ASCII_PUNCTUATION[code] ? 1 : 2;
  const char = String.fromCharCode(code);
  if (UNICODE_WHITESPACE.test(char)) return 0;
  // A surrogate half reads as "other"; micromark reads the code point, which is near enough.
  return UNICODE_PUNCTUATION.test(char) ? 1 : 2;
}

/** How much more a setext underline costs than a container's end, per event before it. */
const SETEXT_WEIGHT = 6;
/** A line's end: LF, CR LF or a lone CR. */
const LINE_BREAK = /[\n\r]/g;
/** What the inline scan counts (switch in measureSource), or a line's end that stops it. */
const INLINE_MARKER = /[*_~`<[\]!&\\\n\r]/g;
/** Per token walked back by an emphasis closer with no opener, and per token re-resolved by a pairing. */
const WALK_WEIGHT = 2;
const PAIR_WEIGHT = 3;
/** Per character an unclosed HTML comment, instruction or tag scans forward. */
const SCAN_WEIGHT = 2;
/**
 * Per token after a pairing or a merge, to the paragraph's end. Each emphasis or
 * strikethrough pair the parser matches, and each stretch of plain text it merges (text
 * left over where a `]`, `!`, `&`, `<`, `\\` or backtick opened nothing), rewrites the
 * paragraph's events from that place on (an array splice): thousands of them in one paragraph
 * cost their number times the paragraph's length (`*a* ` 25,000 times, 100 KB: 2.5 s).
 */
const SPLICE_WEIGHT = 1;

/** The parser's tokens per inline marker counted (and per line ending of a paragraph). */
const INLINE_TOKENS = 3;
/** The parser's tokens per table cell. */
const CELL_TOKENS = 4;

/** What the parser pairs or merges, as a finding names it. */
const MARKER_NAMES: Record<string, string> = {
  '*': 'emphasis (*)',
  _: 'emphasis (_)',
  '~': 'strikethrough (~)',
  '`': 'backtick (`)',
  '<': 'HTML (<)',
  ']': 'bracket (])',
  '!': 'exclamation mark (!)',
  '&': 'ampersand (&)',
  '\\': 'backslash (\\)',
};

interface Run {
  /** Token count at the run, within its paragraph. */
  at: number;
  length: number;
  canClose: boolean;
}

interface Fence {
  char: number;
  length: number;
  /** Block quote markers its lines begin with. */
  quotes: number;
  /** Inside a list item: lines indented less (with content) end it. */
  minColumn: number;
}

/** A line's container prefix: indentation, `>` and list markers. */
interface Prefix {
  /** Offset of the content after the prefix. */
  content: number;
  /** Column of the content (tabs to multiples of 4). */
  column: number;
  /** Whitespace columns between the last marker (or the line's start) and the content. */
  lead: number;
  markers: number;
  quotes: number;
  lists: number;
  /** Indentation before the first marker. */
  firstIndent: number;
  /** The markers and their columns, hashed: equal for sibling list items and continued quotes. */
  sig: number;
  /** Column just after the last marker. */
  markerEnd: number;
  /** An ordered marker numbered other than 1 (it may not interrupt a paragraph). */
  orderedNotOne: boolean;
  /** Whether the last marker is a list marker (not `>`). */
  lastIsList: boolean;
}

function readPrefix(source: string, start: number, end: number, onlyQuotes: number): Prefix {
  const out: Prefix = { content: start, column: 0, lead: 0, markers: 0, quotes: 0, lists: 0, firstIndent: 0, sig: 0, markerEnd: 0, orderedNotOne: false, lastIsList: false };
  let p = start;
  let column = 0;
  let first = -1;
  for (;;) {
    while (p < end) {
      const c = source.charCodeAt(p);
      if (c === SPACE) column++;
      else if (c === TAB) column += 4 - (column % 4);
      else break;
      p++;
    }
    if (p >= end) break;
    const c = source.charCodeAt(p);
    if (c === GT) {
      if (onlyQuotes >= 0 && out.quotes >= onlyQuotes) break;
      if (first < 0) first = column;
      out.markers++;
      out.quotes++;
      out.lastIsList = false;
      out.sig = (out.sig * 31 + 1) % 2_147_483_647;
      p++;
      column++;
      out.markerEnd = column;
      continue;
    }
    if (onlyQuotes >= 0) break;
    if ((c === DASH || c === STAR || c === PLUS) && (p + 1 === end || source.charCodeAt(p + 1) === SPACE || source.charCodeAt(p + 1) === TAB)) {
      if (first < 0) first = column;
      out.markers++;
      out.lists++;
      out.lastIsList = true;
      out.sig = (out.sig * 31 + 2 + 3 * column) % 2_147_483_647;
      p++;
      column++;
      out.markerEnd = column;
      continue;
    }
    if (c >= ZERO && c <= NINE) {
      let q = p;
      while (q < end && q - p < 10) {
        const d = source.charCodeAt(q);
        if (d < ZERO || d > NINE) break;
        q++;
      }
      const d = q < end ? source.charCodeAt(q) : -1;
      if (q - p <= 9 && (d === DOT || d === CLOSE_PAREN) && (q + 1 === end || source.charCodeAt(q + 1) === SPACE || source.charCodeAt(q + 1) === TAB)) {
        if (first < 0) first = column;
        if (!(q - p === 1 && source.charCodeAt(p) === ZERO + 1)) out.orderedNotOne = true;
        out.markers++;
        out.lists++;
        out.lastIsList = true;
        out.sig = (out.sig * 31 + 3 + 3 * column) % 2_147_483_647;
        column += q + 1 - p;
        p = q + 1;
        out.markerEnd = column;
        continue;
      }
    }
    break;
  }
  out.content = p;
  out.column = column;
  out.lead = column - out.markerEnd;
  out.firstIndent = Math.max(first, 0);
  return out;
}

/** Text that cannot start a block of its own (so under a paragraph it continues it). */
function lazyText(code: number): boolean {
  switch (code) {
    case HASH:
    case BACKTICK:
    case TILDE:
    case LT:
    case DASH:
    case UNDERSCORE:
    case STAR:
    case EQUALS:
    case PLUS:
    case GT:
    case 124: // |
      return false;
    default:
      return code > SPACE;
  }
}

function isAtxHeading(source: string, at: number, end: number): boolean {
  let q = at;
  while (q < end && source.charCodeAt(q) === HASH) q++;
  const level = q - at;
  if (level < 1 || level > 6) return false;
  return q === end || source.charCodeAt(q) === SPACE || source.charCodeAt(q) === TAB;
}

const FRONTMATTER_OPEN = /^\uFEFF?(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)/;

/**
 * Where the frontmatter block ends (after its closing fence's line), or 0 when there is none:
 * as micromark-extension-frontmatter reads it, `---` (YAML) or `+++` (TOML) alone on the first
 * line, closed by the same alone on a line.
 */
export function frontmatterEnd(source: string): number {
  const open = FRONTMATTER_OPEN.exec(source);
  if (open === null) return 0;
  const fence = open[1] === '---' ? '---' : '\\+\\+\\+';
  const close = new RegExp(`(?:^|\\r\\n|\\r|\\n)${fence}[ \\t]*(?:\\r\\n|\\r|\\n|$)`, 'g');
  close.lastIndex = 0;
  const rest = source.slice(open[0].length);
  const found = close.exec(rest);
  return found === null ? 0 : open[0].length + found.index + found[0].length;
}

/** A closing fence: at least `length` of `char`, then only whitespace. */
function closesFence(source: string, at: number, end: number, fence: Fence): boolean {
  let q = at;
  while (q < end && source.charCodeAt(q) === fence.char) q++;
  if (q - at < fence.length) return false;
  for (; q < end; q++) {
    const c = source.charCodeAt(q);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/** The length of an opening fence at `at` (three or more backticks or tildes), or 0. */
function opensFence(source: string, at: number, end: number): number {
  const c = source.charCodeAt(at);
  if (c !== BACKTICK && c !== TILDE) return 0;
  let q = at;
  while (q < end && source.charCodeAt(q) === c) q++;
  const length = q - at;
  if (length < 3) return 0;
  // A backtick fence's info string holds no backtick (else the line is inline code).
  if (c === BACKTICK) for (; q < end; q++) if (source.charCodeAt(q) === BACKTICK) return 0;
  return length;
}

const PIPE = 124;
const COLON = 58;

/** Text that goes on with a table as a row: what cannot start a block of its own, or a `|`. */
function tableRowText(code: number): boolean {
  return code === PIPE || lazyText(code);
}

/** Unescaped `|` between `at` and `end`, and whether the text (blanks aside) starts and ends with one. */
function pipes(source: string, at: number, end: number): { count: number; leading: boolean; trailing: boolean } {
  let first = at;
  while (first < end && (source.charCodeAt(first) === SPACE || source.charCodeAt(first) === TAB)) first++;
  let last = end - 1;
  while (last >= first && (source.charCodeAt(last) === SPACE || source.charCodeAt(last) === TAB)) last--;
  let count = 0;
  let trailing = false;
  for (let q = first; q <= last; q++) {
    const c = source.charCodeAt(q);
    // As the parser reads a row: `\\` and `\|` are text.
    if (c === BACKSLASH && (source.charCodeAt(q + 1) === BACKSLASH || source.charCodeAt(q + 1) === PIPE) && q < last) q++;
    else if (c === PIPE) {
      count++;
      if (q === last) trailing = true;
    }
  }
  return { count, leading: first <= last && source.charCodeAt(first) === PIPE, trailing };
}

/** Cells between `|`, as the parser counts them: none before a leading `|`, none after a trailing one. */
function cellsOf(p: { count: number; leading: boolean; trailing: boolean }): number {
  return p.count + (p.leading ? 0 : 1) - (p.trailing ? 1 : 0);
}

/** The cells of a table's header row (0: it holds no `|`, or only one). */
function headerCells(source: string, at: number, end: number): number {
  const p = pipes(source, at, end);
  if (p.count === 0 || (p.count === 1 && p.leading && p.trailing)) return 0;
  return cellsOf(p);
}

/** The cells of a table's row (a row without `|` is one cell). */
function rowCells(source: string, at: number, end: number): number {
  return Math.max(1, cellsOf(pipes(source, at, end)));
}

/**
 * The cells of the delimiter row (`|---|:-:|`) on the line that starts at `start`, in `quotes`
 * block quotes and no list; 0 when that line is not one, or holds no `|`.
 */
function delimiterRowCells(source: string, start: number, quotes: number): number {
  if (start >= source.length) return 0;
  LINE_BREAK.lastIndex = start;
  const end = LINE_BREAK.exec(source)?.index ?? source.length;
  const prefix = readPrefix(source, start, end, -1);
  if (prefix.quotes !== quotes || prefix.lists > 0 || prefix.lead > 3) return 0;
  const blanks = (q: number): number => {
    while (q < end && (source.charCodeAt(q) === SPACE || source.charCodeAt(q) === TAB)) q++;
    return q;
  };
  let q = prefix.content;
  let cells = 0;
  let pipeSeen = false;
  if (source.charCodeAt(q) === PIPE) {
    pipeSeen = true;
    q++;
  }
  for (;;) {
    q = blanks(q);
    if (q >= end) break;
    if (source.charCodeAt(q) === COLON) q++;
    if (source.charCodeAt(q) !== DASH) return 0;
    while (source.charCodeAt(q) === DASH) q++;
    if (source.charCodeAt(q) === COLON) q++;
    cells++;
    q = blanks(q);
    if (q >= end) break;
    if (source.charCodeAt(q) !== PIPE) return 0;
    pipeSeen = true;
    q++;
  }
  return pipeSeen ? cells : 0;
}

/**
 * Forward searches that only ever move forward: the next `needle` at or after `from`, for
 * `from` growing across calls, in linear time overall.
 */
class Finder {
  private from = -1;
  private found = -1;
  private readonly source: string;
  private readonly needle: string;
  constructor(source: string, needle: string) {
    this.source = source;
    this.needle = needle;
  }
  next(from: number): number {
    if (this.from !== -1 && this.from <= from && (this.found === -1 || this.found >= from)) return this.found;
    this.from = from;
    this.found = this.source.indexOf(this.needle, from);
    return this.found;
  }
}

/**
 * The scan. Lines end at LF, CR LF or a lone CR, as the parser reads them. Each line's
 * container prefix (indentation, `>` and list markers) is read, then the rest for inline
 * markers, except in fenced or indented code.
 */
export function measureSource(source: string, limits: GuardLimits = GUARD_LIMITS): GuardMeasure {
  const n = source.length;
  const bytes = Buffer.byteLength(source);
  const structureAllowed = limits.structureBase + limits.structurePerByte * bytes;
  const m: GuardMeasure = {
    bytes,
    lines: 0,
    depth: 0,
    depthLine: 0,
    depthQuotes: false,
    structureWork: 0,
    structureLine: 0,
    structureEvents: 0,
    inlineWork: 0,
    inlineLine: 0,
    inlineMaxWork: 0,
    inlineMarker: '',
    inlinePaired: false,
    tokens: 0,
    tableCells: 0,
    tableLine: 0,
    tableMaxCells: 0,
    tableCellsLine: 0,
    tokensLine: 0,
    nulLine: 0,
    nulColumn: 0,
  };

  const nul = source.indexOf('\0');
  if (nul !== -1 && nul < limits.binaryProbe) {
    const before = source.slice(0, nul);
    const breaks = before.match(/\r\n|\r|\n/g)?.length ?? 0;
    m.nulLine = breaks + 1;
    m.nulColumn = nul - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  }

  // Document state.
  let line = 0;
  let events = 0; // the parser's events so far, roughly
  let prevBlank = true;
  let prevParagraph = false; // the previous line was paragraph text
  let prevQuotes = 0;
  let prevLineSig = 0;
  let chainSig = -1; // the last marker line's signature while its containers are open
  let inContainer = false;
  let containerQuotes = 0;
  let contentColumn = 0; // lines with content indented less leave the innermost list item
  let fence: Fence | null = null;
  let indentedCode = false;
  /** The open table: the block quotes its rows sit in, its first line, its cells so far. */
  let table: { quotes: number; line: number; cells: number } | null = null;
  const endTable = (): void => {
    if (table === null) return;
    if (table.cells > m.tableMaxCells) {
      m.tableMaxCells = table.cells;
      m.tableLine = table.line;
    }
    table = null;
  };

  // Paragraph state for inline work.
  let tokens = 0;
  let blockStart = 0;
  let blockLine = 0;
  let blockWork = 0;
  let blockOpen = false;
  /** Tokens beyond INLINE_TOKENS a marker and one a line: a link's destination, a fence, a heading. */
  let extraTokens = 0;
  const stacks = new Map<number, Run[]>([[STAR, []], [UNDERSCORE, []], [TILDE, []]]);
  const workBy = new Map<string, number>();
  /** Per marker, the pairings and merges of the paragraph: how many, and the sum of their token counts. */
  const splices = new Map<string, { count: number; sum: number }>();
  const splicedBy = new Map<string, number>();
  const splice = (marker: string, at: number): void => {
    const known = splices.get(marker);
    if (known) {
      known.count++;
      known.sum += at;
    } else splices.set(marker, { count: 1, sum: at });
  };
  const ticks: number[] = []; // [offset, length] of each backtick run
  const angles: number[] = []; // [offset, where its scan stops] of each `<`
  const finders = { pipe: new Finder(source, '|'), comment: new Finder(source, '-->'), pi: new Finder(source, '?>'), cdata: new Finder(source, ']]>'), gt: new Finder(source, '>') };

  const addWork = (marker: string, work: number): void => {
    blockWork += work;
    workBy.set(marker, (workBy.get(marker) ?? 0) + work);
  };

  const closeBlock = (end: number): void => {
    if (!blockOpen) return;
    // A code-span run scans forward for a run of its own length, else to the paragraph's end.
    if (ticks.length > 0) {
      const next = new Map<number, number>();
      for (let k = ticks.length - 2; k >= 0; k -= 2) {
        const at = ticks[k]!;
        const length = ticks[k + 1]!;
        addWork('`', (next.get(length) ?? end) - at);
        next.set(length, at);
      }
      ticks.length = 0;
    }
    // A `<` scans forward for the end of its tag, comment or declaration, else to the paragraph's end.
    for (let k = 0; k < angles.length; k += 2) {
      const at = angles[k]!;
      const stop = angles[k + 1]!;
      addWork('<', SCAN_WEIGHT * ((stop === -1 || stop > end ? end : stop) - at));
    }
    angles.length = 0;
    for (const [marker, { count, sum }] of splices) {
      const work = SPLICE_WEIGHT * (count * tokens - sum);
      addWork(marker, work);
      splicedBy.set(marker, work);
    }
    splices.clear();
    m.inlineWork += blockWork;
    if (blockWork > m.inlineMaxWork) {
      m.inlineMaxWork = blockWork;
      m.inlineLine = blockLine;
      let best = '';
      let most = -1;
      for (const [marker, work] of workBy) {
        if (work > most) {
          most = work;
          best = marker;
        }
      }
      m.inlineMarker = MARKER_NAMES[best] ?? best;
      m.inlinePaired = (splicedBy.get(best) ?? 0) * 2 > most;
    }
    workBy.clear();
    splicedBy.clear();
    for (const stack of stacks.values()) stack.length = 0;
    blockWork = 0;
    blockOpen = false;
  };

  /** An emphasis or strikethrough run: paired with open runs as the parser pairs them, its walk counted. */
  const run = (marker: number, length: number, before: number, after: number): void => {
    tokens++;
    if (marker === TILDE && length > 2) {
      // Not a strikethrough sequence: plain text, merged with the text around it.
      splice('~', tokens - 1);
      return;
    }
    const b = classOf(before);
    const a = classOf(after);
    const left = a !== 0 && (a !== 1 || b !== 2);
    const right = b !== 0 && (b !== 1 || a !== 2);
    const canOpen = marker === UNDERSCORE ? left && (!right || b === 1) : left;
    const canClose = marker === UNDERSCORE ? right && (!left || a === 1) : right;
    const name = marker === STAR ? '*' : marker === UNDERSCORE ? '_' : '~';
    const stack = stacks.get(marker)!;
    let rest = length;
    if (canClose) {
      while (rest > 0) {
        const top = stack[stack.length - 1];
        if (!top || ((top.canClose || canOpen) && length % 3 !== 0 && (top.length + length) % 3 === 0)) {
          // Nothing to pair with (or an opener the rule of three skips): the parser walks back
          // to the paragraph's start.
          addWork(name, WALK_WEIGHT * (tokens - blockStart));
          break;
        }
        const used = Math.min(top.length, rest);
        // Each pairing takes one or two markers and resolves again what lies between.
        addWork(name, PAIR_WEIGHT * Math.ceil(used / 2) * (tokens - top.at + used));
        splice(name, top.at);
        top.length -= used;
        rest -= used;
        if (top.length === 0) stack.pop();
      }
    }
    if (canOpen && rest > 0) stack.push({ at: tokens, length: rest, canClose });
  };

  let i = 0;
  // A frontmatter block is data, not Markdown: the parser reads no inline syntax in it.
  const afterFrontmatter = frontmatterEnd(source);
  if (afterFrontmatter > 0) {
    line = source.slice(0, afterFrontmatter).match(/\r\n|\r|\n/g)?.length ?? 0;
    events += line;
    i = afterFrontmatter;
  }
  while (i < n || (i === n && line === 0)) {
    const start = i;
    LINE_BREAK.lastIndex = start;
    const end = LINE_BREAK.exec(source)?.index ?? n;
    i = end >= n ? n + 1 : source.charCodeAt(end) === CR && source.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    line++;
    const lineEnd = Math.min(i, n);

    // Fenced code: only its block quote markers are read; it ends at its closing fence or with
    // its container.
    if (fence !== null) {
      const prefix = readPrefix(source, start, end, fence.quotes);
      events += 1 + 3 * prefix.quotes;
      extraTokens += 1;
      const hasContent = prefix.content < end;
      const inside = prefix.quotes >= fence.quotes && !(hasContent && prefix.column < fence.minColumn);
      if (inside) {
        if (hasContent && prefix.lead <= 3 + fence.minColumn && closesFence(source, prefix.content, end, fence)) fence = null;
        prevBlank = false;
        prevParagraph = false;
        continue;
      }
      fence = null;
    }

    const prefix = readPrefix(source, start, end, -1);
    const { markers, quotes, lists, sig } = prefix;
    const hasContent = prefix.content < end;
    const blank = markers === 0 && !hasContent;
    events += 1 + 3 * markers;
    // A list item or block quote also costs the model its nodes: as much again.
    extraTokens += 3 * markers;

    // Nesting: each marker is a level, and a list nested by indentation takes two columns a level.
    if (markers > 0) {
      const depth = markers + Math.floor(prefix.firstIndent / 2);
      if (depth > limits.maxDepth && m.depthLine === 0) m.depthLine = line;
      if (depth > m.depth) {
        m.depth = depth;
        m.depthQuotes = quotes * 2 > markers;
      }
    }

    if (blank) {
      closeBlock(start);
      endTable();
      // A blank line ends block quotes (lists go on).
      if (inContainer && containerQuotes > 0) {
        structure(line, 1);
        inContainer = false;
        chainSig = -1;
      }
      prevBlank = true;
      prevParagraph = false;
      prevQuotes = 0;
      prevLineSig = 0;
      continue;
    }

    // A setext underline: `===` or `---` alone under paragraph text, in the same container.
    let underline = false;
    const inListItem = inContainer && containerQuotes === 0;
    if (prevParagraph && lists === 0 && quotes === prevQuotes && hasContent) {
      const indentOk = quotes > 0 ? prefix.lead <= 4 : inListItem ? prefix.column >= contentColumn && prefix.column <= contentColumn + 3 : prefix.column <= 3;
      const c = source.charCodeAt(prefix.content);
      if (indentOk && (c === EQUALS || c === DASH)) {
        let q = prefix.content;
        while (q < end && source.charCodeAt(q) === c) q++;
        while (q < end && (source.charCodeAt(q) === SPACE || source.charCodeAt(q) === TAB)) q++;
        underline = q === end;
      }
    } else if (prevParagraph && !inContainer && lists > 0 && markers === lists && !hasContent) {
      underline = true; // "text\n-": an underline (or an empty list item)
    }

    // Structure: a line where containers begin or end, or a lazy line that ends a block quote.
    let structural = 0; // how many times the line's events count
    if (markers > 0) {
      // A line goes on in the same containers only through block quote markers and at most a
      // last list marker (a sibling item); a list marker before other markers starts an item
      // whose nested containers are new, ending the previous line's.
      if (lists > 1 || (lists === 1 && !prefix.lastIsList)) structural = 2;
      else if (sig !== chainSig) structural = 1;
      inContainer = true;
      containerQuotes = quotes;
      chainSig = sig;
      contentColumn = lists > 0 ? prefix.markerEnd + (hasContent ? Math.min(Math.max(prefix.lead, 1), 4) : 1) : 0;
    } else if (inContainer && hasContent && !underline) {
      if (containerQuotes > 0) {
        structural = 1;
        inContainer = false;
        chainSig = -1;
      } else if (prefix.column < contentColumn && !(prevParagraph && lazyText(source.charCodeAt(prefix.content)))) {
        // (Plain text right under a paragraph continues it lazily: nothing ends.)
        structural = 1;
        chainSig = -1;
        if (prefix.column < 2) inContainer = false;
        else contentColumn = prefix.column;
      }
    }
    // A setext heading re-reads more of what came before it than a container's end does.
    if (underline) structure(line, SETEXT_WEIGHT);
    else if (structural > 0) structure(line, structural);

    // Indented code, at the top level after a blank line: no Markdown inside.
    if (indentedCode && (markers > 0 || prefix.column < 4)) indentedCode = false;
    if (!indentedCode && markers === 0 && !inContainer && prefix.column >= 4 && prevBlank) indentedCode = true;
    if (indentedCode) {
      closeBlock(start);
      endTable();
      extraTokens += 2;
      prevBlank = false;
      prevParagraph = false;
      prevQuotes = quotes;
      prevLineSig = sig;
      continue;
    }

    // A fence opens.
    const fenceLength = hasContent && prefix.lead <= 3 + (markers === 0 && inContainer ? contentColumn : 0) ? opensFence(source, prefix.content, end) : 0;
    if (fenceLength > 0) {
      closeBlock(start);
      endTable();
      extraTokens += 2;
      fence = {
        char: source.charCodeAt(prefix.content),
        length: fenceLength,
        quotes,
        minColumn: lists > 0 ? contentColumn : markers === 0 && inContainer && containerQuotes === 0 ? Math.min(contentColumn, prefix.column) : 0,
      };
      prevBlank = false;
      prevParagraph = false;
      prevQuotes = quotes;
      prevLineSig = sig;
      continue;
    }

    // Paragraph boundaries: a list item that may interrupt a paragraph, a deeper block quote,
    // an ATX heading (a paragraph of its own), a setext underline.
    const newItem = lists > 0 && hasContent && (!prefix.orderedNotOne || !prevParagraph || (prevLineSig === sig && sig !== 0));
    const deeperQuote = quotes > prevQuotes;
    const heading = hasContent && isAtxHeading(source, prefix.content, end);
    if (newItem || deeperQuote || heading || underline) closeBlock(start);
    if (heading || underline) extraTokens += 2;

    // Tables: the parser reads each cell's text on its own, so a row is a paragraph of its own
    // here (at most: its cells are smaller), and each cell costs its tokens. A line is taken
    // for a row only where the parser surely goes on with the table: the same block quotes,
    // no list marker, and text that cannot start a block of its own; anything else ends the
    // table here, and is read as paragraph text (which counts more work, never less).
    if (table !== null && !(hasContent && lists === 0 && quotes === table.quotes && prefix.lead <= 3 && !heading && !underline && tableRowText(source.charCodeAt(prefix.content)))) {
      closeBlock(start);
      endTable();
    }
    if (table === null && hasContent && finders.pipe.next(prefix.content) < end && finders.pipe.next(prefix.content) !== -1 && lists === 0 && prefix.lead <= 3 && !heading && !underline && !(inContainer && containerQuotes === 0) && (!prevParagraph || quotes >= prevQuotes)) {
      const cells = headerCells(source, prefix.content, end);
      if (cells > 0 && delimiterRowCells(source, lineEnd, quotes) === cells) {
        closeBlock(start);
        table = { quotes, line, cells: 0 };
      }
    }
    if (table !== null) {
      closeBlock(start);
      const cells = rowCells(source, prefix.content, end);
      table.cells += cells;
      m.tableCells += cells;
      if (m.tableCells > limits.maxTableCells && m.tableCellsLine === 0) m.tableCellsLine = line;
    }

    if (hasContent && !underline) {
      if (!blockOpen) {
        blockOpen = true;
        blockStart = tokens;
        blockLine = line;
      }
      let q = prefix.content;
      while (q < end) {
        // Only markers count: jump to the next one (or to the line's end).
        INLINE_MARKER.lastIndex = q;
        q = INLINE_MARKER.exec(source)?.index ?? n;
        if (q >= end) break;
        const c = source.charCodeAt(q);
        // What precedes a run decides whether it opens or closes; a line's start reads as whitespace.
        const before = q > prefix.content ? source.charCodeAt(q - 1) : -1;
        switch (c) {
          case STAR:
          case UNDERSCORE:
          case TILDE: {
            let r = q + 1;
            while (r < end && source.charCodeAt(r) === c) r++;
            run(c, r - q, before, r < end ? source.charCodeAt(r) : -1);
            q = r;
            continue;
          }
          case BACKTICK: {
            let r = q + 1;
            while (r < end && source.charCodeAt(r) === BACKTICK) r++;
            splice('`', tokens);
            tokens++;
            ticks.push(q, r - q);
            q = r;
            continue;
          }
          case LT: {
            splice('<', tokens);
            tokens++;
            const d = q + 1 < end ? source.charCodeAt(q + 1) : -1;
            let stop = q;
            if (d === BANG && source.startsWith('--', q + 2)) stop = finders.comment.next(q + 4);
            else if (d === QUESTION) stop = finders.pi.next(q + 2);
            else if (d === BANG && source.startsWith('[CDATA[', q + 2)) stop = finders.cdata.next(q + 9);
            else if (d === BANG || d === 47 || (d >= 65 && d <= 90) || (d >= 97 && d <= 122)) stop = finders.gt.next(q + 1);
            if (stop !== q) angles.push(q, stop);
            break;
          }
          case OPEN_BRACKET:
            tokens++;
            break;
          case CLOSE_BRACKET:
          case BANG:
          case AMP:
            splice(source[q]!, tokens);
            tokens++;
            // A link's resource, or a character reference's parts.
            extraTokens += c === CLOSE_BRACKET ? 4 : c === AMP ? 2 : 0;
            break;
          case BACKSLASH:
            if (q + 1 < end && !(source.charCodeAt(q + 1) < 128 && ASCII_PUNCTUATION[source.charCodeAt(q + 1)])) splice('\\', tokens);
            tokens++;
            if (q + 1 < end) {
              q += 2;
              continue;
            }
            break;
        }
        q++;
      }
      tokens++; // the line ending
    }

    prevBlank = false;
    prevParagraph = hasContent && !heading && !underline && table === null;
    prevQuotes = quotes;
    prevLineSig = sig;
    if (heading || underline || table !== null) closeBlock(lineEnd);
    if (m.tokensLine === 0 && tokensSoFar() > limits.maxTokens) m.tokensLine = line;
  }
  closeBlock(n);
  endTable();
  m.lines = line;
  m.tokens = tokensSoFar();
  return m;

  function tokensSoFar(): number {
    return events + INLINE_TOKENS * tokens + CELL_TOKENS * m.tableCells + extraTokens;
  }

  function structure(at: number, weight: number): void {
    m.structureEvents++;
    m.structureWork += events * weight;
    if (m.structureLine === 0 && m.structureWork > structureAllowed) m.structureLine = at;
  }
}
