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
// above what any real postmortem reaches (see GUARD_LIMITS and docs/hostile-input.md), and
// below them the parser's time stays within a bound per megabyte (test/hostile/).
//
// The guard's parts: limits.ts (what a file may hold), prefix.ts (a line's containers),
// blocks.ts (fences, headings, tables) and block-cost.ts (their cost, line by line),
// inline.ts (inline markers) and inline-cost.ts (their cost, paragraph by paragraph),
// measure.ts (the pass that runs both), frontmatter.ts. This module turns a measure into the
// one problem reported.
import { GUARD_LIMITS, type GuardLimits, type GuardProblem } from './limits.ts';
import { measureSource } from './measure.ts';

export { frontmatterEnd } from './frontmatter.ts';
export { GUARD_LIMITS, type GuardKind, type GuardLimits, type GuardMeasure, type GuardProblem } from './limits.ts';
export { measureSource } from './measure.ts';

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
    const what =
      m.tableMaxCells === m.tableCells
        ? `The table at line ${count(m.tableLine)} has ${count(m.tableCells)} cells`
        : `The tables of this file have ${count(m.tableCells)} cells (the largest, at line ${count(m.tableLine)}, ${count(m.tableMaxCells)})`;
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
