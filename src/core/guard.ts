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
//     or an HTML comment with no end scans forward to the paragraph's end.
// This scan measures each of them in one pass over the text, as an upper estimate of the work
// the parser will do, and reports the first limit passed. Past a limit the file is not parsed:
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
  /** A NUL character within this many characters of the start marks a binary file (as git decides). */
  binaryProbe: number;
}

/**
 * The limits, against the largest values of the 262 postmortems of the public corpus and
 * this repository (largest file 26 KB and 327 lines; deepest nesting 7; structure work
 * 27,775 and 2 per byte; inline work 4,467 and 0.7 per byte):
 * - 5 MB and 50,000 lines: 200 and 150 times the largest. The parser's slowest linear
 *   input (thousands of four-byte list items) takes it about 20 s per MB, so these two
 *   bound a file's parse to seconds, not minutes;
 * - 100 levels of nesting: 14 times the deepest. 200 levels of a list nested by indentation
 *   parse in 0.3 s; 500 in 17 s;
 * - structure and inline work: 10,000,000 plus 100 per byte. At the parser's cost of about
 *   30 ns per unit of work (measured for each shape in test/hostile/guard.test.ts), that is
 *   at most 0.3 s plus 3 s per MB on top of the linear parse. Real postmortems stay 360
 *   times below the base (and 50 times below the rate).
 */
export const GUARD_LIMITS: Readonly<GuardLimits> = Object.freeze({
  maxBytes: 5 * 1024 * 1024,
  maxLines: 50_000,
  maxDepth: 100,
  structureBase: 10_000_000,
  structurePerByte: 100,
  inlineBase: 10_000_000,
  inlinePerByte: 100,
  binaryProbe: 8000,
});

/** What stopped the parse (`internal`: an exception while reading the file, a bug). */
export type GuardKind = 'empty' | 'binary' | 'size' | 'lines' | 'depth' | 'structure' | 'inline' | 'internal';

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
  if (m.inlineWork > limits.inlineBase + limits.inlinePerByte * m.bytes) {
    return {
      kind: 'inline',
      line: m.inlineLine,
      column: 1,
      message: `The paragraph at line ${count(m.inlineLine)} holds more unmatched ${m.inlineMarker} markers than Hindsight reads: put pasted logs and data in a fenced code block (\`\`\`), or escape the markers with "\\".`,
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

  // Paragraph state for inline work.
  let tokens = 0;
  let blockStart = 0;
  let blockLine = 0;
  let blockWork = 0;
  let blockOpen = false;
  const stacks = new Map<number, Run[]>([[STAR, []], [UNDERSCORE, []], [TILDE, []]]);
  const workBy = new Map<string, number>();
  const ticks: number[] = []; // [offset, length] of each backtick run
  const angles: number[] = []; // [offset, where its scan stops] of each `<`
  const finders = { comment: new Finder(source, '-->'), pi: new Finder(source, '?>'), cdata: new Finder(source, ']]>'), gt: new Finder(source, '>') };

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
      m.inlineMarker = best === '`' ? 'backtick (`)' : best === '<' ? 'HTML (<)' : `emphasis (${best})`;
    }
    workBy.clear();
    for (const stack of stacks.values()) stack.length = 0;
    blockWork = 0;
    blockOpen = false;
  };

  /** An emphasis or strikethrough run: paired with open runs as the parser pairs them, its walk counted. */
  const run = (marker: number, length: number, before: number, after: number): void => {
    tokens++;
    if (marker === TILDE && length > 2) return; // not a strikethrough sequence
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
        top.length -= used;
        rest -= used;
        if (top.length === 0) stack.pop();
      }
    }
    if (canOpen && rest > 0) stack.push({ at: tokens, length: rest, canClose });
  };

  let i = 0;
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
            tokens++;
            ticks.push(q, r - q);
            q = r;
            continue;
          }
          case LT: {
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
          case CLOSE_BRACKET:
          case BANG:
          case AMP:
            tokens++;
            break;
          case BACKSLASH:
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
    prevParagraph = hasContent && !heading && !underline;
    prevQuotes = quotes;
    prevLineSig = sig;
    if (heading || underline) closeBlock(lineEnd);
  }
  closeBlock(n);
  m.lines = line;
  return m;

  function structure(at: number, weight: number): void {
    m.structureEvents++;
    m.structureWork += events * weight;
    if (m.structureLine === 0 && m.structureWork > structureAllowed) m.structureLine = at;
  }
}
